import NNSyntax
/// Keyword arguments of a call, in source order.
public typealias Kwargs = [(String, Value)]

/// A builtin function: `print`, `len`, `zeros`, ...
public final class PyBuiltin: PyObject, @unchecked Sendable {
    public typealias Fn = (Runtime, [Value], Kwargs) throws -> Value
    public let name: String
    public let fn: Fn
    /// True when the function handles unboxed `.tscalar` arguments itself; otherwise the
    /// runtime boxes them into Variables before the call.
    public let acceptsTScalar: Bool
    /// A native class's method kept as a plain builtin that takes `self` first (nn.Module's
    /// dunders, which the runtime calls with `self` explicitly): attribute access on an
    /// instance or through `super()` binds it, as it would a function.
    public var bindsSelf = false
    public init(_ name: String, acceptsTScalar: Bool = true, _ fn: @escaping Fn) {
        self.name = name; self.fn = fn; self.acceptsTScalar = acceptsTScalar
    }
    override public var pyType: PyClass { BuiltinTypes.builtinFunction }
}

/// A method of a builtin type (`list.append`); called with the receiver first.
public final class PyMethodDescr: PyObject, @unchecked Sendable {
    public typealias Fn = (Runtime, Value, [Value], Kwargs) throws -> Value
    public let name: String
    public let fn: Fn
    public init(_ name: String, _ fn: @escaping Fn) { self.name = name; self.fn = fn }
    override public var pyType: PyClass { BuiltinTypes.builtinFunction }
}

/// A function or method bound to its receiver (`obj.method`).
public final class PyBoundMethod: PyObject, @unchecked Sendable {
    public let receiver: Value
    public let function: Value
    public init(receiver: Value, function: Value) { self.receiver = receiver; self.function = function }
    override public var pyType: PyClass { BuiltinTypes.method }
}

/// A class: user-defined or builtin (`int`, `list`, `ValueError`).
///
/// User classes are made by `Runtime.buildClass` (Class+Build.swift), which computes the C3
/// method resolution order; builtin classes have single inheritance.
public final class PyClass: PyObject, @unchecked Sendable {
    public var name: String
    /// `__qualname__` (`Outer.Inner` for a nested class).
    public var qualname: String
    /// The first base (`__base__`), nil only for `object`.
    public let base: PyClass?
    /// The direct bases, in order (`__bases__`).
    public let bases: [PyClass]
    /// The MRO without the class itself (kept apart so a class does not retain itself).
    public let mroTail: [PyClass]
    public var dict: [String: Value]
    public let isBuiltin: Bool
    /// For builtin types: what calling the type does (`int("3")`). nil for user classes.
    public var construct: PyBuiltin.Fn?
    /// The interpreter a user class was built in: dict and set keys with a user `__hash__` or
    /// `__eq__` call back into it.
    weak var runtime: Runtime?
    public init(name: String, base: PyClass?, dict: [String: Value] = [:], isBuiltin: Bool = false,
                construct: PyBuiltin.Fn? = nil) {
        self.name = name; self.qualname = name; self.base = base; self.dict = dict; self.isBuiltin = isBuiltin
        self.construct = construct
        bases = base.map { [$0] } ?? []
        mroTail = base.map { [$0] + $0.mroTail } ?? []
    }

    /// A user class with its bases and linearised MRO (without itself).
    init(name: String, qualname: String, bases: [PyClass], mroTail: [PyClass], dict: [String: Value]) {
        self.name = name; self.qualname = qualname; self.dict = dict
        self.base = bases.first; self.bases = bases; self.mroTail = mroTail
        isBuiltin = false
    }
    override public var pyType: PyClass { BuiltinTypes.type }

    /// `__mro__`: the class, then the linearisation of its bases.
    public var mro: [PyClass] { [self] + mroTail }

    /// Looks `name` up along the MRO.
    public func lookup(_ name: String) -> Value? {
        if let v = dict[name] { return v }
        for k in mroTail { if let v = k.dict[name] { return v } }
        return nil
    }

    public func isSubclass(of other: PyClass) -> Bool {
        if self === other { return true }
        for k in mroTail where k === other { return true }
        return false
    }

    /// True for exception classes (subclasses of BaseException).
    public var isException: Bool { isSubclass(of: BuiltinTypes.baseException) }
}

/// An instance of a user class (or of an exception class).
public final class PyInstance: PyObject, @unchecked Sendable {
    public let cls: PyClass
    @exclusivity(unchecked) public var attrs: [String: Value] = [:]
    /// The last value its class's `__hash__` returned (dict and set keys hash with it).
    package var userHash = 0
    /// Swift state of an instance of a native class (`re.Pattern`, `functools.partial`).
    public var native: AnyObject?
    public init(cls: PyClass) { self.cls = cls }
    override public var pyType: PyClass { cls }
}

public final class PyList: PyObject, @unchecked Sendable {
    @exclusivity(unchecked) public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
    override public var pyType: PyClass { BuiltinTypes.list }
}

