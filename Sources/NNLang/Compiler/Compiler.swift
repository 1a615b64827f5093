import Foundation

/// One frame's slot layout while compiling.
final class Layout {
    let info: ScopeInfo
    var slots: [String: Int] = [:]
    var nslots: Int

    init(_ info: ScopeInfo) {
        self.info = info
        nslots = info.kind == .classBody ? 2 : 1
        if info.kind == .function {
            for n in info.params where slots[n] == nil { slots[n] = nslots; nslots += 1 }
        }
        for n in info.assigned.sorted() where info.isFrameLocal(n) && slots[n] == nil {
            slots[n] = nslots; nslots += 1
        }
        for n in info.free where slots[n] == nil { slots[n] = nslots; nslots += 1 }
    }

    /// A fresh hidden slot (comprehension accumulators, temporaries).
    func temp() -> Int { nslots += 1; return nslots - 1 }

    func isCell(_ n: String) -> Bool { info.cells.contains(n) || info.free.contains(n) }
}

/// Where a name lives, decided at compile time.
enum NameRef {
    case local(Int)
    case cell(Int)
    case global(GlobalBox)
    /// A class body: the namespace dict in slot 1, then globals.
    case classNS(String, GlobalBox)
}

/// Pass 2: turns the AST into a tree of closures over frame slots.
final class Compiler {
    unowned(unsafe) let rt: Runtime
    let file: String
    let resolver: Resolver
    var layout: Layout
    var renameStack: [[String: String]] = []
    var qualPrefix = ""
    /// Set while compiling a cell's last expression statement.
    var echoLast = false
    /// How many comprehensions enclose the code being compiled (in the current frame).
    var comprehensionDepth = 0

    init(rt: Runtime, file: String, resolver: Resolver, layout: Layout) {
        self.rt = rt; self.file = file; self.resolver = resolver; self.layout = layout
    }

    func loc(_ r: SourceRange) -> SourceLocation { r.location(file: file) }

    // MARK: Names

    func mapped(_ n: String) -> String {
        for m in renameStack.reversed() { if let r = m[n] { return r } }
        return n
    }

    func resolve(_ name: String) -> NameRef {
        let n = mapped(name)
        if let s = layout.slots[n] { return layout.isCell(n) ? .cell(s) : .local(s) }
        // Comprehensions in a class body do not see the class namespace (CPython).
        if layout.info.kind == .classBody && comprehensionDepth == 0 { return .classNS(n, rt.globalBox(n)) }
        return .global(rt.globalBox(n))
    }

    func nameError(_ n: String) -> PyError { PyError.name("name '\(n)' is not defined") }

