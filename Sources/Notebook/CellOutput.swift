import NNLang

/// Turns a `CellResult` into the text a notebook shows and compares.
public enum CellOutput {
    /// The cell's text output: printed text, display text forms and the final expression's
    /// repr, in the order produced, then `Type: message` when the cell raised. This is what
    /// expected-output blocks hold (the traceback is not: its paths and lines move with the file).
    public static func text(of result: CellResult) -> String {
        var out = ""
        func endLine() { if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" } }
        for item in result.items {
            switch item {
            case .stdout(let s):
                out += s
            case .display(let d):
                endLine()
                out += d.text
                endLine()
            case .result(let repr):
                endLine()
                out += repr + "\n"
            }
        }
        if let error = result.error {
            endLine()
            out += error.summary + "\n"
        }
        return out
    }

    /// A Python-style traceback, ending with the `Type: message` line:
    ///
    ///     Traceback (most recent call last):
    ///       File "Notebooks/01_matmul.md", line 42, in <cell>
    ///         y = f(x)
    ///     ValueError: bad shape
    ///
    /// A `SyntaxError` with one frame prints as CPython does: the place, the line, a caret.
    public static func traceback(of error: CellError) -> String {
        var out = ""
        if error.typeName == "SyntaxError" || error.typeName == "IndentationError", error.traceback.count <= 1 {
            if let frame = error.traceback.first {
                out += "  File \"\(frame.location.file)\", line \(frame.location.line)\n"
                if let line = frame.sourceLine {
                    out += "    \(line)\n"
                    if frame.location.column > 0 {
                        out += "    " + String(repeating: " ", count: max(0, frame.location.column - 1)) + "^\n"
                    }
                }
            }
            return out + error.summary + "\n"
        }
        if !error.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            for frame in error.traceback {
                out += "  File \"\(frame.location.file)\", line \(frame.location.line), in \(frame.function)\n"
                if let line = frame.sourceLine, !line.isEmpty { out += "    \(line)\n" }
            }
        }
        return out + error.summary + "\n"
    }
}
