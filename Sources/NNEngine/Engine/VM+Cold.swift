import NNSyntax
import Foundation

extension Bytecode {
    /// The instructions off the hot path (displays of sets and maps, imports, `with`, f-string
    /// fields, unpacking, generator expressions, class-body names), run out of line so the
    /// dispatch loop stays small. Same stack discipline as the loop in VM.swift.
    @inline(never)
    func runCold(_ rt: Runtime, _ i: Instr, _ pc: Int, _ l: Frame, _ stack: UnsafeMutablePointer<Value>, _ sp: inout Int) throws {
        let a = Int(i.a)
        func push(_ v: __owned Value) { (stack + sp).initialize(to: v); sp &+= 1 }
        func pop() -> Value { sp &-= 1; return (stack + sp).move() }
        func top() -> Value { stack[sp &- 1] }
        switch i.op {
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
        default: break
        }
    }
}
