import NNSyntax
/// Exception matching and unpacking for compiled code.
extension Runtime {
    /// `except T:` matching (T a class or tuple of classes).
    func exceptionMatches(_ exc: PyInstance, _ t: Value) throws -> Bool {
        switch t {
        case .object(let c as PyClass):
            guard c.isException else {
                throw PyError.type("catching classes that do not inherit from BaseException is not allowed")
            }
            return exc.cls.isSubclass(of: c)
        case .object(let tup as PyTuple):
            for x in tup.items where try exceptionMatches(exc, x) { return true }
            return false
        default:
            throw PyError.type("catching classes that do not inherit from BaseException is not allowed")
        }
    }

    /// Unpacks `v` into exactly `n` values (one of them a list when `star` is given).
    func unpack(_ v: Value, _ n: Int, _ star: Int?) throws -> [Value] {
        let items: [Value]
        switch v {
        case .object(let t as PyTuple): items = t.items
        case .object(let l as PyList): items = l.items
        default:
            do { items = try iterateToArray(v) } catch let e as PyError where e.exc.cls === BuiltinTypes.typeError && !isIterable(v) {
                throw PyError.type("cannot unpack non-iterable \(v.typeName) object")
            }
        }
        if let s = star {
            let fixed = n - 1
            guard items.count >= fixed else {
                throw PyError.value("not enough values to unpack (expected at least \(fixed), got \(items.count))")
            }
            let after = n - 1 - s
            var out = Array(items[0..<s])
            out.append(.object(PyList(Array(items[s..<(items.count - after)]))))
            out += items[(items.count - after)...]
            return out
        }
        if items.count > n { throw PyError.value("too many values to unpack (expected \(n))") }
        if items.count < n { throw PyError.value("not enough values to unpack (expected \(n), got \(items.count))") }
        return items
    }

    func isIterable(_ v: Value) -> Bool {
        switch v {
        case .str, .tensor: return true
        case .object(let o):
            if o is PyList || o is PyTuple || o is PyDict || o is PySet || o is PyRange || o is PyIterator { return true }
            if let i = o as? PyInstance { return i.cls.lookup("__iter__") != nil || i.cls.lookup("__getitem__") != nil }
            return false
        default: return false
        }
    }
}
