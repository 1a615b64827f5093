import NNLang

/// What each libFuzzer target (Fuzz/) does with one input, kept here so `swift test` replays
/// the committed crash inputs (Fuzz/Regressions/TARGET/) through exactly the same code. Each
/// returns normally for any input; a finding is a trap (`fatalError` with what broke).
public enum FuzzTargets {
    /// Lexer + parser: any text parses or fails with a located `ParseError`.
    public static func parser(_ bytes: [UInt8]) {
        let source = String(decoding: bytes, as: UTF8.self)
        do {
            _ = try Parser.parse(source: source, file: "fuzz.nn", firstLine: 1)
        } catch {
            // The error's pieces are what diagnostics print: building them must not trap.
            _ = (error.message, error.sourceLine, error.location.description, error.typeName)
        }
    }

    /// The Markdown notebook reader and the `update` round trip: each cell is given an output
    /// made from the input (control characters, fences and all), the blocks are rewritten, and
    /// reading the result back must find each output where `test` would compare it, matching.
    public static func notebook(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let notebook = Notebook(path: "fuzz.md", text: text)
        guard !notebook.hasErrors else { return }
        // The round trip is promised for any line endings (LF, CRLF, bare CR, mixed); cmark
        // turns NUL into U+FFFD, so such files only must not trap.
        if text.utf8.contains(0) {
            _ = OutputRewriter.rewrite(notebook, outputs: [:], comparison: nil)
            return
        }
        var outputs: [Int: String] = [:]
        for cell in notebook.cells {
            // Odd output: the cell's own source reversed line by line, plus bytes of the input.
            let odd = String(cell.source.split(separator: "\n", omittingEmptySubsequences: false).reversed().joined(separator: "\n"))
            outputs[cell.number] = odd + String(decoding: bytes.prefix(16), as: UTF8.self)
        }
        let (rewritten, _) = OutputRewriter.rewrite(notebook, outputs: outputs, comparison: nil)
        guard let again = String(validating: rewritten, as: UTF8.self) else { fatalError("update wrote invalid UTF-8") }
        let reread = Notebook(path: "fuzz.md", text: again)
        let comparison = OutputComparison()
        guard reread.cells.count == notebook.cells.count else {
            fatalError("update changed the number of cells: \(notebook.cells.count) -> \(reread.cells.count)")
        }
        for cell in reread.cells {
            guard let want = outputs[cell.number], !want.isEmpty else { continue }
            guard let got = cell.expected else { fatalError("cell \(cell.number): the output block written by update is not read back") }
            if !comparison.matches(expected: got.text, actual: want) {
                fatalError("cell \(cell.number): the output block does not round-trip: \(Array(want.utf8)) -> \(Array(got.text.utf8))")
            }
        }
    }

    /// The compiler and VM: the input runs as a program under a 0.25 s deadline and a 256 MB
    /// memory cap; any exception is fine, a trap is not.
    public static func vm(_ bytes: [UInt8]) {
        let source = String(decoding: bytes, as: UTF8.self)
        let interpreter = Interpreter(file: "fuzz.nn", memoryLimit: 256 << 20)
        let result = interpreter.run(cell: source, firstLine: 1, echoResult: true, timeout: 0.25)
        // What `test` compares and `render` writes must be UTF-8 (Swift strings are; this
        // guards any path that builds text from raw bytes).
        var shown = CellOutput.text(of: result)
        if let error = result.error { shown += CellOutput.traceback(of: error) }
        if String(validating: Array(shown.utf8), as: UTF8.self) == nil { fatalError("the cell's output is not UTF-8") }
    }
}
