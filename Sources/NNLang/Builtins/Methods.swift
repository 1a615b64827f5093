import NNEngine
import NNSyntax
import Foundation

private func list(_ v: Value) -> PyList {
    if case .object(let o) = v, let l = o as? PyList { return l }
    return PyList()
}
private func dict(_ v: Value) -> PyDict {
    if case .object(let o) = v, let d = o as? PyDict { return d }
    return PyDict()
}
private func set(_ v: Value) -> PySet {
    if case .object(let o) = v, let s = o as? PySet { return s }
    return PySet()
}

extension Runtime {
    func indexIn(_ items: [Value], _ args: [Value], _ what: String) throws -> Int {
        try indexIn({ items }, args, what)
    }

    /// `seq.index(x[, start[, end]])` over items read afresh at each step (an `__eq__` may
    /// shrink a list while it runs).
    func indexIn(_ items: () -> [Value], _ args: [Value], _ what: String) throws -> Int {
        guard let x = args.first else { throw PyError.type("index expected at least 1 argument, got 0") }
        let n = items().count
        var start = args.count > 1 ? try Args.int(args[1]) : 0
        var end = args.count > 2 ? try Args.int(args[2]) : n
        if start < 0 { start = max(0, start + n) }
        if end < 0 { end = max(0, end + n) }
        var i = start
        while i < end {
            let now = items()
            if i >= now.count { break }
            if (try same(now[i], x)) { return i }
            i += 1
        }
        throw PyError.value(what == "list" ? "\(try repr(x)) is not in list" : "tuple.index(x): x not in tuple")
    }

