/// The element types a tensor can hold, named as PyTorch prints them (`float32`, `int64`, `bool`).
public enum DType: Sendable, Hashable, CustomStringConvertible {
    case float32
    case int64
    case bool

    /// Bytes per element in storage. Bools take one byte, as in PyTorch.
    public var itemSize: Int {
        switch self {
        case .float32: 4
        case .int64: 8
        case .bool: 1
        }
    }

    /// True for float32, the only floating-point dtype.
    public var isFloatingPoint: Bool { self == .float32 }

    /// PyTorch's name without the `torch.` prefix.
    /// `float32`, `int64` or `bool`.
    public var description: String {
        switch self {
        case .float32: "float32"
        case .int64: "int64"
        case .bool: "bool"
        }
    }

    /// The result type of a binary arithmetic op between two tensors (PyTorch's promotion
    /// lattice restricted to our three dtypes: bool < int64 < float32).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == .float32 || b == .float32 { return .float32 }
        if a == .int64 || b == .int64 { return .int64 }
        return .bool
    }
}
