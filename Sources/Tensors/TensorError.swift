/// A user-facing tensor error. `kind` names the Python exception PyTorch raises for the same
/// mistake; `message` is worded like PyTorch's so lesson outputs match.
public struct TensorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Python exception class this error surfaces as in nn.
    public enum Kind: String, Sendable {
        case runtimeError = "RuntimeError"
        case indexError = "IndexError"
        case typeError = "TypeError"
        case valueError = "ValueError"
        case memoryError = "MemoryError"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func runtime(_ message: String) -> TensorError { TensorError(.runtimeError, message) }
    public static func index(_ message: String) -> TensorError { TensorError(.indexError, message) }
    public static func type(_ message: String) -> TensorError { TensorError(.typeError, message) }
    public static func value(_ message: String) -> TensorError { TensorError(.valueError, message) }

    public var description: String { "\(kind.rawValue): \(message)" }
}
