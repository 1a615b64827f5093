import NNSyntax
/// Statements.
extension Emitter {
    func block(_ stmts: [Stmt]) { for s in stmts { stmt(s) } }

    func stmt(_ s: Stmt) {
        loc = loc(s.range)
        switch s.kind {
        case .expr(let e):
            expr(e)
            emit(echoLast ? .setLast : .pop)
        case .assign(let targets, let value):
            assign(targets, value)
        case .augAssign(let target, let op, let value):
            augAssign(target, op, value)
        case .annAssign(let target, _, let value):
            if let value { assign([target], value) }
        case .if(let test, let body, let orelse):
            let jf = condJump(test, whenTrue: false)
            block(body)
            if orelse.isEmpty {
                patchAll(jf, here)
            } else {
                let j = emit(.jump)
                patchAll(jf, here)
                block(orelse)
                patch(j, here)
            }
        case .while(let test, let body, let orelse):
            let head = here
            let jf = condJump(test, whenTrue: false)
            let b = Block(.loop(breaks: [], continueTarget: head, depth: depth, iteratorOnStack: false), nil)
            blocks.append(b)
            block(body)
            loc = loc(s.range)
            emit(.jumpBack, head)
            blocks.removeLast()
            patchAll(jf, here)
            block(orelse)
            if case .loop(let breaks, _, _, _) = b.kind { patchAll(breaks, here) }
        case .for(let target, let iter, let body, let orelse):
            expr(iter)
            emit(.getIter)
            let head = here
            let fi = forIterAndStore(target)
            let bodyDepth = depth + 1
            let b = Block(.loop(breaks: [], continueTarget: head, depth: bodyDepth - 2, iteratorOnStack: true), nil)
            blocks.append(b)
            block(body)
            loc = loc(s.range)
            let back = emitLoopBack(to: head)
            blocks.removeLast()
            // forIter pops the exhausted iterator.
            depth = bodyDepth - 2
            patch(fi, here)
            if let back { patch(back, here) }
            block(orelse)
            if case .loop(let breaks, _, _, _) = b.kind { patchAll(breaks, here) }
        case .break:
            exitLoop(isBreak: true)
        case .continue:
            exitLoop(isBreak: false)
        case .pass, .global, .nonlocal:
            break
        case .return(let e):
            if let e, let x = localOperand(e), !hasExitCode {
                // Nothing to run on the way out: the local is read by the return itself.
                emit(.returnLocal, x)
                return
            }
            if let e { expr(e) } else { loadConst(.none) }
            let saved = depth
            unwind(upTo: 0, keepsValue: true)
            emit(.returnValue)
            depth = saved - 1
            resumeAll()
        case .functionDef(let f):
            for d in f.decorators { expr(d) }
            makeFunction(name: f.name, params: f.parameters, body: f.body, lambdaBody: nil,
                         key: ScopeKey(s.range, 0), range: s.range)
            for _ in f.decorators { emit(.call, 1) }
            storeName(f.name)
        case .classDef(let c):
            classDef(c, s.range)
        case .del(let targets):
            for t in targets { delete(t) }
        case .raise(let exc, let cause):
            if let exc {
                expr(exc)
                if let cause { expr(cause); emit(.raise, 2) } else { emit(.raise, 1) }
            } else {
                emit(.raise, 0)
            }
        case .try(let body, let handlers, let orelse, let fin):
            tryStmt(body, handlers, orelse, fin, s.range)
        case .assert(let test, let msg):
            let jt = condJump(test, whenTrue: true)
            if let msg { expr(msg); emit(.assertFail, 1) } else { emit(.assertFail, 0) }
            patchAll(jt, here)
        case .with(let items, let body):
            with(items[...], body, s.range)
        case .import(let names):
            for a in names {
                let top = String(a.name.split(separator: ".").first ?? "")
                emit(.importName, nameIndex(a.name), 0)
                if a.asName == nil && top != a.name {
                    // `import a.b` loads a.b but binds the top package `a` (CPython).
                    emit(.pop)
                    emit(.importName, nameIndex(top), 0)
                }
                storeName(a.asName ?? top)
            }
        case .importFrom(let module, let names, let level):
            emit(.importName, nameIndex(module ?? ""), level)
            if names.count == 1 && names[0].name == "*" {
                emit(.importStar)
            } else {
                for a in names {
                    emit(.importFrom, nameIndex(a.name))
                    storeName(a.asName ?? a.name)
                }
                emit(.pop)
            }
        case .magic(let m):
            magic(m)
        }
    }

    func patchAll(_ xs: [Int], _ target: Int) { for x in xs { patch(x, target) } }

    /// The loop head of a `for`: the next item stored into `target` (one instruction for a
    /// local name); returns the instruction whose `a` is the exit.
    func forIterAndStore(_ target: Expr) -> Int {
        if case .name(let n) = target.kind {
            switch resolve(n) {
            case .local(let s): return emit(.forIterStore, 0, s)
            case .global(let box): return emit(.forIterStore, 0, globalIndex(box), m: 1)
            default: break
            }
        }
        let k = emit(.forIter)
        store(target)
        return k
    }

