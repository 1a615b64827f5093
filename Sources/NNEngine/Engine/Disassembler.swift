import NNSyntax
/// Text dumps of compiled code, as CPython's `dis` prints them: one line per instruction
/// (source line where it changes, offset, opcode, operand and what it names), then the handler
/// table, then every nested body (functions, lambdas, classes, magics) in the order they appear.
extension Bytecode {
    /// This body and every body nested in it.
    func disassemble() -> String {
        var out = ""
        dump(into: &out, title: "<module>")
        return out
    }

    func dump(into out: inout String, title: String) {
        out += "Disassembly of \(title):\n"
        var lastLine = -1
        for (pc, i) in code.enumerated() {
            let line = locs[pc].line
            let lineText = line == lastLine ? "" : String(line)
            lastLine = line
            var s = pad(lineText, 5) + pad(String(pc), 6) + " " + pad(String(describing: i.op), 18)
            if let operand = operandText(i) { s += " " + operand }
            out += s.trailingSpacesTrimmed + "\n"
        }
        for h in handlers {
            out += "  handler \(h.start) to \(h.end) -> \(h.kind == .cleanup ? "unwind" : String(h.target)) [\(h.kind)] depth \(h.depth)\n"
        }
        out += "\n"
        for f in functions { f.bytecode.dump(into: &out, title: f.code.qualname) }
        for c in classes { c.body.dump(into: &out, title: "class " + c.name) }
        for m in magics { m.body.dump(into: &out, title: "%" + m.kind.rawValue) }
        for g in genexps { g.code.dump(into: &out, title: "<genexpr>") }
    }

    private func operandText(_ i: Instr) -> String? {
        let a = Int(i.a)
        switch i.op {
        case .loadConst: return "\(a) (\(constText(consts[a])))"
        case .loadLocal, .storeLocal, .deleteLocal, .loadCell, .storeCell, .deleteCell, .withEnter, .withExit, .withExitExc:
            return slotText(a)
        case .loadGlobal, .loadGlobalCallee, .storeGlobal, .deleteGlobal: return "\(a) (\(globals[a].name))"
        case .loadClassName, .storeClassName, .deleteClassName: return "\(i.b) (\(names[Int(i.b)]))"
        case .loadAttr, .storeAttr, .deleteAttr, .importFrom: return "\(a) (\(names[a]))"
        case .importName: return "\(a) (\(names[a]))" + (i.b > 0 ? " level \(i.b)" : "")
        case .binary, .inplace: return "\(a) (\(engineBinaryOps[a].rawValue))"
        case .unary: return "\(a) (\(engineUnaryOps[a].rawValue))"
        case .compare: return "\(a) (\(engineCompareOps[a].rawValue))"
        case .binaryConst: return "\(a) (\(engineBinaryOps[a].rawValue) \(constText(consts[Int(i.b)])))"
        case .inplaceLocal: return "\(a) (\(engineBinaryOps[a].rawValue)=), into " + varText(i.m, Int(i.b))
        case .forIterStore: return "to \(a), into " + varText(i.m, Int(i.b))
        case .forIterBack:
            return "to \(a), " + (i.m == 2 ? "pushed" : "into " + varText(i.m, Int(i.b))) + ", then to \(i.c)"
        case .binaryVarConst:
            return varText(i.m, Int(i.b)) + " \(engineBinaryOps[Int(i.o)].rawValue) " + constText(consts[Int(i.c)])
        case .binaryLocals:
            return slotText(Int(i.b)) + " \(engineBinaryOps[Int(i.o)].rawValue) " + slotText(Int(i.c))
        case .compareJumpVarConst:
            return varText(i.m, Int(i.b)) + " \(engineCompareOps[Int(i.o)].rawValue) " + constText(consts[Int(i.c)]) + " else to \(a)"
        case .compareJumpLocals:
            return slotText(Int(i.b)) + " \(engineCompareOps[Int(i.o)].rawValue) " + slotText(Int(i.c)) + " else to \(a)"
        case .returnLocal: return slotText(a)
        case .subscrLocals, .storeSubscrLocals: return slotText(Int(i.b)) + "[" + slotText(Int(i.c)) + "]"
        case .subscrTopLocal, .storeSubscrTopLocal: return "[" + slotText(Int(i.b)) + "]" + (i.m == 1 ? " (object kept under)" : "")
        case .subscrLocals2:
            return slotText(a) + "[" + slotText(Int(i.b)) + "][" + slotText(Int(i.c)) + "]"
                + (i.m == 1 ? " (object kept under)" : i.m == 2 ? " (row borrowed under)" : "")
        case .subscrPairLocals, .storeSubscrPairLocals:
            return slotText(a) + "[" + slotText(Int(i.b)) + ", " + slotText(Int(i.c)) + "]"
        case .inplaceStoreSubscrLocals:
            return slotText(Int(i.b)) + "[" + slotText(Int(i.c)) + "] \(engineBinaryOps[Int(i.o)].rawValue)="
        case .inplaceStoreSubscrTopLocal: return "[" + slotText(Int(i.b)) + "] \(engineBinaryOps[Int(i.o)].rawValue)="
        case .inplaceStoreSubscrPairLocals:
            return slotText(a) + "[" + slotText(Int(i.b)) + ", " + slotText(Int(i.c)) + "] \(engineBinaryOps[Int(i.o)].rawValue)="
        case .compareJump: return "\(engineCompareOps[Int(i.b)].rawValue) else to \(a)"
        case .jump, .jumpBack, .jumpIfFalse, .jumpIfTrue, .jumpIfFalseOrPop, .jumpIfTrueOrPop, .forIter, .excMatch:
            return "to \(a)"
        case .buildList, .buildTuple, .buildSet, .buildMap, .buildSlice, .buildString, .listAppend, .setAdd, .mapAdd,
             .call, .raise, .assertFail, .listConvert:
            return String(a)
        case .callKw: return "\(a) (\(kwNames[Int(i.b)].joined(separator: ", ")))"
        case .callEx:
            let parts = shapes[a].map { p -> String in
                switch p {
                case .positional: return "arg"
                case .star: return "*arg"
                case .keyword(let n): return n + "="
                case .doubleStar: return "**arg"
                }
            }
            return "(" + parts.joined(separator: ", ") + ")"
        case .makeFunction: return "\(a) (\(functions[a].code.qualname))"
        case .buildClass: return "\(a) (\(classes[a].name), \(i.b) bases)"
        case .unpack: return i.b == 0 ? String(a) : "\(a) (star at \(i.b - 1))"
        case .formatValue: return ["", "!s", "!r"][a] + (i.b == 1 ? " with spec" : "")
        case .magic: return "\(a) (%\(magics[a].kind.rawValue))"
        case .makeGenerator, .dupN: return String(a)
        case .storeSubscrPair: return i.b == 1 ? "value on top" : nil
        default: return nil
        }
    }

