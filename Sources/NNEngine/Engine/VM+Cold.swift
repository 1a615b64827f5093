import NNSyntax
import Foundation

extension Bytecode {
    /// The instructions off the hot path (deletes, displays of sets and maps, set and dict
    /// comprehension items, imports, `with`, `raise` and the handler bookkeeping, f-string
    /// fields, unpacking, generator expressions, class-body names, magics), run out of line so
    /// the dispatch loop stays small. Same stack discipline as the loop in VM.swift.
    @inline(never)
    func runCold(_ rt: Runtime, _ i: Instr, _ pc: Int, _ l: Frame, _ stack: UnsafeMutablePointer<Value>, _ sp: inout Int) throws {
        let a = Int(i.a)
        func push(_ v: __owned Value) { (stack + sp).initialize(to: v); sp &+= 1 }
        func pop() -> Value { sp &-= 1; return (stack + sp).move() }
        func top() -> Value { stack[sp &- 1] }
        switch i.op {
        case .deleteLocal:
            if case .undefined = l[a] { throw unbound(slotNames[a]) }
            l[a] = .undefined
        case .deleteCell:
            _ = try cellValue(l, a)
            if case .object(let o) = l[a] { unsafeDowncast(o, to: PyCell.self).value = .undefined }
        case .deleteGlobal:
            let p = globals[a].p
            if case .undefined = p.pointee { throw PyError.name("name '\(globals[a].name)' is not defined") }
            rt.retireIfFunction(p.pointee)
            p.pointee = .undefined
        case .loadClassName: push(try classNameValue(rt, l, a, Int(i.b)))
        case .rotThree:
            // [a, b, c] -> [c, a, b]
            let c = pop(), b = pop(), x = pop()
            push(c); push(x); push(b)
        case .dupN:
            for _ in 0..<a { push(stack[sp &- a]) }
        case .deleteAttr:
            try rt.delAttr(pop(), names[a])
        case .deleteSubscr:
            let ix = pop(), o = pop()
            try rt.delItem(o, ix)
        case .setAdd:
            let v = pop()
            if case .object(let o) = stack[sp &- a] { try unsafeDowncast(o, to: PySet.self).dict.set(v, .none) }
        case .mapAdd:
            let v = pop(), k = pop()
            if case .object(let o) = stack[sp &- a] { try unsafeDowncast(o, to: PyDict.self).set(k, v) }
        case .raise:
            try raise(rt, a == 0 ? nil : a == 1 ? (pop(), nil) : { let c = pop(); return (pop(), c) }())
        case .excCaught:
            rt.handling[rt.handling.count - 1].pending = nil
        case .loadExc:
            push(.object(rt.handling[rt.handling.count - 1].exc))
        case .popExcept:
            rt.handling.removeLast()
        case .setLast:
            rt.lastResult = pop()
        case .magic:
            try runMagic(rt, magics[a], l)
        case .storeClassName:
            let v = pop()
            if case .object(let d) = l[1] {
                let ns = unsafeDowncast(d, to: PyDict.self)
                if case .undefined = v { _ = try? ns.remove(.str(names[Int(i.b)])) } else { ns.set(names[Int(i.b)], v) }
            }
        case .deleteClassName:
            let n = names[Int(i.b)]
            if case .object(let d) = l[1], try unsafeDowncast(d, to: PyDict.self).remove(.str(n)) != nil { break }
            throw PyError.name("name '\(n)' is not defined")
        case .buildSet:
            let d = PyDict()
            for x in take(stack, &sp, a) { try d.set(x, .none) }
            push(.object(PySet(d)))
        case .buildMap:
            let xs = take(stack, &sp, 2 * a)
            let d = PyDict()
            var k = 0
            while k < xs.count { try d.set(xs[k], xs[k + 1]); k += 2 }
            push(.object(d))
        case .buildSlice:
            let xs = take(stack, &sp, a)
            push(.object(PySlice(xs[0], xs[1], xs[2])))
        case .buildString:
            var s = ""
            for x in take(stack, &sp, a) { if case .str(let t) = x { s += t } }
            push(.str(s))
        case .listExtend:
            let it = pop()
            let items = try rt.iterateToArray(it)
            if case .object(let o) = top() { unsafeDowncast(o, to: PyList.self).items += items }
        case .listConvert:
            guard case .object(let o) = pop() else { break }
            let items = unsafeDowncast(o, to: PyList.self).items
            if a == 0 {
                push(.object(PyTuple(items)))
            } else {
                let d = PyDict()
                for x in items { try d.set(x, .none) }
                push(.object(PySet(d)))
            }
        case .dictMerge:
            let m = pop()
            guard case .object(let md as PyDict) = m else {
                throw PyError.type("'\(m.typeName)' object is not a mapping")
            }
            if case .object(let o) = top() {
                let d = unsafeDowncast(o, to: PyDict.self)
                for k in 0..<md.count { try d.set(md.keys[k], md.values[k]) }
            }
        case .withEnter:
            let ctx = pop()
            guard let enter = try rt.lookupAttr(ctx, "__enter__"), let exit = try rt.lookupAttr(ctx, "__exit__") else {
                throw PyError.type("'\(ctx.typeName)' object does not support the context manager protocol")
            }
            l[a] = exit
            push(try rt.call(enter, [], []))
        case .withExit:
            let exit = l[a]
            l[a] = .undefined
            _ = try rt.call(exit, [.none, .none, .none], [])
        case .withExitExc:
            let e = rt.handling.removeLast()
            let exit = l[a]
            l[a] = .undefined
            let r = try rt.call(exit, [.object(e.exc.cls), .object(e.exc), .none], [])
            // A cell's deadline is not swallowed by `__exit__` (as `except` cannot catch it).
            if !(try rt.truth(r)) || rt.isStopping(e) { throw e }
        case .unpack:
            let v = pop()
            let items = try rt.unpack(v, a, i.b == 0 ? nil : Int(i.b) - 1)
            for x in items.reversed() { push(x) }
        case .importName:
            if i.b > 0 {
                throw PyError(BuiltinTypes.importError, "attempted relative import with no known parent package")
            }
            push(.object(try rt.importModule(names[a])))
        case .importFrom:
            guard case .object(let o) = top() else { break }
            push(try rt.importFrom(unsafeDowncast(o, to: PyModule.self), names[a]))
        case .importStar:
            guard case .object(let o) = pop() else { break }
            for (k, v) in try rt.importStar(unsafeDowncast(o, to: PyModule.self)) { rt.setGlobal(k, v) }
        case .formatValue:
            var spec = ""
            if i.b == 1, case .str(let s) = pop() { spec = s }
            var v = pop()
            switch a {
            case 1: v = .str(try rt.str(v))
            case 2: v = .str(try rt.repr(v))
            default: break
                }
                push(.str(try formatValue(rt, v, spec)))
            case .makeSuper:
                let receiver = pop(), cls = pop()
                guard case .object(let c as PyClass) = cls else { throw PyError.runtime("super(): __class__ cell not found") }
                push(.object(PySuper(start: c, receiver: receiver)))
            case .makeGenerator:
                let t = genexps[a]
                let g = GeneratorFrame(code: t.code, rt: rt, copying: l, nslots: t.layout.nslots, name: "<genexpr>",
                                       location: locs[pc - 1])
                g.stack.initialize(to: pop())
                g.point.sp = 1
                push(.object(PyGenerator(g)))
            case .listToGenerator:
                guard case .object(let o) = pop() else { break }
                let items = unsafeDowncast(o, to: PyList.self).items
                var k = 0
                push(.object(PyIterator(kind: BuiltinTypes.generator) {
                    guard k < items.count else { return nil }
                    defer { k += 1 }
                    return items[k]
                }))
        case .callKw:
            try rt.tick()
            let kn = kwNames[Int(i.b)]
            let vals = take(stack, &sp, a)
            let f = pop()
            let np = a - kn.count
            var kw: Kwargs = []
            for (k, n) in kn.enumerated() { kw.append((n, vals[np + k])) }
            push(try rt.call(f, Array(vals[..<np]), kw))
        case .callEx:
            try rt.tick()
            let shape = shapes[a]
            let vals = take(stack, &sp, shape.count)
            let f = pop()
            push(try callWithShape(rt, f, shape, vals))
        case .makeFunction:
            let t = functions[a]
            let kwVals = take(stack, &sp, t.kwDefaultNames.count)
            let defs = take(stack, &sp, t.nDefaults)
            push(.object(makeFunction(t, l, defs, kwVals)))
        case .buildClass:
            let kws = take(stack, &sp, classes[a].keywordNames.count)
            let bases = take(stack, &sp, Int(i.b))
            push(try buildClass(rt, classes[a], l, bases, kws))
        case .assertFail:
            let args: [Value] = a == 1 ? [pop()] : []
            throw PyError(PyError.instance(BuiltinTypes.assertionError, args: args))
        case .getYieldFromIter:
            let v = pop()
            if case .object(let o) = v, o is PyIterator { push(v) } else {
                push(.object(PyIterator(try rt.makeIterator(v))))
            }
        default: break
        }
    }

