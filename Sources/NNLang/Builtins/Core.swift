import NNEngine
import NNSyntax
import Foundation

extension BuiltinTypes {
    public static let enumerate = builtin("enumerate")
    public static let zip = builtin("zip")
    public static let map = builtin("map")
    public static let filter = builtin("filter")
    public static let reversed = builtin("reversed")
}

extension Runtime {
    /// Fills the shared builtin classes (constructors, methods) exactly once per process:
    /// interpreters may start on several threads at once (`--jobs`).
    static let builtinTypesReady: Bool = {
        installConstructors()
        return true
    }()

    func iter(_ v: Value) throws -> PyIterator {
        if case .object(let it as PyIterator) = v { return it }
        if case .object(let dv as PyDictView) = v { let items = dv.items; var i = 0; return PyIterator { guard i < items.count else { return nil }; defer { i += 1 }; return items[i] } }
        return PyIterator(try makeIterator(v))
    }

    /// `len(v)`.
    public func len(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return s.unicodeScalars.count
        case .object(let o):
            switch o {
            case let l as PyList: return l.items.count
            case let t as PyTuple: return t.items.count
            case let d as PyDict: return d.count
            case let s as PySet: return s.dict.count
            case let r as PyRange: return try r.exactCount()
            case let dv as PyDictView: return dv.dict.count
            case let i as PyInstance:
                if let m = i.cls.lookup("__len__") { return try lenResult(call(m, [v], [])) }
            default: break
            }
        case .tensor(let t): return try tensors.len(self, t)
        case .tscalar: throw PyError.type("len() of a 0-d tensor")
        default: break
        }
        throw PyError.type("object of type '\(v.typeName)' has no len()")
    }

    func lessThan(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.float(let x), .float(let y)): return x < y
        case (.str(let x), .str(let y)): return cmpStrings(.lt, x, y)
        default:
            let r = try compare(.lt, a, b)
            if case .bool(let bb) = r { return bb }
            return try truth(r)
        }
    }

    func sortValues(_ items: inout [Value], key: Value?, reverse: Bool) throws {
        if let key, !key.isNone {
            var keyed = try items.map { Value.object(PyTuple([try call(key, [$0], []), $0])) }
            try mergeSort(&keyed) { a, b in
                guard case .object(let ta as PyTuple) = a, case .object(let tb as PyTuple) = b else { return false }
                return reverse ? try self.lessThan(tb.items[0], ta.items[0]) : try self.lessThan(ta.items[0], tb.items[0])
            }
            items = keyed.map { v in if case .object(let t as PyTuple) = v { return t.items[1] }; return v }
        } else {
            try mergeSort(&items) { a, b in reverse ? try self.lessThan(b, a) : try self.lessThan(a, b) }
        }
    }

    func minMax(_ name: String, _ args: [Value], _ kw: Kwargs, isMax: Bool) throws -> Value {
        try Args.onlyKw(name, kw, ["key", "default"])
        let key = Args.kw(kw, "key").flatMap { $0.isNone ? nil : $0 }
        let items: [Value]
        if args.count == 1 {
            items = try iterateToArray(args[0])
        } else if args.isEmpty {
            throw PyError.type("\(name) expected at least 1 argument, got 0")
        } else {
            if Args.kw(kw, "default") != nil {
                throw PyError.type("Cannot specify a default for \(name)() with multiple positional arguments")
            }
            items = args
        }
        guard var best = items.first else {
            if let d = Args.kw(kw, "default") { return d }
            throw PyError.value("\(name)() arg is an empty sequence")
        }
        var bestKey = try key.map { try call($0, [best], []) } ?? best
        for x in items.dropFirst() {
            let k = try key.map { try call($0, [x], []) } ?? x
            if isMax ? try lessThan(bestKey, k) : try lessThan(k, bestKey) { best = x; bestKey = k }
        }
        return best
    }

    func installCoreBuiltins() {
        let T = BuiltinTypes.self
        for c in T.exceptions { builtins[c.name] = .object(c) }
        for c in [T.int, T.float, T.str, T.bool, T.list, T.tuple, T.dict, T.set, T.range, T.type, T.object,
                  T.slice, T.enumerate, T.zip, T.map, T.filter, T.reversed, T.property, T.staticmethod, T.classmethod,
                  T.superType] {
            builtins[c.name == "super" ? "super" : c.name] = .object(c)
        }
        builtins["None"] = Value.none
        builtins["__name__"] = .str("__main__")
        builtins["Ellipsis"] = .object(ellipsisObject)
        builtins["NotImplemented"] = .object(notImplemented)
        _ = Runtime.builtinTypesReady

        defineBuiltin("print", acceptsTScalar: true) { rt, args, kw in
            try Args.onlyKw("print", kw, ["sep", "end", "file", "flush"])
            var sep = " ", end = "\n"
            if let s = Args.kw(kw, "sep"), !s.isNone { sep = try Args.str(s, "sep must be None or a string, not \(s.typeName)") }
            if let e = Args.kw(kw, "end"), !e.isNone { end = try Args.str(e, "end must be None or a string, not \(e.typeName)") }
            var out = ""
            for (i, a) in args.enumerated() {
                if i > 0 { out += sep }
                out += try rt.str(a)
            }
            rt.write(out + end)
            return .none
        }
        defineBuiltin("len", acceptsTScalar: true) { rt, args, kw in
            try Args.count("len", args, 1, 1)
            return .int(try rt.len(args[0]))
        }
        defineBuiltin("repr", acceptsTScalar: true) { rt, args, _ in
            try Args.count("repr", args, 1, 1)
            return .str(try rt.repr(args[0]))
        }
        defineBuiltin("ascii", acceptsTScalar: true) { rt, args, _ in
            try Args.count("ascii", args, 1, 1)
            let r = try rt.repr(args[0])
            var out = ""
            for u in r.unicodeScalars {
                if u.value < 128 { out.unicodeScalars.append(u) }
                else if u.value <= 0xff { out += "\\x" + String(u.value, radix: 16).leftPadded(2) }
                else if u.value <= 0xffff { out += "\\u" + String(u.value, radix: 16).leftPadded(4) }
                else { out += "\\U" + String(u.value, radix: 16).leftPadded(8) }
            }
            return .str(out)
        }
        defineBuiltin("format", acceptsTScalar: true) { rt, args, _ in
            try Args.count("format", args, 1, 2)
            let spec = args.count > 1 ? try Args.str(args[1], "format() argument 2 must be str, not \(args[1].typeName)") : ""
            return .str(try formatValue(rt, args[0], spec))
        }
        defineBuiltin("abs", acceptsTScalar: true) { rt, args, _ in
            try Args.count("abs", args, 1, 1)
            switch args[0] {
            case .int(let i):
                if i == Int.min { throw PyError.intOverflow }
                return .int(abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(abs(d))
            case .tscalar(let f): return .tscalar(abs(f))
            case .tensor(let t):
                if let f = try rt.tensors.getAttr(rt, t, "abs") { return try rt.call(f, [], []) }
            case .object(let o as PyInstance):
                if let m = o.cls.lookup("__abs__") { return try rt.call(m, [args[0]], []) }
            default: break
            }
            throw PyError.type("bad operand type for abs(): '\(args[0].typeName)'")
        }
        defineBuiltin("round", acceptsTScalar: true) { rt, args, kw in
            let nd = args.count > 1 ? args[1] : (Args.kw(kw, "ndigits") ?? .none)
            guard let x = args.first else { throw PyError.type("round() missing required argument 'number' (pos 1)") }
            return try rt.round(x, nd)
        }
        defineBuiltin("sum") { rt, args, kw in
            try Args.count("sum", args, 1, 2)
            var acc: Value = args.count > 1 ? args[1] : (Args.kw(kw, "start") ?? .int(0))
            if case .str = acc { throw PyError.type("sum() can't sum strings [use ''.join(seq) instead]") }
            let it = try rt.makeIterator(args[0])
            while let x = try it() {
                switch (acc, x) {
                case (.int(let a), .int(let b)): acc = .int(try Arith.add(a, b))
                case (.float(let a), .float(let b)): acc = .float(a + b)
                case (.float(let a), .int(let b)): acc = .float(a + Double(b))
                case (.int(let a), .float(let b)): acc = .float(Double(a) + b)
                default: acc = try rt.binary(.add, acc, x)
                }
            }
            return acc
        }
        defineBuiltin("min") { rt, args, kw in try rt.minMax("min", args, kw, isMax: false) }
        defineBuiltin("max") { rt, args, kw in try rt.minMax("max", args, kw, isMax: true) }
        defineBuiltin("sorted") { rt, args, kw in
            try Args.count("sorted", args, 1, 1)
            try Args.onlyKw("sort", kw, ["key", "reverse"])
            var items = try rt.iterateToArray(args[0])
            let rev = try Args.kw(kw, "reverse").map { try rt.truth($0) } ?? false
            try rt.sortValues(&items, key: Args.kw(kw, "key"), reverse: rev)
            return .object(PyList(items))
        }
        defineBuiltin("isinstance", acceptsTScalar: true) { rt, args, _ in
            try Args.count("isinstance", args, 2, 2)
            return .bool(try rt.isInstance(args[0], args[1]))
        }
        defineBuiltin("issubclass") { rt, args, _ in
            try Args.count("issubclass", args, 2, 2)
            guard case .object(let c as PyClass) = args[0] else { throw PyError.type("issubclass() arg 1 must be a class") }
            func check(_ t: Value) throws -> Bool {
                switch t {
                case .object(let k as PyClass): return c.isSubclass(of: k)
                case .object(let tup as PyTuple): return try tup.items.contains { try check($0) }
                default: throw PyError.type("issubclass() arg 2 must be a class, a tuple of classes, or a union")
                }
            }
            return .bool(try check(args[1]))
        }
        defineBuiltin("hasattr", acceptsTScalar: true) { rt, args, _ in
            try Args.count("hasattr", args, 2, 2)
            let n = try Args.str(args[1], "hasattr(): attribute name must be string")
            do { return .bool(try rt.lookupAttr(args[0], n) != nil) } catch let e as PyError where e.exc.cls.isSubclass(of: BuiltinTypes.attributeError) {
                return .bool(false)
            }
        }
        defineBuiltin("getattr", acceptsTScalar: true) { rt, args, _ in
            try Args.count("getattr", args, 2, 3)
            let n = try Args.str(args[1], "attribute name must be string, not '\(args[1].typeName)'")
            if args.count == 3 {
                do { if let v = try rt.lookupAttr(args[0], n) { return v } } catch let e as PyError where e.exc.cls.isSubclass(of: BuiltinTypes.attributeError) {}
                return args[2]
            }
            return try rt.getAttr(args[0], n)
        }
        defineBuiltin("setattr") { rt, args, _ in
            try Args.count("setattr", args, 3, 3)
            let n = try Args.str(args[1], "attribute name must be string, not '\(args[1].typeName)'")
            try rt.setAttr(args[0], n, args[2])
            return .none
        }
        defineBuiltin("delattr") { rt, args, _ in
            try Args.count("delattr", args, 2, 2)
            try rt.delAttr(args[0], try Args.str(args[1], "attribute name must be string"))
            return .none
        }
        defineBuiltin("callable", acceptsTScalar: true) { rt, args, _ in
            try Args.count("callable", args, 1, 1)
            switch args[0] {
            case .object(let o):
                if o is PyFunction || o is PyBuiltin || o is PyBoundMethod || o is PyClass || o is PyMethodDescr { return .True }
                if let i = o as? PyInstance { return .bool(i.cls.lookup("__call__") != nil) }
                return .False
            default: return .False
            }
        }
        defineBuiltin("id", acceptsTScalar: true) { rt, args, _ in
            try Args.count("id", args, 1, 1)
            switch args[0] {
            case .object(let o): return .int(ObjectIdentifier(o).hashValue)
            case .tensor(let t): return .int(ObjectIdentifier(t).hashValue)
            default: return .int(HashKey(v: args[0]).hashValue)
            }
        }
        defineBuiltin("hash", acceptsTScalar: true) { rt, args, _ in
            try Args.count("hash", args, 1, 1)
            try HashKey.check(args[0])
            switch args[0] {
            case .int(let i):
                // CPython's numeric hash: the value modulo the Mersenne prime 2^61 - 1.
                let r = Int(i.magnitude % UInt((1 << 61) - 1))
                return .int(i < 0 ? (r == 1 ? -2 : -r) : r)
            case .bool(let b): return .int(b ? 1 : 0)
            case .object(let i as PyInstance) where HashKey.userMethod(i.cls, "__hash__") != nil: return .int(i.userHash)
            case .float(let d) where d.rounded() == d && abs(d) < 1e18:
                let i = Int(d), r = Int(i.magnitude % UInt((1 << 61) - 1))
                return .int(i < 0 ? (r == 1 ? -2 : -r) : r)
            default: return .int(HashKey(v: args[0]).hashValue)
            }
        }
        defineBuiltin("any") { rt, args, _ in
            try Args.count("any", args, 1, 1)
            let it = try rt.makeIterator(args[0])
            while let x = try it() { if try rt.truth(x) { return .True } }
            return .False
        }
        defineBuiltin("all") { rt, args, _ in
            try Args.count("all", args, 1, 1)
            let it = try rt.makeIterator(args[0])
            while let x = try it() { if !(try rt.truth(x)) { return .False } }
            return .True
        }
        defineBuiltin("divmod") { rt, args, _ in
            try Args.count("divmod", args, 2, 2)
            if case .int(let a) = args[0], case .int(let b) = args[1] {
                return .object(PyTuple([.int(try Arith.floorDiv(a, b)), .int(try Arith.mod(a, b))]))
            }
            do {
                return .object(PyTuple([try rt.binary(.floorDiv, args[0], args[1]), try rt.binary(.mod, args[0], args[1])]))
            } catch let e as PyError where e.exc.cls === BuiltinTypes.typeError && e.args.first.map({ if case .str(let s) = $0 { return s.hasPrefix("unsupported") }; return false }) == true {
                throw PyError.type("unsupported operand type(s) for divmod(): '\(args[0].typeName)' and '\(args[1].typeName)'")
            }
        }
        defineBuiltin("pow") { rt, args, kw in
            try Args.count("pow", args, 2, 3)
            if args.count == 3, !args[2].isNone {
                guard case .int(let b) = args[0], case .int(var e) = args[1], case .int(let m) = args[2] else {
                    throw PyError.type("pow() 3rd argument not allowed unless all arguments are integers")
                }
                if m == 0 { throw PyError.value("pow() 3rd argument cannot be 0") }
                if e < 0 { throw PyError.value("pow() negative exponent with modulus is not supported in nn") }
                // Work with magnitudes below |m| and full-width products.
                let mm = m.magnitude
                func mulmod(_ x: UInt, _ y: UInt) -> UInt {
                    let p = x.multipliedFullWidth(by: y)
                    return mm.dividingFullWidth((p.high, p.low)).remainder
                }
                var r: UInt = 1 % mm
                // b mod |m| in [0, |m|); |Int.min| only fits unsigned (2^64 is a multiple of 2^63).
                var base = m == Int.min ? UInt(bitPattern: b) % mm : UInt(try Arith.mod(b, abs(m)))
                while e > 0 {
                    if e & 1 == 1 { r = mulmod(r, base) }
                    base = mulmod(base, base)
                    e >>= 1
                }
                // Python's result has the sign of m.
                if m < 0 && r != 0 { return .int(Int(bitPattern: r &- mm)) }
                return .int(Int(r))
            }
            return try rt.binary(.pow, args[0], args[1])
        }
        defineBuiltin("chr") { rt, args, _ in
            try Args.count("chr", args, 1, 1)
            let i = try Args.int(args[0])
            guard i >= 0, i < 0x110000 else { throw PyError.value("chr() arg not in range(0x110000)") }
            guard let u = Unicode.Scalar(UInt32(i)) else { throw PyError.value("chr() of a surrogate (0xD800-0xDFFF) is not supported in nn") }
            return .str(String(Character(u)))
        }
        defineBuiltin("ord") { rt, args, _ in
            try Args.count("ord", args, 1, 1)
            guard case .str(let s) = args[0] else { throw PyError.type("ord() expected string of length 1, but \(args[0].typeName) found") }
            let us = Array(s.unicodeScalars)
            guard us.count == 1 else { throw PyError.type("ord() expected a character, but string of length \(us.count) found") }
            return .int(Int(us[0].value))
        }
        for (name, radix, prefix) in [("bin", 2, "0b"), ("oct", 8, "0o"), ("hex", 16, "0x")] {
            defineBuiltin(name) { rt, args, _ in
                try Args.count(name, args, 1, 1)
                let i = try Args.int(args[0])
                return .str((i < 0 ? "-" : "") + prefix + String(i.magnitude, radix: radix))
            }
        }
        defineBuiltin("iter") { rt, args, _ in
            try Args.count("iter", args, 1, 1)
            return .object(try rt.iter(args[0]))
        }
        defineBuiltin("next") { rt, args, _ in
            try Args.count("next", args, 1, 2)
            let v: Value?
            switch args[0] {
            case .object(let g as PyGenerator):
                // An ended generator's StopIteration carries its return value.
                if let v = try g.frame.resume(.none) { return v }
                if args.count > 1 { return args[1] }
                throw g.frame.stopIteration()
            case .object(let it as PyIterator): v = try it.next()
            case .object(let i as PyInstance):
                guard let m = i.cls.lookup("__next__") else { throw PyError.type("'\(args[0].typeName)' object is not an iterator") }
                if args.count == 1 { return try rt.call(m, [args[0]], []) }
                do { return try rt.call(m, [args[0]], []) } catch let e as PyError where e.exc.cls.isSubclass(of: BuiltinTypes.stopIteration) {
                    return args[1]
                }
            default: throw PyError.type("'\(args[0].typeName)' object is not an iterator")
            }
            if let v { return v }
            if args.count > 1 { return args[1] }
            throw PyError(BuiltinTypes.stopIteration, "")
        }
        defineBuiltin("vars") { rt, args, _ in
            try Args.count("vars", args, 1, 1)
            return try rt.getAttr(args[0], "__dict__")
        }
        defineBuiltin("globals") { rt, _, _ in
            let d = PyDict()
            for (k, b) in rt.globals.sorted(by: { $0.key < $1.key }) {
                if case .undefined = b.p.pointee { continue }
                d.set(k, b.p.pointee)
            }
            return .object(d)
        }
        defineBuiltin("input") { _, _, _ in throw PyError(BuiltinTypes.osError, "input() is not available in nn") }
        defineBuiltin("open") { rt, args, kw in try rt.openFile(args, kw) }
    }

    func isInstance(_ v: Value, _ t: Value) throws -> Bool {
        switch t {
        case .object(let c as PyClass):
            if c === BuiltinTypes.object { return true }
            if v.pyType.isSubclass(of: c) { return true }
            // A native class may claim instances of another type (torch's Parameter claims the
            // tensors made parameters), as a metaclass `__instancecheck__` does in CPython.
            if c.isBuiltin, let check = c.dict["__instancecheck__"] { return try truth(try call(check, [v], [])) }
            return false
        case .object(let tup as PyTuple):
            for x in tup.items where try isInstance(v, x) { return true }
            return false
        default:
            throw PyError.type("isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
    }

    /// `round(x, ndigits)` with banker's rounding, as CPython.
    func round(_ x: Value, _ nd: Value) throws -> Value {
        switch x {
        case .bool(let b): return try round(.int(b ? 1 : 0), nd)
        case .int(let iv):
            if nd.isNone { return .int(iv) }
            let n = try Args.int(nd)
            if n >= 0 { return .int(iv) }
            // |iv| < 9.3e18: to a multiple of 1e19 it rounds to 0 unless past the half, which
            // is +-1e19 and does not fit; coarser multiples are always 0.
            if n < -18 { if n == -19 && iv.magnitude > 5_000_000_000_000_000_000 { throw PyError.intOverflow }; return .int(0) }
            var p = 1
            for _ in 0..<(-n) { p *= 10 }
            let q = try Arith.floorDiv(iv, p), r = try Arith.mod(iv, p)
            var res = q
            if r * 2 > p || (r * 2 == p && q % 2 != 0) { res += 1 }
            return .int(try Arith.mul(res, p))
        case .float(let d):
            if nd.isNone {
                if d.isNaN { throw PyError.value("cannot convert float NaN to integer") }
                if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
                let r = d.rounded(.toNearestOrEven)
                guard let i = Int(exactly: r) else { throw PyError.intOverflow }
                return .int(i)
            }
            let n = try Args.int(nd)
            if !d.isFinite { return .float(d) }
            if n > 300 { return .float(d) }
            // Past 10**308 every finite float rounds to 0 (and 10**-n is no longer a float).
            if n < -308 { return .float(Double(signOf: d, magnitudeOf: 0)) }
            if n >= 0 {
                let s = String(format: "%.\(n)f", d)
                return .float(Double(s) ?? d)
            }
            let p = Foundation.pow(10.0, Double(-n))
            var y = (d / p).rounded(.toNearestOrEven) * p
            if y.isInfinite { y = 0 }
            return .float(y == 0 ? Double(signOf: d, magnitudeOf: 0) : y)
        case .tscalar(let f):
            return .tscalar(f.rounded(.toNearestOrEven))
        case .object(let o as PyInstance):
            if let m = o.cls.lookup("__round__") { return try call(m, nd.isNone ? [x] : [x, nd], []) }
        case .tensor(let t):
            if let f = try tensors.getAttr(self, t, "round") { return try call(f, [], []) }
        default: break
        }
        throw PyError.type("type \(x.typeName) doesn't define __round__ method")
    }
}
