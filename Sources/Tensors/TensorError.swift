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
        /// PyTorch's NotImplementedError (a RuntimeError subclass in Python), e.g. `mean()` of
        /// an int tensor or `-` on bools.
        case notImplementedError = "NotImplementedError"
        /// The running cell's deadline passed inside a long operation (`Cancellation`).
        case timeoutError = "TimeoutError"
        /// The run was interrupted (Ctrl-C) inside a long operation (`Cancellation`).
        case keyboardInterrupt = "KeyboardInterrupt"
    }

    /// Which Python exception this is.
    public var kind: Kind
    /// The message, worded like PyTorch's.
    public var message: String

    /// An error of `kind` with `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A RuntimeError.
    public static func runtime(_ message: String) -> TensorError { TensorError(.runtimeError, message) }
    /// An IndexError.
    public static func index(_ message: String) -> TensorError { TensorError(.indexError, message) }
    /// A TypeError.
    public static func type(_ message: String) -> TensorError { TensorError(.typeError, message) }
    /// A ValueError.
    public static func value(_ message: String) -> TensorError { TensorError(.valueError, message) }
    /// A NotImplementedError worded like PyTorch's.
    public static func notImplemented(_ message: String) -> TensorError { TensorError(.notImplementedError, message) }

    /// `Kind: message`, as Python prints an exception.
    public var description: String { "\(kind.rawValue): \(message)" }
}
