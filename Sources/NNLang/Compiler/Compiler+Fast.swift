import NNSyntax
import Autograd

/// Operator implementations with inline int/float fast paths, specialised per operator and
/// per operand shape (local slot, constant, any expression) so the hot loops of the
/// benchmarks run without a dispatch per node.
protocol BinOpImpl {
    static var op: BinaryOp { get }
    static func apply(_ rt: Runtime, _ x: Value, _ y: Value) throws -> Value
    /// The int result, or nil when it overflows or the operator has no int fast path.
    static func int(_ a: Int, _ b: Int) -> Int?
}

extension BinOpImpl {
    @inline(__always) static func int(_ a: Int, _ b: Int) -> Int? { nil }
}

enum AddOp: BinOpImpl {
    @inline(__always) static func int(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }
    static var op: BinaryOp { .add }
    @inline(__always) static func apply(_ rt: Runtime, _ x: Value, _ y: Value) throws -> Value {
        switch (x, y) {
        case (.int(let a), .int(let b)):
            let (r, o) = a.addingReportingOverflow(b)
            if o { throw PyError.intOverflow }
            return .int(r)
        case (.float(let a), .float(let b)): return .float(a + b)
        case (.int(let a), .float(let b)): return .float(Double(a) + b)
        case (.float(let a), .int(let b)): return .float(a + Double(b))
        case (.tscalar(let a), .tscalar(let b)): return .tscalar(a + b)
        default: return try rt.binary(.add, x, y)
        }
    }
}

enum SubOp: BinOpImpl {
    @inline(__always) static func int(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.subtractingReportingOverflow(b)
        return o ? nil : r
    }
    static var op: BinaryOp { .sub }
    @inline(__always) static func apply(_ rt: Runtime, _ x: Value, _ y: Value) throws -> Value {
        switch (x, y) {
        case (.int(let a), .int(let b)):
            let (r, o) = a.subtractingReportingOverflow(b)
            if o { throw PyError.intOverflow }
            return .int(r)
        case (.float(let a), .float(let b)): return .float(a - b)
        case (.int(let a), .float(let b)): return .float(Double(a) - b)
        case (.float(let a), .int(let b)): return .float(a - Double(b))
        default: return try rt.binary(.sub, x, y)
        }
    }
}

enum MulOp: BinOpImpl {
    @inline(__always) static func int(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : r
    }
    static var op: BinaryOp { .mul }
    @inline(__always) static func apply(_ rt: Runtime, _ x: Value, _ y: Value) throws -> Value {
        switch (x, y) {
        case (.int(let a), .int(let b)):
            let (r, o) = a.multipliedReportingOverflow(by: b)
            if o { throw PyError.intOverflow }
            return .int(r)
        case (.float(let a), .float(let b)): return .float(a * b)
        case (.int(let a), .float(let b)): return .float(Double(a) * b)
        case (.float(let a), .int(let b)): return .float(a * Double(b))
        case (.tscalar(let a), .tscalar(let b)): return .tscalar(a * b)
        default: return try rt.binary(.mul, x, y)
        }
    }
}

enum DivOp: BinOpImpl {
    static var op: BinaryOp { .div }
    @inline(__always) static func apply(_ rt: Runtime, _ x: Value, _ y: Value) throws -> Value {
        switch (x, y) {
        case (.float(let a), .float(let b)) where b != 0: return .float(a / b)
        case (.int(let a), .float(let b)) where b != 0: return .float(Double(a) / b)
        case (.float(let a), .int(let b)) where b != 0: return .float(a / Double(b))
        default: return try rt.binary(.div, x, y)
        }
    }
}

/// How an operand can be fetched without a closure call.
enum Operand {
    case local(Int, String)
    case const(Value)
    case expr(Eval)
}

