import CBLAS
import CGemm

// Which kernel multiplies: OpenBLAS's thread count and core type, and the policy (thresholds in
// multiply-adds, measured on this project's machines) that sends a float32 product to our small,
// medium or AVX-512 kernel (Sources/CGemm) or to OpenBLAS. The products themselves are in
// Tensor+Matmul.swift.

/// The BLAS library under `matmul`, for benchmarks and diagnostics.
public enum BLAS {
    /// The kernel family OpenBLAS picked (`Haswell`, `SkylakeX`, ...), which `OPENBLAS_CORETYPE`
    /// can force.
    public static var coreName: String {
        guard let p = openblas_get_corename() else { return "unknown" }
        return String(cString: p)
    }

    /// OpenBLAS's build configuration line (version, threading).
    public static var configuration: String {
        guard let p = openblas_get_config() else { return "unknown" }
        return String(cString: p)
    }

    /// The number of threads float32 products use (`OPENBLAS_NUM_THREADS`, else one per core).
    /// With our kernel (`hasOwnKernel`), that is its thread count, and OpenBLAS itself runs on
    /// one thread: it then only gets small and matrix-vector products, and its idle threads
    /// (which poll for work for a while after each call) would compete with ours for the cores.
    public static var threads: Int {
        hasOwnKernel ? Int(nnb_sgemm_threads()) : Int(openblas_get_num_threads())
    }

    /// Sets the thread count of float32 products for the rest of the process (at least 1).
    public static func setThreads(_ n: Int) {
        if hasOwnKernel {
            nnb_sgemm_set_threads(Int32(clamping: max(1, n)))
        } else {
            openblas_set_num_threads(Int32(clamping: max(1, n)))
        }
    }

    /// Which code multiplies float32 matrices.
    public enum Kernel: Sendable {
        /// Our kernel for products big enough to gain from it on a CPU with AVX-512, BLAS else.
        case automatic
        /// Our kernel for every float32 product (vectors and small matrices included) when the
        /// CPU has AVX-512, on `threads` threads; on CPUs with AVX2 only, our small kernel where
        /// `automatic` takes it and our medium kernel for every other matrix product of depth
        /// up to 4096, whatever its size; BLAS else. For tests.
        case own
        /// OpenBLAS only.
        case blas
    }

    /// The float32 product kernel policy of the current task (`automatic` unless set with
    /// `BLAS.$kernel.withValue(.own) { ... }`), for tests and comparisons.
    @TaskLocal public static var kernel: Kernel = .automatic

    /// True when this CPU can run our AVX-512 kernel (which `automatic` then uses for big
    /// products). Deciding it hands OpenBLAS's thread count to our kernel (see `threads`).
    public static let hasOwnKernel: Bool = {
        guard nnb_sgemm_supported() != 0 else { return false }
        nnb_sgemm_set_threads(openblas_get_num_threads())
        openblas_set_num_threads(1)
        return true
    }()

    /// Products with fewer multiply-adds (m * n * k) than this stay with BLAS: there its lower
    /// fixed cost wins (the 5x784 @ 784x10 forward pass is 39200). Measured on a 2-core AVX-512
    /// machine: from about 48x48x48 on, ours is faster, and two threads beat one.
    static let ownKernelMinimumWork = 1 << 17

    /// True when this CPU runs our unpacked small-product kernel (AVX2 + FMA).
    public static let hasSmallKernel = nnb_sgemm_small_supported() != 0

    /// Products up to this many multiply-adds (m * n * k) go to the small kernel: below it,
    /// OpenBLAS's fixed cost per call (set-up, packing) outweighs the arithmetic. Measured on a
    /// 2-core Zen 3 (min of 300 samples, OpenBLAS 0.3.21): 5x784 @ 784x10 1.9 us vs 5.0 us,
    /// 64x50 @ 50x10 1.2 us vs 1.8 us; bigger products gain from OpenBLAS's two threads.
    static let smallKernelMaximumWork = 1 << 17

