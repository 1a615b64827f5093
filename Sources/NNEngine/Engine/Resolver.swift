import NNSyntax
/// Identifies a scope-introducing node (def, lambda, class, comprehension) by its position.
struct ScopeKey: Hashable {
    let line: Int, column: Int, tag: Int
    init(_ r: SourceRange, _ tag: Int) { line = r.start.line; column = r.start.column; self.tag = tag }
}

/// What the resolver learned about one scope: which names are locals, cells, free or global.
final class ScopeInfo {
    enum Kind { case module, function, classBody }
    let kind: Kind
    let parent: ScopeInfo?
    var params: [String] = []
    var assigned: Set<String> = []
    var globalDecl: Set<String> = []
    var nonlocalDecl: Set<String> = []
    var loads: Set<String> = []
    /// Locals captured by inner scopes (stored in cells).
    var cells: Set<String> = []
    /// Names taken from enclosing scopes' cells, in a fixed order.
    var free: [String] = []
    var children: [ScopeInfo] = []
    /// A function whose body yields: calling it makes a generator.
    var isGenerator = false

    init(kind: Kind, parent: ScopeInfo?) {
        self.kind = kind
        self.parent = parent
        parent?.children.append(self)
    }

    /// True when `name` lives in this scope's frame (not global, not in a class dict).
    func isFrameLocal(_ name: String) -> Bool {
        if name.contains("#") { return assigned.contains(name) }
        switch kind {
        case .module, .classBody: return false
        case .function:
            if globalDecl.contains(name) || nonlocalDecl.contains(name) { return false }
            return params.contains(name) || assigned.contains(name)
        }
    }

    func addFree(_ name: String) { if !free.contains(name) { free.append(name) } }
}

/// Pass 1: finds every scope's locals and which variables closures capture.
///
/// Comprehensions are inlined into the enclosing frame (as CPython 3.12 does): their loop
/// variables get hidden slots named `x#N`, so they do not leak.
final class Resolver {
    var scopes: [ScopeKey: ScopeInfo] = [:]
    /// Hidden names of each comprehension, by key.
    var renames: [ScopeKey: [String: String]] = [:]
    private var counter = 0
    private var cur: ScopeInfo
    private var renameStack: [[String: String]] = []
    let root: ScopeInfo

    init(root: ScopeInfo) { self.root = root; cur = root }

    func resolve(_ body: [Stmt]) {
        for s in body { stmt(s) }
        finish(root)
    }

    private func finish(_ s: ScopeInfo) {
        for n in s.loads.union(s.nonlocalDecl).sorted() where !s.isFrameLocal(n) && !s.globalDecl.contains(n) {
            if s.kind == .module && !n.contains("#") { continue }
            // Walk outwards to the scope whose frame defines n.
            var path: [ScopeInfo] = [s]
            var p = s.parent
            while let q = p {
                if q.kind == .function && q.globalDecl.contains(n) { break }
                if q.isFrameLocal(n) && (q.kind == .function || n.contains("#")) {
                    q.cells.insert(n)
                    for x in path { x.addFree(n) }
                    break
                }
                path.append(q)
                p = q.parent
            }
        }
        for c in s.children { finish(c) }
    }

    private func name(_ n: String) -> String {
        for m in renameStack.reversed() { if let r = m[n] { return r } }
        return n
    }

    private func load(_ n: String) { cur.loads.insert(name(n)) }
    private func store(_ n: String) {
        let r = name(n)
        cur.assigned.insert(r)
    }

    private func target(_ e: Expr) {
        switch e.kind {
        case .name(let n): store(n)
        case .tuple(let xs), .list(let xs): for x in xs { target(x) }
        case .starred(let x): target(x)
        default: expr(e)
        }
    }

    private func stmts(_ b: [Stmt]) { for s in b { stmt(s) } }

    private func stmt(_ s: Stmt) {
        switch s.kind {
        case .expr(let e): expr(e)
        case .assign(let targets, let value):
            expr(value)
            for t in targets { target(t) }
        case .augAssign(let t, _, let v):
            expr(v)
            if case .name(let n) = t.kind { load(n); store(n) } else { expr(t) }
        case .annAssign(let t, _, let v):
            if let v { expr(v); target(t) } else if case .name(let n) = t.kind, cur.kind != .module { _ = n }
        case .if(let test, let body, let orelse):
            expr(test); stmts(body); stmts(orelse)
        case .for(let t, let iter, let body, let orelse):
            expr(iter); target(t); stmts(body); stmts(orelse)
        case .while(let test, let body, let orelse):
            expr(test); stmts(body); stmts(orelse)
        case .break, .continue, .pass: break
        case .return(let e): if let e { expr(e) }
        case .functionDef(let f):
            for d in f.decorators { expr(d) }
            defaults(f.parameters)
            store(f.name)
            function(ScopeKey(s.range, 0), f.parameters, body: f.body, lambdaBody: nil)
        case .classDef(let c):
            for d in c.decorators { expr(d) }
            for b in c.bases { argument(b) }
            store(c.name)
            let info = ScopeInfo(kind: .classBody, parent: cur)
            info.assigned.insert("__class__#")
            scopes[ScopeKey(s.range, 1)] = info
            let saved = cur, savedRen = renameStack
            cur = info; renameStack = []
            stmts(c.body)
            cur = saved; renameStack = savedRen
        case .global(let names): cur.globalDecl.formUnion(names)
        case .nonlocal(let names): cur.nonlocalDecl.formUnion(names)
        case .del(let targets):
            for t in targets { if case .name(let n) = t.kind { store(n); load(n) } else { target(t) } }
        case .raise(let e, let c):
            if let e { expr(e) }
            if let c { expr(c) }
        case .try(let body, let handlers, let orelse, let fin):
            stmts(body)
            for h in handlers {
                if let t = h.type { expr(t) }
                if let n = h.name { store(n) }
                stmts(h.body)
            }
            stmts(orelse); stmts(fin)
        case .assert(let t, let m):
            expr(t)
            if let m { expr(m) }
        case .with(let items, let body):
            for i in items {
                expr(i.context)
                if let t = i.target { target(t) }
            }
            stmts(body)
        case .import(let names):
            for a in names { store(a.asName ?? String(a.name.split(separator: ".").first ?? "")) }
        case .importFrom(_, let names, _):
            for a in names where a.name != "*" { store(a.asName ?? a.name) }
        case .magic(let m): stmts(m.body)
        }
    }

