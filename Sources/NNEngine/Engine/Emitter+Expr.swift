import NNSyntax
/// Expressions: each leaves exactly one value on the stack.
extension Emitter {
    func expr(_ e: Expr) {
        switch e.kind {
        case .name(let n): load(n)
        case .int(let i): loadConst(.int(Int(i)))
        case .float(let d): loadConst(.float(d))
        case .string(let s): loadConst(.str(s))
        case .bool(let b): loadConst(.bool(b))
        case .none: loadConst(.none)
        case .ellipsis: loadConst(.object(ellipsisObject))
        case .imaginary:
            raiseError(BuiltinTypes.typeError, "complex numbers are not supported in nn"); loadConst(.none)
        case .bytes:
            raiseError(BuiltinTypes.typeError, "bytes are not supported in nn"); loadConst(.none)
        case .fstring(let parts): fstring(parts)
        case .attribute(let o, let name):
            expr(o)
            emit(.loadAttr, nameIndex(name))
        case .subscript(let o, let index):
            if emitSubscriptOperands(o, index) { return }
            expr(o)
            if let (i, j) = indexPair(index) {
                expr(i); expr(j)
                emit(.subscrPair)
            } else {
                expr(index)
                emit(.subscr)
            }
        case .slice(let a, let b, let c):
            for x in [a, b, c] { if let x { expr(x) } else { loadConst(.none) } }
            emit(.buildSlice, 3)
        case .call(let f, let args): call(f, args)
        case .unary(let op, let x):
            expr(x)
            if op == .not { emit(.not) } else { emit(.unary, engineUnaryOps.firstIndex(of: op)!) }
        case .binary(let a, let op, let b):
            if emitBinaryOperands(a, op, b) { return }
            expr(a)
            switch b.kind {
            case .int(let n): emit(.binaryConst, engineBinaryOps.firstIndex(of: op)!, const(.int(Int(n))))
            case .float(let d): emit(.binaryConst, engineBinaryOps.firstIndex(of: op)!, const(.float(d)))
            default:
                expr(b)
                emit(.binary, engineBinaryOps.firstIndex(of: op)!)
            }
        case .boolOp(let op, let xs):
            var jumps: [Int] = []
            for (i, x) in xs.enumerated() {
                expr(x)
                if i < xs.count - 1 { jumps.append(emit(op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop)) }
            }
            patchAll(jumps, here)
        case .compare(let a, let cs):
            expr(a)
            if cs.count == 1 {
                expr(cs[0].right)
                emit(.compare, engineCompareOps.firstIndex(of: cs[0].op)!)
                return
            }
            var cleanups: [Int] = []
            for (i, c) in cs.enumerated() {
                expr(c.right)
                if i < cs.count - 1 {
                    emit(.dup)
                    emit(.rotThree)
                    emit(.compare, engineCompareOps.firstIndex(of: c.op)!)
                    cleanups.append(emit(.jumpIfFalseOrPop))
                } else {
                    emit(.compare, engineCompareOps.firstIndex(of: c.op)!)
                }
            }
            let j = emit(.jump)
            patchAll(cleanups, here)
            // A false link: drop the saved right operand under the result.
            depth += 1
            emit(.rotTwo)
            emit(.pop)
            patch(j, here)
        case .ifExp(let t, let b, let o):
            let jf = condJump(t, whenTrue: false)
            expr(b)
            let j = emit(.jump)
            depth -= 1
            patchAll(jf, here)
            expr(o)
            patch(j, here)
        case .lambda(let p, let body):
            makeFunction(name: "<lambda>", params: p, body: [], lambdaBody: body, key: ScopeKey(e.range, 2), range: e.range)
        case .list(let xs): display(xs, .buildList, convert: nil)
        case .tuple(let xs): display(xs, .buildTuple, convert: 0)
        case .set(let xs): display(xs, .buildSet, convert: 1)
        case .dict(let entries):
            let plain = entries.allSatisfy { if case .pair = $0 { return true }; return false }
            if plain {
                for en in entries { if case .pair(let k, let v) = en { expr(k); expr(v) } }
                emit(.buildMap, entries.count)
                return
            }
            emit(.buildMap, 0)
            for en in entries {
                switch en {
                case .pair(let k, let v): expr(k); expr(v); emit(.mapAdd, 1)
                case .unpack(let m): expr(m); emit(.dictMerge)
                }
            }
        case .listComp(let elt, let gens):
            comprehension(e.range, gens, kind: 0, elt, nil)
        case .setComp(let elt, let gens):
            comprehension(e.range, gens, kind: 1, elt, nil)
        case .dictComp(let k, let v, let gens):
            comprehension(e.range, gens, kind: 2, k, v)
        case .generator(let elt, let gens):
            generatorExpression(e.range, elt, gens)
        case .starred:
            raiseError(BuiltinTypes.typeError, "can't use starred expression here"); loadConst(.none)
        case .yield(let v):
            if let v { expr(v) } else { loadConst(.none) }
            emit(.yieldValue)
        case .yieldFrom(let v):
            expr(v)
            emit(.getYieldFromIter)
            loadConst(.none)
            emit(.yieldFrom)
        }
    }

