import NNSyntax
import Autograd

/// The out-of-line halves of the instructions: unbound locals, other types, errors. Operands
/// are checked in evaluation order so the error raised is the one CPython raises.
extension VMCode {
    @inline(__always) func ptr(_ l: Frame, _ x: Int32) -> UnsafeMutablePointer<Value> { l + Int(x) }

    /// The value of an operand; UnboundLocalError when it is an unbound local.
    func get(_ l: Frame, _ x: Int32) throws -> Value {
        let v = ptr(l, x).pointee
        if case .undefined = v { throw unbound(slotNames[Int(x)]) }
        return v
    }

    @inline(never) func arith<O: BinOpImpl>(_: O.Type, _ rt: Runtime, _ l: Frame, _ i: Ins) throws -> Value {
        let x = try get(l, i.a), y = try get(l, i.b)
        return try O.apply(rt, x, y)
    }

    @inline(never) func unboundAt(_ x: Int32, _ pc: Int) -> PyError {
        let e = unbound(slotNames[Int(x)])
        e.pending = extraLocs[pc]
        return e
    }

    /// `a[i][k] op b[k][j]` in general.
    @inline(never) func arithIndex2(_ rt: Runtime, _ l: Frame, _ i: Ins) throws -> Value {
        let x = try vmGetItem(rt, vmGetItem(rt, get(l, i.a), get(l, i.b)), get(l, i.c))
        let y = try vmGetItem(rt, vmGetItem(rt, get(l, i.e), get(l, i.f)), get(l, i.g))
        switch i.x {
        case 0: return try AddOp.apply(rt, x, y)
        case 1: return try SubOp.apply(rt, x, y)
        default: return try MulOp.apply(rt, x, y)
        }
    }

    /// `a op b` for op x (0 add, 1 sub, 2 mul).
    @inline(never) func arith3(_ rt: Runtime, _ l: Frame, _ i: Ins) throws -> Value {
        switch i.x {
        case 0: return try arith(AddOp.self, rt, l, i)
        case 1: return try arith(SubOp.self, rt, l, i)
        default: return try arith(MulOp.self, rt, l, i)
        }
    }

    @inline(never) func binop(_ rt: Runtime, _ l: Frame, _ i: Ins) throws -> Value {
        let x = try get(l, i.a), y = try get(l, i.b)
        return try VMCode.arith(rt, vmBinaryOps[Int(i.x)], x, y)
    }

    /// `x op y` with the int/float fast paths of the four arithmetic operators.
    @inline(__always) static func arith(_ rt: Runtime, _ op: BinaryOp, _ x: Value, _ y: Value) throws -> Value {
        switch op {
        case .add: return try AddOp.apply(rt, x, y)
        case .sub: return try SubOp.apply(rt, x, y)
        case .mul: return try MulOp.apply(rt, x, y)
        case .div: return try DivOp.apply(rt, x, y)
        default: return try rt.binary(op, x, y)
        }
    }

    /// `x op= y` on a local: numbers as `x op y`, the rest by `rt.inplace` (lists extend).
    @inline(never) func inplace(_ rt: Runtime, _ l: Frame, _ i: Ins) throws -> Value {
        let x = try get(l, i.a), y = try get(l, i.b)
        let op = vmBinaryOps[Int(i.x)]
        switch (x, y) {
        case (.int, .int), (.float, .float), (.float, .int), (.int, .float):
            return try VMCode.arith(rt, op, x, y)
        default: return try rt.inplace(op, x, y)
        }
    }

    @inline(never) func compare(_ rt: Runtime, _ l: Frame, _ i: Ins) throws -> Bool {
        let x = try get(l, i.a), y = try get(l, i.b)
        return try rt.compareTruth(vmCompareOps[Int(i.x)], x, y)
    }

    @inline(never) func globalFallbackValue(_ g: Int) throws -> Value {
        if let v = globalFallback[g] { return v }
        throw PyError.name("name '\(globalBoxes[g].name)' is not defined")
    }

    @inline(never) func callGlobalSlow(_ rt: Runtime, _ g: Int, _ base: Frame, _ argc: Int) throws -> Value {
        var f = globals[g].pointee
        if case .undefined = f { f = try globalFallbackValue(g) }
        return try rt.call(f, takeArgs(base, argc), [])
    }

