import NNSyntax
/// Imports, with CPython's binding rules. Modules are tables registered in `Runtime.modules`
/// under their dotted names (`torch.nn.functional`), or built on first import from
/// `Runtime.moduleMakers`, which the library fills; a package's submodules are also
/// attributes of the package, so `import torch.nn` then `torch.nn.Linear` works.
///
/// The compiler calls `importForBinding` (the `import` statement), `importFrom` and
/// `importStar` (the `from` statement); the semantics live here only.
extension Runtime {
    /// Builds a module's namespace for one interpreter.
    package typealias ModuleMaker = @Sendable (Runtime) throws -> [String: Value]

    /// The module named `name` (dotted), loading each package on the way as CPython does:
    /// `a.b.c` needs `a`, `a.b` and `a.b.c`; the first missing one is `ModuleNotFoundError`.
    func importModule(_ name: String) throws -> PyModule {
        if let m = modules[name] { return m }
        var prefix = "", last: PyModule?
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            prefix = prefix.isEmpty ? String(part) : prefix + "." + part
            guard let m = try loadedModule(prefix) else {
                throw PyError(BuiltinTypes.moduleNotFoundError, "No module named '\(prefix)'")
            }
            last = m
        }
        guard let m = last else { throw PyError(BuiltinTypes.moduleNotFoundError, "No module named '\(name)'") }
        return m
    }

    /// A module already loaded, or a registered one (`moduleMakers`) built now, on its first
    /// import; nil when there is no such module.
    func loadedModule(_ name: String) throws -> PyModule? {
        if let m = modules[name] { return m }
        guard let make = moduleMakers[name] else { return nil }
        let m = PyModule(name: name, dict: try make(self))
        registerModule(m)
        return m
    }

    /// The value `import name` or `import name as x` binds: the top package without `as`
    /// (`import torch.nn` binds `torch`), the named module itself with it.
    public func importForBinding(_ name: String, hasAlias: Bool) throws -> Value {
        let leaf = try importModule(name)
        if hasAlias { return .object(leaf) }
        let top = String(name.split(separator: ".", maxSplits: 1).first ?? Substring(name))
        return .object(try importModule(top))
    }

    /// `from module import name`: the module's attribute, else its submodule `module.name`,
    /// else CPython's ImportError.
    public func importFrom(_ module: String, _ name: String) throws -> Value {
        try importFrom(try importModule(module), name)
    }

    /// `from m import name` once `m` is imported (the engine's `importFrom` instruction).
    func importFrom(_ m: PyModule, _ name: String) throws -> Value {
        if let v = m.dict[name] { return v }
        if let sub = try loadedModule(m.name + "." + name) { return .object(sub) }
        throw PyError(BuiltinTypes.importError, "cannot import name '\(name)' from '\(m.name)' (unknown location)")
    }

    /// `from module import *`: the names in the module's `__all__` when it has one, else
    /// every name not starting with `_`, sorted so globals appear in a stable order.
    public func importStar(_ module: String) throws -> [(String, Value)] {
        try importStar(try importModule(module))
    }

    /// `from m import *` once `m` is imported.
    func importStar(_ m: PyModule) throws -> [(String, Value)] {
        let module = m.name
        if case .object(let all as PyList)? = m.dict["__all__"] {
            return try all.items.map { n -> (String, Value) in
                guard case .str(let s) = n else { throw PyError.type("Item in \(module).__all__ must be str, not \(n.typeName)") }
                guard let v = m.dict[s] else { throw PyError.attribute("module '\(module)' has no attribute '\(s)'") }
                return (s, v)
            }
        }
        return m.dict.filter { !$0.key.hasPrefix("_") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Registers a module under its dotted name and, for `a.b`, as attribute `b` of `a`.
    public func registerModule(_ m: PyModule) {
        modules[m.name] = m
        if let dot = m.name.lastIndex(of: "."), let parent = modules[String(m.name[..<dot])] {
            parent.dict[String(m.name[m.name.index(after: dot)...])] = .object(m)
        }
    }
}
