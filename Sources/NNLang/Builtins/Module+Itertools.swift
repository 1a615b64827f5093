import NNEngine
import NNSyntax
/// The `itertools` module as lazy native iterators.
extension Runtime {
    static let itertoolsClasses: [String: PyClass] = {
        var d: [String: PyClass] = [:]
        for n in ["count", "cycle", "repeat", "chain", "islice", "zip_longest", "product", "permutations",
                  "combinations", "combinations_with_replacement", "accumulate", "groupby", "_grouper", "starmap",
                  "takewhile", "dropwhile", "filterfalse", "compress", "pairwise", "_tee"] {
            d[n] = nativeClass(n, module: "itertools", base: BuiltinTypes.iterator)
        }
        return d
    }()

    /// The module's namespace: its classes and `tee`.
    func itertoolsModule() -> [String: Value] {
        _ = Runtime.itertoolsReady
        var d: [String: Value] = [:]
        for (n, c) in Runtime.itertoolsClasses where !n.hasPrefix("_") { d[n] = .object(c) }
        d["tee"] = .object(Runtime.teeFunction)
        return d
    }

    /// Fills the classes' constructors once per process (interpreters share the classes).
    static let itertoolsReady: Bool = {
        let K = Runtime.itertoolsClasses
        func def(_ name: String, _ f: @escaping PyBuiltin.Fn) { K[name]!.construct = f }
        func lazy(_ name: String, _ next: @escaping () throws -> Value?) -> Value {
            .object(PyIterator(kind: K[name]!, next))
        }
        func optInt(_ v: Value?, _ what: String) throws -> Int? {
            guard let v, !v.isNone else { return nil }
            guard case .int(let i) = v else { throw PyError.value(what) }
            return i
        }
        def("count") { rt, a, kw in
            var cur = a.count > 0 ? a[0] : (Args.kw(kw, "start") ?? .int(0))
            let step = a.count > 1 ? a[1] : (Args.kw(kw, "step") ?? .int(1))
            return lazy("count") {
                let v = cur
                cur = try rt.binary(.add, cur, step)
                return v
            }
        }
        def("cycle") { rt, a, _ in
            try Args.count("cycle", a, 1, 1)
            let it = try rt.makeIterator(a[0])
            var saved: [Value] = [], i = 0, exhausted = false
            return lazy("cycle") {
                if !exhausted {
                    if let x = try it() { saved.append(x); return x }
                    exhausted = true
                }
                if saved.isEmpty { return nil }
                try rt.tick()
                defer { i = (i + 1) % saved.count }
                return saved[i]
            }
        }
        def("repeat") { rt, a, kw in
            try Args.count("repeat", a, 1, 2)
            let obj = a[0]
            var left = try optInt(a.count > 1 ? a[1] : Args.kw(kw, "times"), "times must be an int")
            return lazy("repeat") {
                if let l = left { if l <= 0 { return nil }; left = l - 1 } else { try rt.tick() }
                return obj
            }
        }
        let chain = K["chain"]!
        func chained(_ rt: Runtime, _ outer: @escaping () throws -> Value?) -> Value {
            var inner: (() throws -> Value?)?
            return lazy("chain") {
                while true {
                    if let i = inner, let x = try i() { return x }
                    guard let nextIterable = try outer() else { return nil }
                    inner = try rt.makeIterator(nextIterable)
                }
            }
        }
        def("chain") { rt, a, _ in
            var k = 0
            return chained(rt) { defer { k += 1 }; return k < a.count ? a[k] : nil }
        }
        chain.dict["from_iterable"] = .object(PyStaticMethod(Runtime.fn("from_iterable") { rt, a, _ in
            try Args.count("from_iterable", a, 1, 1)
            return chained(rt, try rt.makeIterator(a[0]))
        }, isClassMethod: false))
        def("islice") { rt, a, _ in
            try Args.count("islice", a, 2, 4)
            let msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
            var start = 0, stop: Int?, step = 1
            if a.count == 2 { stop = try optInt(a[1], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.") } else {
                start = try optInt(a[1], msg) ?? 0
                stop = try optInt(a[2], msg)
                if a.count == 4 { step = try optInt(a[3], "Step for islice() must be a positive integer or None.") ?? 1 }
            }
            if a.count == 2, (stop ?? 0) < 0 { throw PyError.value("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.") }
            if start < 0 || (stop ?? 0) < 0 { throw PyError.value(msg) }
            if step <= 0 { throw PyError.value("Step for islice() must be a positive integer or None.") }
            let it = try rt.makeIterator(a[0])
            var pos = 0, nextIndex = start
            return lazy("islice") {
                if let s = stop, nextIndex >= s {
                    // Consume up to stop, as CPython does.
                    while pos < s, try it() != nil { pos += 1 }
                    return nil
                }
                while pos < nextIndex {
                    guard try it() != nil else { return nil }
                    pos += 1
                }
                guard let x = try it() else { return nil }
                pos += 1
                nextIndex += step
                return x
            }
        }
        def("zip_longest") { rt, a, kw in
            try Args.onlyKw("zip_longest", kw, ["fillvalue"])
            let fill = Args.kw(kw, "fillvalue") ?? .none
            let its = try a.map { try rt.makeIterator($0) }
            var done = [Bool](repeating: false, count: its.count)
            return lazy("zip_longest") {
                if its.isEmpty { return nil }
                var out: [Value] = []
                for (k, it) in its.enumerated() {
                    if !done[k], let x = try it() { out.append(x) } else { done[k] = true; out.append(fill) }
                }
                return done.allSatisfy { $0 } ? nil : .object(PyTuple(out))
            }
        }
        def("product") { rt, a, kw in
            try Args.onlyKw("product", kw, ["repeat"])
            let rep = try optInt(Args.kw(kw, "repeat"), "repeat argument cannot be negative") ?? 1
            if rep < 0 { throw PyError.value("repeat argument cannot be negative") }
            let base = try a.map { try rt.iterateToArray($0) }
            var pools: [[Value]] = []
            for _ in 0..<rep { pools += base }
            var idx = [Int](repeating: 0, count: pools.count)
            var first = true, finished = pools.contains { $0.isEmpty }
            return lazy("product") {
                if finished { return nil }
                if first { first = false } else {
                    var k = pools.count - 1
                    while k >= 0 {
                        idx[k] += 1
                        if idx[k] < pools[k].count { break }
                        idx[k] = 0
                        k -= 1
                    }
                    if k < 0 { finished = true; return nil }
                }
                return .object(PyTuple((0..<pools.count).map { pools[$0][idx[$0]] }))
            }
        }
        def("permutations") { rt, a, kw in
            try Args.count("permutations", a, 1, 2)
            let pool = try rt.iterateToArray(a[0])
            let n = pool.count
            let r = try optInt(a.count > 1 ? a[1] : Args.kw(kw, "r"), "Expected int as r") ?? n
            if r < 0 { throw PyError.value("r must be non-negative") }
            var indices = Array(0..<n), cycles = Array(stride(from: n, to: n - r, by: -1))
            var first = true, finished = r > n
            return lazy("permutations") {
                if finished { return nil }
                if first { first = false; return .object(PyTuple(indices[0..<r].map { pool[$0] })) }
                var i = r - 1
                while i >= 0 {
                    cycles[i] -= 1
                    if cycles[i] == 0 {
                        let moved = indices.remove(at: i)
                        indices.append(moved)
                        cycles[i] = n - i
                    } else {
                        let j = cycles[i]
                        indices.swapAt(i, n - j)
                        return .object(PyTuple(indices[0..<r].map { pool[$0] }))
                    }
                    i -= 1
                }
                finished = true
                return nil
            }
        }
        func combos(_ name: String, replacement: Bool) {
            def(name) { rt, a, kw in
                try Args.count(name, a, 1, 2)
                let pool = try rt.iterateToArray(a[0])
                let n = pool.count
                guard let r = try optInt(a.count > 1 ? a[1] : Args.kw(kw, "r"), "Expected int as r") else {
                    throw PyError.type("\(name)() missing required argument 'r' (pos 2)")
                }
                if r < 0 { throw PyError.value("r must be non-negative") }
                var indices = replacement ? [Int](repeating: 0, count: r) : Array(0..<r)
                var first = true, finished = replacement ? (n == 0 && r > 0) : r > n
                return lazy(name) {
                    if finished { return nil }
                    if first { first = false; return .object(PyTuple(indices.map { pool[$0] })) }
                    var i = r - 1
                    while i >= 0 && indices[i] == (replacement ? n - 1 : i + n - r) { i -= 1 }
                    if i < 0 { finished = true; return nil }
                    if replacement {
                        let v = indices[i] + 1
                        for j in i..<r { indices[j] = v }
                    } else {
                        indices[i] += 1
                        for j in (i + 1)..<max(i + 1, r) { indices[j] = indices[j - 1] + 1 }
                    }
                    return .object(PyTuple(indices.map { pool[$0] }))
                }
            }
        }
        combos("combinations", replacement: false)
        combos("combinations_with_replacement", replacement: true)
        def("accumulate") { rt, a, kw in
            try Args.count("accumulate", a, 1, 2)
            try Args.onlyKw("accumulate", kw, ["func", "initial"])
            let fn = a.count > 1 ? a[1] : (Args.kw(kw, "func") ?? .none)
            let it = try rt.makeIterator(a[0])
            var acc: Value? = Args.kw(kw, "initial").flatMap { $0.isNone ? nil : $0 }
            var pendingInitial = acc != nil
            return lazy("accumulate") {
                if pendingInitial { pendingInitial = false; return acc }
                guard let x = try it() else { return nil }
                if let cur = acc {
                    acc = fn.isNone ? try rt.binary(.add, cur, x) : try rt.call(fn, [cur, x], [])
                } else { acc = x }
                return acc
            }
        }
        def("groupby") { rt, a, kw in
            try Args.count("groupby", a, 1, 2)
            let keyf = a.count > 1 ? a[1] : (Args.kw(kw, "key") ?? .none)
            let it = try rt.makeIterator(a[0])
            func key(_ x: Value) throws -> Value { keyf.isNone ? x : try rt.call(keyf, [x], []) }
            var look: (Value, Value)?
            var started = false
            return lazy("groupby") {
                if !started { started = true; if let x = try it() { look = (try key(x), x) } }
                guard let (k, x0) = look else { return nil }
                var items = [x0]
                look = nil
                while let x = try it() {
                    let kx = try key(x)
                    if try rt.equals(kx, k) { items.append(x) } else { look = (kx, x); break }
                }
                var i = 0
                let group = lazy("_grouper") { defer { i += 1 }; return i < items.count ? items[i] : nil }
                return .object(PyTuple([k, group]))
            }
        }
        def("starmap") { rt, a, _ in
            try Args.count("starmap", a, 2, 2)
            let it = try rt.makeIterator(a[1])
            return lazy("starmap") {
                guard let x = try it() else { return nil }
                return try rt.call(a[0], rt.iterateToArray(x), [])
            }
        }
        def("takewhile") { rt, a, _ in
            try Args.count("takewhile", a, 2, 2)
            let it = try rt.makeIterator(a[1])
            var done = false
            return lazy("takewhile") {
                if done { return nil }
                guard let x = try it() else { return nil }
                if try rt.truth(rt.call(a[0], [x], [])) { return x }
                done = true
                return nil
            }
        }
        def("dropwhile") { rt, a, _ in
            try Args.count("dropwhile", a, 2, 2)
            let it = try rt.makeIterator(a[1])
            var dropping = true
            return lazy("dropwhile") {
                while let x = try it() {
                    if dropping, try rt.truth(rt.call(a[0], [x], [])) { continue }
                    dropping = false
                    return x
                }
                return nil
            }
        }
        def("filterfalse") { rt, a, _ in
            try Args.count("filterfalse", a, 2, 2)
            let it = try rt.makeIterator(a[1])
            return lazy("filterfalse") {
                while let x = try it() {
                    if !(a[0].isNone ? try rt.truth(x) : try rt.truth(rt.call(a[0], [x], []))) { return x }
                }
                return nil
            }
        }
        def("compress") { rt, a, _ in
            try Args.count("compress", a, 2, 2)
            let data = try rt.makeIterator(a[0]), sel = try rt.makeIterator(a[1])
            return lazy("compress") {
                while let x = try data(), let s = try sel() { if try rt.truth(s) { return x } }
                return nil
            }
        }
        def("pairwise") { rt, a, _ in
            try Args.count("pairwise", a, 1, 1)
            let it = try rt.makeIterator(a[0])
            var prev: Value?
            var started = false
            return lazy("pairwise") {
                if !started { started = true; prev = try it() }
                guard let p = prev, let x = try it() else { return nil }
                prev = x
                return .object(PyTuple([p, x]))
            }
        }
        return true
    }()

    static let teeFunction = PyBuiltin("tee", acceptsTScalar: false) { rt, a, _ in
            try Args.count("tee", a, 1, 2)
            let n = a.count > 1 ? try Args.int(a[1]) : 2
            if n < 0 { throw PyError.value("n must be >= 0") }
            let it = try rt.makeIterator(a[0])
            final class Buffer { var items: [Value] = []; var done = false }
            let buf = Buffer()
            let copies: [Value] = (0..<n).map { _ in
                var i = 0
                return .object(PyIterator(kind: itertoolsClasses["_tee"]!) {
                    if i == buf.items.count {
                        if buf.done { return nil }
                        guard let x = try it() else { buf.done = true; return nil }
                        buf.items.append(x)
                    }
                    defer { i += 1 }
                    return buf.items[i]
                })
            }
            return .object(PyTuple(copies))
        }
}
