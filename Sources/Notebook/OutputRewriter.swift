/// Rewrites a notebook's expected-output blocks and nothing else (`nnbook update`).
///
///     let new = OutputRewriter.rewrite(notebook, outputs: [1: "2\n"])
///
/// Cells missing from `outputs` keep their block as it is. For the others the block is
/// inserted right after the cell, replaced when its text differs, or removed (with the blank
/// lines before it) when the cell now prints nothing. Every other byte stays.
public struct OutputRewriter: NotebookVisitor {
    /// What was done, for the summary line.
    public struct Changes: Sendable, Equatable {
        /// Blocks added after cells that had none.
        public var inserted = 0
        /// Blocks whose text changed.
        public var replaced = 0
        /// Blocks removed because their cell now prints nothing.
        public var removed = 0
        /// Whether the file changes at all.
        public var any: Bool { inserted + replaced + removed > 0 }
        /// No changes.
        public init() {}
    }

    let outputs: [Int: String]
    let comparison: OutputComparison?
    let newline: String
    let fileEnd: Int
    let endsWithNewline: Bool
    var edits: [(range: Range<Int>, text: String)] = []
    var changes = Changes()

    /// The line ending new blocks are written with: the file's own (CRLF, a bare CR for an
    /// old Mac file, else LF).
    static func newline(of text: String) -> String {
        if text.contains("\r\n") { return "\r\n" }
        return text.utf8.contains(13) && !text.utf8.contains(10) ? "\r" : "\n"
    }

    /// The file's bytes with the blocks of `outputs` (cell number -> new text) rewritten.
    ///
    /// With a `comparison`, a block that already matches its new text (numbers within
    /// tolerance, trailing whitespace aside) is kept as it is: `update` rewrites exactly the
    /// blocks `test` would flag, so float noise between machines does not churn the lessons.
    /// Without one, any textual difference is rewritten.
    public static func rewrite(_ notebook: Notebook, outputs: [Int: String],
                               comparison: OutputComparison? = OutputComparison()) -> (bytes: [UInt8], changes: Changes) {
        let bytes = Array(notebook.text.utf8)
        var rewriter = OutputRewriter(
            outputs: outputs, comparison: comparison, newline: OutputRewriter.newline(of: notebook.text),
            fileEnd: bytes.count, endsWithNewline: bytes.last == UInt8(ascii: "\n") || bytes.last == UInt8(ascii: "\r"))
        notebook.walk(&rewriter)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 256)
        var position = 0
        for edit in rewriter.edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
        where edit.range.lowerBound >= position && edit.range.upperBound <= bytes.count {
            result += bytes[position..<edit.range.lowerBound]
            result += Array(edit.text.utf8)
            position = edit.range.upperBound
        }
        result += bytes[position...]
        return (result, rewriter.changes)
    }

    /// Inserts a block after a cell that has none and now prints something.
    public mutating func visitCell(_ cell: Cell) {
        guard cell.expected == nil, let text = outputs[cell.number], !text.isEmpty else { return }
        var block = Self.block(text, newline: newline)
        if cell.byteRange.upperBound == fileEnd && !endsWithNewline {
            // The cell ends the file without a newline: the block goes after one, and the
            // file still ends without one.
            block = newline + block.dropLast(newline.count)
        }
        edits.append((cell.byteRange.upperBound..<cell.byteRange.upperBound, block))
        changes.inserted += 1
    }

    /// Replaces or removes an existing block.
    public mutating func visitExpectedOutput(_ output: ExpectedOutput, of cell: Cell) {
        guard let text = outputs[cell.number] else { return }
        // Leftover blocks after the first go (each with the blank lines before it).
        var end = output.byteRange.upperBound
        for extra in cell.extraOutputs {
            if !text.isEmpty { edits.append((end..<extra.byteRange.upperBound, "")) }
            end = extra.byteRange.upperBound
            changes.removed += 1
        }
        if text.isEmpty {
            edits.append((cell.byteRange.upperBound..<end, ""))
            changes.removed += 1
        } else if output.text.replacing("\r\n", with: "\n") != Self.body(text)
                    && comparison?.matches(expected: output.text, actual: text) != true {
            // Keep the block's own line ending when it is the file's last line without one.
            let trail = output.byteRange.upperBound == fileEnd && !endsWithNewline
            var block = Self.block(text, newline: newline)
            if trail { block.removeLast(newline.count) }
            edits.append((output.byteRange, block))
            changes.replaced += 1
        }
    }

    /// The text as a block body: control characters escaped (`OutputEscaping`), ending with
    /// exactly the newline it needs.
    static func body(_ text: String) -> String {
        let text = OutputEscaping.escape(text)
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// A complete ```` ```output ```` block, with a fence longer than any backtick run inside.
    static func block(_ text: String, newline: String) -> String {
        var longest = 0, run = 0
        for ch in text.utf8 {
            run = ch == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = newline == "\n" ? body(text) : body(text).replacing("\n", with: newline)
        return "\(fence)output\(newline)\(body)\(fence)\(newline)"
    }
}

/// `nnbook update` for one notebook: run, then rewrite its output blocks in place.
public enum NotebookUpdater {
    /// The new outputs of a run: cells that ran and either did not raise or raised as their
    /// `raises` option asks. Cells that failed with an error, did not run, or were skipped keep
    /// their blocks, and so does a volatile cell that has one (its timings differ every run, so
    /// rewriting it would make `update` never settle); delete the block to refresh it.
    public static func outputs(of run: NotebookRun) -> [Int: String] {
        var outputs: [Int: String] = [:]
        for cellRun in run.cells {
            guard let result = cellRun.result else { continue }
            if cellRun.isVolatile, cellRun.cell.expected != nil, !cellRun.output.isEmpty { continue }
            let raises = cellRun.cell.options.raises
            switch (result.error, raises) {
            case (nil, nil): outputs[cellRun.cell.number] = cellRun.output
            case (let error?, let raises?) where raises.accepts(error.typeName): outputs[cellRun.cell.number] = cellRun.output
            default: continue
            }
        }
        return outputs
    }

    /// Rewrites the file of `run.notebook` (temp file + rename) when a block changes; a
    /// notebook with error diagnostics is left alone.
    @discardableResult
    public static func write(_ run: NotebookRun, comparison: OutputComparison = OutputComparison())
        throws(NotebookFileError) -> OutputRewriter.Changes {
        guard !run.notebook.hasErrors else { return OutputRewriter.Changes() }
        let (bytes, changes) = OutputRewriter.rewrite(run.notebook, outputs: outputs(of: run), comparison: comparison)
        guard changes.any else { return changes }
        // Someone may have edited the file while it ran: never overwrite their bytes (checked
        // again just before the rename).
        let original = Array(run.notebook.text.utf8)
        guard try FileIO.readBytes(run.notebook.path) == original else {
            throw NotebookFileError(path: run.notebook.path, reason: "the file changed while it ran; not overwritten (run `nnbook update` again)")
        }
        try FileIO.replace(run.notebook.path, with: bytes, expected: original)
        return changes
    }
}
