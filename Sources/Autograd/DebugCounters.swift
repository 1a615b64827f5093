#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts of live autograd graph objects, for checking that graphs are freed (a training loop
/// must not grow memory).
///
/// Counts are kept per creating thread, so notebooks (or tests) running in parallel do not see
/// each other's graphs: a node is counted by the thread that recorded it until it is freed.
///
///     let before = DebugCounters.current.liveNodes
///     // ... 1,000 training steps ...
///     DebugCounters.current.liveNodes - before   // the last step's graph at most
public enum DebugCounters {
    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        let rc = pthread_key_create(&k) { p in
            #if canImport(Darwin)
            Unmanaged<GraphCounter>.fromOpaque(p).release()
            #else
            if let p { Unmanaged<GraphCounter>.fromOpaque(p).release() }
            #endif
        }
        precondition(rc == 0, "pthread_key_create failed")
        return k
    }()

    /// This thread's counter.
    public static var current: GraphCounter {
        if let p = pthread_getspecific(key) { return Unmanaged<GraphCounter>.fromOpaque(p).takeUnretainedValue() }
        let c = GraphCounter()
        pthread_setspecific(key, Unmanaged.passRetained(c).toOpaque())
        return c
    }
}

/// Live graph objects recorded by one thread.
public final class GraphCounter: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var live = 0
    private var saved = 0

    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func add(live dl: Int = 0, saved ds: Int = 0) {
        pthread_mutex_lock(mutex)
        live += dl
        saved += ds
        pthread_mutex_unlock(mutex)
    }

    /// Graph nodes alive.
    public var liveNodes: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return live
    }

    /// Graph nodes alive that still hold saved tensors (no non-retaining backward ran through
    /// them yet).
    public var nodesHoldingSavedTensors: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return saved
    }
}
