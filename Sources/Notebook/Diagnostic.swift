import NNLang

/// A problem found in a notebook or while checking it: data first, printing separate.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Equatable {
        /// Something that fails the notebook.
        case error
        /// Worth fixing; does not fail the notebook.
        case warning
        /// Extra information about the preceding error.
        case note
    }
    /// Error, warning or note.
    public var severity: Severity
    /// Where the problem is; `column` 0 means "the whole line" (no caret is drawn).
    public var location: SourceLocation
    /// What is wrong, without the location (`unknown cell option 'x'`).
    public var message: String
    /// The source line shown under the message, when known.
    public var sourceLine: String?
    /// Text printed after the excerpt: a unified diff, a traceback, a hint (ends with a newline).
    public var details: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation, sourceLine: String? = nil,
                details: String = "") {
        self.severity = severity; self.message = message; self.location = location; self.sourceLine = sourceLine
        self.details = details
    }

    /// `FILE:LINE:COL: error: message` (or `FILE:LINE: ...` without a column).
    public var description: String {
        let place = location.column > 0 ? location.description : "\(location.file):\(location.line)"
        return "\(place): \(severity.rawValue): \(message)"
    }
}

/// Prints diagnostics the way compilers do: the message, the source line, a caret under the column.
public struct DiagnosticFormatter: Sendable {
    /// Whether to use ANSI colours (only when the output is a terminal).
    public var colored: Bool

    /// Creates a formatter.
    public init(colored: Bool) { self.colored = colored }

    /// The diagnostic as printed text, ending with a newline.
    ///
    ///     Notebooks/01_matmul.md:12:7: error: unknown cell option 'hid'
    ///        12 | ```nn hid
    ///           |       ^
    public func format(_ d: Diagnostic) -> String {
        let place = d.location.column > 0 ? d.location.description : "\(d.location.file):\(d.location.line)"
        let color: String
        switch d.severity {
        case .error: color = "\u{1B}[1;31m"
        case .warning: color = "\u{1B}[1;35m"
        case .note: color = "\u{1B}[1;36m"
        }
        var out = colored
            ? "\u{1B}[1m\(place): \(color)\(d.severity.rawValue):\u{1B}[0m\u{1B}[1m \(d.message)\u{1B}[0m\n"
            : "\(place): \(d.severity.rawValue): \(d.message)\n"
        if let line = d.sourceLine {
            let number = String(d.location.line)
            let gutter = String(repeating: " ", count: number.count)
            out += " \(number) | \(line)\n"
            if d.location.column > 0 {
                // Align the caret by characters, keeping tabs so it lines up on a terminal.
                let prefix = line.utf8.prefix(d.location.column - 1)
                let pad = String(decoding: prefix, as: UTF8.self).map { $0 == "\t" ? "\t" : " " }.joined()
                let caret = colored ? "\u{1B}[1;32m^\u{1B}[0m" : "^"
                out += " \(gutter) | \(pad)\(caret)\n"
            }
        }
        if !d.details.isEmpty {
            out += colored ? colorDiff(d.details) : d.details
            if !d.details.hasSuffix("\n") { out += "\n" }
        }
        return out
    }

    /// Colours the lines of a unified diff (removed red, added green, hunk headers cyan).
    private func colorDiff(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("@@") { return "\u{1B}[36m\(line)\u{1B}[0m" }
            if line.hasPrefix("-"), !line.hasPrefix("---") { return "\u{1B}[31m\(line)\u{1B}[0m" }
            if line.hasPrefix("+"), !line.hasPrefix("+++") { return "\u{1B}[32m\(line)\u{1B}[0m" }
            return String(line)
        }.joined(separator: "\n")
    }
}