    // MARK: Leaving blocks

    /// Emits the exit code of every block above `upTo` (innermost first), suspending their
    /// protected ranges; `resumeAll` reopens them after the jump or return.
    func unwind(upTo: Int, keepsValue: Bool) {
        var k = blocks.count - 1
        while k >= upTo {
            let b = blocks[k]
            suspend(b.region)
            switch b.kind {
            case .finally(let body):
                // The finally body runs outside its own block (a return in it leaves the rest).
                let saved = blocks
                blocks = Array(blocks[..<k])
                let savedDepth = depth
                block(body)
                depth = savedDepth
                blocks = saved
            case .handler:
                emit(.popExcept)
            case .with(let slot):
                emit(.withExit, slot)
            case .loop, .tryBody:
                break
            }
            k -= 1
        }
        _ = keepsValue
    }

    func resumeAll() { for b in blocks { resume(b.region) } }

    /// Whether leaving the function from here runs code (a finally body, an except or with exit).
    var hasExitCode: Bool {
        blocks.contains { b in
            switch b.kind {
            case .finally, .handler, .with: return true
            case .loop, .tryBody: return false
            }
        }
    }

    func exitLoop(isBreak: Bool) {
        guard let k = blocks.lastIndex(where: { if case .loop = $0.kind { return true }; return false }),
              case .loop(var breaks, let cont, let loopDepth, let hasIter) = blocks[k].kind else {
            return
        }
        let saved = depth
        unwind(upTo: k + 1, keepsValue: false)
        // Pop what the loop body left on the stack (and the iterator when breaking).
        let keep = loopDepth + (hasIter && !isBreak ? 1 : 0)
        while depth > keep { emit(.pop) }
        if isBreak {
            breaks.append(emit(.jump))
            blocks[k].kind = .loop(breaks: breaks, continueTarget: cont, depth: loopDepth, iteratorOnStack: hasIter)
        } else {
            emit(.jumpBack, cont)
        }
        depth = saved
        resumeAll()
    }

    // MARK: Assignment

    func assign(_ targets: [Expr], _ value: Expr) {
        expr(value)
        for (i, t) in targets.enumerated() {
            if i < targets.count - 1 { emit(.dup) }
            store(t)
        }
    }

    /// Stores the top of the stack into `t`.
    func store(_ t: Expr) {
        switch t.kind {
        case .name(let n): storeName(n)
        case .attribute(let o, let name):
            expr(o)
            emit(.storeAttr, nameIndex(name))
        case .subscript(let o, let index):
            if emitStoreSubscriptOperands(o, index) { return }
            expr(o)
            if let (i, j) = indexPair(index) {
                expr(i); expr(j)
                emit(.storeSubscrPair)
            } else {
                expr(index)
                emit(.storeSubscr)
            }
        case .tuple(let xs), .list(let xs):
            let star = xs.firstIndex { if case .starred = $0.kind { return true }; return false }
            emit(.unpack, xs.count, star.map { $0 + 1 } ?? 0)
            for x in xs {
                if case .starred(let inner) = x.kind { store(inner) } else { store(x) }
            }
        case .starred:
            raiseError(BuiltinTypes.typeError, "starred assignment target must be in a list or tuple")
        default:
            raiseError(BuiltinTypes.typeError, "cannot assign to expression")
        }
    }

    /// Raises `cls(message)` at run time (the value on the stack stays).
    func raiseError(_ cls: PyClass, _ message: String) {
        loadConst(.object(cls))
        loadConst(.str(message))
        emit(.call, 1)
        emit(.raise, 1)
    }

    func delete(_ t: Expr) {
        switch t.kind {
        case .name(let n): deleteName(n)
        case .attribute(let o, let name):
            expr(o)
            emit(.deleteAttr, nameIndex(name))
        case .subscript(let o, let i):
            expr(o)
            expr(i)
            emit(.deleteSubscr)
        case .tuple(let xs), .list(let xs):
            for x in xs { delete(x) }
        default:
            raiseError(BuiltinTypes.typeError, "cannot delete expression")
        }
    }

    func augAssign(_ target: Expr, _ op: BinaryOp, _ value: Expr) {
        let oi = engineBinaryOps.firstIndex(of: op)!
        switch target.kind {
        case .name(let n):
            if case .local(let s) = resolve(n), isPlain(value) {
                // Nothing in the value can see the variable: the value first, one instruction.
                expr(value)
                emit(.inplaceLocal, oi, s)
                return
            }
            if case .global(let box) = resolve(n), isPlain(value) {
                // The same for a global (a user class's operator dunder in the value could
                // rebind it; nn accepts that difference, as for locals above).
                expr(value)
                emit(.inplaceLocal, oi, globalIndex(box), m: 1)
                return
            }
            load(n)
            expr(value)
            emit(.inplace, oi)
            storeName(n)
        case .attribute(let o, let name):
            expr(o)
            emit(.dup)
            emit(.loadAttr, nameIndex(name))
            expr(value)
            emit(.inplace, oi)
            emit(.rotTwo)
            emit(.storeAttr, nameIndex(name))
        case .subscript(let o, let index):
            if emitAugSubscriptOperands(o, index, oi, value) { return }
            expr(o)
            if let (i, j) = indexPair(index) {
                expr(i); expr(j)
                emit(.dupN, 3)
                emit(.subscrPair)
                expr(value)
                emit(.inplace, oi)
                emit(.storeSubscrPair, 0, 1)
                return
            }
            expr(index)
            emit(.dupTwo)
            emit(.subscr)
            expr(value)
            emit(.inplace, oi)
            emit(.rotThree)
            emit(.storeSubscr)
        default:
            raiseError(BuiltinTypes.typeError, "illegal expression for augmented assignment")
        }
    }

