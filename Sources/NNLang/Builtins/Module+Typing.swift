import NNEngine
import NNSyntax
import Foundation

/// `typing` (names import, subscripting works, annotations are never checked) and `time`.
extension Runtime {
    /// The special forms and aliases `from typing import *` brings.
    static let typingNames = ["Any", "Callable", "Iterable", "Iterator", "Generator", "List", "Dict", "Tuple", "Set",
                              "FrozenSet", "Optional", "Union", "Sequence", "Mapping", "MutableMapping", "MutableSequence",
                              "Collection", "Container", "Type", "Generic", "Hashable", "Sized", "Reversible",
                              "Literal", "Final", "ClassVar", "NoReturn", "Protocol", "Awaitable", "Coroutine",
                              "AsyncIterator", "AsyncIterable", "Deque", "DefaultDict", "OrderedDict", "Counter",
                              "AbstractSet", "SupportsInt", "SupportsFloat", "SupportsIndex", "IO", "TextIO", "Pattern",
                              "Match", "ByteString", "Text", "AnyStr", "Annotated", "TypeAlias", "Self"]

    /// Each name is a builtin class: `List[int]` subscripts to itself, `isinstance` never needs it.
    static let typingForms: [String: PyClass] = {
        var d: [String: PyClass] = [:]
        for n in typingNames {
            let c = PyClass(name: n, base: BuiltinTypes.object, isBuiltin: true)
            c.dict["__module__"] = .str("typing")
            d[n] = c
        }
        return d
    }()

    func typingModule() -> [String: Value] {
        var d = Runtime.typingForms.mapValues { Value.object($0) }
        d["TypeVar"] = Runtime.fn("TypeVar") { _, a, _ in
            guard case .str(let n)? = a.first else { throw PyError.type("TypeVar() argument 'name' must be str") }
            let c = PyClass(name: n, base: BuiltinTypes.object, isBuiltin: true)
            c.dict["__module__"] = .str("typing")
            return .object(c)
        }
        d["NewType"] = Runtime.fn("NewType") { _, a, _ in
            try Args.count("NewType", a, 2, 2)
            return a[1]
        }
        d["cast"] = Runtime.fn("cast") { _, a, _ in try Args.count("cast", a, 2, 2); return a[1] }
        d["overload"] = Runtime.fn("overload") { _, a, _ in try Args.count("overload", a, 1, 1); return a[0] }
        d["no_type_check"] = Runtime.fn("no_type_check") { _, a, _ in try Args.count("no_type_check", a, 1, 1); return a[0] }
        d["TYPE_CHECKING"] = .bool(false)
        // `from typing import *` takes every public name.
        return d
    }

    func timeModule() -> [String: Value] {
        var d: [String: Value] = [:]
        d["time"] = Runtime.fn("time") { _, a, _ in
            try Args.count("time", a, 0, 0)
            return .float(Date().timeIntervalSince1970)
        }
        let monotonic: PyBuiltin.Fn = { _, a, _ in
            try Args.count("perf_counter", a, 0, 0)
            return .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
        }
        d["perf_counter"] = Runtime.fn("perf_counter", monotonic)
        d["monotonic"] = Runtime.fn("monotonic", monotonic)
        d["process_time"] = Runtime.fn("process_time") { _, _, _ in .float(Double(Foundation.clock()) / Double(CLOCKS_PER_SEC)) }
        d["time_ns"] = Runtime.fn("time_ns") { _, _, _ in .int(Int(Date().timeIntervalSince1970 * 1e9)) }
        d["perf_counter_ns"] = Runtime.fn("perf_counter_ns") { _, _, _ in .int(Int(DispatchTime.now().uptimeNanoseconds)) }
        d["sleep"] = Runtime.fn("sleep") { rt, a, _ in
            try Args.count("sleep", a, 1, 1)
            let s = try Args.double(a[0], "sleep")
            if s < 0 { throw PyError.value("sleep length must be non-negative") }
            // Sleep in slices so the cell's time limit still stops it.
            var left = s
            while left > 0 {
                let step = min(left, 0.05)
                Thread.sleep(forTimeInterval: step)
                left -= step
                try rt.checkClock()
            }
            return .none
        }
        return d
    }
}
