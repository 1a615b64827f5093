import NNLang

extension Notebook {
    /// Reads the notebook at `path`.
    ///
    /// Throws `NotebookFileError` when the file cannot be read or is not UTF-8; problems in
    /// the Markdown itself are `diagnostics`, never thrown.
    public init(contentsOf path: String) throws(NotebookFileError) {
        self.init(path: path, text: try FileIO.readText(path))
    }

    /// Parses `text` as the notebook at `path` (the path only labels diagnostics).
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var parser = NotebookParser(path: path, text: text)
        elements = parser.parse()
        diagnostics = parser.diagnostics
        title = elements.lazy.compactMap { element -> String? in
            if case .prose(let b) = element, case .heading(1, let inlines) = b.kind { inlines.plainText } else { nil }
        }.first
    }
}

/// Turns cmark's top-level blocks into prose, cells and expected outputs.
private struct NotebookParser {
    let path: String
    let source: SourceText
    let text: String
    var diagnostics: [Diagnostic] = []

    init(path: String, text: String) {
        self.path = path; self.text = text; source = SourceText(text)
    }

    mutating func parse() -> [NotebookElement] {
        let (blocks, truncatedAt) = CommonMarkConverter.convert(text)
        if let line = truncatedAt {
            diagnostics.append(Diagnostic(.warning, "Markdown nested more than \(CommonMarkConverter.maxDepth) levels deep; the deeper content is not shown",
                                          at: SourceLocation(file: path, line: line, column: 0), sourceLine: nil))
        }
        var elements: [NotebookElement] = []
        var i = 0
        while i < blocks.count {
            let block = blocks[i]
            guard case .codeBlock(let info, let code) = block.kind,
                  CommonMarkConverter.infoWord(info) == "nn", let fence = fence(at: block.lines.lowerBound) else {
                warnAboutNestedCells(in: block)
                elements.append(.prose(block))
                i += 1
                continue
            }
            let number = elements.reduce(0) { if case .cell = $1 { $0 + 1 } else { $0 } } + 1
            let closed = isClosed(block.lines, by: fence)
            if !closed { error("code cell is not closed: add a closing \(fence.marker) line", line: block.lines.lowerBound, column: fence.column) }
            var cell = Cell(number: number, source: code, options: options(fence: fence, line: block.lines.lowerBound),
                            fenceLine: block.lines.lowerBound, firstLine: block.lines.lowerBound + 1,
                            lines: block.lines, byteRange: source.byteRange(of: block.lines), expected: nil)
            i += 1
            if closed, i < blocks.count, let expected = expectedOutput(blocks[i], after: block.lines.upperBound) {
                cell.expected = expected
                i += 1
                var last = expected
                while i < blocks.count, let extra = expectedOutput(blocks[i], after: last.lines.upperBound) {
                    diagnostics.append(Diagnostic(
                        .warning, "cell \(number) has more than one output block; `nnbook update` removes the extra ones",
                        at: SourceLocation(file: path, line: extra.lines.lowerBound, column: 0)))
                    cell.extraOutputs.append(extra)
                    last = extra
                    i += 1
                }
            }
            elements.append(.cell(cell))
        }
        return elements
    }

    /// An opening fence: its character run and where the info string starts.
    struct Fence {
        var char: UInt8
        var length: Int
        /// 1-based byte column of the fence's first character.
        var column: Int
        /// 1-based byte column just after the fence run.
        var infoColumn: Int
        var marker: String { String(repeating: Character(UnicodeScalar(char)), count: length) }
    }

    func fence(at line: Int) -> Fence? {
        let bytes = Array(source.text(ofLine: line).utf8)
        var i = 0
        while i < bytes.count, i < 3, bytes[i] == UInt8(ascii: " ") { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "`") || bytes[i] == UInt8(ascii: "~") else { return nil }
        let char = bytes[i]
        var j = i
        while j < bytes.count, bytes[j] == char { j += 1 }
        guard j - i >= 3 else { return nil }
        return Fence(char: char, length: j - i, column: i + 1, infoColumn: j + 1)
    }