    /// Jumps taken when `test` is `whenTrue` (patched by the caller); the test is popped.
    func condJump(_ test: Expr, whenTrue: Bool) -> [Int] {
        switch test.kind {
        case .unary(.not, let x):
            return condJump(x, whenTrue: !whenTrue)
        case .boolOp(let op, let xs) where (op == .and) != whenTrue:
            // `a and b` jumping when false (or `a or b` when true): any link decides.
            var out: [Int] = []
            for x in xs { out += condJump(x, whenTrue: whenTrue) }
            return out
        case .boolOp(_, let xs):
            // `a and b` jumping when true (or `a or b` when false): every link must decide so;
            // a link deciding otherwise skips to the fall-through.
            var skips: [Int] = []
            for x in xs.dropLast() { skips += condJump(x, whenTrue: !whenTrue) }
            let out = condJump(xs[xs.count - 1], whenTrue: whenTrue)
            patchAll(skips, here)
            return out
        case .compare(let a, let cs) where cs.count == 1 && !whenTrue && engineCompareOps.firstIndex(of: cs[0].op)! < 6:
            let oi = engineCompareOps.firstIndex(of: cs[0].op)!
            if let j = emitCompareJumpOperands(a, oi, cs[0].right) { return [j] }
            expr(a)
            expr(cs[0].right)
            return [emit(.compareJump, 0, oi)]
        default:
            expr(test)
            return [emit(whenTrue ? .jumpIfTrue : .jumpIfFalse)]
        }
    }

    func display(_ xs: [Expr], _ build: Opcode, convert: Int?) {
        let hasStar = xs.contains { if case .starred = $0.kind { return true }; return false }
        if !hasStar {
            for x in xs { expr(x) }
            emit(build, xs.count)
            return
        }
        emit(.buildList, 0)
        for x in xs {
            if case .starred(let inner) = x.kind {
                expr(inner)
                emit(.listExtend)
            } else {
                expr(x)
                emit(.listAppend, 1)
            }
        }
        if let c = convert { emit(.listConvert, c) }
    }

    func fstring(_ parts: [FStringPart]) {
        var n = 0
        for p in parts {
            switch p {
            case .literal(let s): loadConst(.str(s))
            case .field(let f):
                expr(f.expr)
                let conv: Int
                switch f.conversion {
                case .repr?, .ascii?: conv = 2
                case .str?: conv = 1
                case nil: conv = 0
                }
                if let spec = f.formatSpec { fstring(spec) }
                emit(.formatValue, conv, f.formatSpec == nil ? 0 : 1)
            }
            n += 1
        }
        emit(.buildString, n)
    }

    // MARK: Calls

    func call(_ f: Expr, _ args: [Argument]) {
        if case .name("super") = f.kind, args.isEmpty {
            superCall()
            return
        }
        let simple = args.allSatisfy { if case .positional = $0 { return true }; return false }
        if simple, !layout.info.isGenerator, case .name(let n) = f.kind, case .global(let box) = resolve(n) {
            emit(.loadGlobalCallee, globalIndex(box))
        } else {
            expr(f)
        }
        if simple {
            for a in args { if case .positional(let e) = a { expr(e) } }
            emit(.call, args.count)
            return
        }
        let noStars = args.allSatisfy {
            switch $0 { case .positional, .keyword: return true; default: return false }
        }
        let kwFirst = args.firstIndex { if case .keyword = $0 { return true }; return false } ?? args.count
        let posAfterKw = args[kwFirst...].contains { if case .positional = $0 { return true }; return false }
        if noStars && !posAfterKw {
            var kws: [String] = []
            for a in args {
                switch a {
                case .positional(let e): expr(e)
                case .keyword(let n, let v, _): expr(v); kws.append(n)
                default: break
                }
            }
            kwNames.append(kws)
            emit(.callKw, args.count, kwNames.count - 1)
            return
        }
        var shape: [CallPart] = []
        for a in args {
            switch a {
            case .positional(let e): expr(e); shape.append(.positional)
            case .starred(let e): expr(e); shape.append(.star)
            case .keyword(let n, let v, _): expr(v); shape.append(.keyword(n))
            case .doubleStarred(let e): expr(e); shape.append(.doubleStar)
            }
        }
        shapes.append(shape)
        emit(.callEx, shapes.count - 1)
    }