    @inline(never) func cellValue(_ l: Frame, _ a: Int) throws -> Value {
        guard case .object(let o) = l[a] else { throw PyError.name("free variable '\(slotNames[a])' is not bound") }
        let v = unsafeDowncast(o, to: PyCell.self).value
        if case .undefined = v {
            throw PyError.name("cannot access free variable '\(slotNames[a])' where it is not associated with a value in enclosing scope")
        }
        return v
    }

    @inline(never) func globalFallbackValue(_ g: Int) throws -> Value {
        if let v = globalFallback[g] { return v }
        throw PyError.name("name '\(globals[g].name)' is not defined")
    }

    @inline(never) func classNameValue(_ rt: Runtime, _ l: Frame, _ g: Int, _ n: Int) throws -> Value {
        if case .object(let d) = l[1], let v = try unsafeDowncast(d, to: PyDict.self).get(.str(names[n])) { return v }
        let v = globals[g].p.pointee
        if case .undefined = v {
            if let bv = rt.builtins[names[n]] { return bv }
            throw PyError.name("name '\(names[n])' is not defined")
        }
        return v
    }
}

/// Runs a plain user function in a frame of its own (when it cannot run in the caller's loop):
/// the `a` arguments at `args` move into slots 1...a (no argument array, no binding).
@inline(never)
func runInOwnFrame(_ rt: Runtime, _ ufn: Unmanaged<PyFunction>, _ n: Int, _ args: UnsafeMutablePointer<Value>, _ a: Int) throws -> Value {
    try withUnsafeTemporaryAllocation(of: Value.self, capacity: n) { buf in
        let nl = buf.baseAddress!
        nl.initialize(to: .undefined)
        (nl + 1).moveInitialize(from: args, count: a)
        (nl + 1 + a).initialize(repeating: .undefined, count: n - 1 - a)
        defer { deinitFrame(nl, n) }
        return try ufn._withUnsafeGuaranteedRef { try $0.run(rt, nl) }
    }
}

