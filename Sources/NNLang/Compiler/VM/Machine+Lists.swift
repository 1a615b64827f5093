import NNSyntax
/// List reads and updates for the dispatch loop: nothing retained, one index compare, the
/// list-of-lists forms (`x[i][j]`, `c[i][j] += a[i][k] * b[k][j]`) in one step.

/// A Python index into `n` items (negative counts from the end); nil when out of range.
/// One unsigned compare in the common case.
@inline(__always) func vmIndex(_ i: Int, _ n: Int) -> Int? {
    if UInt(bitPattern: i) < UInt(bitPattern: n) { return i }
    if i < 0 && i &+ n >= 0 { return i &+ n }
    return nil
}

/// The list in a register, unretained (the register keeps it alive).
@inline(__always) func vmList(_ p: UnsafePointer<Value>, _ listType: ObjectIdentifier) -> Unmanaged<PyList>? {
    if case .object(let o) = p.pointee, ObjectIdentifier(type(of: o)) == listType {
        return .passUnretained(unsafeDowncast(o, to: PyList.self))
    }
    return nil
}

/// Item `i` of the list in a register, read through `body` (nil when out of range); nothing
/// is retained.
@inline(__always) func vmItem<R>(_ p: UnsafePointer<Value>, _ i: Int, _ listType: ObjectIdentifier,
                                 _ body: (UnsafePointer<Value>) throws -> R?) rethrows -> R? {
    guard let lu = vmList(p, listType) else { return nil }
    return try lu._withUnsafeGuaranteedRef { list in
        // The storage is read in place: no closure, so no retain of the array buffer.
        let n = list.items.count
        guard let j = vmIndex(i, n), let base = list.items._baseAddressIfContiguous else { return nil }
        return try body(base + j)
    }
}

/// `x[i][j]` on a list of lists with ints in range; nil otherwise (nothing is retained).
@inline(__always) func vmRead2(_ p: UnsafePointer<Value>, _ i: Int, _ j: Int, _ listType: ObjectIdentifier) -> Value? {
    vmItem(p, i, listType) { row in vmItem(row, j, listType) { $0.pointee } }
}

/// `arithIndex2` (and the update after `arithIndex2Aug`) on lists of lists of numbers: how
/// many instructions were done (0: none, take the general path).
@inline(never) func vmArithIndex2(_ l: Frame, _ ip: UnsafePointer<Ins>, _ listType: ObjectIdentifier) throws -> Int {
    let i = ip.pointee
    guard case .int(let i1) = (l + Int(i.b)).pointee, case .int(let j1) = (l + Int(i.c)).pointee,
          case .int(let i2) = (l + Int(i.f)).pointee, case .int(let j2) = (l + Int(i.g)).pointee,
          let x = vmReadNumber2((l + Int(i.a)), i1, j1, listType), let y = vmReadNumber2((l + Int(i.e)), i2, j2, listType)
    else { return 0 }
    let v: VMNum
    if case .float(let u) = x, case .float(let w) = y {
        v = .float(i.x == 0 ? u + w : i.x == 1 ? u - w : u * w)
    } else if case .int(let u) = x, case .int(let w) = y {
        let (r, o) = i.x == 0 ? u.addingReportingOverflow(w)
            : i.x == 1 ? u.subtractingReportingOverflow(w) : u.multipliedReportingOverflow(by: w)
        if o { return 0 }
        v = .int(r)
    } else {
        return 0
    }
    if i.op == .arithIndex2Aug {
        // The next instruction is `x[i][j] op= d`: done here when it can be (d unused then).
        let n = (ip + 1).pointee
        if case .int(let ix) = (l + Int(n.b)).pointee, case .int(let jx) = (l + Int(n.c)).pointee,
           try vmAugWrite2((l + Int(n.a)), ix, jx, n.x, v, listType) {
            return 2
        }
    }
    switch v {
    case .float(let f): put(l + Int(i.d), .float(f))
    case .int(let n): put(l + Int(i.d), .int(n))
    }
    return 1
}

/// An int or a float read from a list (a trivial type: nothing to release afterwards).
enum VMNum { case int(Int), float(Double) }

/// `x[i][j]` when it is an int or a float (nothing is retained).
@inline(__always) func vmReadNumber2(_ p: UnsafePointer<Value>, _ i: Int, _ j: Int, _ listType: ObjectIdentifier) -> VMNum? {
    vmItem(p, i, listType) { row in
        vmItem(row, j, listType) { x -> VMNum? in
            switch x.pointee {
            case .float(let f): return .float(f)
            case .int(let n): return .int(n)
            default: return nil
            }
        }
    }
}

/// `x[i][j] op= y` (op 0 add, 1 sub, 2 mul) on a list of lists of numbers; false when the
/// shapes or types are not the fast ones (nothing has changed then).
@inline(__always) func vmAugWrite2(_ p: UnsafePointer<Value>, _ i: Int, _ j: Int, _ op: UInt8, _ y0: VMNum,
                                   _ listType: ObjectIdentifier) throws -> Bool {
    let done: Bool? = try vmItem(p, i, listType) { rowp -> Bool? in
        guard let ru = vmList(rowp, listType) else { return false }
        return try ru._withUnsafeGuaranteedRef { row in
            try row.items.withUnsafeMutableBufferPointer { buf in
                guard let jj = vmIndex(j, buf.count) else { return false }
                let xp = buf.baseAddress! + jj
                // The item is matched in place (no copy of a Value).
                if case .float(let x) = xp.pointee {
                    let y: Double
                    switch y0 {
                    case .float(let f): y = f
                    case .int(let n): y = Double(n)
                    }
                    xp.initialize(to: .float(op == 0 ? x + y : op == 1 ? x - y : x * y))
                    return true
                }
                if case .int(let x) = xp.pointee {
                    switch y0 {
                    case .int(let y):
                        let (r, o) = op == 0 ? x.addingReportingOverflow(y)
                            : op == 1 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                        if o { throw PyError.intOverflow }
                        xp.initialize(to: .int(r))
                    case .float(let y):
                        let xd = Double(x)
                        xp.initialize(to: .float(op == 0 ? xd + y : op == 1 ? xd - y : xd * y))
                    }
                    return true
                }
                return false
            }
        }
    }
    return done ?? false
}

/// An int or float register as a number.
@inline(__always) func vmNum(_ p: UnsafePointer<Value>) -> VMNum? {
    switch p.pointee {
    case .float(let f): return .float(f)
    case .int(let n): return .int(n)
    default: return nil
    }
}