    /// `super()` inside a method: the class cell and the first parameter.
    func superCall() {
        guard layout.info.kind == .function, let first = layout.info.params.first else {
            raiseError(BuiltinTypes.runtimeError, "super(): no arguments")
            loadConst(.none)
            return
        }
        load("__class__#")
        load(first)
        emit(.makeSuper)
    }

    // MARK: Comprehensions

    /// An inlined comprehension (kind 0 list, 1 set, 2 dict): the accumulator, then one
    /// iterator per `for` on the stack.
    func comprehension(_ range: SourceRange, _ gens: [Comprehension], kind: Int, _ elt: Expr, _ value: Expr?) {
        guard let first = gens.first else { loadConst(.none); return }
        switch kind {
        case 0: emit(.buildList, 0)
        case 1: emit(.buildSet, 0)
        default: emit(.buildMap, 0)
        }
        expr(first.iter)
        let key = ScopeKey(range, 3)
        renameStack.append(resolver.renames[key] ?? [:])
        comprehensionDepth += 1
        defer { renameStack.removeLast(); comprehensionDepth -= 1 }
        var heads: [(head: Int, exit: Int)] = []
        for (i, g) in gens.enumerated() {
            if i > 0 { expr(g.iter) }
            emit(.getIter)
            let head = here
            let exit = forIterAndStore(g.target)
            for c in g.ifs {
                let jf = condJump(c, whenTrue: false)
                for j in jf { patch(j, head) }
            }
            heads.append((head, exit))
        }
        let n = gens.count + 1
        expr(elt)
        switch kind {
        case 0: emit(.listAppend, n)
        case 1: emit(.setAdd, n)
        default:
            expr(value!)
            emit(.mapAdd, n)
        }
        for (head, exit) in heads.reversed() {
            emit(.jumpBack, head)
            patch(exit, here)
            depth -= 1
        }
    }

    /// `(elt for ...)`: the first iterable now, the loop in a generator made over this frame.
    func generatorExpression(_ range: SourceRange, _ elt: Expr, _ gens: [Comprehension]) {
        guard let first = gens.first else { loadConst(.none); return }
        expr(first.iter)
        emit(.getIter)
        let sub = Emitter(rt: rt, file: file, resolver: resolver, layout: layout, name: "<genexpr>", location: loc)
        sub.renameStack = renameStack + [resolver.renames[ScopeKey(range, 3)] ?? [:]]
        sub.comprehensionDepth = comprehensionDepth + 1
        sub.qualPrefix = qualPrefix
        sub.depth = 1
        sub.maxDepth = 1
        var heads: [(Int, Int)] = []
        for (i, g) in gens.enumerated() {
            if i > 0 { sub.expr(g.iter); sub.emit(.getIter) }
            let head = sub.here
            let exit = sub.forIterAndStore(g.target)
            for c in g.ifs { for j in sub.condJump(c, whenTrue: false) { sub.patch(j, head) } }
            heads.append((head, exit))
        }
        sub.expr(elt)
        sub.emit(.yieldValue)
        sub.emit(.pop)
        for (head, exit) in heads.reversed() {
            sub.emit(.jumpBack, head)
            sub.patch(exit, sub.here)
            sub.depth -= 1
        }
        sub.loadConst(.none)
        sub.emit(.returnValue)
        genexps.append(GenExpTemplate(code: sub.finish(), layout: layout))
        emit(.makeGenerator, genexps.count - 1)
    }

