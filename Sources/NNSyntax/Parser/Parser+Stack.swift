#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Recursive descent uses the stack in proportion to nesting: measured at about 24 KB per
/// level of brackets in debug builds (5 KB in release). Secondary threads may have as little
/// as 512 KB, so a cell with deep nesting is parsed on its own thread with a large stack
/// (reserved, not committed: untouched pages cost nothing; creating it costs ~0.1 ms, which is
/// why shallow cells skip it: at most 6 nested brackets, 32 recursion-prone tokens on a line
/// and 12 indentation levels, about 350 KB of stack in the worst case in debug builds). The nesting limits (200 brackets, `maxRecursion`) then hold on
/// any calling thread. If the thread cannot be created, parsing runs on the caller's stack.
enum LargeStack {
    static let size = 16 << 20

    private final class Job {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// Runs `work` to completion on a fresh thread with a `size`-byte stack; false if no thread
    /// could be created (then `work` has not run).
    static func run(_ work: @escaping () -> Void) -> Bool {
        let job = Unmanaged.passRetained(Job(work))
        var attr = pthread_attr_t()
        guard pthread_attr_init(&attr) == 0 else {
            job.release()
            return false
        }
        defer { pthread_attr_destroy(&attr) }
        _ = pthread_attr_setstacksize(&attr, size)
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let rc = pthread_create(&thread, &attr, { context in
            #if canImport(Darwin)
            let job = Unmanaged<Job>.fromOpaque(context).takeRetainedValue()
            #else
            guard let context else { return nil }
            let job = Unmanaged<Job>.fromOpaque(context).takeRetainedValue()
            #endif
            job.work()
            return nil
        }, job.toOpaque())
        guard rc == 0 else {
            job.release()
            return false
        }
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
        return true
    }
}
