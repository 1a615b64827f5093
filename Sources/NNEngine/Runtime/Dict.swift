import NNSyntax
/// A dict key with Python's key semantics: `1`, `1.0` and `True` are the same key; tuples
/// compare by content; other objects by identity.
package struct HashKey: Hashable {
    let v: Value
    package init(v: Value) { self.v = v }

    package func hash(into h: inout Hasher) { HashKey.feed(v, &h) }

    static func feed(_ v: Value, _ h: inout Hasher) {
        switch v {
        case .none, .undefined: h.combine(0x4e6f6e65)
        case .bool(let b): h.combine(b ? 1 : 0)
        case .int(let i): h.combine(i)
        case .float(let d):
            if d.rounded() == d, let i = Int(exactly: d) { h.combine(i) } else { h.combine(d) }
        case .str(let s): pyStrHash(s, into: &h)
        case .tscalar(let f): h.combine(f)
        case .tensor(let t): h.combine(ObjectIdentifier(t))
        case .callee(let f): h.combine(ObjectIdentifier(f.takeUnretainedValue()))
        case .row(let r): feed(.object(r.takeUnretainedValue()), &h)
        case .object(let o):
            if let t = o as? PyTuple {
                h.combine(t.items.count)
                for x in t.items { feed(x, &h) }
            } else if let i = o as? PyInstance, userMethod(i.cls, "__hash__") != nil {
                // `check` has just called the user `__hash__` and kept its value.
                h.combine(i.userHash)
            } else {
                h.combine(ObjectIdentifier(o))
            }
        }
    }

    package static func == (a: HashKey, b: HashKey) -> Bool { keyEqual(a.v, b.v) }

    static func keyEqual(_ a: Value, _ b: Value) -> Bool {
        if case .object(let x) = a, case .object(let y) = b, x === y { return true }
        if let r = userEqual(a, b) ?? userEqual(b, a) { return r }
        switch (a, b) {
        case (.str(let x), .str(let y)): return pyStrEqual(x, y)
        case (.none, .none): return true
        case (.object(let x), .object(let y)):
            if x === y { return true }
            if let s = x as? PyTuple, let t = y as? PyTuple {
                guard s.items.count == t.items.count else { return false }
                for i in 0..<s.items.count where !keyEqual(s.items[i], t.items[i]) { return false }
                return true
            }
            return false
        case (.tensor(let x), .tensor(let y)): return x === y
        default:
            if let x = a.numeric, let y = b.numeric { return numericEqual(x, y) }
            return false
        }
    }

    /// Raises TypeError for unhashable values (lists, dicts, sets).
    package static func check(_ v: Value) throws {
        if case .object(let o) = v {
            if o is PyList || o is PyDict || o is PySet {
                throw PyError.type("unhashable type: '\(v.typeName)'")
            }
            if let t = o as? PyTuple { for x in t.items { try check(x) } }
            if let inst = o as? PyInstance { try checkInstance(inst) }
        }
    }

    /// Instances hash by identity unless their class defines `__hash__`, whose value is
    /// computed here (where errors can propagate) and kept on the instance for `feed`. A class
    /// that defines `__eq__` without `__hash__` has `__hash__ = None` (set by `buildClass`).
    static func checkInstance(_ inst: PyInstance) throws {
        let h = inst.cls.lookup("__hash__")
        if case .none? = h { throw PyError.type("unhashable type: '\(inst.cls.name)'") }
        if let f = userMethod(inst.cls, "__hash__"), let rt = inst.cls.runtime {
            let r = try rt.call(f, [.object(inst)], [])
            switch r {
            case .int(let i): inst.userHash = i == -1 ? -2 : i
            case .bool(let b): inst.userHash = b ? 1 : 0
            default: throw PyError.type("__hash__ method should return an integer")
            }
        }
    }

    /// A user-defined (nn function) method of a class, or nil.
    package static func userMethod(_ cls: PyClass, _ name: String) -> Value? {
        if cls.isBuiltin { return nil }
        if let v = cls.lookup(name), case .object(let o) = v, o is PyFunction { return v }
        return nil
    }

    /// `a == b` through a user `__eq__` of `a`, nil when `a` has none. An error inside it
    /// cannot escape `==`: the runtime keeps it and the dict operation rethrows it.
    static func userEqual(_ a: Value, _ b: Value) -> Bool? {
        guard case .object(let o as PyInstance) = a, userMethod(o.cls, "__eq__") != nil,
              let rt = o.cls.runtime else { return nil }
        do { return try rt.equals(a, b) } catch {
            if rt.deferredError == nil { rt.deferredError = asPyError(error) }
            return false
        }
    }

    /// Rethrows an error a user `__eq__` raised during a lookup with key `k`.
    static func rethrow(_ k: Value) throws {
        guard case .object(let o as PyInstance) = k, let rt = o.cls.runtime, let e = rt.deferredError else { return }
        rt.deferredError = nil
        throw e
    }
}

