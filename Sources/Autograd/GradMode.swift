#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether ops record history: PyTorch's grad mode, per thread.
///
/// Notebooks run on parallel threads in one process, so the switch is thread-local: one
/// notebook's `with no_grad():` never affects another's. The language binding implements
/// `with no_grad():` as
///
///     let saved = GradMode.enter(enabled: false)   // __enter__
///     defer { GradMode.restore(saved) }             // __exit__
///
/// which nests correctly. Swift callers can use `GradMode.withNoGrad { ... }`.
public enum GradMode {
    /// A thread-specific slot: nil (the default) means enabled, any non-nil value disabled.
    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        let rc = pthread_key_create(&k, nil)
        precondition(rc == 0, "pthread_key_create failed")
        return k
    }()

    /// True when ops on this thread record history (the default).
    public static var isEnabled: Bool { pthread_getspecific(key) == nil }

    /// Sets grad mode for this thread and returns the previous setting (pass it to `restore`).
    @discardableResult
    public static func enter(enabled: Bool) -> Bool {
        let previous = isEnabled
        set(enabled)
        return previous
    }

    /// Restores the setting `enter(enabled:)` returned.
    public static func restore(_ previous: Bool) { set(previous) }

    private static func set(_ enabled: Bool) {
        pthread_setspecific(key, enabled ? nil : UnsafeRawPointer(bitPattern: 1))
    }

    /// Runs `body` with grad mode off on this thread (PyTorch's `with torch.no_grad():`).
    public static func withNoGrad<T>(_ body: () throws -> T) rethrows -> T {
        let saved = enter(enabled: false)
        defer { restore(saved) }
        return try body()
    }
}
