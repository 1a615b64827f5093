import NNSyntax
import Foundation

/// Loops, exceptions and `with`.
extension Compiler {
    // MARK: Loops

    func forLoop(_ range: SourceRange, _ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt]) -> Exec {
        let rt = self.rt
        let st = store(target)
        var localSlot: Int?
        if case .name(let n) = target.kind, case .local(let s) = resolve(n) { localSlot = s }
        let (b0, bLoc) = self.body(body)
        // One-statement bodies are stamped here, not by a block closure around them.
        @inline(__always) func b(_ l: Frame) throws -> Flow {
            do { return try b0(l) } catch { throw stamp(error, bLoc) }
        }
        let o: Exec? = orelse.isEmpty ? nil : block(orelse)

        // Runs the body over ints without allocating a range object.
        @inline(__always) func intLoop(_ l: Frame, _ start: Int, _ stop: Int, _ step: Int) throws -> Flow {
            var i = start
            while step > 0 ? i < stop : i > stop {
                if let s = localSlot { l[s] = .int(i) } else { try st(l, .int(i)) }
                let f = try b(l)
                if f == .breakLoop { return .normal }
                if f == .returned { return f }
                try rt.tick()
                let (n, ov) = i.addingReportingOverflow(step)
                if ov { break }
                i = n
            }
            if let o { return try o(l) }
            return .normal
        }

        func generic(_ l: Frame, _ it: Value) throws -> Flow {
            if case .object(let obj) = it {
                if let r = obj as? PyRange { return try intLoop(l, r.start, r.stop, r.step) }
                if let list = obj as? PyList {
                    var i = 0
                    while i < list.items.count {
                        try st(l, list.items[i])
                        let f = try b(l)
                        if f == .breakLoop { return .normal }
                        if f == .returned { return f }
                        try rt.tick()
                        i += 1
                    }
                    if let o { return try o(l) }
                    return .normal
                }
            }
            let next = try rt.makeIterator(it)
            while let x = try next() {
                try st(l, x)
                let f = try b(l)
                if f == .breakLoop { return .normal }
                if f == .returned { return f }
                try rt.tick()
            }
            if let o { return try o(l) }
            return .normal
        }

        if case .call(let f, let args) = iter.kind, case .name("range") = f.kind, (1...3).contains(args.count),
           args.allSatisfy({ if case .positional = $0 { return true }; return false }) {
            let fe = header(range, expr(f))
            let aes = args.compactMap { a -> Eval? in if case .positional(let e) = a { return header(range, expr(e)) }; return nil }
            let rangeBuiltin = rt.builtins["range"]
            let iterE = header(range, expr(iter))
            let where_ = loc(range)
            return { l in
                let fv = try fe(l)
                if case .object(let fo) = fv, case .object(let ro)? = rangeBuiltin, fo === ro {
                    var ints: [Int] = [0, 0, 1]
                    var vals: [Value] = []
                    for a in aes { vals.append(try a(l)) }
                    for (k, v) in vals.enumerated() {
                        switch v {
                        case .int(let i): ints[k] = i
                        case .bool(let bb): ints[k] = bb ? 1 : 0
                        default:
                            let e = PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
                            e.pending = where_
                            throw e
                        }
                    }
                    if vals.count == 1 { ints = [0, ints[0], 1] }
                    if ints[2] == 0 {
                        let e = PyError.value("range() arg 3 must not be zero")
                        e.pending = where_
                        throw e
                    }
                    return try intLoop(l, ints[0], ints[1], ints[2])
                }
                return try generic(l, iterE(l))
            }
        }
        let ie = header(range, expr(iter))
        return { l in try generic(l, ie(l)) }
    }

    // MARK: Exceptions

    func raise(_ exc: Expr?, _ cause: Expr?) -> Exec {
        let rt = self.rt
        guard let exc else {
            return { _ in
                guard let cur = rt.handling.last else { throw PyError.runtime("No active exception to reraise") }
                cur.pending = nil
                throw cur
            }
        }
        let ee = expr(exc)
        let ce = cause.map { expr($0) }
        return { l in
            let v = try ee(l)
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
            if let ce { inst.attrs["__cause__"] = try ce(l) }
            throw PyError(inst)
        }
    }

    func tryStmt(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ fin: [Stmt]) -> Exec {
        let rt = self.rt
        let b = block(body)
        struct Handler { let type: Eval?; let bind: Store?; let unbind: Exec?; let body: Exec; let range: SourceRange }
        let hs = handlers.map { h in
            Handler(type: h.type.map { header(h.range, expr($0)) }, bind: h.name.map { storeName($0) },
                    unbind: h.name.map { deleteNameQuiet($0) }, body: block(h.body), range: h.range)
        }
        let o: Exec? = orelse.isEmpty ? nil : block(orelse)
        let f: Exec? = fin.isEmpty ? nil : block(fin)
        return { l in
            var flow: Flow = .normal
            var pendingError: Error?
            var raised = false
            do {
                flow = try b(l)
            } catch {
                raised = true
                let e = asPyError(error)
                var matched: Handler?
                do {
                    for h in hs {
                        guard let te = h.type else { matched = h; break }
                        if try rt.exceptionMatches(e.exc, te(l)) { matched = h; break }
                    }
                } catch { pendingError = error }
                if pendingError == nil {
                    if let h = matched, !rt.isStopping(e) {
                        e.pending = nil
                        rt.handling.append(e)
                        do {
                            if let bind = h.bind { try bind(l, .object(e.exc)) }
                            flow = try h.body(l)
                        } catch { pendingError = error }
                        rt.handling.removeLast()
                        if let u = h.unbind { _ = try? u(l) }
                    } else {
                        pendingError = e
                    }
                }
            }
            if !raised, flow == .normal, let o {
                do { flow = try o(l) } catch { pendingError = error }
            }
            if let f {
                let f2 = try f(l)
                if f2 != .normal { return f2 }
            }
            if let e = pendingError { throw e }
            return flow
        }
    }

    func deleteNameQuiet(_ name: String) -> Exec {
        let st = storeName(name)
        return { l in try st(l, .undefined); return .normal }
    }

    func with(_ items: [WithItem], _ body: [Stmt]) -> Exec {
        let rt = self.rt
        var inner = block(body)
        for item in items.reversed() {
            let ce = expr(item.context)
            let st = item.target.map { store($0) }
            let bodyX = inner
            inner = { l in
                let ctx = try ce(l)
                guard let enter = try rt.lookupAttr(ctx, "__enter__"), let exit = try rt.lookupAttr(ctx, "__exit__") else {
                    throw PyError.type("'\(ctx.typeName)' object does not support the context manager protocol")
                }
                let v = try rt.call(enter, [], [])
                if let st { try st(l, v) }
                let flow: Flow
                do {
                    flow = try bodyX(l)
                } catch {
                    let e = asPyError(error)
                    let r = try rt.call(exit, [.object(e.exc.cls), .object(e.exc), .none], [])
                    // A TimeoutError from the deadline is not the context manager's to swallow.
                    if try rt.truth(r), !rt.isStopping(e) { return .normal }
                    throw e
                }
                _ = try rt.call(exit, [.none, .none, .none], [])
                return flow
            }
        }
        return inner
    }
}

