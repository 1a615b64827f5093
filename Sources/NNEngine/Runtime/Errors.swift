import NNSyntax
/// An nn exception in flight: the exception instance plus the traceback gathered so far.
///
/// Builtins throw these (`throw PyError.type("...")`); `try/except` catches them by class.
public final class PyError: Error, @unchecked Sendable {
    public let exc: PyInstance
    /// Frames collected while unwinding, innermost FIRST (reversed when reported).
    var frames: [CellError.TraceFrame] = []
    /// Location of the failing statement in the frame currently unwinding.
    var pending: SourceLocation?

    public init(_ exc: PyInstance) { self.exc = exc }

    /// A new exception of builtin class `cls` with a single message argument.
    public convenience init(_ cls: PyClass, _ message: String) {
        self.init(PyError.instance(cls, args: message.isEmpty ? [] : [.str(message)]))
    }

    public static func instance(_ cls: PyClass, args: [Value]) -> PyInstance {
        let i = PyInstance(cls: cls)
        i.attrs["args"] = .object(PyTuple(args))
        if cls === BuiltinTypes.stopIteration { i.attrs["value"] = args.first ?? .none }
        return i
    }

    public var typeName: String { exc.cls.name }
    public var args: [Value] { (exc.attrs["args"].flatMap { v -> PyTuple? in if case .object(let o) = v { return o as? PyTuple }; return nil })?.items ?? [] }

    public static func type(_ m: String) -> PyError { PyError(BuiltinTypes.typeError, m) }
    public static func value(_ m: String) -> PyError { PyError(BuiltinTypes.valueError, m) }
    public static func index(_ m: String) -> PyError { PyError(BuiltinTypes.indexError, m) }
    public static func name(_ m: String) -> PyError { PyError(BuiltinTypes.nameError, m) }
    public static func attribute(_ m: String) -> PyError { PyError(BuiltinTypes.attributeError, m) }
    public static func zeroDivision(_ m: String) -> PyError { PyError(BuiltinTypes.zeroDivisionError, m) }
    public static func overflow(_ m: String) -> PyError { PyError(BuiltinTypes.overflowError, m) }
    public static func runtime(_ m: String) -> PyError { PyError(BuiltinTypes.runtimeError, m) }
    public static func key(_ k: Value) -> PyError {
        PyError(PyError.instance(BuiltinTypes.keyError, args: [k]))
    }
    public static var intOverflow: PyError { overflow("integer overflow (nn ints are 64-bit)") }
}

/// The builtin classes. Created once, shared by every interpreter, never mutated by nn code.
public enum BuiltinTypes {
    package static func builtin(_ name: String, _ base: PyClass? = object) -> PyClass {
        PyClass(name: name, base: base, isBuiltin: true)
    }
    public static let object = PyClass(name: "object", base: nil, isBuiltin: true)
    public static let type = builtin("type")
    public static let noneType = builtin("NoneType")
    public static let int = builtin("int")
    public static let bool = builtin("bool", int)
    public static let float = builtin("float")
    public static let str = builtin("str")
    public static let list = builtin("list")
    public static let tuple = builtin("tuple")
    public static let dict = builtin("dict")
    public static let set = builtin("set")
    public static let range = builtin("range")
    public static let slice = builtin("slice")
    public static let function = builtin("function")
    public static let builtinFunction = builtin("builtin_function_or_method")
    public static let method = builtin("method")
    public static let module = builtin("module")
    public static let iterator = builtin("iterator")
    public static let generator = builtin("generator")
    public static let property = builtin("property")
    public static let staticmethod = builtin("staticmethod")
    public static let classmethod = builtin("classmethod")
    public static let superType = builtin("super")
    public static let cell = builtin("cell")
    /// The class of tensors; the tensor binding fills its methods.
    public static let tensor = builtin("Tensor")

    public static let baseException = builtin("BaseException")
    public static let exception = builtin("Exception", baseException)
    public static let arithmeticError = builtin("ArithmeticError", exception)
    public static let zeroDivisionError = builtin("ZeroDivisionError", arithmeticError)
    public static let overflowError = builtin("OverflowError", arithmeticError)
    public static let lookupError = builtin("LookupError", exception)
    public static let indexError = builtin("IndexError", lookupError)
    public static let keyError = builtin("KeyError", lookupError)
    public static let valueError = builtin("ValueError", exception)
    public static let typeError = builtin("TypeError", exception)
    public static let nameError = builtin("NameError", exception)
    public static let unboundLocalError = builtin("UnboundLocalError", nameError)
    public static let attributeError = builtin("AttributeError", exception)
    public static let assertionError = builtin("AssertionError", exception)
    public static let runtimeError = builtin("RuntimeError", exception)
    public static let recursionError = builtin("RecursionError", runtimeError)
    public static let notImplementedError = builtin("NotImplementedError", runtimeError)
    public static let stopIteration = builtin("StopIteration", exception)
    public static let generatorExit = builtin("GeneratorExit", baseException)
    public static let osError = builtin("OSError", exception)
    public static let timeoutError = builtin("TimeoutError", osError)
    public static let fileNotFoundError = builtin("FileNotFoundError", osError)
    public static let fileExistsError = builtin("FileExistsError", osError)
    public static let isADirectoryError = builtin("IsADirectoryError", osError)
    public static let importError = builtin("ImportError", exception)
    public static let moduleNotFoundError = builtin("ModuleNotFoundError", importError)
    public static let keyboardInterrupt = builtin("KeyboardInterrupt", baseException)
    public static let unicodeError = builtin("UnicodeError", valueError)
    public static let memoryError = builtin("MemoryError", exception)

    /// Every exception class, for the builtins namespace.
    public static var exceptions: [PyClass] {
        [baseException, exception, arithmeticError, zeroDivisionError, overflowError, lookupError,
         indexError, keyError, valueError, typeError, nameError, unboundLocalError, attributeError,
         assertionError, runtimeError, recursionError, notImplementedError, stopIteration, generatorExit, osError,
         timeoutError, fileNotFoundError, fileExistsError, isADirectoryError, importError, moduleNotFoundError, keyboardInterrupt, unicodeError, memoryError]
    }
}
