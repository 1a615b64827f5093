import NNEngine
import NNSyntax
import Foundation

/// The `re` module's functions and its `Pattern` and `Match` classes.
extension Runtime {
    static let reReady: Bool = {
        let P = patternClass, M = matchClass
        reError.dict["__module__"] = .str("re")
        func pat(_ v: Value) throws -> RePattern {
            guard let p = state(v, P, as: RePattern.self) else { throw PyError.type("descriptor requires a 're.Pattern' object") }
            return p
        }
        func mat(_ v: Value) throws -> ReMatch {
            guard let m = state(v, M, as: ReMatch.self) else { throw PyError.type("descriptor requires a 're.Match' object") }
            return m
        }
        func str(_ v: Value) throws -> String {
            guard case .str(let s) = v else { throw PyError.type("expected string or bytes-like object, got '\(v.typeName)'") }
            return s
        }
        func arg(_ a: [Value], _ kw: Kwargs, _ i: Int, _ name: String) -> Value? { i < a.count ? a[i] : Args.kw(kw, name) }
        func find(_ mode: Int) -> PyMethodDescr.Fn {
            { rt, s, a, kw in
                guard let sv = arg(a, kw, 0, "string") else { throw PyError.type("missing required argument 'string' (pos 1)") }
                let pos = try arg(a, kw, 1, "pos").map { try Args.int($0) } ?? 0
                let end = try arg(a, kw, 2, "endpos").map { try Args.int($0) }
                return rt.reFind(try pat(s), try str(sv), mode: mode, pos: pos, endpos: end)
            }
        }
        methods(P, [
            ("search", find(0)), ("match", find(1)), ("fullmatch", find(2)),
            ("findall", { rt, s, a, _ in try Args.count("findall", a, 1, 1); return .object(PyList(rt.reFindall(try pat(s), try str(a[0])))) }),
            ("finditer", { rt, s, a, _ in
                try Args.count("finditer", a, 1, 1)
                let ms = rt.reAll(try pat(s), try str(a[0]))
                var i = 0
                return .object(PyIterator(kind: BuiltinTypes.iterator) { defer { i += 1 }; return i < ms.count ? native(M, ms[i]) : nil })
            }),
            ("sub", { rt, s, a, kw in
                try Args.count("sub", a, 2, 3)
                let count = try arg(a, kw, 2, "count").map { try Args.int($0) } ?? 0
                return .str(try rt.reSub(try pat(s), a[0], try str(a[1]), count: count).0)
            }),
            ("subn", { rt, s, a, kw in
                try Args.count("subn", a, 2, 3)
                let count = try arg(a, kw, 2, "count").map { try Args.int($0) } ?? 0
                let (r, n) = try rt.reSub(try pat(s), a[0], try str(a[1]), count: count)
                return .object(PyTuple([.str(r), .int(n)]))
            }),
            ("split", { rt, s, a, kw in
                try Args.count("split", a, 1, 2)
                let maxsplit = try arg(a, kw, 1, "maxsplit").map { try Args.int($0) } ?? 0
                return .object(PyList(rt.reSplit(try pat(s), try str(a[0]), maxsplit: maxsplit)))
            }),
            ("__repr__", { rt, s, _, _ in
                let p = try pat(s)
                var flags: [String] = []
                for (n, v) in [("re.IGNORECASE", 2), ("re.LOCALE", 4), ("re.MULTILINE", 8), ("re.DOTALL", 16),
                               ("re.VERBOSE", 64), ("re.ASCII", 256)] where p.flags & v != 0 { flags.append(n) }
                return .str("re.compile(" + stringRepr(p.source) + (flags.isEmpty ? "" : ", " + flags.joined(separator: "|")) + ")")
            }),
            ("__eq__", { _, s, a, _ in
                guard let o = state(a[0], P, as: RePattern.self) else { return .object(notImplemented) }
                let p = try pat(s)
                return .bool(p.source == o.source && p.flags == o.flags)
            }),
        ])
        P.dict["__hash__"] = Value.none
        attribute(P, "pattern") { v in (try? pat(v)).map { .str($0.source) } ?? .none }
        attribute(P, "flags") { v in (try? pat(v)).map { .int($0.flags | 32) } ?? .none }
        attribute(P, "groups") { v in (try? pat(v)).map { .int($0.groups) } ?? .none }
        attribute(P, "groupindex") { v in
            let d = PyDict()
            for (n, i) in (try? pat(v))?.groupNames ?? [] { d.set(n, .int(i)) }
            return .object(d)
        }

        func groupIndex(_ m: ReMatch, _ v: Value) throws -> Int {
            switch v {
            case .int(let i):
                guard i >= 0 && i < m.ranges.count else { throw PyError.index("no such group") }
                return i
            case .str(let n):
                guard let i = m.pattern.groupNames.first(where: { $0.0 == n })?.1 else { throw PyError.index("no such group") }
                return i
            default: throw PyError.index("no such group")
            }
        }
        methods(M, [
            ("group", { _, s, a, _ in
                let m = try mat(s)
                if a.isEmpty { return m.group(0) }
                if a.count == 1 { return m.group(try groupIndex(m, a[0])) }
                return .object(PyTuple(try a.map { m.group(try groupIndex(m, $0)) }))
            }),
            ("__getitem__", { _, s, a, _ in let m = try mat(s); return m.group(try groupIndex(m, a[0])) }),
            ("groups", { _, s, a, kw in
                let m = try mat(s)
                let dflt = a.first ?? Args.kw(kw, "default") ?? .none
                return .object(PyTuple((1..<max(1, m.ranges.count)).map { let g = m.group($0); return g.isNone ? dflt : g }))
            }),
            ("groupdict", { _, s, a, kw in
                let m = try mat(s)
                let dflt = a.first ?? Args.kw(kw, "default") ?? .none
                let d = PyDict()
                for (n, i) in m.pattern.groupNames { let g = m.group(i); d.set(n, g.isNone ? dflt : g) }
                return .object(d)
            }),
            ("span", { _, s, a, _ in
                let m = try mat(s)
                let (x, y) = m.span(try groupIndex(m, a.first ?? .int(0)))
                return .object(PyTuple([.int(x), .int(y)]))
            }),
            ("start", { _, s, a, _ in let m = try mat(s); return .int(m.span(try groupIndex(m, a.first ?? .int(0))).0) }),
            ("end", { _, s, a, _ in let m = try mat(s); return .int(m.span(try groupIndex(m, a.first ?? .int(0))).1) }),
            ("expand", { rt, s, a, _ in try Args.count("expand", a, 1, 1); return .str(try rt.expandTemplate(try str(a[0]), try mat(s))) }),
            ("__repr__", { rt, s, _, _ in
                let m = try mat(s)
                let (x, y) = m.span(0)
                return .str("<re.Match object; span=(\(x), \(y)), match=\(try rt.repr(m.group(0)))>")
            }),
        ])
        attribute(M, "string") { v in (try? mat(v)).map { .str($0.string) } ?? .none }
        attribute(M, "re") { v in (try? mat(v)).map { native(P, $0.pattern) } ?? .none }
        attribute(M, "pos") { v in (try? mat(v)).map { .int($0.pos) } ?? .none }
        attribute(M, "endpos") { v in (try? mat(v)).map { .int($0.endpos) } ?? .none }
        attribute(M, "lastindex") { v in
            guard let m = try? mat(v) else { return .none }
            var last: Int?
            var bestEnd = -1
            for i in 1..<max(1, m.ranges.count) where m.ranges[i].location != NSNotFound {
                let e = m.ranges[i].location + m.ranges[i].length
                if e >= bestEnd { bestEnd = e; last = i }
            }
            return last.map { .int($0) } ?? .none
        }
        return true
    }()