    private func defaults(_ p: Parameters) {
        for x in p.positional { if let d = x.defaultValue { expr(d) } }
        for x in p.keywordOnly { if let d = x.defaultValue { expr(d) } }
    }

    private func function(_ key: ScopeKey, _ p: Parameters, body: [Stmt], lambdaBody: Expr?) {
        let info = ScopeInfo(kind: .function, parent: cur)
        info.params = p.allNames
        scopes[key] = info
        let saved = cur, savedRen = renameStack
        cur = info
        // Comprehension renames stay visible (closures capture the hidden slot), but the
        // function's own parameters shadow them.
        var own: [String: String] = [:]
        for n in info.params { own[n] = n }
        renameStack.append(own)
        if let e = lambdaBody { expr(e) } else { stmts(body) }
        cur = saved; renameStack = savedRen
    }

    private func argument(_ a: Argument) {
        switch a {
        case .positional(let e), .starred(let e), .doubleStarred(let e): expr(e)
        case .keyword(_, let v, _): expr(v)
        }
    }

    private func comprehension(_ key: ScopeKey, _ gens: [Comprehension], _ elts: [Expr]) {
        guard let first = gens.first else { return }
        expr(first.iter)
        var map: [String: String] = [:]
        func collect(_ e: Expr) {
            switch e.kind {
            case .name(let n):
                if map[n] == nil { counter += 1; map[n] = "\(n)#\(counter)" }
            case .tuple(let xs), .list(let xs): for x in xs { collect(x) }
            case .starred(let x): collect(x)
            default: break
            }
        }
        for g in gens { collect(g.target) }
        renames[key] = map
        renameStack.append(map)
        for (i, g) in gens.enumerated() {
            if i > 0 { expr(g.iter) }
            target(g.target)
            for c in g.ifs { expr(c) }
        }
        for e in elts { expr(e) }
        renameStack.removeLast()
    }

    private func expr(_ e: Expr) {
        switch e.kind {
        case .name(let n):
            load(n)
            if n == "super" && cur.kind == .function { cur.loads.insert("__class__#") }
        case .int, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: break
        case .fstring(let parts): fparts(parts)
        case .attribute(let v, _): expr(v)
        case .subscript(let v, let i): expr(v); expr(i)
        case .slice(let a, let b, let c):
            if let a { expr(a) }
            if let b { expr(b) }
            if let c { expr(c) }
        case .call(let f, let args): expr(f); for a in args { argument(a) }
        case .unary(_, let x): expr(x)
        case .binary(let a, _, let b): expr(a); expr(b)
        case .boolOp(_, let xs): for x in xs { expr(x) }
        case .compare(let a, let cs): expr(a); for c in cs { expr(c.right) }
        case .ifExp(let t, let b, let o): expr(t); expr(b); expr(o)
        case .lambda(let p, let body):
            defaults(p)
            function(ScopeKey(e.range, 2), p, body: [], lambdaBody: body)
        case .list(let xs), .tuple(let xs), .set(let xs): for x in xs { expr(x) }
        case .dict(let items):
            for i in items {
                switch i {
                case .pair(let k, let v): expr(k); expr(v)
                case .unpack(let m): expr(m)
                }
            }
        case .listComp(let elt, let gens), .setComp(let elt, let gens), .generator(let elt, let gens):
            comprehension(ScopeKey(e.range, 3), gens, [elt])
        case .dictComp(let k, let v, let gens):
            comprehension(ScopeKey(e.range, 3), gens, [k, v])
        case .starred(let x): expr(x)
        case .yield(let x):
            cur.isGenerator = true
            if let x { expr(x) }
        case .yieldFrom(let x):
            cur.isGenerator = true
            expr(x)
        }
    }

    private func fparts(_ parts: [FStringPart]) {
        for p in parts {
            if case .field(let f) = p {
                expr(f.expr)
                if let s = f.formatSpec { fparts(s) }
            }
        }
    }
}
