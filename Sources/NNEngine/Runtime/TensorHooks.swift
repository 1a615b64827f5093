import NNSyntax
import Autograd
import Tensors

/// What the evaluator asks of the tensor API: the extension point the tensor binding
/// (Sources/NNLang/Tensor/, in the library floor) implements; the library's `Runtime.standard`
/// passes it to each new runtime.
///
/// The runtime calls these only for tensor values; every `Value` passed in is already boxed
/// (`.tscalar` turned into `.tensor`), except where noted. Return nil from `getAttr`,
/// `binary` or `compare` to let the runtime raise Python's usual error.
///
/// How to bind the tensor API (Sources/NNLang/Tensor/; the engine's `package` helpers are
/// usable there):
/// - Replace `makeTensorBinding()` in Tensor/TensorBinding.swift with your binding.
/// - Builtin functions (`zeros`, `randn`, `no_grad`, `test_near`, `show_image`, ...): in
///   `install(into:)`, `rt.defineBuiltin("zeros") { rt, args, kwargs in ... }`. Arguments arrive
///   as `Value`s (`.int`, `.float`, `.tensor(Variable)`, `.object(PyList)`, ...); unboxed
///   `.tscalar` arguments are boxed for you unless you pass `acceptsTScalar: true`. Keyword
///   arguments are `[(String, Value)]` (`Args.kw(kwargs, "dim")`); `Args.int`, `Args.double`,
///   `Args.count` give CPython-worded errors. Throw `PyError.type(...)`, `PyError.value(...)`
///   or a `TensorError` (mapped to the exception class its kind names).
/// - Tensor methods and properties: answer them in `getAttr` (return a bound
///   `PyBuiltin` or a value), or fill `BuiltinTypes.tensor.dict` ONCE per process (it is
///   shared by all interpreters; use a `static let` initializer) with
///   `methods(BuiltinTypes.tensor, [("sum", { rt, receiver, args, kwargs in ... })])`.
/// - Context managers (`no_grad()`): return a `PyInstance` of a builtin `PyClass` whose dict
///   holds `__enter__`/`__exit__` method descriptors; `with` calls them. Grad mode lives in
///   `rt.gradEnabled`. `import torch`-style modules: `rt.modules["name"] = PyModule(...)`.
/// - Displays: `rt.display(.image(...))`; printed text: `rt.write(_:)`.
/// - `rt.call(f, args, kwargs)`, `rt.repr(v)`, `rt.str(v)`, `rt.truth(v)`,
///   `rt.iterateToArray(v)`, `rt.variable(v)` (boxes `.tscalar`) are the runtime entry points.
/// - A `.tscalar(Float)` is a 0-d float32 tensor without autograd that indexing `t[i, j]`
///   produced unboxed; `rt.materialize(v)` turns it into `.tensor(Variable)`. The runtime
///   boxes it before calling any hook below, and handles `+ - * /` between tscalars and
///   numbers itself (float32 arithmetic, as PyTorch).
public protocol TensorBinding: AnyObject {
    /// Adds the tensor builtins to a new interpreter (also fills `BuiltinTypes.tensor.dict`
    /// once, if it wants methods resolved through the class).
    func install(into rt: Runtime)
    /// `t.name` (attributes and methods, returned bound); nil when there is no such attribute.
    func getAttr(_ rt: Runtime, _ t: Variable, _ name: String) throws -> Value?
    /// `t.name = v` (user attributes such as `inp.g`, and `requires_grad`, `grad`, `data`).
    func setAttr(_ rt: Runtime, _ t: Variable, _ name: String, _ v: Value) throws
    /// `a op b` where at least one side is a tensor.
    func binary(_ rt: Runtime, _ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value?
    /// `a op= b` where `a` is a tensor: in place, as PyTorch does. nil falls back to `binary`.
    func inplace(_ rt: Runtime, _ op: BinaryOp, _ a: Variable, _ b: Value) throws -> Value?
    /// `-t`, `+t`, `~t`.
    func unary(_ rt: Runtime, _ op: UnaryOp, _ t: Variable) throws -> Value
    /// `a op b` for `== != < <= > >=` where at least one side is a tensor (elementwise).
    func compare(_ rt: Runtime, _ op: CompareOp, _ a: Value, _ b: Value) throws -> Value?
    /// `t[index]` (index: int, slice, None, Ellipsis, tuple, list, tensor).
    func getItem(_ rt: Runtime, _ t: Variable, _ index: Value) throws -> Value
    /// `t[index] = v` (`v` may be an unboxed `.tscalar`).
    func setItem(_ rt: Runtime, _ t: Variable, _ index: Value, _ v: Value) throws
    /// `repr(t)` (PyTorch's printing without `torch.`).
    func repr(_ rt: Runtime, _ t: Variable) throws -> String
    /// `bool(t)` / `if t:`.
    func truth(_ rt: Runtime, _ t: Variable) throws -> Bool
    /// `len(t)`.
    func len(_ rt: Runtime, _ t: Variable) throws -> Int
    /// `for row in t` (the rows of dim 0).
    func iterate(_ rt: Runtime, _ t: Variable) throws -> [Value]
    /// `format(t, spec)` / `f"{t:.2f}"` (PyTorch formats one-element tensors as their item).
    func format(_ rt: Runtime, _ t: Variable, _ spec: String) throws -> String
    /// `float(t)`, `int(t)`: the value of a one-element tensor.
    func item(_ rt: Runtime, _ t: Variable) throws -> Value
}
