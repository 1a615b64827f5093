import NNSyntax
import Foundation
import Autograd

// The instructions' semantics beyond moving values: each calls the Runtime's one home for it,
// with int/float fast paths in front.

/// `x + y`, `x - y`, `x * y` (op 0, 1, 2) on ints that do not overflow and floats; nil for
/// anything else (the general path decides).
@inline(__always) func engineArith(_ op: Int, _ px: UnsafePointer<Value>, _ py: UnsafePointer<Value>) -> Value? {
    // One operand at a time: a switch over the pair would copy both values (an outlined copy
    // and destroy per operand).
    if case .float(let x) = px.pointee {
        let y: Double
        if case .float(let f) = py.pointee { y = f } else if case .int(let n) = py.pointee { y = Double(n) } else { return nil }
        return .float(op == 0 ? x + y : op == 1 ? x - y : x * y)
    }
    if case .int(let x) = px.pointee {
        if case .int(let y) = py.pointee {
            let (r, o) = op == 0 ? x.addingReportingOverflow(y) : op == 1 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
            return o ? nil : .int(r)
        }
        if case .float(let y) = py.pointee {
            let xf = Double(x)
            return .float(op == 0 ? xf + y : op == 1 ? xf - y : xf * y)
        }
        return nil
    }
    if case .tscalar(let x) = px.pointee, case .tscalar(let y) = py.pointee {
        // Two float32 tensor elements: float32 arithmetic, as PyTorch's 0-d tensors.
        return .tscalar(op == 0 ? x + y : op == 1 ? x - y : x * y)
    }
    return nil
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

/// binaryOps[o] without the table (a global array costs a lazy-initialisation check per read).
@inline(__always) func binaryOp<I: BinaryInteger>(_ o: I) -> BinaryOp {
    switch o {
    case 0: .add
    case 1: .sub
    case 2: .mul
    case 3: .matMul
    case 4: .div
    case 5: .floorDiv
    case 6: .mod
    case 7: .pow
    case 8: .lShift
    case 9: .rShift
    case 10: .bitOr
    case 11: .bitXor
    default: .bitAnd
    }
}

/// `x compareOps[o] y` for two ints and an ordering operator (o < 6), without a jump table:
/// which of <, ==, > holds is one bit of three, tested against the operator's mask (eq 2,
/// ne 5, lt 1, le 3, gt 4, ge 6 - one octal digit each, eq lowest). Ints only: a float NaN
/// is none of the three, yet `!=` holds for it.
@inline(__always) func intCompareHolds(_ o: UInt8, _ x: Int, _ y: Int) -> Bool {
    let state = (x < y ? 1 : 0) | (x == y ? 2 : 0) | (x > y ? 4 : 0)
    return state & (0o643152 &>> (Int(o) &* 3)) != 0
}

/// compareOps[o] without the table.
@inline(__always) func compareOp<I: BinaryInteger>(_ o: I) -> CompareOp {
    switch o {
    case 0: .eq
    case 1: .ne
    case 2: .lt
    case 3: .le
    case 4: .gt
    case 5: .ge
    case 6: .in
    case 7: .notIn
    case 8: .is
    default: .isNot
    }
}

/// The tensor a stack or slot value holds, without a retain (the value keeps it alive).
@inline(__always) func peekTensor(_ p: UnsafeMutablePointer<Value>) -> Unmanaged<Variable>? {
    if case .tensor(let v) = p.pointee { return Unmanaged.passUnretained(v) }
    return nil
}

/// The next item of the iterator `u` (ranges and lists without a dynamic call), nil at its end.
/// Steps a range iterator into a local slot: 1 stepped, 2 exhausted, 0 not a range.
@inline(__always) func stepRange(_ u: Unmanaged<PyObject>, _ rangeClass: ObjectIdentifier, _ slot: UnsafeMutablePointer<Value>) -> Int {
    u._withUnsafeGuaranteedRef { o -> Int in
        guard ObjectIdentifier(type(of: o)) == rangeClass else { return 0 }
        let r = unsafeDowncast(o, to: RangeIter.self)
        let c = r.cur
        guard r.step > 0 ? c < r.stop : c > r.stop else { return 2 }
        let (n, ov) = c.addingReportingOverflow(r.step)
        r.cur = ov ? r.stop : n
        dropSlot(slot)
        slot.initialize(to: .int(c))
        return 1
    }
}

@inline(__always) func nextItem(_ u: Unmanaged<PyObject>, _ rt: Runtime) throws -> Value? {
    try u._withUnsafeGuaranteedRef { o in
        if ObjectIdentifier(type(of: o)) == rt.rangeIterClass {
            let r = unsafeDowncast(o, to: RangeIter.self)
            guard r.step > 0 ? r.cur < r.stop : r.cur > r.stop else { return nil }
            let c = r.cur
            let (n, ov) = c.addingReportingOverflow(r.step)
            r.cur = ov ? r.stop : n
            return .int(c)
        }
        if ObjectIdentifier(type(of: o)) == rt.listIterClass {
            return unsafeDowncast(o, to: ListIter.self).next()
        }
        return try unsafeDowncast(o, to: PyIterator.self).next()
    }
}

/// The address of item `n` (negative from the end) of the list at `po`, or nil when `po` holds
/// no list or `n` is out of range (another path then runs: the Runtime raises). The address is
/// read in place, valid until the list changes: callers copy the item at once. A tensor's
/// `v[i]` is a view in PyTorch (it sees later writes), so it takes the general path.
@inline(__always) func listItem(_ po: UnsafeMutablePointer<Value>, _ n: Int, _ listClass: ObjectIdentifier) -> UnsafeMutablePointer<Value>? {
    guard let u = peekObject(po) else { return nil }
    return u._withUnsafeGuaranteedRef { o -> UnsafeMutablePointer<Value>? in
        guard ObjectIdentifier(type(of: o)) == listClass else { return nil }
        let list = unsafeDowncast(o, to: PyList.self)
        guard let j = listIndex(n, list.items.count) else { return nil }
        return list.items.withUnsafeBufferPointer { UnsafeMutablePointer(mutating: $0.baseAddress! + j) }
    }
}

/// Python's index `n` into `count` items (negative from the end), nil when out of range.
@inline(__always) func listIndex(_ n: Int, _ count: Int) -> Int? {
    // An index in range costs one unsigned comparison (a negative one compares as huge).
    if UInt(bitPattern: n) < UInt(bitPattern: count) { return n }
    let j = n &+ count
    return n < 0 && j >= 0 ? j : nil
}

/// `o[i, j]` read in place for a float32 matrix that needs no grad; nil otherwise. The element
/// is a 0-d value (`.tscalar`), as the engine's `o[i, j]` has always read it.
@inline(__always) func fastItem2(_ po: UnsafeMutablePointer<Value>, _ i: Int, _ j: Int) -> Value? {
    guard let u = peekTensor(po), let p = elementAddress(u, i, j) else { return nil }
    return .tscalar(p.pointee)
}

/// The address of element `[i, j]` of a float32 matrix that needs no grad, or nil. A plain
/// tensor (no view, no grad) is decided by two bounds checks; views ask their base.
@inline(__always) func elementAddress(_ u: Unmanaged<Variable>, _ i: Int, _ j: Int) -> UnsafeMutablePointer<Float>? {
    if let p = u._withUnsafeGuaranteedRef({ $0.plainElements.address(i, j) }) { return p }
    return viewElementAddress(u.takeUnretainedValue(), i, j)
}

/// `elementAddress` for what `plainElements` does not reach: views (and misses, again nil).
@inline(never) func viewElementAddress(_ v: Variable, _ i: Int, _ j: Int) -> UnsafeMutablePointer<Float>? {
    v.elementsWithoutGrad?.address(i, j)
}

/// `elementAddress` for element `[i]` of a float32 vector.
@inline(__always) func elementAddress(_ u: Unmanaged<Variable>, _ i: Int) -> UnsafeMutablePointer<Float>? {
    if let p = u._withUnsafeGuaranteedRef({ $0.plainElements.address(i) }) { return p }
    return viewElementAddress(u.takeUnretainedValue(), i)
}

@inline(never) func viewElementAddress(_ v: Variable, _ i: Int) -> UnsafeMutablePointer<Float>? {
    v.elementsWithoutGrad?.address(i)
}

/// A number as the float32 a tensor element stores, or nil for anything else.
@inline(__always) func elementFloat(_ p: UnsafeMutablePointer<Value>) -> Float? {
    switch p.pointee {
    case .tscalar(let f): return f
    case .float(let d): return Float(d)
    case .int(let n): return Float(n)
    default: return nil
    }
}

/// `o[n] = v` in place for a list or a float32 vector that needs no grad. On success the value
/// at `pv` has been consumed (moved into the list, or a number needing no destroy).
@inline(__always) func fastStore(_ po: UnsafeMutablePointer<Value>, _ n: Int, _ pv: UnsafeMutablePointer<Value>,
                                  _ listClass: ObjectIdentifier) -> Bool {
    if let u = peekObject(po) {
        return u._withUnsafeGuaranteedRef { o -> Bool in
            guard ObjectIdentifier(type(of: o)) == listClass else { return false }
            return storeListItem(Unmanaged.passUnretained(unsafeDowncast(o, to: PyList.self)), n, pv)
        }
    }
    guard let u = peekTensor(po), let f = elementFloat(pv), let p = elementAddress(u, n) else { return false }
    p.pointee = f
    return true
}

/// `list[n] = v` in place when `n` is in range (the value at `pv` consumed).
@inline(__always) func storeListItem(_ u: Unmanaged<PyList>, _ n: Int, _ pv: UnsafeMutablePointer<Value>) -> Bool {
    u._withUnsafeGuaranteedRef { list -> Bool in
        guard let j = listIndex(n, list.items.count) else { return false }
        // One uniqueness check (the list's storage may be shared copy-on-write), then the
        // old item goes and the new one moves in.
        list.items.withUnsafeMutableBufferPointer { buf in
            let p = buf.baseAddress! + j
            dropSlot(p)
            moveValue(p, pv)
        }
        return true
    }
}

/// `o[i, j] = v` in place for a float32 matrix that needs no grad (`v` a number, consumed).
@inline(__always) func fastStore2(_ po: UnsafeMutablePointer<Value>, _ i: Int, _ j: Int, _ pv: UnsafeMutablePointer<Value>) -> Bool {
    guard let u = peekTensor(po), let f = elementFloat(pv), let p = elementAddress(u, i, j) else { return false }
    p.pointee = f
    return true
}

extension Bytecode {
    /// A fused instruction's variable (m 0 local slot, 1 global) when its fast path did not
    /// apply: UnboundLocalError for an unbound local, a builtin or NameError for a global.
    @inline(never) func variableValue(_ l: Frame, _ m: UInt8, _ x: Int) throws -> Value {
        if m == 0 {
            let v = l[x]
            if case .undefined = v { throw unbound(slotNames[x]) }
            return v
        }
        let v = globals[x].p.pointee
        if case .undefined = v { return try globalFallbackValue(x) }
        return v
    }
}