    static func installMethods() {
        let T = BuiltinTypes.self
        methods(T.object, [
            ("__init__", { _, s, args, kw in
                if (!args.isEmpty || !kw.isEmpty), case .object(let i as PyInstance) = s, i.cls.lookup("__init__").map({ v -> Bool in if case .object(is PyMethodDescr) = v { return true }; return false }) == true {
                    throw PyError.type("\(i.cls.name)() takes no arguments")
                }
                return .none
            }),
            ("__repr__", { rt, s, _, _ in .str(try rt.repr(s)) }),
            ("__str__", { rt, s, _, _ in .str(try rt.str(s)) }),
            ("__setattr__", { rt, s, a, _ in
                try Args.count("__setattr__", a, 2, 2)
                try rt.genericSetAttr(s, Args.str(a[0], "attribute name must be string, not '\(a[0].typeName)'"), a[1])
                return .none
            }),
            ("__delattr__", { rt, s, a, _ in
                try Args.count("__delattr__", a, 1, 1)
                let n = try Args.str(a[0], "attribute name must be string, not '\(a[0].typeName)'")
                if case .object(let i as PyInstance) = s, i.attrs.removeValue(forKey: n) != nil { return .none }
                throw PyError.attribute("'\(s.typeName)' object has no attribute '\(n)'")
            }),
            ("__getattribute__", { rt, s, a, _ in
                try Args.count("__getattribute__", a, 1, 1)
                return try rt.getAttr(s, Args.str(a[0], "attribute name must be string, not '\(a[0].typeName)'"))
            }),
        ])
        methods(T.baseException, [
            ("__init__", { _, s, args, _ in
                if case .object(let i as PyInstance) = s { i.attrs["args"] = .object(PyTuple(args)) }
                return .none
            }),
            ("__str__", { rt, s, _, _ in
                if case .object(let i as PyInstance) = s { return .str(rt.exceptionMessage(i)) }
                return .str("")
            }),
        ])
        methods(T.list, [
            ("append", { _, s, a, _ in
                try Args.count("list.append", a, 1, 1)
                list(s).items.append(a[0]); return .none
            }),
            ("extend", { rt, s, a, _ in
                try Args.count("list.extend", a, 1, 1)
                let l = list(s)
                l.items += try rt.iterateToArray(a[0]); return .none
            }),
            ("insert", { _, s, a, _ in
                try Args.count("insert", a, 2, 2)
                let l = list(s)
                var i = try Args.int(a[0])
                if i < 0 { i = max(0, i + l.items.count) }
                l.items.insert(a[1], at: min(i, l.items.count))
                return .none
            }),
            ("pop", { _, s, a, _ in
                try Args.count("pop", a, 0, 1)
                let l = list(s)
                if l.items.isEmpty { throw PyError.index("pop from empty list") }
                var i = a.isEmpty ? l.items.count - 1 : try Args.int(a[0])
                if i < 0 { i += l.items.count }
                guard i >= 0 && i < l.items.count else { throw PyError.index("pop index out of range") }
                return l.items.remove(at: i)
            }),
            ("remove", { rt, s, a, _ in
                try Args.count("list.remove", a, 1, 1)
                let l = list(s)
                // An __eq__ may change the list: re-read its length each step, as CPython does.
                var i = 0
                while i < l.items.count {
                    if try rt.same(l.items[i], a[0]) {
                        if i < l.items.count { l.items.remove(at: i) }
                        return .none
                    }
                    i += 1
                }
                throw PyError.value("list.remove(x): x not in list")
            }),
            ("index", { rt, s, a, _ in
                let l = list(s)
                return .int(try rt.indexIn({ l.items }, a, "list"))
            }),
            ("count", { rt, s, a, _ in
                try Args.count("list.count", a, 1, 1)
                let l = list(s)
                var i = 0, n = 0
                while i < l.items.count {
                    if try rt.same(l.items[i], a[0]) { n += 1 }
                    i += 1
                }
                return .int(n)
            }),
            ("sort", { rt, s, a, kw in
                if !a.isEmpty { throw PyError.type("sort() takes no positional arguments") }
                try Args.onlyKw("sort", kw, ["key", "reverse"])
                let l = list(s)
                var items = l.items
                let rev = try Args.kw(kw, "reverse").map { try rt.truth($0) } ?? false
                // As CPython: the list looks empty while a key or comparison runs, and a change
                // made meanwhile is a ValueError (the sorted items win either way).
                l.items = []
                do {
                    try rt.sortValues(&items, key: Args.kw(kw, "key"), reverse: rev)
                } catch {
                    l.items = items
                    throw error
                }
                let modified = !l.items.isEmpty
                l.items = items
                if modified { throw PyError.value("list modified during sort") }
                return .none
            }),
            ("reverse", { _, s, _, _ in list(s).items.reverse(); return .none }),
            ("copy", { _, s, _, _ in .object(PyList(list(s).items)) }),
            ("clear", { _, s, _, _ in list(s).items.removeAll(); return .none }),
            ("__len__", { _, s, _, _ in .int(list(s).items.count) }),
            ("__getitem__", { rt, s, a, _ in
                try Args.count("list.__getitem__", a, 1, 1)
                return try rt.getItem(s, a[0])
            }),
        ])
        methods(T.tuple, [
            ("index", { rt, s, a, _ in
                guard case .object(let t as PyTuple) = s else { return .none }
                return .int(try rt.indexIn(t.items, a, "tuple"))
            }),
            ("count", { rt, s, a, _ in
                guard case .object(let t as PyTuple) = s else { return .none }
                try Args.count("tuple.count", a, 1, 1)
                return .int(try t.items.filter { (try rt.same($0, a[0])) }.count)
            }),
        ])
        methods(T.dict, [
            ("keys", { _, s, _, _ in .object(PyDictView(dict(s), .keys)) }),
            ("values", { _, s, _, _ in .object(PyDictView(dict(s), .values)) }),
            ("items", { _, s, _, _ in .object(PyDictView(dict(s), .items)) }),
            ("get", { _, s, a, _ in
                try Args.count("get", a, 1, 2)
                return try dict(s).get(a[0]) ?? (a.count > 1 ? a[1] : .none)
            }),
            ("pop", { _, s, a, _ in
                try Args.count("pop", a, 1, 2)
                if let v = try dict(s).remove(a[0]) { return v }
                if a.count > 1 { return a[1] }
                throw PyError.key(a[0])
            }),
            ("popitem", { _, s, _, _ in
                let d = dict(s)
                guard let k = d.keys.last else { throw PyError(BuiltinTypes.keyError, "popitem(): dictionary is empty") }
                let v = try d.remove(k) ?? .none
                return .object(PyTuple([k, v]))
            }),
            ("update", { rt, s, a, kw in
                try Args.count("update", a, 0, 1)
                let d = dict(s)
                if let x = a.first { try rt.dictUpdate(d, x) }
                for (k, v) in kw { d.set(k, v) }
                return .none
            }),
            ("setdefault", { _, s, a, _ in
                try Args.count("setdefault", a, 1, 2)
                let d = dict(s)
                if let v = try d.get(a[0]) { return v }
                let v = a.count > 1 ? a[1] : .none
                try d.set(a[0], v)
                return v
            }),
            ("copy", { _, s, _, _ in .object(dict(s).copy()) }),
            ("clear", { _, s, _, _ in dict(s).removeAll(); return .none }),
        ])
        T.dict.dict["fromkeys"] = .object(PyBuiltin("fromkeys") { rt, a, _ in
            try Args.count("fromkeys", a, 1, 2)
            let d = PyDict()
            for k in try rt.iterateToArray(a[0]) { try d.set(k, a.count > 1 ? a[1] : .none) }
            return .object(d)
        })
        methods(T.set, [
            ("add", { _, s, a, _ in try Args.count("set.add", a, 1, 1); try set(s).dict.set(a[0], .none); return .none }),
            ("remove", { _, s, a, _ in
                try Args.count("set.remove", a, 1, 1)
                if try set(s).dict.remove(a[0]) == nil { throw PyError.key(a[0]) }
                return .none
            }),
            ("discard", { _, s, a, _ in
                try Args.count("set.discard", a, 1, 1)
                _ = try set(s).dict.remove(a[0]); return .none
            }),
            ("pop", { _, s, _, _ in
                let st = set(s)
                guard let k = st.dict.keys.first else { throw PyError(BuiltinTypes.keyError, "pop from an empty set") }
                try st.dict.remove(k)
                return k
            }),
            ("update", { rt, s, a, _ in
                for x in a { for k in try rt.iterateToArray(x) { try set(s).dict.set(k, .none) } }
                return .none
            }),
            ("union", { rt, s, a, _ in
                let d = set(s).dict.copy()
                for x in a { for k in try rt.iterateToArray(x) { try d.set(k, .none) } }
                return .object(PySet(d))
            }),
            ("intersection", { rt, s, a, _ in
                var keys = set(s).dict.keys
                for x in a {
                    let other = PyDict()
                    for k in try rt.iterateToArray(x) { try other.set(k, .none) }
                    keys = try keys.filter { try other.contains($0) }
                }
                let d = PyDict()
                for k in keys { try d.set(k, .none) }
                return .object(PySet(d))
            }),
            ("difference", { rt, s, a, _ in
                var keys = set(s).dict.keys
                for x in a {
                    let other = PyDict()
                    for k in try rt.iterateToArray(x) { try other.set(k, .none) }
                    keys = try keys.filter { try !other.contains($0) }
                }
                let d = PyDict()
                for k in keys { try d.set(k, .none) }
                return .object(PySet(d))
            }),
            ("issubset", { rt, s, a, _ in
                let other = try rt.iterateToArray(a.first ?? .none)
                let d = PyDict()
                for k in other { try d.set(k, .none) }
                return .bool(try set(s).dict.keys.allSatisfy { try d.contains($0) })
            }),
            ("copy", { _, s, _, _ in .object(PySet(set(s).dict.copy())) }),
            ("clear", { _, s, _, _ in set(s).dict.removeAll(); return .none }),
        ])
        methods(T.int, [
            ("bit_length", { _, s, _, _ in
                guard case .int(let i) = s else { return .int(0) }
                return .int(Int.bitWidth - i.magnitude.leadingZeroBitCount)
            }),
            ("is_integer", { _, _, _, _ in .True }),
            ("conjugate", { _, s, _, _ in s }),
        ])
        methods(T.float, [
            ("is_integer", { _, s, _, _ in
                guard case .float(let d) = s else { return .False }
                return .bool(d.isFinite && d.rounded() == d)
            }),
            ("as_integer_ratio", { _, s, _, _ in
                guard case .float(let d) = s, d.isFinite else { throw PyError.value("cannot convert to integer ratio") }
                var num = d, den = 1
                while num.rounded() != num { num *= 2; den *= 2 }
                guard let n = Int(exactly: num) else { throw PyError.intOverflow }
                return .object(PyTuple([.int(n), .int(den)]))
            }),
        ])
        installStringMethods()
        installNumberAttributes()
        installSetMethods()
        // Views print as CPython does.
        for (cls, name) in [(T.dictKeys, "dict_keys"), (T.dictValues, "dict_values"), (T.dictItems, "dict_items")] {
            methods(cls, [("__repr__", { rt, s, _, _ in
                guard case .object(let v as PyDictView) = s else { return .str(name) }
                return .str(name + "(" + (try rt.repr(.object(PyList(v.items)))) + ")")
            })])
        }
    }
}
