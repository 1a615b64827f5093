import NNLang
import Notebook

extension PageWriter {
    /// The banner `nnbook watch` puts on top of a page whose run failed: each diagnostic
    /// (`file.md:LINE:COL: error: ...`, excerpt, caret, traceback) with its first line in bold
    /// and a link to the cell it points at.
    static func errorBanner(_ report: [String]) -> String {
        var s = "<div class=\"nn-error-banner\" role=\"alert\">\n"
        for text in report {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            guard let first = lines.first else { continue }
            var head = HTML.escape(first)
            if let line = Self.lineNumber(inDiagnostic: first) {
                head = "<a href=\"#L\(line)\">\(head)</a>"
            }
            s += "<pre><span class=\"nn-error-summary\">\(head)</span>"
            let rest = lines.dropFirst().map(HTML.escape).joined(separator: "\n")
            if !rest.isEmpty { s += "\n" + rest }
            s += "</pre>\n"
        }
        return s + "</div>\n"
    }

    /// LINE of `path:LINE:COL: ...`.
    static func lineNumber(inDiagnostic line: String) -> Int? {
        let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        return Int(parts[1])
    }
}

extension SiteNotebook {
    /// The page `nnbook watch` shows for `run`: when it failed, its diagnostics go in a banner
    /// on top, and each cell that did not run keeps what it output in `lastGood` (the last run
    /// that passed), marked stale. Cells are matched by number and unchanged source.
    public init(_ run: NotebookRun, lastGood: NotebookRun?, report: [String]) {
        self.init(run)
        errorReport = report
        guard let lastGood else { return }
        var stale: [String: CellResult] = [:]
        for c in lastGood.cells {
            if let r = c.result { stale["\(c.cell.number)\u{0}\(c.cell.source)"] = r }
        }
        for (i, block) in blocks.enumerated() {
            guard case .cell(var cell) = block, cell.state == .notRun else { continue }
            let number = run.cells.first { $0.cell.firstLine == cell.line }?.cell.number
            if let number, let r = stale["\(number)\u{0}\(cell.source)"] {
                cell.staleResult = r
                blocks[i] = .cell(cell)
            }
        }
    }
}
