import NNSyntax
import Foundation

// The instructions' semantics beyond moving values: each calls the Runtime's one home for it,
// with int/float fast paths in front.

/// `x + y`, `x - y`, `x * y` (op 0, 1, 2) on ints that do not overflow and floats; nil for
/// anything else (the general path decides).
@inline(__always) func engineArith(_ op: Int, _ px: UnsafePointer<Value>, _ py: UnsafePointer<Value>) -> Value? {
    switch (px.pointee, py.pointee) {
    case (.float(let x), .float(let y)): return .float(op == 0 ? x + y : op == 1 ? x - y : x * y)
    case (.float(let x), .int(let n)):
        let y = Double(n)
        return .float(op == 0 ? x + y : op == 1 ? x - y : x * y)
    case (.int(let n), .float(let y)):
        let x = Double(n)
        return .float(op == 0 ? x + y : op == 1 ? x - y : x * y)
    case (.int(let x), .int(let y)):
        let (r, o) = op == 0 ? x.addingReportingOverflow(y) : op == 1 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
        return o ? nil : .int(r)
    default: return nil
    }
}

/// `x op y`: float division inline, everything else in the Runtime's one home.
@inline(__always) func engineBinary(_ rt: Runtime, _ op: BinaryOp, _ x: Value, _ y: Value) throws -> Value {
    if op == .div {
        switch (x, y) {
        case (.float(let a), .float(let b)) where b != 0: return .float(a / b)
        case (.int(let a), .float(let b)) where b != 0: return .float(Double(a) / b)
        case (.float(let a), .int(let b)) where b != 0: return .float(a / Double(b))
        default: break
        }
    }
    return try rt.binary(op, x, y)
}