    /// The two parts of an index written `o[i, j]` (no starred part): the VM reads a tensor's
    /// element from them without building the tuple.
    func indexPair(_ index: Expr) -> (Expr, Expr)? {
        guard case .tuple(let xs) = index.kind, xs.count == 2 else { return nil }
        for x in xs { if case .starred = x.kind { return nil } }
        return (xs[0], xs[1])
    }

    // MARK: Functions and classes

    /// Compiles a def or lambda and emits the code that creates the function object.
    func makeFunction(name: String, params: Parameters, body: [Stmt], lambdaBody: Expr?, key: ScopeKey,
                      range: SourceRange) {
        guard let info = resolver.scopes[key] else {
            raiseError(BuiltinTypes.runtimeError, "internal: unresolved scope"); loadConst(.none); return
        }
        let qual = qualPrefix + name
        let inner = Emitter(rt: rt, file: file, resolver: resolver, layout: Layout(info), name: name, location: loc(range))
        var own: [String: String] = [:]
        for n in info.params { own[n] = n }
        inner.renameStack = renameStack + [own]
        inner.qualPrefix = qual + ".<locals>."
        if let e = lambdaBody {
            inner.expr(e)
            inner.emit(.returnValue)
        } else {
            inner.block(body)
            inner.loadConst(.none)
            inner.emit(.returnValue)
        }
        let bc = inner.finish()
        let il = inner.layout
        let paramSet = Set(info.params)
        let code = CodeObject(
            name: name, qualname: qual, params: params, location: loc(range), nslots: il.nslots,
            cellParams: info.params.filter { info.cells.contains($0) }.compactMap { il.slots[$0] },
            cellLocals: info.cells.filter { !paramSet.contains($0) }.sorted().compactMap { il.slots[$0] },
            freeSlots: info.free.compactMap { il.slots[$0] }, bytecode: bc)
        var doc: String?
        if lambdaBody == nil, let first = body.first, case .expr(let e) = first.kind, case .string(let s) = e.kind { doc = s }
        var nDefaults = 0
        for p in params.positional { if let d = p.defaultValue { expr(d); nDefaults += 1 } }
        var kwNames: [String] = []
        for p in params.keywordOnly { if let d = p.defaultValue { expr(d); kwNames.append(p.name) } }
        functions.append(FunctionTemplate(code: code, bytecode: bc, doc: doc, nDefaults: nDefaults, kwDefaultNames: kwNames,
                                          closureSlots: info.free.compactMap { layout.slots[$0] }))
        emit(.makeFunction, functions.count - 1)
    }

    func classDef(_ c: ClassDef, _ range: SourceRange) {
        let key = ScopeKey(range, 1)
        for d in c.decorators { expr(d) }
        var nbases = 0
        for a in c.bases { if case .positional(let e) = a { expr(e); nbases += 1 } }
        // Class keywords (`class A(B, flavour="x")`) go to `__init_subclass__`.
        var keywordNames: [String] = []
        for a in c.bases { if case .keyword(let k, let v, _) = a { expr(v); keywordNames.append(k) } }
        guard let info = resolver.scopes[key] else {
            raiseError(BuiltinTypes.runtimeError, "internal: unresolved class"); return
        }
        let inner = Emitter(rt: rt, file: file, resolver: resolver, layout: Layout(info), name: c.name, location: loc(range))
        inner.qualPrefix = qualPrefix + c.name + "."
        // As CPython's class bodies begin: `__module__` and `__qualname__` in the namespace.
        inner.loadConst(.str("__main__"))
        inner.storeName("__module__")
        inner.loadConst(.str(qualPrefix + c.name))
        inner.storeName("__qualname__")
        inner.block(c.body)
        inner.loadConst(.none)
        inner.emit(.returnValue)
        let body = inner.finish()
        let il = inner.layout
        var doc: String?
        if let first = c.body.first, case .expr(let e) = first.kind, case .string(let s) = e.kind { doc = s }
        classes.append(ClassTemplate(name: c.name, body: body, doc: doc, keywordNames: keywordNames, nslots: il.nslots,
                                     cellLocals: info.cells.sorted().compactMap { il.slots[$0] },
                                     freeSlots: info.free.compactMap { il.slots[$0] },
                                     closureSlots: info.free.compactMap { layout.slots[$0] },
                                     classCellSlot: il.slots["__class__#"]))
        loc = loc(range)
        emit(.buildClass, classes.count - 1, nbases)
        for _ in c.decorators { emit(.call, 1) }
        storeName(c.name)
    }
}