    @inline(never) func isBuiltinRange(_ g: Int) -> Bool {
        guard case .object(let r)? = rangeBuiltin else { return false }
        let p = globals[g]
        if case .undefined = p.pointee { return true }
        return unretainedObject(p).map { $0.toOpaque() == Unmanaged.passUnretained(r).toOpaque() } ?? false
    }

    /// `range(...)` arguments in registers a..<a+x become start, stop, step (as ints).
    @inline(never) func rangePrep(_ l: Frame, _ i: Ins) throws {
        // No array: this runs at the start of every range loop.
        @inline(__always) func int(_ k: Int) throws -> Int {
            let v = l[Int(i.a) + k]
            switch v {
            case .int(let n): return n
            case .bool(let b): return b ? 1 : 0
            default: throw PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
            }
        }
        var start = 0, stop = 0, step = 1
        switch i.x {
        case 1: stop = try int(0)
        case 2: start = try int(0); stop = try int(1)
        default: start = try int(0); stop = try int(1); step = try int(2)
        }
        if step == 0 { throw PyError.value("range() arg 3 must not be zero") }
        l[Int(i.a)] = .int(start)
        l[Int(i.a) + 1] = .int(stop)
        l[Int(i.a) + 2] = .int(step)
    }

    /// Registers a, a+1: a list and the next index, or an iterator object and -1.
    @inline(never) func iterPrep(_ rt: Runtime, _ l: Frame, _ i: Ins) throws {
        let v = try get(l, i.b)
        if case .object(let o) = v, o is PyList {
            l[Int(i.a)] = v
            l[Int(i.a) + 1] = .int(0)
            return
        }
        let next = try rt.makeIterator(v)
        l[Int(i.a)] = .object(PyIterator(next))
        l[Int(i.a) + 1] = .int(-1)
    }

    @inline(never) func iterNext(_ s: Frame) throws -> Value? {
        guard case .object(let o) = s.pointee, let it = o as? PyIterator else { return nil }
        return try it.next()
    }

    /// `o[i]`: lists, tuples, tensors, dicts, ... as the closure compiler does.
    @inline(never) func index(_ rt: Runtime, _ l: Frame, _ i: Ins) throws -> Value {
        let o = try get(l, i.a), ix = try get(l, i.b)
        return try vmGetItem(rt, o, ix)
    }

    @inline(never) func index2(_ rt: Runtime, _ l: Frame, _ i: Ins) throws -> Value {
        let o = try get(l, i.a), ix = try get(l, i.b)
        let row = try vmGetItem(rt, o, ix)
        return try vmGetItem(rt, row, try get(l, i.c))
    }

    /// `o[i] = v` (v evaluated first, as in Python).
    @inline(never) func storeIndex(_ rt: Runtime, _ l: Frame, _ i: Ins) throws {
        let v = try get(l, i.c)
        let o = try get(l, i.a), ix = try get(l, i.b)
        if case .object(let lo) = o, case .int(let n) = ix, let list = lo as? PyList, let j = rt.normIndex(n, list.items.count) {
            list.items[j] = v
            return
        }
        try rt.setItem(o, ix, v)
    }

    /// `o[i][j] op= y` in general (y already evaluated, as the closure compiler does).
    @inline(never) func augIndex2(_ rt: Runtime, _ l: Frame, _ i: Ins) throws {
        let y = try get(l, i.d)
        let o = try get(l, i.a), ix = try get(l, i.b)
        let row = try vmGetItem(rt, o, ix)
        let jx = try get(l, i.c)
        let op = vmBinaryOps[Int(i.x)]
        let x = try rt.getItem(row, jx)
        try rt.setItem(row, jx, rt.inplace(op, x, y))
    }
}

/// `o[i]` with the list and 1-d tensor fast paths, else the runtime's general indexing.
func vmGetItem(_ rt: Runtime, _ o: Value, _ ix: Value) throws -> Value {
    if case .int(let n) = ix {
        if case .object(let lo) = o, let list = lo as? PyList {
            if let j = rt.normIndex(n, list.items.count) { return list.items[j] }
        } else if case .tensor(let t) = o, let v = TensorFast.read1(t, n) {
            return v
        }
    }
    return try rt.getItem(o, ix)
}