/// UnboundLocalError for a local read before assignment.
@inline(__always) func unbound(_ name: String) -> PyError {
    PyError(BuiltinTypes.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
}

/// `x op= y`: numbers as `x op y`, the rest through `Runtime.inplace` (lists extend in place).
@inline(__always) func engineInplace(_ rt: Runtime, _ op: BinaryOp, _ x: Value, _ y: Value) throws -> Value {
    switch (x, y) {
    case (.int, .int), (.float, .float), (.float, .int), (.int, .float): return try engineBinary(rt, op, x, y)
    default: return try rt.inplace(op, x, y)
    }
}

@inline(__always) func engineTruth(_ rt: Runtime, _ v: Value) throws -> Bool {
    if case .bool(let b) = v { return b }
    return try rt.truth(v)
}

@inline(__always) func engineCompare(_ rt: Runtime, _ op: CompareOp, _ x: Value, _ y: Value) throws -> Value {
    switch op {
    case .in, .notIn, .is, .isNot: return try rt.compare(op, x, y)
    default:
        switch (x, y) {
        case (.int(let p), .int(let q)): return .bool(rt.cmpOrdered(op, p, q))
        case (.float(let p), .float(let q)): return .bool(rt.cmpOrdered(op, p, q))
        default: return try rt.compare(op, x, y)
        }
    }
}

/// The iterator a `for` walks: ranges and lists without a closure call per item.
func engineIterator(_ rt: Runtime, _ v: Value) throws -> Value {
    if case .object(let o) = v {
        if let r = o as? PyRange { return .object(RangeIter(r.start, r.stop, r.step)) }
        if let l = o as? PyList { return .object(ListIter(l)) }
    }
    return .object(PyIterator(try rt.makeIterator(v)))
}

/// A range being iterated (only the loop sees it).
final class RangeIter: PyObject, @unchecked Sendable {
    var cur: Int
    let stop: Int, step: Int
    init(_ start: Int, _ stop: Int, _ step: Int) { cur = start; self.stop = stop; self.step = step }
}

/// A list being iterated: reads the live list, as Python's list iterator does.
final class ListIter: PyObject, @unchecked Sendable {
    let list: PyList
    var i = 0
    init(_ list: PyList) { self.list = list }
    @inline(__always) func next() -> Value? {
        guard i < list.items.count else { return nil }
        defer { i += 1 }
        return list.items[i]
    }
}

/// `o[i]`, lists read directly.
@inline(__always) func engineGetItem(_ rt: Runtime, _ o: Value, _ ix: Value) throws -> Value {
    if case .int(let n) = ix, case .object(let lo) = o, let list = lo as? PyList, let j = rt.normIndex(n, list.items.count) {
        return list.items[j]
    }
    return try rt.getItem(o, ix)
}

/// `o[i] = v`, lists written directly.
@inline(__always) func engineSetItem(_ rt: Runtime, _ o: Value, _ ix: Value, _ v: Value) throws {
    if case .int(let n) = ix, case .object(let lo) = o, let list = lo as? PyList, let j = rt.normIndex(n, list.items.count) {
        list.items[j] = v
        return
    }
    try rt.setItem(o, ix, v)
}

extension Bytecode {
    /// A call with `*args` / `**kwargs` parts.
    @inline(never) func callWithShape(_ rt: Runtime, _ f: Value, _ shape: [CallPart], _ vals: [Value]) throws -> Value {
        var pos: [Value] = []
        var kw: Kwargs = []
        for (part, v) in zip(shape, vals) {
            switch part {
            case .positional: pos.append(v)
            case .star: pos += try rt.iterateToArray(v)
            case .keyword(let n):
                if kw.contains(where: { $0.0 == n }) {
                    throw PyError.type("\(try rt.callableName(f))() got multiple values for keyword argument '\(n)'")
                }
                kw.append((n, v))
            case .doubleStar:
                guard case .object(let d as PyDict) = v else {
                    throw PyError.type("\(try rt.callableName(f))() argument after ** must be a mapping, not \(v.typeName)")
                }
                for k in 0..<d.count {
                    guard case .str(let key) = d.keys[k] else { throw PyError.type("keywords must be strings") }
                    if kw.contains(where: { $0.0 == key }) {
                        throw PyError.type("\(try rt.callableName(f))() got multiple values for keyword argument '\(key)'")
                    }
                    kw.append((key, d.values[k]))
                }
            }
        }
        return try rt.call(f, pos, kw)
    }

    @inline(never) func makeFunction(_ t: FunctionTemplate, _ l: Frame, _ defaults: [Value], _ kwVals: [Value]) -> PyFunction {
        var kwd: [String: Value] = [:]
        for (n, v) in zip(t.kwDefaultNames, kwVals) { kwd[n] = v }
        var cells: [PyCell] = []
        for s in t.closureSlots {
            if case .object(let o) = l[s] { cells.append(unsafeDowncast(o, to: PyCell.self)) } else { cells.append(PyCell()) }
        }
        let f = PyFunction(code: t.code, defaults: defaults, kwDefaults: kwd, closure: cells)
        f.doc = t.doc
        return f
    }

    /// Runs a class body in its own frame, then makes the class from its namespace.
    @inline(never) func buildClass(_ rt: Runtime, _ t: ClassTemplate, _ l: Frame, _ bases: [Value], _ keywordValues: [Value]) throws -> Value {
        let ns = PyDict()
        let n = t.nslots
        return try withUnsafeTemporaryAllocation(of: Value.self, capacity: n) { buf in
            let cl = buf.baseAddress!
            cl.initialize(repeating: .undefined, count: n)
            defer { cl.deinitialize(count: n) }
            cl[1] = .object(ns)
            for s in t.cellLocals { cl[s] = .object(PyCell()) }
            for (k, s) in t.freeSlots.enumerated() {
                if case .object(let o) = l[t.closureSlots[k]] { cl[s] = .object(o) }
            }
            _ = try t.body.run(rt, cl)
            if let d = t.doc { ns.set("__doc__", .str(d)) }
            let cls = try rt.buildClass(name: t.name, bases: bases, namespace: ns,
                                        keywords: Array(zip(t.keywordNames, keywordValues)))
            if let s = t.classCellSlot, case .object(let o) = cl[s] { unsafeDowncast(o, to: PyCell.self).value = cls }
            return cls
        }
    }

    /// `raise`, `raise exc`, `raise exc from cause`.
    @inline(never) func raise(_ rt: Runtime, _ operands: (Value, Value?)?) throws {
        guard let (v, cause) = operands else {
            guard let cur = rt.handling.last else { throw PyError.runtime("No active exception to reraise") }
            cur.pending = nil
            throw cur
        }
        let inst: PyInstance
        switch v {
        case .object(let c as PyClass) where c.isException:
            guard case .object(let i as PyInstance) = try rt.instantiate(c, [], []) else { throw PyError.type("bad exception") }
            inst = i
        case .object(let i as PyInstance) where i.cls.isException:
            inst = i
        default:
            throw PyError.type("exceptions must derive from BaseException")
        }
        if let cause { inst.attrs["__cause__"] = cause }
        throw PyError(inst)
    }

    /// `%time` / `%timeit`: IPython's output, marked volatile.
    @inline(never) func runMagic(_ rt: Runtime, _ m: MagicTemplate, _ l: Frame) throws {
        switch m.kind {
        case .time:
            let c0 = cpuTimes(), w0 = wallClock()
            let value = try m.body.run(rt, l)
            let c1 = cpuTimes(), w1 = wallClock()
            let user = c1.user - c0.user, sys = c1.sys - c0.sys
            rt.write("CPU times: user \(formatTimespan(user)), sys: \(formatTimespan(sys)), total: \(formatTimespan(user + sys))\n")
            rt.write("Wall time: \(formatTimespan(w1 - w0))\n")
            rt.markVolatile()
            if m.hasResult { rt.lastResult = value }
        case .timeit:
            let repeats = max(m.repeatCount ?? 7, 1)
            func timeLoops(_ n: Int) throws -> Double {
                let t0 = wallClock()
                for _ in 0..<n { _ = try m.body.run(rt, l); try rt.tick() }
                return wallClock() - t0
            }
            var n = m.number ?? 1
            if m.number == nil {
                // IPython's autorange: 1, 2, 5, 10, 20, 50, ... until a run takes >= 0.2 s.
                var k = 1
                outer: while true {
                    for f in [1, 2, 5] {
                        n = k * f
                        if try timeLoops(n) >= 0.2 { break outer }
                    }
                    k *= 10
                }
            }
            var per: [Double] = []
            for _ in 0..<repeats { per.append(try timeLoops(n) / Double(n)) }
            let mean = per.reduce(0, +) / Double(per.count)
            let std = Foundation.sqrt(per.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(per.count))
            let loops = group(String(n), ",", every: 3)
            rt.write("\(formatTimespan(mean)) \u{b1} \(formatTimespan(std)) per loop (mean \u{b1} std. dev. of \(repeats) run\(repeats == 1 ? "" : "s"), \(loops) loop\(n == 1 ? "" : "s") each)\n")
            rt.markVolatile()
        }
    }
}