    func load(_ name: String) -> Eval {
        let rt = self.rt
        switch resolve(name) {
        case .local(let s):
            return { l in
                let v = l[s]
                if case .undefined = v {
                    throw PyError(BuiltinTypes.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
                }
                return v
            }
        case .cell(let s):
            return { l in
                guard case .object(let o) = l[s] else { throw PyError.name("free variable '\(name)' is not bound") }
                let v = unsafeDowncast(o, to: PyCell.self).value
                if case .undefined = v {
                    throw PyError.name("cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
                }
                return v
            }
        case .global(let box):
            let b = box.p
            // Builtins are fixed once the interpreter is set up: resolve the fallback now.
            if let bv = rt.builtins[name] {
                return { _ in
                    let v = b.pointee
                    if case .undefined = v { return bv }
                    return v
                }
            }
            return { _ in
                let v = b.pointee
                if case .undefined = v {
                    if let bv = rt.builtins[name] { return bv }
                    throw PyError.name("name '\(name)' is not defined")
                }
                return v
            }
        case .classNS(let n, let box):
            let b = box.p
            return { l in
                if case .object(let d) = l[1], let v = try unsafeDowncast(d, to: PyDict.self).get(.str(n)) { return v }
                let v = b.pointee
                if case .undefined = v {
                    if let bv = rt.builtins[n] { return bv }
                    throw PyError.name("name '\(n)' is not defined")
                }
                return v
            }
        }
    }

    func storeName(_ name: String) -> Store {
        switch resolve(name) {
        case .local(let s): return { l, v in l[s] = v }
        case .cell(let s):
            return { l, v in
                if case .object(let o) = l[s] { unsafeDowncast(o, to: PyCell.self).value = v }
            }
        case .global(let box):
            let b = box.p
            let rt = self.rt
            return { _, v in
                rt.retireIfFunction(b.pointee)
                b.pointee = v
            }
        case .classNS(let n, _):
            return { l, v in
                if case .object(let d) = l[1] { unsafeDowncast(d, to: PyDict.self).set(n, v) }
            }
        }
    }

    func deleteName(_ name: String) -> Exec {
        let ld = load(name)
        switch resolve(name) {
        case .local(let s): return { l in _ = try ld(l); l[s] = .undefined; return .normal }
        case .cell(let s):
            return { l in
                _ = try ld(l)
                if case .object(let o) = l[s] { unsafeDowncast(o, to: PyCell.self).value = .undefined }
                return .normal
            }
        case .global(let box):
            let b = box.p
            let rt = self.rt
            return { _ in
                if case .undefined = b.pointee { throw PyError.name("name '\(name)' is not defined") }
                rt.retireIfFunction(b.pointee)
                b.pointee = .undefined
                return .normal
            }
        case .classNS(let n, _):
            return { l in
                if case .object(let d) = l[1], try unsafeDowncast(d, to: PyDict.self).remove(.str(n)) != nil { return .normal }
                throw PyError.name("name '\(n)' is not defined")
            }
        }
    }

    // MARK: Blocks

    /// A statement sequence. Errors escaping it are stamped with the failing statement's
    /// location here (one do/catch per block, no wrapper closure per statement).
    func block(_ stmts: [Stmt]) -> Exec {
        let locs = stmts.map { loc($0.range) }
        @inline(__always) func mark(_ error: Error, _ i: Int) -> Error {
            let e = asPyError(error)
            if e.pending == nil { e.pending = locs[i] }
            return e
        }
        switch stmts.count {
        case 0: return { _ in .normal }
        case 1:
            let a = stmtInner(stmts[0])
            return { l in
                do { return try a(l) } catch { throw mark(error, 0) }
            }
        case 2:
            let a = stmtInner(stmts[0]), b = stmtInner(stmts[1])
            return { l in
                var i = 0
                do {
                    let f = try a(l)
                    if f != .normal { return f }
                    i = 1
                    return try b(l)
                } catch { throw mark(error, i) }
            }
        case 3:
            let a = stmtInner(stmts[0]), b = stmtInner(stmts[1]), c = stmtInner(stmts[2])
            return { l in
                var i = 0
                do {
                    var f = try a(l)
                    if f != .normal { return f }
                    i = 1
                    f = try b(l)
                    if f != .normal { return f }
                    i = 2
                    return try c(l)
                } catch { throw mark(error, i) }
            }
        default:
            let xs = stmts.map { stmtInner($0) }
            let n = xs.count
            return { l in
                var i = 0
                do {
                    while i < n {
                        let f = try xs[i](l)
                        if f != .normal { return f }
                        i += 1
                    }
                    return .normal
                } catch { throw mark(error, i) }
            }
        }
    }

    /// A body that is usually one statement: that statement's closure and location, so the
    /// parent statement stamps the location itself (one closure layer less); else a block.
    func body(_ stmts: [Stmt]) -> (Exec, SourceLocation?) {
        if stmts.count == 1 { return (stmtInner(stmts[0]), loc(stmts[0].range)) }
        return (block(stmts), nil)
    }

    /// Wraps a statement so an error escaping it records the statement's location.
    func located(_ r: SourceRange, _ x: @escaping Exec) -> Exec {
        let where_ = loc(r)
        return { l in
            do { return try x(l) } catch let e as PyError {
                if e.pending == nil { e.pending = where_ }
                throw e
            } catch {
                let e = asPyError(error)
                if e.pending == nil { e.pending = where_ }
                throw e
            }
        }
    }

    // MARK: Functions and classes

    /// Compiles a def or lambda; the returned closure creates the function object at run time.
    func function(name: String, params: Parameters, body: [Stmt], lambdaBody: Expr?, key: ScopeKey,
                  range: SourceRange) -> Eval {
        guard let info = resolver.scopes[key] else { return { _ in throw PyError.runtime("internal: unresolved scope") } }
        let qual = qualPrefix + name
        let outerLayout = layout, outerRen = renameStack, outerQual = qualPrefix, outerDepth = comprehensionDepth
        comprehensionDepth = 0
        layout = Layout(info)
        var own: [String: String] = [:]
        for n in info.params { own[n] = n }
        renameStack.append(own)
        qualPrefix = qual + ".<locals>."
        let bodyExec: Exec
        var vm: VMCode?
        if let e = lambdaBody {
            let ev = expr(e)
            bodyExec = { l in l[0] = try ev(l); return .returned }
        } else {
            vm = VMBuilder(self, loc(range)).build(body)
            bodyExec = { _ in .normal }
        }
        let paramSet = Set(info.params)
        let code = CodeObject(
            name: name, qualname: qual, params: params, location: loc(range), nslots: layout.nslots,
            cellParams: info.params.filter { info.cells.contains($0) }.compactMap { layout.slots[$0] },
            cellLocals: info.cells.filter { !paramSet.contains($0) }.sorted().compactMap { layout.slots[$0] },
            freeSlots: info.free.compactMap { layout.slots[$0] }, body: bodyExec, vm: vm)
        layout = outerLayout; renameStack = outerRen; qualPrefix = outerQual; comprehensionDepth = outerDepth

        var doc: String?
        if lambdaBody == nil, let first = body.first, case .expr(let e) = first.kind, case .string(let s) = e.kind { doc = s }
        let nDefaults = params.positional.filter { $0.defaultValue != nil }.count
        let defaultEvals = params.positional.compactMap { $0.defaultValue.map { expr($0) } }
        let kwDefaultEvals = params.keywordOnly.compactMap { p in p.defaultValue.map { (p.name, expr($0)) } }
        let closureRefs: [Int] = info.free.compactMap { layout.slots[$0] }
        _ = nDefaults
        return { l in
            var defs: [Value] = []
            for d in defaultEvals { defs.append(try d(l)) }
            var kwd: [String: Value] = [:]
            for (n, d) in kwDefaultEvals { kwd[n] = try d(l) }
            var cells: [PyCell] = []
            for s in closureRefs {
                if case .object(let o) = l[s] { cells.append(unsafeDowncast(o, to: PyCell.self)) } else { cells.append(PyCell()) }
            }
            let f = PyFunction(code: code, defaults: defs, kwDefaults: kwd, closure: cells)
            f.doc = doc
            return .object(f)
        }
    }

    func decorate(_ decorators: [Expr], _ make: @escaping Eval) -> Eval {
        if decorators.isEmpty { return make }
        let decs = decorators.map { expr($0) }
        let rt = self.rt
        return { l in
            let ds = try decs.map { try $0(l) }
            var v = try make(l)
            for d in ds.reversed() { v = try rt.call(d, [v], []) }
            return v
        }
    }

    func classDef(_ c: ClassDef, _ range: SourceRange) -> Exec {
        let key = ScopeKey(range, 1)
        guard let info = resolver.scopes[key] else { return { _ in throw PyError.runtime("internal: unresolved class") } }
        let rt = self.rt
        let baseEvals = c.bases.compactMap { a -> Eval? in if case .positional(let e) = a { return expr(e) }; return nil }
        let outerLayout = layout, outerRen = renameStack, outerQual = qualPrefix, outerDepth = comprehensionDepth
        comprehensionDepth = 0
        layout = Layout(info)
        renameStack = []
        qualPrefix = outerQual + c.name + "."
        let body = block(c.body)
        let n = layout.nslots
        let classCellSlot = layout.slots["__class__#"]
        let cellLocals = info.cells.sorted().compactMap { layout.slots[$0] }
        let freeSlots = info.free.compactMap { layout.slots[$0] }
        layout = outerLayout; renameStack = outerRen; qualPrefix = outerQual; comprehensionDepth = outerDepth
        let closureRefs: [Int] = info.free.compactMap { layout.slots[$0] }
        let name = c.name
        var doc: String?
        if let first = c.body.first, case .expr(let e) = first.kind, case .string(let s) = e.kind { doc = s }
        let make: Eval = { l in
            let bases = try baseEvals.map { try $0(l) }
            let ns = PyDict()
            return try withUnsafeTemporaryAllocation(of: Value.self, capacity: n) { buf in
                let cl = buf.baseAddress!
                cl.initialize(repeating: .undefined, count: n)
                defer { cl.deinitialize(count: n) }
                cl[1] = .object(ns)
                for s in cellLocals { cl[s] = .object(PyCell()) }
                for (i, s) in freeSlots.enumerated() {
                    if case .object(let o) = l[closureRefs[i]] { cl[s] = .object(o) }
                }
                _ = try body(cl)
                if let d = doc { ns.set("__doc__", .str(d)) }
                let cls = try rt.buildClass(name: name, bases: bases, namespace: ns, keywords: [])
                if let s = classCellSlot, case .object(let o) = cl[s] { unsafeDowncast(o, to: PyCell.self).value = cls }
                return cls
            }
        }
        let st = storeName(c.name)
        let full = decorate(c.decorators, make)
        return { l in try st(l, full(l)); return .normal }
    }
}

/// Stamps `where_` on an escaping error unless an inner statement already did.
@inline(__always) func stamp(_ error: Error, _ where_: SourceLocation?) -> Error {
    guard let where_ else { return error }
    let e = asPyError(error)
    if e.pending == nil { e.pending = where_ }
    return e
}
