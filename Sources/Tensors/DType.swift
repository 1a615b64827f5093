/// The element types a tensor can hold, named as PyTorch prints them (`float32`, `float64`,
/// `int64`, `bool`).
public enum DType: Sendable, Hashable, CustomStringConvertible {
    case float32
    case float64
    case int64
    case bool

    /// Bytes per element in storage. Bools take one byte, as in PyTorch.
    public var itemSize: Int {
        switch self {
        case .float32: 4
        case .float64: 8
        case .int64: 8
        case .bool: 1
        }
    }

    /// True for float32 and float64.
    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }

    /// PyTorch's name without the `torch.` prefix.
    /// `float32`, `float64`, `int64` or `bool`.
    public var description: String {
        switch self {
        case .float32: "float32"
        case .float64: "float64"
        case .int64: "int64"
        case .bool: "bool"
        }
    }

    /// The result type of a binary arithmetic op between two tensors of the same kind (both
    /// with dims, or both 0-d): PyTorch's promotion lattice restricted to our four dtypes,
    /// bool < int64 < float32 < float64.
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == .float64 || b == .float64 { return .float64 }
        if a == .float32 || b == .float32 { return .float32 }
        if a == .int64 || b == .int64 { return .int64 }
        return .bool
    }

    /// PyTorch's `result_type` of two operands, where a 0-d operand (a Python number or a 0-d
    /// tensor) only decides the type when it is of a higher category than the other: an
    /// int64 tensor times 2.5 is float32, a float32 tensor plus a 0-d float64 tensor stays
    /// float32, an int64 tensor plus a 0-d float64 tensor is float64.
    public static func result(_ a: DType, zeroDim aZero: Bool, _ b: DType, zeroDim bZero: Bool) -> DType {
        if aZero == bZero { return promote(a, b) }
        let (dim, zero) = aZero ? (b, a) : (a, b)
        // combine_categories(dim result, zero-dim result)
        if dim.isFloatingPoint { return dim }
        if dim == .bool || zero.isFloatingPoint { return promote(dim, zero) }
        return dim
    }
}
