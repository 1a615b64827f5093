#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a few recently freed large buffers for reuse by the next allocation of the same size.
///
/// A fresh 40 MB buffer costs the kernel ~10k page faults and zeroing 40 MB, several times the
/// elementwise kernel that fills it; loops like `for ...: y = x * w` allocate the same
/// sizes over and over. Only buffers of 1 MB and more are kept, at most 8 of them and 256 MB
/// to 1 GB in all (a sixteenth of RAM), so the memory held back stays bounded; the upper end
/// lets `y = (x - m) / s` on a 157 MB MNIST-sized tensor keep both of its outputs (the
/// temporary and the `y` it replaces) instead of faulting in a fresh one every time.
final class LargeBufferCache: @unchecked Sendable {
    static let shared = LargeBufferCache()

    /// Heap-allocated so the mutex never moves (a stored struct's address is not stable).
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var entries: [(pointer: UnsafeMutableRawPointer, bytes: Int)] = []
    private var heldBytes = 0
    private let minBytes = 1 << 20
    private let maxEntries = 8
    private let maxHeldBytes: Int = {
        let ram = Int(sysconf(Int32(_SC_PHYS_PAGES))) &* Int(sysconf(Int32(_SC_PAGESIZE)))
        return Swift.min(Swift.max(ram / 16, 256 << 20), 1 << 30)
    }()

    private init() {
        lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
    }

    /// The bytes the cache holds now (resident, and charged to no notebook's budget).
    var held: Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return heldBytes
    }

    /// A cached buffer of exactly `bytes`, or nil.
    func take(bytes: Int) -> UnsafeMutableRawPointer? {
        guard bytes >= minBytes else { return nil }
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        guard let i = entries.lastIndex(where: { $0.bytes == bytes }) else { return nil }
        heldBytes -= bytes
        return entries.remove(at: i).pointer
    }

    /// Takes ownership of a freed buffer when there is room; false means the caller frees it.
    func keep(_ pointer: UnsafeMutableRawPointer, bytes: Int) -> Bool {
        guard bytes >= minBytes, bytes <= maxHeldBytes else { return false }
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        // Make room by dropping the oldest entries.
        while !entries.isEmpty && (entries.count >= maxEntries || heldBytes + bytes > maxHeldBytes) {
            let old = entries.removeFirst()
            heldBytes -= old.bytes
            free(old.pointer)
        }
        entries.append((pointer, bytes))
        heldBytes += bytes
        return true
    }
}

/// Keeps freed small buffers (up to 64 KB) for the next allocation of their size class.
///
/// A small tensor op allocates its result, and the one before freed its own: through glibc
/// each such buffer (past tcache's 1 KB) takes `posix_memalign`'s slow path, which first merges
/// the fast bins that the interpreter's small objects keep filling - about a tenth of a
/// 64x50 @ (10x50).T product (1.5 us) went to that. Here a buffer is rounded up to a power of
/// two from 64 bytes (11 classes), and up to 16 of each class wait for reuse: 11 MB at most.
final class SmallBufferCache: @unchecked Sendable {
    static let shared = SmallBufferCache()
    static let maxBytes = 1 << 16
    private static let classes = 11
    private static let perClass = 16

    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private let slots: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    private let counts: UnsafeMutablePointer<Int>
    private var heldBytes = 0

    /// The bytes the cache holds now (resident, and charged to no notebook's budget).
    var held: Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return heldBytes
    }

    private init() {
        lock = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        slots = .allocate(capacity: Self.classes * Self.perClass)
        slots.initialize(repeating: nil, count: Self.classes * Self.perClass)
        counts = .allocate(capacity: Self.classes)
        counts.initialize(repeating: 0, count: Self.classes)
    }

    /// The size class of a buffer of `bytes` (0 for 64 bytes and less), or nil past 64 KB.
    static func sizeClass(_ bytes: Int) -> Int? {
        guard bytes <= maxBytes else { return nil }
        return Int.bitWidth - (Swift.max(bytes, 64) - 1).leadingZeroBitCount - 6
    }

    /// The bytes every buffer of class `c` has.
    static func classBytes(_ c: Int) -> Int { 64 << c }

    /// A kept buffer of class `c`, or nil.
    func take(_ c: Int) -> UnsafeMutableRawPointer? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        guard counts[c] > 0 else { return nil }
        counts[c] -= 1
        heldBytes -= Self.classBytes(c)
        return slots[c * Self.perClass + counts[c]]
    }

    /// Takes a freed buffer of class `c` when its class has room; false means the caller frees it.
    func keep(_ pointer: UnsafeMutableRawPointer, _ c: Int) -> Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        guard counts[c] < Self.perClass else { return false }
        slots[c * Self.perClass + counts[c]] = pointer
        counts[c] += 1
        heldBytes += Self.classBytes(c)
        return true
    }
}