    func reModule() -> [String: Value] {
        _ = Runtime.reReady
        var d: [String: Value] = ["error": .object(Runtime.reError), "Pattern": .object(Runtime.patternClass),
                                  "Match": .object(Runtime.matchClass)]
        for (n, v) in Runtime.reFlags { d[n] = .int(v) }
        func def(_ name: String, _ f: @escaping PyBuiltin.Fn) { d[name] = Runtime.fn(name, f) }
        func flags(_ a: [Value], _ kw: Kwargs, _ i: Int) -> Value { i < a.count ? a[i] : (Args.kw(kw, "flags") ?? .int(0)) }
        func subject(_ v: Value) throws -> String {
            guard case .str(let s) = v else { throw PyError.type("expected string or bytes-like object, got '\(v.typeName)'") }
            return s
        }
        def("compile") { rt, a, kw in
            try Args.count("compile", a, 1, 2)
            if let p = Runtime.state(a[0], Runtime.patternClass, as: RePattern.self) { return Runtime.native(Runtime.patternClass, p) }
            return Runtime.native(Runtime.patternClass, try rt.compilePattern(a[0], flags(a, kw, 1)))
        }
        for (name, mode) in [("search", 0), ("match", 1), ("fullmatch", 2)] {
            def(name) { rt, a, kw in
                try Args.count(name, a, 2, 3)
                return rt.reFind(try rt.compilePattern(a[0], flags(a, kw, 2)), try subject(a[1]), mode: mode)
            }
        }
        def("findall") { rt, a, kw in
            try Args.count("findall", a, 2, 3)
            return .object(PyList(rt.reFindall(try rt.compilePattern(a[0], flags(a, kw, 2)), try subject(a[1]))))
        }
        def("finditer") { rt, a, kw in
            try Args.count("finditer", a, 2, 3)
            let ms = rt.reAll(try rt.compilePattern(a[0], flags(a, kw, 2)), try subject(a[1]))
            var i = 0
            return .object(PyIterator(kind: BuiltinTypes.iterator) { defer { i += 1 }; return i < ms.count ? Runtime.native(Runtime.matchClass, ms[i]) : nil })
        }
        for (name, counted) in [("sub", false), ("subn", true)] {
            def(name) { rt, a, kw in
                try Args.count(name, a, 3, 5)
                let count = try (a.count > 3 ? a[3] : Args.kw(kw, "count")).map { try Args.int($0) } ?? 0
                let (r, n) = try rt.reSub(try rt.compilePattern(a[0], flags(a, kw, 4)), a[1], try subject(a[2]), count: count)
                return counted ? .object(PyTuple([.str(r), .int(n)])) : .str(r)
            }
        }
        def("split") { rt, a, kw in
            try Args.count("split", a, 2, 4)
            let maxsplit = try (a.count > 2 ? a[2] : Args.kw(kw, "maxsplit")).map { try Args.int($0) } ?? 0
            return .object(PyList(rt.reSplit(try rt.compilePattern(a[0], flags(a, kw, 3)), try subject(a[1]), maxsplit: maxsplit)))
        }
        def("escape") { _, a, _ in
            try Args.count("escape", a, 1, 1)
            let special = Set("()[]{}?*+-|^$\\.&~# \t\n\r\u{0B}\u{0C}".unicodeScalars)
            var out = ""
            for u in try subject(a[0]).unicodeScalars {
                if special.contains(u) { out += "\\" }
                out.unicodeScalars.append(u)
            }
            return .str(out)
        }
        def("purge") { rt, _, _ in rt.reCache.patterns = [:]; return .none }
        return d
    }
}
