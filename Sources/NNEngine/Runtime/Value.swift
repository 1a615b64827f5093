import NNSyntax
import Autograd
import Tensors

/// One nn value. Numbers, bools, None and strings are unboxed; everything else is an object.
///
/// `tscalar` is a 0-d float32 tensor that does not require grad, kept unboxed so the lesson's
/// scalar-indexing loops (`c[i, j] += a[i, k] * b[k, j]`) allocate nothing. It behaves exactly
/// like `tensor(x)`; `Runtime.materialize` turns it into a real `Variable` where one is needed.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case object(PyObject)
    /// An nn tensor: the Variable itself (identity matters).
    case tensor(Variable)
    /// A 0-d float32 tensor without autograd state, not yet boxed.
    case tscalar(Float)
    /// Internal marker of an unbound variable slot; never visible to nn code.
    case undefined
    /// Internal: a function a global holds, on the VM's stack as a call's callee without a
    /// reference of its own (`loadGlobalCallee`, Engine/Frames.swift); never visible to nn code.
    case callee(Unmanaged<PyFunction>)
    /// Internal: a list read from its parent list (`c[i]` of `c[i][j] op= v`), on the VM's stack
    /// without a reference of its own until its item is stored; made an `object` (retained)
    /// before anything that may run code (Engine/Frames.swift); never visible to nn code.
    case row(Unmanaged<PyList>)
}

/// Base class of every boxed nn value.
open class PyObject: @unchecked Sendable {
    public init() {}
    /// The nn class of this object (`type(x)`).
    open var pyType: PyClass { BuiltinTypes.object }
}

extension Value {
    /// `True`/`False` as values.
    @inlinable public static var True: Value { .bool(true) }
    @inlinable public static var False: Value { .bool(false) }

    /// The nn class of a value (`type(x)`).
    public var pyType: PyClass {
        switch self {
        case .none: BuiltinTypes.noneType
        case .bool: BuiltinTypes.bool
        case .int: BuiltinTypes.int
        case .float: BuiltinTypes.float
        case .str: BuiltinTypes.str
        case .object(let o): o.pyType
        case .tensor, .tscalar: BuiltinTypes.tensor
        case .undefined: BuiltinTypes.noneType
        case .callee(let f): f.takeUnretainedValue().pyType
        case .row(let r): r.takeUnretainedValue().pyType
        }
    }

    /// The class name as Python prints it in messages (`'int'`, `'NoneType'`).
    public var typeName: String { pyType.name }

    package var isNone: Bool { if case .none = self { return true }; return false }
}

/// A closure cell: a captured variable shared by a function and the closures it creates.
public final class PyCell: PyObject, @unchecked Sendable {
    @exclusivity(unchecked) public var value: Value
    public init(_ v: Value = .undefined) { value = v }
}
