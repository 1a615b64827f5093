/// Class creation: the one place a `class` statement's namespace becomes a class.
extension Runtime {
    /// Makes the class `name` from its bases and the namespace its body filled
    /// (single inheritance; keywords such as `metaclass=` are not supported yet and ignored).
    public func buildClass(name: String, bases: [Value], namespace: PyDict, keywords: Kwargs) throws -> Value {
        var base: PyClass = BuiltinTypes.object
        if bases.count > 1 { throw PyError.type("nn classes have single inheritance (class \(name) has \(bases.count) bases)") }
        if let b = bases.first {
            guard case .object(let bo as PyClass) = b else {
                throw PyError.type("bases must be types")
            }
            if bo.isBuiltin && bo !== BuiltinTypes.object && !bo.isException {
                throw PyError.type("nn classes cannot inherit from builtin type '\(bo.name)'")
            }
            base = bo
        }
        var dict: [String: Value] = [:]
        for i in 0..<namespace.count { if case .str(let k) = namespace.keys[i] { dict[k] = namespace.values[i] } }
        return .object(PyClass(name: name, base: base, dict: dict))
    }
}