/// A number seen for comparison: exact int or double.
enum Numeric { case int(Int), float(Double) }

func numericEqual(_ a: Numeric, _ b: Numeric) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.float(let x), .float(let y)): return x == y
    case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return intFloatCompare(x, y) == 0
    }
}

/// Exact comparison of an Int with a Double (-1, 0, 1; 2 when the double is nan).
func intFloatCompare(_ i: Int, _ d: Double) -> Int {
    if d.isNaN { return 2 }
    // Every Int lies in [-2^63, 2^63): a double outside converts to no Int.
    if d >= 0x1p63 { return -1 }
    if d < -0x1p63 { return 1 }
    let t = d.rounded(.towardZero)
    let ti = Int(t)
    if i < ti { return -1 }
    if i > ti { return 1 }
    let frac = d - t
    return frac > 0 ? -1 : (frac < 0 ? 1 : 0)
}

extension Value {
    /// Ints, floats and bools as numbers; nil otherwise.
    var numeric: Numeric? {
        switch self {
        case .int(let i): .int(i)
        case .float(let d): .float(d)
        case .bool(let b): .int(b ? 1 : 0)
        default: nil
        }
    }
}

/// An insertion-ordered dict.
public final class PyDict: PyObject, @unchecked Sendable {
    @exclusivity(unchecked) public private(set) var keys: [Value] = []
    @exclusivity(unchecked) public private(set) var values: [Value] = []
    @exclusivity(unchecked) private var index: [HashKey: Int] = [:]

    /// The dict subclass (`OrderedDict`, `defaultdict`, `Counter`), nil for a plain dict.
    public var cls: PyClass?
    /// `defaultdict`'s `default_factory`.
    public var defaultFactory: Value = .none

    public override init() {}
    override public var pyType: PyClass { cls ?? BuiltinTypes.dict }

    public var count: Int { keys.count }

    public func get(_ k: Value) throws -> Value? {
        try HashKey.check(k)
        let found = index[HashKey(v: k)]
        try HashKey.rethrow(k)
        guard let i = found else { return nil }
        return values[i]
    }

    public func contains(_ k: Value) throws -> Bool { try get(k) != nil }

    public func set(_ k: Value, _ v: Value) throws {
        try HashKey.check(k)
        let hk = HashKey(v: k)
        let found = index[hk]
        try HashKey.rethrow(k)
        if let i = found { values[i] = v; return }
        index[hk] = keys.count
        keys.append(k)
        values.append(v)
    }

    /// Sets a string key (no hashability check needed).
    public func set(_ k: String, _ v: Value) {
        let hk = HashKey(v: .str(k))
        if let i = index[hk] { values[i] = v; return }
        index[hk] = keys.count
        keys.append(.str(k))
        values.append(v)
    }

    @discardableResult
    public func remove(_ k: Value) throws -> Value? {
        try HashKey.check(k)
        let found = index.removeValue(forKey: HashKey(v: k))
        try HashKey.rethrow(k)
        guard let i = found else { return nil }
        let v = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        if i < keys.count {
            for j in i..<keys.count { index[HashKey(v: keys[j])] = j }
        }
        return v
    }

    public func removeAll() { keys = []; values = []; index = [:] }

    public func copy() -> PyDict {
        let d = PyDict()
        d.keys = keys; d.values = values; d.index = index
        return d
    }
}
