import NNEngine
import NNSyntax

extension Runtime {
    /// A new interpreter's runtime with the library filled in: the builtins, `math`, `help`,
    /// the standard modules (built on their first import) and the tensor API. The engine's
    /// `Runtime` knows none of them; this is where the library registers itself.
    static func standard(file: String, seed: UInt64) -> Runtime {
        let rt = Runtime(file: file, seed: seed, tensors: makeTensorBinding())
        rt.installCoreBuiltins()
        rt.installMath()
        rt.installHelp()
        rt.moduleMakers = standardModules
        rt.tensors.install(into: rt)
        return rt
    }
}

/// Compiles nn source and returns its disassembly (`nnbook dis FILE.nn`), compiled against a
/// runtime with the library installed, as `Interpreter` would compile it.
public func disassemble(source: String, file: String) -> String {
    disassemble(source: source, file: file, runtime: { Runtime.standard(file: file, seed: 0) })
}
