import NNSyntax
/// Operator dispatch on values (the slow path; compiled code inlines int/float cases).
extension Runtime {
    static let dunder: [BinaryOp: (String, String)] = [
        .add: ("__add__", "__radd__"), .sub: ("__sub__", "__rsub__"), .mul: ("__mul__", "__rmul__"),
        .matMul: ("__matmul__", "__rmatmul__"), .div: ("__truediv__", "__rtruediv__"),
        .floorDiv: ("__floordiv__", "__rfloordiv__"), .mod: ("__mod__", "__rmod__"),
        .pow: ("__pow__", "__rpow__"), .lShift: ("__lshift__", "__rlshift__"),
        .rShift: ("__rshift__", "__rrshift__"), .bitOr: ("__or__", "__ror__"),
        .bitXor: ("__xor__", "__rxor__"), .bitAnd: ("__and__", "__rand__"),
    ]
    static let inplaceDunder: [BinaryOp: String] = [
        .add: "__iadd__", .sub: "__isub__", .mul: "__imul__", .div: "__itruediv__",
        .floorDiv: "__ifloordiv__", .mod: "__imod__", .pow: "__ipow__", .matMul: "__imatmul__",
    ]

    /// `a op b`.
    public func binary(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if let r = try Arith.ints(op, x, y) { return r }
        case (.float(let x), .float(let y)):
            if let r = try Arith.floats(op, x, y) { return r }
        case (.float(let x), .int(let y)):
            if let r = try Arith.floats(op, x, Double(y)) { return r }
        case (.int(let x), .float(let y)):
            if let r = try Arith.floats(op, Double(x), y) { return r }
        case (.tscalar(let x), _), (_, .tscalar(let x)):
            if let r = try tscalarBinary(op, a, b, x) { return r }
            return try binary(op, materialize(a), materialize(b))
        case (.tensor, _), (_, .tensor):
            if let r = try tensors.binary(self, op, a, b) { return r }
            throw unsupported(op, a, b)
        default: break
        }
        if case .bool(let x) = a {
            if case .bool(let y) = b, op == .bitAnd || op == .bitOr || op == .bitXor {
                switch op {
                case .bitAnd: return .bool(x && y)
                case .bitOr: return .bool(x || y)
                default: return .bool(x != y)
                }
            }
            return try binary(op, .int(x ? 1 : 0), b)
        }
        if case .bool(let y) = b, a.numeric != nil { return try binary(op, a, .int(y ? 1 : 0)) }
        if let r = try sequenceBinary(op, a, b) { return r }
        if let r = try dunderBinary(op, a, b) { return r }
        throw unsupported(op, a, b)
    }

    func unsupported(_ op: BinaryOp, _ a: Value, _ b: Value) -> PyError {
        let sym = op == .pow ? "** or pow()" : op.rawValue
        return PyError.type("unsupported operand type(s) for \(sym): '\(a.typeName)' and '\(b.typeName)'")
    }

    /// 0-d float32 tensor arithmetic without boxing (the scalar-indexing fast path).
    func tscalarBinary(_ op: BinaryOp, _ a: Value, _ b: Value, _ unused: Float) throws -> Value? {
        func f(_ v: Value) -> Float? {
            switch v {
            case .tscalar(let x): return x
            case .float(let d): return Float(d)
            case .int(let i): return Float(i)
            default: return nil
            }
        }
        guard let x = f(a), let y = f(b) else { return nil }
        switch op {
        case .add: return .tscalar(x + y)
        case .sub: return .tscalar(x - y)
        case .mul: return .tscalar(x * y)
        case .div: return .tscalar(x / y)
        default: return nil
        }
    }

    /// `x + y` for list and tuple items, under the same ceilings as `*` (a runaway doubling ends
    /// in MemoryError, not an abort).
    private func concatenated(_ x: [Value], _ y: [Value]) throws -> [Value] {
        if x.count + y.count > 1 << 28 { throw PyError(BuiltinTypes.memoryError, "") }
        try checkGrowth(items: x.count + y.count)
        return x + y
    }

    func sequenceBinary(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value? {
        switch op {
        case .add:
            switch (a, b) {
            case (.str(let x), .str(let y)):
                // The same ceilings as `*`: a runaway doubling ends in MemoryError, not an abort.
                if x.utf8.count + y.utf8.count > 1 << 31 { throw PyError(BuiltinTypes.memoryError, "") }
                try checkGrowth(bytes: x.utf8.count + y.utf8.count)
                return .str(x + y)
            case (.str, _): throw PyError.type("can only concatenate str (not \"\(b.typeName)\") to str")
            case (.object(let x as PyList), .object(let y as PyList)):
                return .object(PyList(try concatenated(x.items, y.items)))
            case (.object(is PyList), _) where !isUserInstance(b):
                throw PyError.type("can only concatenate list (not \"\(b.typeName)\") to list")
            case (.object(let x as PyTuple), .object(let y as PyTuple)):
                return .object(PyTuple(try concatenated(x.items, y.items)))
            case (.object(is PyTuple), _) where !isUserInstance(b):
                throw PyError.type("can only concatenate tuple (not \"\(b.typeName)\") to tuple")
            default: return nil
            }
        case .mul:
            func rep(_ seq: Value, _ n: Value) throws -> Value? {
                let count: Int
                switch n {
                case .int(let i): count = max(0, i)
                case .bool(let bb): count = bb ? 1 : 0
                default:
                    switch seq {
                    case .str, .object(is PyList), .object(is PyTuple):
                        if isUserInstance(n) { return nil }
                        throw PyError.type("can't multiply sequence by non-int of type '\(n.typeName)'")
                    default: return nil
                    }
                }
                switch seq {
                case .str(let s):
                    if count > 0 && s.utf8.count > 0 && count > (1 << 31) / s.utf8.count { throw PyError(BuiltinTypes.memoryError, "") }
                    // `'' * 2**62` is '' at once (not 2**62 empty appends).
                    if s.isEmpty { return seq }
                    try checkGrowth(bytes: count * s.utf8.count)
                    return .str(try repeatString(s, count))
                case .object(let l as PyList):
                    if count > 0 && l.items.count > 0 && count > (1 << 28) / l.items.count { throw PyError(BuiltinTypes.memoryError, "") }
                    try checkGrowth(items: count * l.items.count)
                    if l.items.isEmpty { return .object(PyList([])) }
                    var out: [Value] = []
                    out.reserveCapacity(l.items.count * count)
                    for _ in 0..<count { out += l.items }
                    return .object(PyList(out))
                case .object(let t as PyTuple):
                    if count > 0 && t.items.count > 0 && count > (1 << 28) / t.items.count { throw PyError(BuiltinTypes.memoryError, "") }
                    try checkGrowth(items: count * t.items.count)
                    if t.items.isEmpty { return .object(PyTuple([])) }
                    var out: [Value] = []
                    for _ in 0..<count { out += t.items }
                    return .object(PyTuple(out))
                default: return nil
                }
            }
            if let r = try rep(a, b) { return r }
            if case .int = a, let r = try rep(b, a) { return r }
            if case .bool = a, let r = try rep(b, a) { return r }
            return nil
        case .mod:
            if case .str(let fmt) = a { return .str(try percentFormat(fmt, b)) }
            return nil
        case .bitOr:
            if case .object(let x as PyDict) = a, case .object(let y as PyDict) = b {
                let d = x.copy()
                for i in 0..<y.count { try d.set(y.keys[i], y.values[i]) }
                return .object(d)
            }
            fallthrough
        case .bitAnd, .bitXor:
            if case .object(let x as PySet) = a, case .object(let y as PySet) = b {
                let d = PyDict()
                switch op {
                case .bitOr:
                    for k in x.dict.keys { try d.set(k, .none) }
                    for k in y.dict.keys { try d.set(k, .none) }
                case .bitAnd:
                    for k in x.dict.keys where try y.dict.contains(k) { try d.set(k, .none) }
                default:
                    for k in x.dict.keys where try !y.dict.contains(k) { try d.set(k, .none) }
                    for k in y.dict.keys where try !x.dict.contains(k) { try d.set(k, .none) }
                }
                return .object(PySet(d))
            }
            return nil
        case .sub:
            if case .object(let x as PySet) = a, case .object(let y as PySet) = b {
                let d = PyDict()
                for k in x.dict.keys where try !y.dict.contains(k) { try d.set(k, .none) }
                return .object(PySet(d))
            }
            return nil
        default:
            return nil
        }
    }

    func isUserInstance(_ v: Value) -> Bool {
        if case .object(let o as PyInstance) = v { return !o.cls.isBuiltin }
        return false
    }

    func dunderBinary(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value? {
        guard let (l, r) = Runtime.dunder[op] else { return nil }
        if case .object(let o as PyInstance) = a, let m = o.cls.lookup(l) {
            let res = try call(m, [a, b], [])
            if !isNotImplemented(res) { return res }
        }
        if case .object(let o as PyInstance) = b, let m = o.cls.lookup(r) {
            let res = try call(m, [b, a], [])
            if !isNotImplemented(res) { return res }
        }
        return nil
    }

    func isNotImplemented(_ v: Value) -> Bool {
        if case .object(let o) = v, o === notImplemented { return true }
        return false
    }

    /// `a op= b`: in place for lists, tensors and `__iadd__`, else `a op b`.
    public func inplace(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value {
        switch a {
        case .object(let l as PyList) where op == .add:
            let more = try iterateToArray(b)
            if l.items.count + more.count > 1 << 28 { throw PyError(BuiltinTypes.memoryError, "") }
            try checkGrowth(items: l.items.count + more.count)
            l.items += more
            return a
        case .object(let s as PySet):
            if try setInplace(op, s, b) { return a }
        case .object(let l as PyList) where op == .mul:
            if case .object(let r as PyList) = try binary(.mul, a, b) { l.items = r.items }
            return a
        case .tensor(let t):
            if let r = try tensors.inplace(self, op, t, materialize(b)) { return r }
        case .object(let o as PyInstance):
            if let name = Runtime.inplaceDunder[op], let m = o.cls.lookup(name) {
                let res = try call(m, [a, b], [])
                if !isNotImplemented(res) { return res }
            }
        default: break
        }
        do {
            return try binary(op, a, b)
        } catch let e as PyError where e.exc.cls === BuiltinTypes.typeError {
            if let m = e.args.first, case .str(let msg) = m, msg.hasPrefix("unsupported operand type(s) for ") {
                let sym = op == .pow ? "**=" : op.rawValue + "="
                throw PyError.type("unsupported operand type(s) for \(sym): '\(a.typeName)' and '\(b.typeName)'")
            }
            throw e
        }
    }

    /// `-x`, `+x`, `~x`, `not x`.
    public func unary(_ op: UnaryOp, _ v: Value) throws -> Value {
        if op == .not { return .bool(!(try truth(v))) }
        switch (op, v) {
        case (.neg, .int(let i)):
            if i == Int.min { throw PyError.intOverflow }
            return .int(-i)
        case (.neg, .float(let d)): return .float(-d)
        case (.neg, .bool(let b)): return .int(b ? -1 : 0)
        case (.pos, .int), (.pos, .float): return v
        case (.pos, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
        case (.neg, .tscalar(let f)): return .tscalar(-f)
        case (.pos, .tscalar): return v
        case (_, .tscalar): return try unary(op, materialize(v))
        case (_, .tensor(let t)): return try tensors.unary(self, op, t)
        case (_, .object(let o as PyInstance)):
            let name = op == .neg ? "__neg__" : (op == .pos ? "__pos__" : "__invert__")
            if let m = o.cls.lookup(name) { return try call(m, [v], []) }
        default: break
        }
        throw PyError.type("bad operand type for unary \(op.rawValue): '\(v.typeName)'")
    }

    /// Truthiness (`if x:`).
    public func truth(_ v: Value) throws -> Bool {
        switch v {
        case .none, .undefined: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .tscalar(let f): return f != 0
        case .tensor(let t): return try tensors.truth(self, t)
        case .callee: return true
        case .row(let r): return !r.takeUnretainedValue().items.isEmpty
        case .object(let o):
            switch o {
            case let l as PyList: return !l.items.isEmpty
            case let t as PyTuple: return !t.items.isEmpty
            case let d as PyDict: return d.count > 0
            case let s as PySet: return s.dict.count > 0
            case let r as PyRange: return r.count > 0
            case let i as PyInstance:
                if let m = i.cls.lookup("__bool__") {
                    let r = try call(m, [v], [])
                    guard case .bool(let b) = r else {
                        throw PyError.type("__bool__ should return bool, returned \(r.typeName)")
                    }
                    return b
                }
                if let m = i.cls.lookup("__len__") { return try lenResult(call(m, [v], [])) != 0 }
                return true
            default: return true
            }
        }
    }

    package func lenResult(_ v: Value) throws -> Int {
        switch v {
        case .int(let i):
            if i < 0 { throw PyError.value("__len__() should return >= 0") }
            return i
        case .bool(let b): return b ? 1 : 0
        default: throw PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
        }
    }

    // MARK: Comparison

    /// `a == b` as a Python bool (containers compare elementwise; tensors must not get here).
    public func equals(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.str(let x), .str(let y)): return pyStrEqual(x, y)
        case (.none, .none): return true
        case (.none, _), (_, .none):
            if case .object(let o as PyInstance) = a, o.cls.lookup("__eq__") != nil { break }
            if case .object(let o as PyInstance) = b, o.cls.lookup("__eq__") != nil { break }
            return false
        default: break
        }
        if let x = a.numeric, let y = b.numeric { return numericEqual(x, y) }
        let r = try compare(.eq, a, b)
        if case .bool(let bb) = r { return bb }
        return try truth(r)
    }

    /// `a op b` for a comparison operator (the result may be a tensor).
    public func compare(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .is: return .bool(identical(a, b))
        case .isNot: return .bool(!identical(a, b))
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        default: break
        }
        switch (a, b) {
        case (.int(let x), .int(let y)): return .bool(cmpOrdered(op, x, y))
        case (.float(let x), .float(let y)): return .bool(cmpOrdered(op, x, y))
        case (.str(let x), .str(let y)):
            if op == .eq { return .bool(pyStrEqual(x, y)) }
            if op == .ne { return .bool(!pyStrEqual(x, y)) }
            return .bool(cmpStrings(op, x, y))
        case (.tscalar, _), (_, .tscalar), (.tensor, _), (_, .tensor):
            if let r = try tensors.compare(self, op, materialize(a), materialize(b)) { return r }
        default: break
        }
        if let x = a.numeric, let y = b.numeric {
            switch (x, y) {
            case (.int(let i), .int(let j)): return .bool(cmpOrdered(op, i, j))
            case (.float(let i), .float(let j)): return .bool(cmpOrdered(op, i, j))
            case (.int(let i), .float(let d)):
                let c = intFloatCompare(i, d)
                return .bool(c == 2 ? op == .ne : cmpOrdered(op, c, 0))
            case (.float(let d), .int(let i)):
                let c = intFloatCompare(i, d)
                return .bool(c == 2 ? op == .ne : cmpOrdered(op, -c, 0))
            }
        }
        // User dunders.
        let names: [CompareOp: (String, String)] = [
            .eq: ("__eq__", "__eq__"), .ne: ("__ne__", "__ne__"), .lt: ("__lt__", "__gt__"),
            .le: ("__le__", "__ge__"), .gt: ("__gt__", "__lt__"), .ge: ("__ge__", "__le__"),
        ]
        if let (l, r) = names[op] {
            if case .object(let o as PyInstance) = a, let m = o.cls.lookup(l), !isObjectDefault(m) {
                let res = try call(m, [a, b], [])
                if !isNotImplemented(res) { return res }
            }
            if case .object(let o as PyInstance) = b, let m = o.cls.lookup(r), !isObjectDefault(m) {
                let res = try call(m, [b, a], [])
                if !isNotImplemented(res) { return res }
            }
            if op == .ne, case .object(let o as PyInstance) = a, let m = o.cls.lookup("__eq__"), !isObjectDefault(m) {
                let res = try call(m, [a, b], [])
                if !isNotImplemented(res) { return .bool(!(try truth(res))) }
            }
        }
        // Containers.
        switch (a, b) {
        case (.object(let x as PyList), .object(let y as PyList)):
            return .bool(try cmpSequences(op, x.items, y.items))
        case (.object(let x as PyTuple), .object(let y as PyTuple)):
            return .bool(try cmpSequences(op, x.items, y.items))
        case (.object(let x as PyDict), .object(let y as PyDict)) where op == .eq || op == .ne:
            try enterComparison()
            defer { counters[0] &-= 1 }
            var eq = x.count == y.count
            if eq {
                // An __eq__ may change either dict: read x afresh each step.
                var i = 0
                while i < x.count {
                    let k = x.keys[i], xv = x.values[i]
                    guard let v = try y.get(k), try equals(v, xv) else { eq = false; break }
                    i += 1
                }
            }
            return .bool(op == .eq ? eq : !eq)
        case (.object(let x as PySet), .object(let y as PySet)):
            let sub = try x.dict.keys.allSatisfy { try y.dict.contains($0) }
            let sup = try y.dict.keys.allSatisfy { try x.dict.contains($0) }
            switch op {
            case .eq: return .bool(sub && sup)
            case .ne: return .bool(!(sub && sup))
            case .le: return .bool(sub)
            case .lt: return .bool(sub && !sup)
            case .ge: return .bool(sup)
            default: return .bool(sup && !sub)
            }
        case (.object(let x as PyRange), .object(let y as PyRange)) where op == .eq || op == .ne:
            let eq = (x.count == 0 && y.count == 0) || (x.start == y.start && x.count == y.count && (x.count == 1 || x.step == y.step))
            return .bool(op == .eq ? eq : !eq)
        default: break
        }
        if op == .eq { return .bool(identical(a, b)) }
        if op == .ne { return .bool(!identical(a, b)) }
        throw PyError.type("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
    }

    /// `x op y` as a branch condition: same-type numbers directly, the rest via `compare` and
    /// the truth of its result (user `__lt__` may return anything).
    @inline(__always) func compareTruth(_ op: CompareOp, _ x: Value, _ y: Value) throws -> Bool {
        switch (x, y) {
        case (.int(let p), .int(let q)): return cmpOrdered(op, p, q)
        case (.float(let p), .float(let q)): return cmpOrdered(op, p, q)
        default:
            let r = try compare(op, x, y)
            if case .bool(let b) = r { return b }
            return try truth(r)
        }
    }

    @inline(__always) func cmpOrdered<T: Comparable>(_ op: CompareOp, _ x: T, _ y: T) -> Bool {
        switch op {
        case .eq: return x == y
        case .ne: return x != y
        case .lt: return x < y
        case .le: return x <= y
        case .gt: return x > y
        default: return x >= y
        }
    }

    package func cmpStrings(_ op: CompareOp, _ x: String, _ y: String) -> Bool {
        // Python compares code points: UTF-8 byte order.
        cmpOrdered(op, pyStrCompare(x, y), 0)
    }

    /// Counts one level of a container comparison: deep or self-containing containers end in
    /// RecursionError, as CPython, instead of a native stack overflow.
    func enterComparison() throws {
        counters[0] &+= 1
        if counters[0] > Runtime.maxDepth + 50 {
            counters[0] &-= 1
            throw PyError(BuiltinTypes.recursionError, "maximum recursion depth exceeded in comparison")
        }
    }

    func cmpSequences(_ op: CompareOp, _ x: [Value], _ y: [Value]) throws -> Bool {
        try enterComparison()
        defer { counters[0] &-= 1 }
        if op == .eq || op == .ne {
            var eq = x.count == y.count
            if eq { for i in 0..<x.count where !((try same(x[i], y[i]))) { eq = false; break } }
            return op == .eq ? eq : !eq
        }
        var i = 0
        while i < x.count && i < y.count {
            if !((try same(x[i], y[i]))) { return try truth(compare(op, x[i], y[i])) }
            i += 1
        }
        return cmpOrdered(op, x.count, y.count)
    }

    /// `a is b`.
    public func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.str(let x), .str(let y)): return pyStrEqual(x, y)
        case (.object(let x), .object(let y)): return x === y
        case (.tensor(let x), .tensor(let y)): return x === y
        default: return false
        }
    }

    /// `item in container`.
    public func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = item else {
                throw PyError.type("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return try containsSubstring(s, sub)
        case .object(let o):
            switch o {
            case let l as PyList:
                for x in l.items where (try same(x, item)) { return true }
                return false
            case let t as PyTuple:
                for x in t.items where (try same(x, item)) { return true }
                return false
            case let d as PyDict: return try d.contains(item)
            case let dv as PyDictView where dv.kind == .keys: return try dv.dict.contains(item)
            case let s as PySet: return try s.dict.contains(item)
            case let r as PyRange:
                guard case .int(let i) = item else {
                    for x in try iterateToArray(container) where try equals(x, item) { return true }
                    return false
                }
                if r.step > 0 ? (i < r.start || i >= r.stop) : (i > r.start || i <= r.stop) { return false }
                return (i - r.start) % r.step == 0
            case let inst as PyInstance:
                if let m = inst.cls.lookup("__contains__") { return try truth(call(m, [container, item], [])) }
            default: break
            }
        case .tensor, .tscalar:
            if let r = try tensors.compare(self, .in, materialize(container), materialize(item)) { return try truth(r) }
        default: break
        }
        let it = try makeIterator(container, what: "argument of type '\(container.typeName)' is not iterable")
        while let x = try it() {
            if (try same(x, item)) { return true }
        }
        return false
    }
}

extension Runtime {
    /// `a is b or a == b` (how containers compare items).
    package func same(_ a: Value, _ b: Value) throws -> Bool {
        if identical(a, b) { return true }
        return try equals(a, b)
    }
}
