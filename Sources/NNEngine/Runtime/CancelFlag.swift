import Foundation

/// A request, from another thread, that the running cell stop: `nnbook watch` sets it when the
/// notebook is saved again during a run. The runtime polls it where it polls the deadline
/// (`Runtime.checkClock`), so a cancelled cell ends like a timed-out one: a `TimeoutError` that
/// `except` cannot swallow.
public final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false

    /// A flag that is not set.
    public init() {}

    /// Asks the running cell (and every later one checking this flag) to stop.
    public func cancel() { lock.lock(); set = true; lock.unlock() }

    /// True once `cancel()` was called.
    public var isCancelled: Bool { lock.lock(); defer { lock.unlock() }; return set }
}
