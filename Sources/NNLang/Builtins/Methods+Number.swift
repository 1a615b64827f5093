import NNEngine
import NNSyntax
/// Attributes of int, float and bool that CPython has and `hasattr` must see.
extension Runtime {
    /// A read-only attribute of a builtin type (`(3).real`), as CPython's getset descriptors.
    static func attribute(_ cls: PyClass, _ name: String, _ get: @escaping (Value) -> Value) {
        let f = PyMethodDescr(name) { _, s, _, _ in get(s) }
        let p = PyProperty(getter: .object(f))
        p.name = name
        cls.dict[name] = .object(p)
    }

    static func installNumberAttributes() {
        let T = BuiltinTypes.self
        /// An int (or bool) receiver as an Int.
        func int(_ v: Value) -> Int {
            switch v {
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            default: return 0
            }
        }
        attribute(T.int, "real") { .int(int($0)) }
        attribute(T.int, "imag") { _ in .int(0) }
        attribute(T.int, "numerator") { .int(int($0)) }
        attribute(T.int, "denominator") { _ in .int(1) }
        methods(T.int, [
            ("conjugate", { _, s, _, _ in .int(int(s)) }),
            ("bit_count", { _, s, _, _ in .int(int(s).magnitude.nonzeroBitCount) }),
            ("as_integer_ratio", { _, s, _, _ in .object(PyTuple([.int(int(s)), .int(1)])) }),
            ("__index__", { _, s, _, _ in .int(int(s)) }),
        ])
        attribute(T.float, "real") { $0 }
        attribute(T.float, "imag") { _ in .float(0) }
        methods(T.float, [
            ("conjugate", { _, s, _, _ in s }),
        ])
    }
}