    /// Whether an m x k by k x n product whose B has column stride `bColumnStride` runs on
    /// the small kernel (B must be read row by row in place; matrix-vector products stay with
    /// sgemv).
    static func usesSmallKernel(m: Int, n: Int, k: Int, bColumnStride: Int) -> Bool {
        guard hasSmallKernel, bColumnStride == 1, n > 1, m >= 1 else { return false }
        switch kernel {
        case .blas: return false
        case .own, .automatic:
            if kernel == .own && hasOwnKernel { return false }
            return Double(m) * Double(n) * Double(k) <= Double(smallKernelMaximumWork)
        }
    }

    /// The widest output (n) of `x @ w.T` that MKL, and so the dot kernel, sums as dot products.
    static let dotKernelMaximumColumns = 11

    /// Whether an m x k by k x n product runs on the dot kernel (Sources/CGemm/dot.c): A's rows
    /// and B's columns contiguous (`x @ w.T`), 2 ... 11 columns, up to `mediumKernelMaximumWork`
    /// multiply-adds. MKL computes such products as dot products in an order of its own (PyTorch's
    /// bits for a classifier's last Linear); bigger ones keep the faster kernels.
    static func usesDotKernel(m: Int, n: Int, k: Int, aColumnStride: Int, bRowStride: Int) -> Bool {
        guard hasSmallKernel, aColumnStride == 1, bRowStride == 1, m > 1, n > 1,
              n <= dotKernelMaximumColumns else { return false }
        switch kernel {
        case .blas: return false
        case .own, .automatic:
            if kernel == .own && hasOwnKernel { return false }
            return Double(m) * Double(n) * Double(k) <= Double(mediumKernelMaximumWork)
        }
    }

    /// Products up to this many multiply-adds (m * n * k) that the small kernel does not take
    /// (bigger ones, or a transposed right operand such as `g @ w.T`) go to the medium kernel
    /// (Sources/CGemm/medium.c): a minibatch's 64x784 @ 784x50 is 2.5M.
    static let mediumKernelMaximumWork = 1 << 23

    /// From this many multiply-adds on, the medium kernel splits rows between `threads`
    /// threads; below it one thread is faster than waking another.
    static let mediumKernelThreadedWork = 1 << 19

    /// Depth (k) up to which the medium kernel runs: it packs k x 16 floats of B per thread.
    static let mediumKernelMaximumDepth = 4096

    /// The thread count the medium kernel should use for an m x k by k x n product the small
    /// kernel did not take, or nil when another kernel should do it. Matrix-vector products
    /// (m or n = 1) stay with sgemv.
    static func mediumKernelThreads(m: Int, n: Int, k: Int) -> Int? {
        guard hasSmallKernel, m > 1, n > 1, k <= mediumKernelMaximumDepth else { return nil }
        let work = Double(m) * Double(n) * Double(k)
        switch kernel {
        case .blas:
            return nil
        case .own:
            if hasOwnKernel { return nil }
        case .automatic:
            guard work <= Double(mediumKernelMaximumWork) else { return nil }
        }
        return work >= Double(mediumKernelThreadedWork) ? threads : 1
    }

    /// The thread count our kernel should use for an m x k by k x n product, or nil when BLAS
    /// should do it.
    static func ownKernelThreads(m: Int, n: Int, k: Int) -> Int? {
        guard hasOwnKernel else { return nil }
        let work = Double(m) * Double(n) * Double(k)
        switch kernel {
        case .blas:
            return nil
        case .own:
            return threads
        case .automatic:
            // A single row or column is a matrix-vector product: sgemv reads the matrix once.
            guard m > 1, n > 1, work >= Double(ownKernelMinimumWork) else { return nil }
            // A minibatch's products run in MKL's AVX2 order even here (PyTorch's bits: MKL runs
            // its AVX2 code on AMD's AVX-512 CPUs too): the medium kernel's policy takes them,
            // on this kernel's ordered mode (`orderedProduct`).
            if mediumKernelThreads(m: m, n: n, k: k) != nil { return nil }
            return threads
        }
    }
}
