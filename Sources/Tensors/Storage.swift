#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One flat, 64-byte aligned buffer of elements of one dtype, shared by every view of it.
///
/// Storage never moves or grows; views differ only in shape, strides and offset.
public final class Storage: @unchecked Sendable {
    /// The element type of every element.
    public let dtype: DType
    /// Number of elements (not bytes).
    public let count: Int
    /// The first byte of the buffer (valid for the storage's lifetime).
    public let raw: UnsafeMutableRawPointer

    /// Largest single allocation we attempt; beyond it a clear error beats the OOM killer.
    public static let maxBytes = 16 << 30

    /// Allocates `count` zeroed elements, or throws PyTorch's out-of-memory wording.
    public convenience init(dtype: DType, count: Int) throws {
        try self.init(uninitialized: dtype, count: count)
        memset(raw, 0, max(count * dtype.itemSize, 1))
    }

    /// Bytes actually reserved (large buffers are rounded up to whole 2 MB).
    let allocatedBytes: Int
    /// Set for storage that maps a file (``init(mapping:dtype:count:offset:)``): the mapping's
    /// length, unmapped on deinit instead of freed.
    private let mappedBytes: Int?
    /// The notebook budget charged for this buffer (refunded on free), if any.
    let budget: MemoryBudget?

    /// Allocates `count` elements without zeroing them: for kernels that write every element
    /// (skipping the memset saves a full pass over memory on large outputs).
    public init(uninitialized dtype: DType, count: Int) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        guard count >= 0, !overflow, bytes <= Storage.maxBytes else {
            throw TensorError(.memoryError, Storage.oomMessage(count: count, dtype: dtype))
        }
        // A cell past its deadline allocates nothing more (see `Cancellation`).
        try Cancellation.check()
        let size = Storage.roundedSize(bytes)
        let budget = MemoryBudget.current
        try budget?.reserve(size)
        self.budget = budget
        self.dtype = dtype
        self.count = count
        self.allocatedBytes = size
        self.mappedBytes = nil
        if let c = SmallBufferCache.sizeClass(size), let cached = SmallBufferCache.shared.take(c) {
            self.raw = cached
        } else if let cached = LargeBufferCache.shared.take(bytes: size) {
            self.raw = cached
        } else {
            do {
                // Small buffers are their size class's bytes, so any can be kept for reuse.
                let reserved = SmallBufferCache.sizeClass(size).map(SmallBufferCache.classBytes) ?? size
                self.raw = try Storage.allocate(size: reserved, count: count, dtype: dtype)
            } catch {
                budget?.release(size)
                throw error
            }
        }
    }

    /// Large blocks (>= 4 MB) round up to whole 2 MB pages, so near sizes share cache entries
    /// (``LargeBufferCache``); small ones to 64 bytes.
    static func roundedSize(_ bytes: Int) -> Int {
        bytes >= 4 << 20 ? (bytes + (2 << 20) - 1) & ~((2 << 20) - 1) : max(bytes, 64)
    }

    /// 64-byte aligned memory; large blocks 2 MB aligned (where the system gives huge pages to
    /// every aligned block, `transparent_hugepage=always`, they get them).
    ///
    /// No `MADV_HUGEPAGE` (numpy asks for it; PyTorch does not): on the VM the lessons are
    /// measured on, a huge page the hypervisor has taken back (free page reporting) costs
    /// 2.9-3.2 s per GB to fault in, against 0.07 s when it is still backed and 0.36-0.58 s for
    /// 4 KB pages either way; 03_backward took 1.7-2.3 s with it after a pause (0.4-1.7 s back
    /// to back) and 0.7 s without, every time. The price is the back-to-back case: 04_refactor
    /// run right after another run went from 0.56-0.63 s to 0.75-0.85 s (after a pause: from
    /// 0.54-1.76 s to 0.84-0.98 s). Reuse (``LargeBufferCache``) is what saves faults.
    /// `MADV_POPULATE_WRITE` (one call instead of a trap per page) was no faster.
    static func allocate(size: Int, count: Int, dtype: DType) throws -> UnsafeMutableRawPointer {
        var p: UnsafeMutableRawPointer? = nil
        guard posix_memalign(&p, size >= 4 << 20 ? 2 << 20 : 64, size) == 0, let base = p else {
            throw TensorError(.memoryError, Storage.oomMessage(count: count, dtype: dtype))
        }
        return base
    }

    /// `count` elements read from the open file `fd` at byte `offset` (a multiple of the page
    /// size), mapped copy-on-write: the elements can be written like any storage's, and the
    /// writes stay in this process, never reaching the file. Nil when the file cannot be mapped.
    public init?(mapping fd: Int32, dtype: DType, count: Int, offset: Int) {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        guard count > 0, !overflow, offset >= 0 else { return nil }
        let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, off_t(offset))
        guard let base = p, base != MAP_FAILED else { return nil }
        self.dtype = dtype
        self.count = count
        self.raw = base
        self.allocatedBytes = bytes
        self.mappedBytes = bytes
        budget = nil  // a mapped file is not charged to the notebook
    }

    deinit {
        budget?.release(allocatedBytes)
        if let bytes = mappedBytes {
            munmap(raw, bytes)
        } else if let c = SmallBufferCache.sizeClass(allocatedBytes) {
            if !SmallBufferCache.shared.keep(raw, c) { free(raw) }
        } else if !LargeBufferCache.shared.keep(raw, bytes: allocatedBytes) {
            free(raw)
        }
    }

    static func oomMessage(count: Int, dtype: DType) -> String {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        let amount = overflow ? "more than \(Int.max) bytes" : "\(bytes) bytes"
        return "[enforce fail at alloc_cpu.cpp] . DefaultCPUAllocator: can't allocate memory: you tried to allocate \(amount)."
    }

    /// The buffer as float32 elements (only meaningful when `dtype` is float32).
    @inlinable public var floats: UnsafeMutablePointer<Float> { raw.assumingMemoryBound(to: Float.self) }
    /// The buffer as float64 elements (only meaningful when `dtype` is float64).
    @inlinable public var doubles: UnsafeMutablePointer<Double> { raw.assumingMemoryBound(to: Double.self) }
    /// The buffer as int64 elements (only meaningful when `dtype` is int64).
    @inlinable public var ints: UnsafeMutablePointer<Int64> { raw.assumingMemoryBound(to: Int64.self) }
    /// The buffer as bool elements (only meaningful when `dtype` is bool).
    @inlinable public var bools: UnsafeMutablePointer<Bool> { raw.assumingMemoryBound(to: Bool.self) }
}
