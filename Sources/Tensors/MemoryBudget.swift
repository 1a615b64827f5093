#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A cap on the memory one notebook may hold (`--max-memory`): every tensor storage allocated
/// while the budget is current on the thread is charged to it and refunded when freed, so an
/// allocation past the cap is a `MemoryError` naming the bytes asked for instead of the
/// kernel's OOM killer. Containers that are not tensors (lists, strings) ask `check(bytes:)`
/// before building something large.
///
///     let budget = MemoryBudget(limit: 2 << 30)
///     budget.makeCurrent()            // on the thread that runs the notebook's cells
///     try Tensor.zeros([1 << 30])     // MemoryError: ... you tried to allocate 4294967296 bytes
public final class MemoryBudget: Sendable {
    /// The most bytes of tensor storage the owner may hold at once.
    public let limit: Int
    private let used = Atomic<Int>(0)
    /// Bytes charged to every budget of the process.
    private static let charged = Atomic<Int>(0)

    /// Tensor storage held by every budget of the process (so the resident-memory backstop
    /// can tell tracked memory from the rest).
    public static var chargedBytes: Int { charged.load(ordering: .relaxed) }

    public init(limit: Int) { self.limit = limit }

    /// Bytes of tensor storage held now.
    public var usedBytes: Int { used.load(ordering: .relaxed) }

    /// Charges `bytes`, or throws MemoryError (nothing charged) when they do not fit.
    func reserve(_ bytes: Int) throws {
        let after = used.wrappingAdd(bytes, ordering: .relaxed).newValue
        if after > limit || after < 0 {
            used.wrappingSubtract(bytes, ordering: .relaxed)
            throw TensorError(.memoryError, MemoryBudget.message(bytes: bytes, limit: limit))
        }
        MemoryBudget.charged.wrappingAdd(bytes, ordering: .relaxed)
    }

    func release(_ bytes: Int) {
        used.wrappingSubtract(bytes, ordering: .relaxed)
        MemoryBudget.charged.wrappingSubtract(bytes, ordering: .relaxed)
    }

    /// Throws MemoryError when `bytes` more would not fit (for memory the budget does not track).
    public func check(bytes: Int) throws {
        if bytes < 0 || bytes > limit - usedBytes {
            throw TensorError(.memoryError, MemoryBudget.message(bytes: bytes, limit: limit))
        }
    }

    static func message(bytes: Int, limit: Int) -> String {
        let amount = bytes < 0 ? "more than \(Int.max) bytes" : "\(bytes) bytes"
        return "can't allocate memory: you tried to allocate \(amount), past the notebook's memory limit of \(limit) bytes (--max-memory)"
    }

    // MARK: The budget of the running thread

    /// Makes this budget the one charged by allocations on the calling thread.
    public func makeCurrent() {
        pthread_setspecific(MemoryBudget.key, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Leaves the calling thread without a budget (allocations are then only size-checked).
    public static func clearCurrent() { pthread_setspecific(key, nil) }

    /// The budget of the calling thread, if any. The owner keeps it alive while it is current.
    public static var current: MemoryBudget? {
        guard let p = pthread_getspecific(key) else { return nil }
        return Unmanaged<MemoryBudget>.fromOpaque(p).takeUnretainedValue()
    }

    /// Throws MemoryError when the calling thread's budget cannot take `bytes` more.
    public static func checkCurrent(bytes: Int) throws {
        try current?.check(bytes: bytes)
    }

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    // MARK: Defaults

    /// Physical memory of the machine, in bytes.
    public static var physicalMemory: Int {
        Int(sysconf(Int32(_SC_PHYS_PAGES))) &* Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The default cap for one of `jobs` notebooks running at once: three quarters of the
    /// machine's memory shared between them, so together they stay clear of the OOM killer.
    public static func defaultLimit(jobs: Int) -> Int {
        physicalMemory / 4 * 3 / Swift.max(1, jobs)
    }

    /// Freed tensor buffers kept for reuse (resident, charged to no budget).
    public static var cachedBufferBytes: Int { LargeBufferCache.shared.held + SmallBufferCache.shared.held }

    /// Private resident memory of this process in bytes (0 when unknown): resident pages less
    /// those backed by files (mapped code, a memory-mapped `get_data` cache), which the kernel
    /// can drop. The backstop for memory no budget tracks (a list grown one append at a time).
    public static func residentBytes() -> Int {
        #if os(Linux)
        let fd = open("/proc/self/statm", O_RDONLY)
        if fd < 0 { return 0 }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 128)
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, 127) }
        if n <= 0 { return 0 }
        let fields = buf[0..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 2, let pages = Int(String(decoding: fields[1], as: UTF8.self)),
              let shared = Int(String(decoding: fields[2], as: UTF8.self)) else { return 0 }
        return Swift.max(0, pages &- shared) &* Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return 0
        #endif
    }
}