public final class PyTuple: PyObject, @unchecked Sendable {
    public let items: [Value]
    /// A named tuple's class (`collections.namedtuple`), nil for a plain tuple.
    public var cls: PyClass?
    public init(_ items: [Value]) { self.items = items }
    override public var pyType: PyClass { cls ?? BuiltinTypes.tuple }
}

public final class PyRange: PyObject, @unchecked Sendable {
    public let start: Int, stop: Int, step: Int
    public init(_ start: Int, _ stop: Int, _ step: Int) { self.start = start; self.stop = stop; self.step = step }
    override public var pyType: PyClass { BuiltinTypes.range }
    /// The length (computed without overflow; clamped to Int.max for ranges wider than that).
    public var count: Int {
        if step > 0 {
            guard start < stop else { return 0 }
            let diff = UInt(bitPattern: stop &- start)
            return Int(clamping: (diff - 1) / UInt(step) + 1)
        }
        guard start > stop else { return 0 }
        let diff = UInt(bitPattern: start &- stop)
        return Int(clamping: (diff - 1) / step.magnitude + 1)
    }
    public func at(_ i: Int) -> Int { start &+ i &* step }
    /// The true length, which may pass Int.max (`range(-2**63, 2**63-1)`).
    public var length: Int128 {
        let (a, b, s) = (Int128(start), Int128(stop), Int128(step))
        if s > 0 { return a < b ? (b - a - 1) / s + 1 : 0 }
        return a > b ? (a - b - 1) / -s + 1 : 0
    }
    /// `len(r)`: OverflowError, as CPython, when the length is not a 64-bit int.
    public func exactCount() throws -> Int {
        guard let n = Int(exactly: length) else {
            throw PyError.overflow("Python int too large to convert to C ssize_t")
        }
        return n
    }
    /// `r[i]` for any int index, exact even on ranges longer than Int.max; nil when out of range.
    public func element(_ i: Int) -> Int? {
        let n = length
        let j = i < 0 ? n + Int128(i) : Int128(i)
        guard j >= 0, j < n else { return nil }
        return Int(exactly: Int128(start) + j * Int128(step))
    }
}

public final class PySlice: PyObject, @unchecked Sendable {
    public let start: Value, stop: Value, step: Value
    public init(_ start: Value, _ stop: Value, _ step: Value) { self.start = start; self.stop = stop; self.step = step }
    override public var pyType: PyClass { BuiltinTypes.slice }
}

/// A module object (`math`).
public final class PyModule: PyObject, @unchecked Sendable {
    public let name: String
    public var dict: [String: Value]
    public init(name: String, dict: [String: Value]) { self.name = name; self.dict = dict }
    override public var pyType: PyClass { BuiltinTypes.module }
}

/// An iterator over anything: `iter(x)`, `zip`, `map`, `enumerate`, ...
public class PyIterator: PyObject, @unchecked Sendable {
    public let next: () throws -> Value?
    public let kind: PyClass
    public init(kind: PyClass = BuiltinTypes.iterator, _ next: @escaping () throws -> Value?) {
        self.next = next; self.kind = kind
    }
    override public var pyType: PyClass { kind }
}

/// A set (insertion ordered, as a dict without values).
public final class PySet: PyObject, @unchecked Sendable {
    public var dict: PyDict
    public init(_ d: PyDict = PyDict()) { dict = d }
    override public var pyType: PyClass { BuiltinTypes.set }
}

/// A property object (`@property`, `property(fget, fset, fdel, doc)`).
public final class PyProperty: PyObject, @unchecked Sendable {
    /// The getter, `.none` when the property has none.
    public let getter: Value
    public var setter: Value?
    public var deleter: Value?
    public var doc: Value = .none
    /// The attribute name (`__set_name__`), for error messages.
    public var name: String?
    public init(getter: Value) { self.getter = getter }
    override public var pyType: PyClass { BuiltinTypes.property }
}

/// `@staticmethod` and `@classmethod` wrappers.
public final class PyStaticMethod: PyObject, @unchecked Sendable {
    public let function: Value
    public let isClassMethod: Bool
    public init(_ f: Value, isClassMethod: Bool) { function = f; self.isClassMethod = isClassMethod }
    override public var pyType: PyClass { isClassMethod ? BuiltinTypes.classmethod : BuiltinTypes.staticmethod }
}

/// `super()` bound to a class and receiver.
public final class PySuper: PyObject, @unchecked Sendable {
    public let start: PyClass
    public let receiver: Value
    public init(start: PyClass, receiver: Value) { self.start = start; self.receiver = receiver }
    override public var pyType: PyClass { BuiltinTypes.superType }
}

/// The Ellipsis singleton and NotImplemented.
let ellipsisType = PyClass(name: "ellipsis", base: BuiltinTypes.object, isBuiltin: true)
package let ellipsisObject = PyInstance(cls: ellipsisType)
let notImplementedType = PyClass(name: "NotImplementedType", base: BuiltinTypes.object, isBuiltin: true)
package let notImplemented = PyInstance(cls: notImplementedType)
