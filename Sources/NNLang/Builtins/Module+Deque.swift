import NNEngine
import NNSyntax
/// `collections.deque`: a native class over a Swift array, with an optional `maxlen`.
extension Runtime {
    /// The items of a deque.
    final class Deque {
        var items: [Value] = []
        let maxlen: Int?
        init(maxlen: Int?) { self.maxlen = maxlen }
        func trimFront() { if let m = maxlen, items.count > m { items.removeFirst(items.count - m) } }
        func trimBack() { if let m = maxlen, items.count > m { items.removeLast(items.count - m) } }
    }

    static func installDeque() {
        let D = dequeClass
        func dq(_ v: Value) throws -> Deque {
            guard let d = state(v, D, as: Deque.self) else { throw PyError.type("descriptor requires a 'collections.deque' object") }
            return d
        }
        D.construct = { rt, a, kw in
            try Args.count("deque", a, 0, 2)
            try Args.onlyKw("deque", kw, ["iterable", "maxlen"])
            var maxlen: Int?
            if let m = a.count > 1 ? a[1] : Args.kw(kw, "maxlen"), !m.isNone {
                maxlen = try Args.int(m)
                if maxlen! < 0 { throw PyError.value("maxlen must be non-negative") }
            }
            let d = Deque(maxlen: maxlen)
            if let src = a.first ?? Args.kw(kw, "iterable") { d.items = try rt.iterateToArray(src); d.trimFront() }
            return native(D, d)
        }
        func index(_ d: Deque, _ v: Value) throws -> Int {
            let i = try Args.int(v)
            let j = i < 0 ? i + d.items.count : i
            guard j >= 0 && j < d.items.count else { throw PyError.index("deque index out of range") }
            return j
        }
        methods(D, [
            ("append", { _, s, a, _ in try Args.count("append", a, 1, 1); let d = try dq(s); d.items.append(a[0]); d.trimFront(); return .none }),
            ("appendleft", { _, s, a, _ in try Args.count("appendleft", a, 1, 1); let d = try dq(s); d.items.insert(a[0], at: 0); d.trimBack(); return .none }),
            ("extend", { rt, s, a, _ in try Args.count("extend", a, 1, 1); let d = try dq(s); d.items += try rt.iterateToArray(a[0]); d.trimFront(); return .none }),
            ("extendleft", { rt, s, a, _ in
                try Args.count("extendleft", a, 1, 1)
                let d = try dq(s)
                for x in try rt.iterateToArray(a[0]) { d.items.insert(x, at: 0) }
                d.trimBack()
                return .none
            }),
            ("pop", { _, s, _, _ in
                let d = try dq(s)
                guard let x = d.items.popLast() else { throw PyError.index("pop from an empty deque") }
                return x
            }),
            ("popleft", { _, s, _, _ in
                let d = try dq(s)
                guard !d.items.isEmpty else { throw PyError.index("pop from an empty deque") }
                return d.items.removeFirst()
            }),
            ("clear", { _, s, _, _ in try dq(s).items = []; return .none }),
            ("rotate", { _, s, a, _ in
                let d = try dq(s)
                let n = d.items.count
                guard n > 0 else { return .none }
                let k = try Args.int(a.first ?? .int(1))
                let r = ((k % n) + n) % n
                d.items = Array(d.items[(n - r)...] + d.items[..<(n - r)])
                return .none
            }),
            ("count", { rt, s, a, _ in
                try Args.count("count", a, 1, 1)
                var c = 0
                for x in try dq(s).items where try rt.same(x, a[0]) { c += 1 }
                return .int(c)
            }),
            ("index", { rt, s, a, _ in
                try Args.count("index", a, 1, 1)
                for (i, x) in try dq(s).items.enumerated() where try rt.same(x, a[0]) { return .int(i) }
                throw PyError.value("\(try rt.repr(a[0])) is not in deque")
            }),
            ("remove", { rt, s, a, _ in
                try Args.count("remove", a, 1, 1)
                let d = try dq(s)
                for (i, x) in d.items.enumerated() where try rt.same(x, a[0]) { d.items.remove(at: i); return .none }
                throw PyError.value("deque.remove(x): x not in deque")
            }),
            ("reverse", { _, s, _, _ in try dq(s).items.reverse(); return .none }),
            ("copy", { _, s, _, _ in
                let d = try dq(s), c = Deque(maxlen: d.maxlen)
                c.items = d.items
                return native(D, c)
            }),
            ("__len__", { _, s, _, _ in .int(try dq(s).items.count) }),
            ("__iter__", { _, s, _, _ in
                let d = try dq(s)
                let n0 = d.items.count
                var i = 0
                return .object(PyIterator(kind: BuiltinTypes.iterator) {
                    if d.items.count != n0 { throw PyError.runtime("deque mutated during iteration") }
                    defer { i += 1 }
                    return i < d.items.count ? d.items[i] : nil
                })
            }),
            ("__getitem__", { _, s, a, _ in let d = try dq(s); return d.items[try index(d, a[0])] }),
            ("__setitem__", { _, s, a, _ in let d = try dq(s); d.items[try index(d, a[0])] = a[1]; return .none }),
            ("__delitem__", { _, s, a, _ in let d = try dq(s); d.items.remove(at: try index(d, a[0])); return .none }),
            ("__contains__", { rt, s, a, _ in
                for x in try dq(s).items where try rt.same(x, a[0]) { return .True }
                return .False
            }),
            ("__eq__", { rt, s, a, _ in
                guard let o = state(a[0], D, as: Deque.self) else { return .object(notImplemented) }
                return .bool(try rt.equals(.object(PyList(try dq(s).items)), .object(PyList(o.items))))
            }),
            ("__repr__", { rt, s, _, _ in
                let d = try dq(s)
                let body = try rt.repr(.object(PyList(d.items)))
                return .str(d.maxlen.map { "deque(\(body), maxlen=\($0))" } ?? "deque(\(body))")
            }),
        ])
        D.dict["__hash__"] = Value.none
        attribute(D, "maxlen") { v in (state(v, D, as: Deque.self)?.maxlen).map { .int($0) } ?? .none }
    }
}