    /// Whether the block's last line is a closing fence (cmark runs an unclosed one to the end).
    func isClosed(_ lines: LineRange, by fence: Fence) -> Bool {
        guard lines.upperBound > lines.lowerBound else { return false }
        let bytes = Array(source.text(ofLine: lines.upperBound).utf8)
        var i = 0
        while i < bytes.count, i < 3, bytes[i] == UInt8(ascii: " ") { i += 1 }
        var j = i
        while j < bytes.count, bytes[j] == fence.char { j += 1 }
        return j - i >= fence.length && bytes[j...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Parses the words after `nn` on the fence line; unknown ones are errors at their column.
    mutating func options(fence: Fence, line: Int) -> CellOptions {
        var options = CellOptions()
        let lineText = Array(source.text(ofLine: line).utf8)
        var words: [(word: String, column: Int)] = []
        var i = fence.infoColumn - 1
        while i < lineText.count {
            if lineText[i] == UInt8(ascii: " ") || lineText[i] == UInt8(ascii: "\t") { i += 1; continue }
            let start = i
            while i < lineText.count, lineText[i] != UInt8(ascii: " "), lineText[i] != UInt8(ascii: "\t") { i += 1 }
            words.append((String(decoding: lineText[start..<i], as: UTF8.self), start + 1))
        }
        for (word, column) in words.dropFirst() {  // the first word is `nn`
            switch options.set(word) {
            case nil: break
            case .invalidRaisesType(let name):
                error("invalid exception type '\(name)' in cell option 'raises='", line: line, column: column)
            case .unknown:
                error("unknown cell option '\(word)'", line: line, column: column)
            }
        }
        return options
    }

    /// The block as the expected output of the cell ending at `cellEnd`, when it is an
    /// `output` fence with nothing but blank lines in between.
    mutating func expectedOutput(_ block: MarkdownBlock, after cellEnd: Int) -> ExpectedOutput? {
        guard case .codeBlock(let info, let code) = block.kind, CommonMarkConverter.infoWord(info) == "output",
              let fence = fence(at: block.lines.lowerBound) else { return nil }
        // cmark drops link reference definitions from the tree: check the gap really is blank.
        guard (cellEnd + 1..<block.lines.lowerBound).allSatisfy({ source.isBlank(line: $0) }) else { return nil }
        if !isClosed(block.lines, by: fence) {
            error("output block is not closed: add a closing \(fence.marker) line", line: block.lines.lowerBound, column: fence.column)
        }
        return ExpectedOutput(text: code, lines: block.lines, byteRange: source.byteRange(of: block.lines))
    }

    /// Cells run only at the top level; an `nn` block inside a list or quote would silently not run.
    mutating func warnAboutNestedCells(in block: MarkdownBlock) {
        func nested(_ blocks: [MarkdownBlock]) {
            for b in blocks { visit(b) }
        }
        func visit(_ b: MarkdownBlock) {
            switch b.kind {
            case .blockQuote(let children): nested(children)
            case .list(_, _, let items): items.forEach(nested)
            case .codeBlock(let info, _) where CommonMarkConverter.infoWord(info) == "nn":
                diagnostics.append(Diagnostic(.warning, "nn block inside a list or quote is shown but not run",
                                              at: SourceLocation(file: path, line: b.lines.lowerBound, column: 0),
                                              sourceLine: source.text(ofLine: b.lines.lowerBound)))
            default: break
            }
        }
        switch block.kind {
        case .blockQuote, .list: visit(block)
        default: break
        }
    }

    mutating func error(_ message: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(.error, message, at: SourceLocation(file: path, line: line, column: column),
                                      sourceLine: source.text(ofLine: line)))
    }
}
