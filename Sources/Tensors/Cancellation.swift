#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The deadline of the running cell, seen by long native operations (`--timeout`).
///
/// The interpreter checks its deadline between instructions; a single GEMM, reduction, copy
/// or einsum over billions of elements would still run on for minutes. Such kernels poll
/// `Cancellation.shouldStop()` between blocks of work (never in their inner loops): once the
/// deadline has passed it latches, the kernel returns early with a partial result, and the
/// operation that ran it throws `TimeoutError` (`Cancellation.check()`) before anyone can see
/// that result; so does every later allocation, until the interpreter resets the token for
/// the next cell.
///
///     let token = Cancellation()
///     token.makeCurrent()                    // on the thread running the cell
///     token.arm(deadline: now + 2_000_000_000)
///     try a.matmul(b)                        // TimeoutError once the deadline passes
public final class Cancellation: Sendable {
    private let deadline = Atomic<UInt64>(.max)
    private let stopped = Atomic<Bool>(false)

    public init() {}

    /// Sets the deadline (monotonic nanoseconds, `DispatchTime.uptimeNanoseconds`; nil: none)
    /// and clears a previous stop.
    public func arm(deadline: UInt64?) {
        self.deadline.store(deadline ?? .max, ordering: .relaxed)
        stopped.store(false, ordering: .relaxed)
    }

    /// Stops now (Ctrl-C, or the interpreter's own clock check saw the deadline).
    public func cancel() { stopped.store(true, ordering: .relaxed) }

    /// Whether the work should stop: latched once the deadline has passed (or on Ctrl-C).
    public var isCancelled: Bool {
        if stopped.load(ordering: .relaxed) { return true }
        if Cancellation.interrupted.load(ordering: .relaxed) {
            stopped.store(true, ordering: .relaxed)
            return true
        }
        let d = deadline.load(ordering: .relaxed)
        if d == .max { return false }
        if Cancellation.now() > d {
            stopped.store(true, ordering: .relaxed)
            return true
        }
        return false
    }

    /// Monotonic nanoseconds (the clock `DispatchTime` uses).
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    // MARK: The token of the running thread

    /// Makes this token the one polled by kernels on the calling thread.
    public func makeCurrent() { pthread_setspecific(Cancellation.key, Unmanaged.passUnretained(self).toOpaque()) }

    /// Leaves the calling thread without a token.
    public static func clearCurrent() { pthread_setspecific(key, nil) }

    /// The token of the calling thread, if any (its owner keeps it alive while current).
    public static var current: Cancellation? {
        guard let p = pthread_getspecific(key) else { return nil }
        return Unmanaged<Cancellation>.fromOpaque(p).takeUnretainedValue()
    }

    /// For kernels, between blocks: true when the running cell's deadline has passed.
    @inline(__always) public static func shouldStop() -> Bool { current?.isCancelled ?? false }

    /// Throws TimeoutError when the running cell's deadline has passed (KeyboardInterrupt
    /// after Ctrl-C).
    @inline(__always) public static func check() throws {
        if let t = current, t.isCancelled { throw stopError }
    }

    /// The error a stopped kernel throws: KeyboardInterrupt after `interruptAll()`, else
    /// TimeoutError.
    public static var stopError: TensorError {
        isInterrupted ? TensorError(.keyboardInterrupt, "") : TensorError(.timeoutError, "cell exceeded the time limit")
    }

    // MARK: Ctrl-C

    private static let interrupted = Atomic<Bool>(false)

    /// Stops every running cell of the process, as Ctrl-C does: each token reports itself
    /// cancelled from now on (the process is about to end its run).
    public static func interruptAll() { interrupted.store(true, ordering: .relaxed) }

    /// True once `interruptAll()` was called.
    public static var isInterrupted: Bool { interrupted.load(ordering: .relaxed) }

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()
}