    /// Names, constants and arithmetic on them: evaluating it calls no nn code that could read
    /// or rebind a local (a user class's operator dunder could; nn accepts that difference).
    func isPlain(_ e: Expr) -> Bool {
        switch e.kind {
        case .name, .int, .float, .bool, .none, .string: return true
        case .unary(_, let x): return isPlain(x)
        case .binary(let a, _, let b): return isPlain(a) && isPlain(b)
        default: return false
        }
    }

    // MARK: try / with

    func tryStmt(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ fin: [Stmt], _ range: SourceRange) {
        let stmtLoc = loc
        var finRegion: Region?
        if !fin.isEmpty {
            finRegion = openRegion(.finally)
            blocks.append(Block(.finally(fin), finRegion))
        }
        var ends: [Int] = []
        if handlers.isEmpty {
            block(body)
            block(orelse)
        } else {
            let r = openRegion(.except)
            blocks.append(Block(.tryBody, r))
            block(body)
            blocks.removeLast()
            close(r)
            block(orelse)
            ends.append(emit(.jump))
            setTarget(r, here)
            // Matching runs with the exception handled: an error there releases it.
            let dispatch = openRegion(.cleanup)
            for h in handlers {
                resume(dispatch)
                loc = loc(h.range)
                var next: Int?
                if let t = h.type {
                    expr(t)
                    next = emit(.excMatch)
                } else {
                    emit(.excCaught)
                }
                if let n = h.name {
                    emit(.loadExc)
                    storeName(n)
                }
                suspend(dispatch)
                let cleanup = openRegion(.cleanup)
                blocks.append(Block(.handler, cleanup))
                block(h.body)
                blocks.removeLast()
                close(cleanup)
                setTarget(cleanup, 0)
                emit(.popExcept)
                if let n = h.name { unbindQuiet(n) }
                ends.append(emit(.jump))
                if let next { patch(next, here) }
            }
            resume(dispatch)
            close(dispatch)
            setTarget(dispatch, 0)
            loc = stmtLoc
            emit(.reraise)
        }
        for e in ends { patch(e, here) }
        guard let fr = finRegion else { return }
        blocks.removeLast()
        close(fr)
        // Normal exit: the finally body inline.
        block(fin)
        let j = emit(.jump)
        // Exceptional exit: the body with the exception handled, then re-raised.
        setTarget(fr, here)
        let cleanup = openRegion(.cleanup)
        blocks.append(Block(.handler, cleanup))
        block(fin)
        blocks.removeLast()
        close(cleanup)
        setTarget(cleanup, 0)
        loc = stmtLoc
        emit(.reraise)
        patch(j, here)
    }

    func with(_ items: ArraySlice<WithItem>, _ body: [Stmt], _ range: SourceRange) {
        guard let item = items.first else { block(body); return }
        let stmtLoc = loc
        let slot = layout.temp()
        expr(item.context)
        emit(.withEnter, slot)
        if let t = item.target { store(t) } else { emit(.pop) }
        let r = openRegion(.finally)
        blocks.append(Block(.with(slot), r))
        with(items.dropFirst(), body, range)
        blocks.removeLast()
        close(r)
        loc = stmtLoc
        emit(.withExit, slot)
        let j = emit(.jump)
        setTarget(r, here)
        emit(.withExitExc, slot)
        patch(j, here)
    }

    // MARK: Magics

    func magic(_ m: Magic) {
        var bodyStmts = m.body
        var resultExpr: Expr?
        if m.kind == .time, echoLast, let last = bodyStmts.last, case .expr(let e) = last.kind {
            bodyStmts.removeLast()
            resultExpr = e
        }
        let sub = Emitter(rt: rt, file: file, resolver: resolver, layout: layout, name: "<magic>", location: loc)
        sub.renameStack = renameStack
        sub.qualPrefix = qualPrefix
        sub.block(bodyStmts)
        if let r = resultExpr {
            sub.loc = loc
            sub.expr(r)
        } else {
            sub.loadConst(.undefined)
        }
        sub.emit(.returnValue)
        magics.append(MagicTemplate(kind: m.kind, body: sub.finish(), number: m.number, repeatCount: m.repeatCount,
                                    hasResult: resultExpr != nil))
        emit(.magic, magics.count - 1)
    }
}
