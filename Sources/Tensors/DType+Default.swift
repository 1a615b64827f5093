#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// PyTorch's default floating dtype (`torch.set_default_dtype`), per thread.

extension DType {
    /// The thread's default floating dtype: what Python floats, `tensor([1.5])`, `randn`,
    /// `zeros`, `arange(0., 1.)` and integer true division make. float32 unless
    /// ``setDefaultFloat(_:)`` chose float64 on this thread.
    ///
    /// Notebooks run on parallel threads of one process, so the setting is thread-local (as
    /// `GradMode`): the interpreter carries it from one cell's thread to the next.
    public static var defaultFloat: DType { pthread_getspecific(defaultKey) == nil ? .float32 : .float64 }

    /// Makes `dtype` (float32 or float64) the calling thread's default floating dtype.
    public static func setDefaultFloat(_ dtype: DType) {
        precondition(dtype.isFloatingPoint, "the default dtype is floating (the binding checks it)")
        pthread_setspecific(defaultKey, dtype == .float64 ? UnsafeRawPointer(bitPattern: 1) : nil)
    }

    /// nil: float32 (the default); any other value: float64.
    private static let defaultKey: pthread_key_t = {
        var k = pthread_key_t()
        let rc = pthread_key_create(&k, nil)
        precondition(rc == 0, "pthread_key_create failed")
        return k
    }()
}
