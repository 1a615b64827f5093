import NNEngine
import NNSyntax
/// The standard modules, registered in this one table and built on first import.
extension Runtime {
    /// Every standard module `import` can load (besides `math`), by dotted name; each new
    /// interpreter registers them as its `moduleMakers`.
    static let standardModules: [String: ModuleMaker] = [
        "operator": { rt in rt.operatorModule() },
        "functools": { rt in rt.functoolsModule() },
        "itertools": { rt in rt.itertoolsModule() },
        "collections": { rt in rt.collectionsModule() },
        "typing": { rt in rt.typingModule() },
        "random": { rt in rt.randomModule() },
        "time": { rt in rt.timeModule() },
        "re": { rt in rt.reModule() },
        "pathlib": { rt in rt.pathlibModule() },
        "tempfile": { rt in rt.tempfileModule() },
        "IPython": { _ in [:] },
        "IPython.core": { _ in [:] },
        "IPython.core.debugger": { rt in rt.debuggerModule() },
        "fastai": { _ in [:] },
        "fastai.datasets": { rt in rt.fastaiDatasetsModule() },
        "pickle": { rt in rt.pickleModule() },
        "gzip": { rt in rt.gzipModule() },
    ]

    /// A native class of a standard module (`functools.partial`): builtin, printed with its module.
    static func nativeClass(_ name: String, module: String, base: PyClass = BuiltinTypes.object) -> PyClass {
        let c = PyClass(name: name, base: base, isBuiltin: true)
        c.dict["__module__"] = .str(module)
        return c
    }

    /// An instance of a native class carrying Swift state.
    static func native(_ cls: PyClass, _ state: AnyObject) -> Value {
        let i = PyInstance(cls: cls)
        i.native = state
        return .object(i)
    }

    /// The Swift state of `v` when it is an instance of `cls` (or a subclass), else nil.
    static func state<T: AnyObject>(_ v: Value, _ cls: PyClass, as: T.Type) -> T? {
        guard case .object(let i as PyInstance) = v, i.cls.isSubclass(of: cls) else { return nil }
        return i.native as? T
    }

    /// A builtin function value.
    static func fn(_ name: String, _ f: @escaping PyBuiltin.Fn) -> Value {
        .object(PyBuiltin(name, acceptsTScalar: false, f))
    }

    /// `from IPython.core.debugger import set_trace`: accepted; there is nothing to step through.
    func debuggerModule() -> [String: Value] {
        ["set_trace": Runtime.fn("set_trace") { rt, _, _ in
            rt.write("set_trace(): nnbook runs cells non-interactively; the debugger is not available\n")
            return .none
        }]
    }
}
