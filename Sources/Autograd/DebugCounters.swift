#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide counts of autograd graph objects, for tests that check the graph is freed
/// (a training loop must not grow memory).
public enum DebugCounters {
    /// Graph nodes currently alive.
    public static let liveNodes = Counter()
    /// Graph nodes alive that still hold saved tensors (backward has not released them).
    public static let savedNodes = Counter()

    /// A thread-safe integer.
    public final class Counter: @unchecked Sendable {
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>
        private var count = 0

        init() {
            mutex = .allocate(capacity: 1)
            pthread_mutex_init(mutex, nil)
        }

        func add(_ delta: Int) {
            pthread_mutex_lock(mutex)
            count += delta
            pthread_mutex_unlock(mutex)
        }

        /// The current value.
        public var value: Int {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return count
        }
    }
}
