import NNSyntax
import Foundation

/// Running a cell: parse, resolve, compile and run it on this runtime, and gather what it
/// printed, displayed and raised. The library's `Interpreter` calls these on a big-stack thread.
extension Runtime {
    /// Calls the global function `name` with no arguments and returns the repr of its result
    /// (`Interpreter.callGlobal`, for benchmarks: no output capture).
    package func callGlobalRepr(_ name: String) -> Result<String, CellError> {
        let rt = self
        guard let f = rt.global(name) else {
            return .failure(CellError(typeName: "NameError", message: "name '\(name)' is not defined", traceback: []))
        }
        rt.counters[0] = 0
        do {
            return .success(try rt.repr(rt.call(f, [], [])))
        } catch {
            let e = asPyError(error)
            return .failure(CellError(typeName: e.exc.cls.name, message: (try? rt.str(.object(e.exc))) ?? "",
                                      traceback: e.frames.reversed()))
        }
    }

    /// Compiles and runs one cell (or script) of `file` whose first line is `firstLine`: its
    /// output, final repr and any uncaught exception as a `CellResult`. `echoResult`: a
    /// notebook cell (`<cell>` frames, cell-end hooks) rather than a script; `showResult`: the
    /// final expression's repr is shown (IPython's `;` rule already applied). Runs on the
    /// calling thread; `Interpreter` gives it a big stack.
    package func runCell(_ source: String, file: String, firstLine: Int, echoResult: Bool, showResult: Bool,
                         timeout: Double?, onOutput: ((String) -> Void)?) -> CellResult {
        let rt = self
        let module: Module
        do {
            module = try Parser.parse(source: source, file: file, firstLine: firstLine)
        } catch {
            let frame = CellError.TraceFrame(location: error.location, function: echoResult ? "<cell>" : "<module>",
                                             sourceLine: error.sourceLine.trimmingCharacters(in: .whitespaces))
            return CellResult(error: CellError(typeName: error.typeName, message: error.message, traceback: [frame]))
        }
        for (i, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            rt.sourceLines[firstLine + i] = line.trimmingCharacters(in: .whitespaces)
            rt.rawSourceLines[firstLine + i] = String(line)
        }
        // Compile.
        let root = ScopeInfo(kind: .module, parent: nil)
        let resolver = Resolver(root: root)
        resolver.resolve(module.body)
        let layout = Layout(root)
        let code = Emitter.compileModule(module, rt: rt, file: file, resolver: resolver, layout: layout,
                                         echoResult: showResult)
        // Run.
        rt.items = []
        rt.pendingText = ""
        rt.volatile = false
        rt.onOutput = onOutput
        rt.lastResult = .undefined
        rt.handling = []
        rt.counters[0] = 0
        rt.counters[1] = 1 << 12
        rt.timedOut = false
        rt.deadline = timeout.map { DispatchTime.now().uptimeNanoseconds + UInt64(min(max(0, $0), 1e9) * 1e9) }
        rt.cancellation.arm(deadline: rt.deadline)
        defer { rt.onOutput = nil; rt.deadline = nil; rt.cancellation.arm(deadline: nil) }
        var cellError: CellError?
        let n = layout.nslots
        withUnsafeTemporaryAllocation(of: Value.self, capacity: n) { buf in
            let l = buf.baseAddress!
            l.initialize(repeating: .undefined, count: n)
            defer { l.deinitialize(count: n) }
            // Hidden comprehension variables captured by lambdas live in cells.
            for name in root.cells { if let s = layout.slots[name] { l[s] = .object(PyCell()) } }
            do {
                _ = try code.run(rt, l)
                if case .undefined = rt.lastResult {} else if !rt.lastResult.isNone {
                    let text = try rt.repr(rt.lastResult)
                    rt.flushText()
                    rt.items.append(.result(text))
                }
                // Jupyter's inline backend draws the cell's open figure after its Out[n].
                if echoResult { for hook in rt.cellEndHooks { hook(rt) } }
            } catch {
                let e = asPyError(error)
                var frames = e.frames
                let loc = e.pending ?? SourceLocation(file: file, line: firstLine, column: 1)
                frames.append(CellError.TraceFrame(location: loc, function: echoResult ? "<cell>" : "<module>",
                                                   sourceLine: rt.sourceLines[loc.line]))
                cellError = CellError(typeName: e.exc.cls.name, message: (try? rt.str(.object(e.exc))) ?? "",
                                      traceback: frames.reversed())
            }
        }
        rt.lastResult = .undefined
        rt.retired = []
        rt.flushText()
        let result = CellResult(items: rt.items, error: cellError, volatile: rt.volatile)
        rt.items = []
        return result
    }
}