@inline(__always) func unbound(_ name: String) -> PyError {
    PyError(BuiltinTypes.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
}

extension Compiler {
    func operand(_ e: Expr) -> Operand {
        switch e.kind {
        case .int(let i): return .const(.int(Int(i)))
        case .float(let d): return .const(.float(d))
        case .name(let n):
            if case .local(let s) = resolve(n) { return .local(s, n) }
        default: break
        }
        return .expr(expr(e))
    }

    /// `x[i][j]` with a local `x` and local/constant indices: (slot, i, j).
    func listOfListsRef(_ e: Expr) -> (Int, IntOperand, IntOperand)? {
        if case .subscript(let inner, let index) = e.kind, case .subscript(let base, let innerIndex) = inner.kind,
           case .local(let s, _) = operand(base), let oi = intOperand(innerIndex), let oj = intOperand(index) {
            return (s, oi, oj)
        }
        return nil
    }

    func specialized<O: BinOpImpl>(_: O.Type, _ a: Expr, _ b: Expr) -> Eval {
        let rt = self.rt
        if let (sa, ai, aj) = listOfListsRef(a), let (sb, bi, bj) = listOfListsRef(b) {
            // `a[i][k] * b[k][j]` on local lists of lists: both items read in one closure. The
            // reads have no effects, so any miss falls back to evaluating both operands afresh.
            let ae = expr(a), be = expr(b)
            return { l in
                if let i1 = ai.read(l), let j1 = aj.read(l), let i2 = bi.read(l), let j2 = bj.read(l),
                   let x = readListOfLists(l, sa, i1, j1), let y = readListOfLists(l, sb, i2, j2) {
                    return try O.apply(rt, x, y)
                }
                return try O.apply(rt, ae(l), be(l))
            }
        }
        switch (operand(a), operand(b)) {
        case (.local(let s, let n), .const(.int(let k))):
            // `n - 1`: the int payload is read in place, no Value copy or tuple switch.
            let c = Value.int(k)
            return { l in
                if case .int(let a) = l[s], let r = O.int(a, k) { return .int(r) }
                let x = l[s]
                if case .undefined = x { throw unbound(n) }
                return try O.apply(rt, x, c)
            }
        case (.local(let s, let n), .const(let c)):
            return { l in
                let x = l[s]
                if case .undefined = x { throw unbound(n) }
                return try O.apply(rt, x, c)
            }
        case (.const(let c), .local(let s, let n)):
            return { l in
                let y = l[s]
                if case .undefined = y { throw unbound(n) }
                return try O.apply(rt, c, y)
            }
        case (.local(let s, let n), .local(let t, let m)):
            return { l in
                if case .int(let a) = l[s], case .int(let b) = l[t], let r = O.int(a, b) { return .int(r) }
                let x = l[s], y = l[t]
                if case .undefined = x { throw unbound(n) }
                if case .undefined = y { throw unbound(m) }
                return try O.apply(rt, x, y)
            }
        case (.expr(let e), .const(let c)):
            return { l in try O.apply(rt, e(l), c) }
        case (.expr(let e), .local(let t, let m)):
            return { l in
                let x = try e(l)
                let y = l[t]
                if case .undefined = y { throw unbound(m) }
                return try O.apply(rt, x, y)
            }
        case (.local(let s, let n), .expr(let e)):
            return { l in
                let x = l[s]
                if case .undefined = x { throw unbound(n) }
                return try O.apply(rt, x, e(l))
            }
        default:
            let ae = expr(a), be = expr(b)
            return { l in
                let x = try ae(l), y = try be(l)
                if case .int(let a) = x, case .int(let b) = y, let r = O.int(a, b) { return .int(r) }
                return try O.apply(rt, x, y)
            }
        }
    }

    /// `x < c`-style conditions on a local and a constant or another local.
    func fastCompare(_ a: Expr, _ op: CompareOp, _ b: Expr) -> ((Frame) throws -> Bool)? {
        let rt = self.rt
        switch (operand(a), operand(b)) {
        case (.local(let s, let n), .const(let c)):
            if case .int(let k) = c {
                switch op {
                case .lt: return localIntCmp(LtCmp.self, s, n, k)
                case .le: return localIntCmp(LeCmp.self, s, n, k)
                case .gt: return localIntCmp(GtCmp.self, s, n, k)
                case .ge: return localIntCmp(GeCmp.self, s, n, k)
                case .eq: return localIntCmp(EqCmp.self, s, n, k)
                case .ne: return localIntCmp(NeCmp.self, s, n, k)
                default: break
                }
                return { l in
                    let x = l[s]
                    if case .int(let i) = x { return rt.cmpOrdered(op, i, k) }
                    if case .undefined = x { throw unbound(n) }
                    return try rt.truth(rt.compare(op, x, c))
                }
            }
            return nil
        case (.local(let s, let n), .local(let t, let m)):
            return { l in
                let x = l[s], y = l[t]
                if case .int(let i) = x, case .int(let j) = y { return rt.cmpOrdered(op, i, j) }
                if case .undefined = x { throw unbound(n) }
                if case .undefined = y { throw unbound(m) }
                return try rt.truth(rt.compare(op, x, y))
            }
        default: return nil
        }
    }
}

/// One comparison operator on ints, as a type (so each `local OP const` closure is specialised).
protocol IntCmp {
    static var op: CompareOp { get }
    static func test(_ a: Int, _ b: Int) -> Bool
}
enum LtCmp: IntCmp { static var op: CompareOp { .lt }; @inline(__always) static func test(_ a: Int, _ b: Int) -> Bool { a < b } }
enum LeCmp: IntCmp { static var op: CompareOp { .le }; @inline(__always) static func test(_ a: Int, _ b: Int) -> Bool { a <= b } }
enum GtCmp: IntCmp { static var op: CompareOp { .gt }; @inline(__always) static func test(_ a: Int, _ b: Int) -> Bool { a > b } }
enum GeCmp: IntCmp { static var op: CompareOp { .ge }; @inline(__always) static func test(_ a: Int, _ b: Int) -> Bool { a >= b } }
enum EqCmp: IntCmp { static var op: CompareOp { .eq }; @inline(__always) static func test(_ a: Int, _ b: Int) -> Bool { a == b } }
enum NeCmp: IntCmp { static var op: CompareOp { .ne }; @inline(__always) static func test(_ a: Int, _ b: Int) -> Bool { a != b } }

extension Compiler {
    /// `n < 2` on a local and an int constant: the payload is tested in place.
    func localIntCmp<C: IntCmp>(_: C.Type, _ s: Int, _ n: String, _ k: Int) -> (Frame) throws -> Bool {
        let rt = self.rt
        return { l in
            if case .int(let i) = l[s] { return C.test(i, k) }
            let x = l[s]
            if case .undefined = x { throw unbound(n) }
            return try rt.truth(rt.compare(C.op, x, .int(k)))
        }
    }
}

extension Compiler {
    /// `if x OP k: return y` with locals `x`, `y` and an int constant `k`, in one closure.
    func ifIntReturn<C: IntCmp>(_: C.Type, _ cs: Int, _ cn: String, _ k: Int, _ hLoc: SourceLocation,
                                _ slot: Int, _ rn: String, _ rLoc: SourceLocation) -> Exec {
        let rt = self.rt
        return { l in
            let t: Bool
            if case .int(let i) = l[cs] {
                t = C.test(i, k)
            } else {
                do {
                    let x = l[cs]
                    if case .undefined = x { throw unbound(cn) }
                    t = try rt.truth(rt.compare(C.op, x, .int(k)))
                } catch { throw stamp(error, hLoc) }
            }
            if t {
                let v = l[slot]
                if case .undefined = v { throw stamp(unbound(rn), rLoc) }
                l[0] = v
                return .returned
            }
            return .normal
        }
    }
}

/// An int index read straight from a local slot or a constant.
enum IntOperand {
    case local(Int)
    case const(Int)
    @inline(__always) func read(_ l: Frame) -> Int? {
        switch self {
        case .const(let k): return k
        case .local(let s):
            if case .int(let i) = l[s] { return i }
            return nil
        }
    }
}

extension Compiler {
    func intOperand(_ e: Expr) -> IntOperand? {
        switch operand(e) {
        case .local(let s, _): return .local(s)
        case .const(.int(let k)): return .const(k)
        default: return nil
        }
    }
}

/// The list a value holds (no dynamic cast).
@inline(__always) func asList(_ o: PyObject) -> PyList? {
    ObjectIdentifier(type(of: o)) == ObjectIdentifier(PyList.self) ? unsafeDowncast(o, to: PyList.self) : nil
}

/// The object a value slot holds, unretained (the slot keeps it alive while no nn code runs).
@inline(__always) func unretainedObject(_ v: UnsafePointer<Value>) -> Unmanaged<PyObject>? {
    if case .object(let o) = v.pointee { return .passUnretained(o) }
    return nil
}

/// The list in a slot, unretained.
@inline(__always) func unretainedList(_ v: UnsafePointer<Value>) -> Unmanaged<PyList>? {
    guard let u = unretainedObject(v) else { return nil }
    return u._withUnsafeGuaranteedRef { o in
        ObjectIdentifier(type(of: o)) == ObjectIdentifier(PyList.self)
            ? Unmanaged.passUnretained(unsafeDowncast(o, to: PyList.self)) : nil
    }
}

/// Row `i` of the list of lists in slot `s`, unretained (nil unless it is a list in range).
@inline(__always) func unretainedRow(_ l: Frame, _ s: Int, _ i: Int) -> Unmanaged<PyList>? {
    guard let ou = unretainedList(l + s) else { return nil }
    return ou._withUnsafeGuaranteedRef { outer in
        let n = outer.items.count
        let ii = i < 0 ? i + n : i
        guard ii >= 0 && ii < n else { return nil }
        return outer.items.withUnsafeBufferPointer { buf in unretainedList(buf.baseAddress! + ii) }
    }
}

/// `x[i][j]` on a local list of lists with int indices: nothing is retained.
@inline(__always) func readListOfLists(_ l: Frame, _ s: Int, _ i: Int, _ j: Int) -> Value? {
    guard let ru = unretainedRow(l, s, i) else { return nil }
    return ru._withUnsafeGuaranteedRef { row in
        let m = row.items.count
        let jj = j < 0 ? j + m : j
        guard jj >= 0 && jj < m else { return nil }
        return row.items[jj]
    }
}

/// `x[i][j] op= y` on a local list of lists of floats/ints.
@inline(__always) func updateListOfLists<O: BinOpImpl>(_: O.Type, _ rt: Runtime, _ l: Frame, _ s: Int, _ i: Int, _ j: Int, _ y: Value) throws -> Bool {
    guard let ru = unretainedRow(l, s, i) else { return false }
    return try ru._withUnsafeGuaranteedRef { row in
        let m = row.items.count
        let jj = j < 0 ? j + m : j
        guard jj >= 0 && jj < m else { return false }
        switch (row.items[jj], y) {
        case (.float, .float), (.int, .int), (.float, .int), (.int, .float):
            row.items[jj] = try O.apply(rt, row.items[jj], y)
            return true
        default:
            return false
        }
    }
}

/// The tensor in a slot, unretained (the slot keeps it alive; no nn code runs meanwhile).
@inline(__always) func unretainedTensor(_ v: UnsafePointer<Value>) -> Unmanaged<Variable>? {
    if case .tensor(let t) = v.pointee { return .passUnretained(t) }
    return nil
}