    /// A fused instruction's variable: a local slot (m 0) or a global (m 1).
    private func varText(_ m: UInt8, _ x: Int) -> String {
        m == 1 ? "global \(x) (\(globals[x].name))" : slotText(x)
    }

    private func slotText(_ s: Int) -> String {
        let n = s < slotNames.count ? slotNames[s] : ""
        return n.isEmpty ? String(s) : "\(s) (\(n))"
    }

    private func constText(_ v: Value) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let n): return String(n)
        case .float(let d): return String(d)
        case .str(let s): return "'" + s.replacingOccurrences(of: "\n", with: "\\n") + "'"
        case .undefined: return "<unbound>"
        case .object(let o):
            if let c = o as? PyClass { return "<class \(c.name)>" }
            return "<\(o.pyType.name)>"
        default: return "<\(v.typeName)>"
        }
    }

    private func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// Compiles nn source and returns its disassembly (`nnbook dis FILE.nn`): the module code, then
/// every function, lambda, class body and magic, each under a `Disassembly of NAME:` heading.
/// A syntax error is returned as `file:line:col: error: message`. `runtime` makes the runtime
/// the code is compiled against (the library's, with its builtins).
package func disassemble(source: String, file: String, runtime: () -> Runtime) -> String {
    let module: Module
    do {
        module = try Parser.parse(source: source, file: file, firstLine: 1)
    } catch {
        return "\(error.location.file):\(error.location.line):\(error.location.column): error: \(error.message)\n"
    }
    let rt = runtime()
    let root = ScopeInfo(kind: .module, parent: nil)
    let resolver = Resolver(root: root)
    resolver.resolve(module.body)
    let code = Emitter.compileModule(module, rt: rt, file: file, resolver: resolver, layout: Layout(root), echoResult: false)
    return code.disassemble()
}
