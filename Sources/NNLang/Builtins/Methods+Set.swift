import NNEngine
import NNSyntax
/// The set methods beyond the basic ones in Methods.swift: symmetric difference, the
/// superset/disjoint tests and the in-place `*_update` forms.
extension Runtime {
    /// The items of any iterable as a set's dict.
    func setDict(_ v: Value) throws -> PyDict {
        if case .object(let s as PySet) = v { return s.dict }
        let d = PyDict()
        for k in try iterateToArray(v) { try d.set(k, .none) }
        return d
    }

    static func installSetMethods() {
        func set(_ v: Value) throws -> PySet {
            guard case .object(let s as PySet) = v else { throw PyError.type("descriptor requires a 'set' object") }
            return s
        }
        func symmetric(_ rt: Runtime, _ x: PyDict, _ other: Value) throws -> PyDict {
            let y = try rt.setDict(other), d = PyDict()
            for k in x.keys where try !y.contains(k) { try d.set(k, .none) }
            for k in y.keys where try !x.contains(k) { try d.set(k, .none) }
            return d
        }
        methods(BuiltinTypes.set, [
            ("symmetric_difference", { rt, s, a, _ in
                try Args.count("symmetric_difference", a, 1, 1)
                return .object(PySet(try symmetric(rt, try set(s).dict, a[0])))
            }),
            ("symmetric_difference_update", { rt, s, a, _ in
                try Args.count("symmetric_difference_update", a, 1, 1)
                let st = try set(s)
                st.dict = try symmetric(rt, st.dict, a[0])
                return .none
            }),
            ("issuperset", { rt, s, a, _ in
                try Args.count("issuperset", a, 1, 1)
                let x = try set(s).dict
                for k in try rt.iterateToArray(a[0]) where try !x.contains(k) { return .False }
                return .True
            }),
            ("isdisjoint", { rt, s, a, _ in
                try Args.count("isdisjoint", a, 1, 1)
                let x = try set(s).dict
                for k in try rt.iterateToArray(a[0]) where try x.contains(k) { return .False }
                return .True
            }),
            ("intersection_update", { rt, s, a, _ in
                let st = try set(s)
                for o in a {
                    let y = try rt.setDict(o), d = PyDict()
                    for k in st.dict.keys where try y.contains(k) { try d.set(k, .none) }
                    st.dict = d
                }
                return .none
            }),
            ("difference_update", { rt, s, a, _ in
                let st = try set(s)
                for o in a { for k in try rt.iterateToArray(o) { _ = try st.dict.remove(k) } }
                return .none
            }),
        ])
    }
}
