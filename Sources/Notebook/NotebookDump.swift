extension Notebook {
    /// A text dump of the model with line ranges, for golden tests.
    ///
    ///     title "Matmul"
    ///     heading1 @1 "Matmul"
    ///     paragraph @3-4 [text "Some ", math "x^2"]
    ///     cell 1 @6-8 fence@6 first@7 options[hide] bytes 40..<62
    ///       | a = 1
    ///     output @9-11 bytes 62..<80
    ///       | 1
    public func dump() -> String {
        var dumper = NotebookDumper()
        dumper.out = "title \(title.map { quoted($0) } ?? "-")\n"
        walk(&dumper)
        for d in diagnostics { dumper.out += "\(d)\n" }
        return dumper.out
    }
}

private func quoted(_ s: String) -> String {
    var r = "\""
    for ch in s {
        switch ch {
        case "\n": r += "\\n"
        case "\"": r += "\\\""
        case "\\": r += "\\\\"
        default: r.append(ch)
        }
    }
    return r + "\""
}

private func at(_ lines: LineRange) -> String {
    lines.lowerBound == lines.upperBound ? "@\(lines.lowerBound)" : "@\(lines.lowerBound)-\(lines.upperBound)"
}

private struct NotebookDumper: NotebookVisitor {
    var out = ""

    mutating func visitProse(_ block: MarkdownBlock) { block.dump(indent: "", into: &out) }

    mutating func visitCell(_ cell: Cell) {
        out += "cell \(cell.number) \(at(cell.lines)) fence@\(cell.fenceLine) first@\(cell.firstLine)"
        out += " options[\(cell.options.description)] bytes \(cell.byteRange)\n"
        literal(cell.source)
    }

    mutating func visitExpectedOutput(_ output: ExpectedOutput, of cell: Cell) {
        out += "output \(at(output.lines)) bytes \(output.byteRange)\n"
        literal(output.text)
    }

    mutating func literal(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
            out += "  | \(line)\n"
        }
    }
}

extension MarkdownBlock {
    fileprivate func dump(indent: String, into out: inout String) {
        let pos = at(lines)
        switch kind {
        case .paragraph(let inlines): out += "\(indent)paragraph \(pos) \(inlines.dump)\n"
        case .heading(let level, let inlines): out += "\(indent)heading\(level) \(pos) \(inlines.dump)\n"
        case .codeBlock(let info, let code): out += "\(indent)code \(pos) info \(quoted(info)) \(quoted(code))\n"
        case .math(let tex): out += "\(indent)math \(pos) \(quoted(tex))\n"
        case .thematicBreak: out += "\(indent)break \(pos)\n"
        case .html(let html): out += "\(indent)html \(pos) \(quoted(html))\n"
        case .blockQuote(let children):
            out += "\(indent)quote \(pos)\n"
            for c in children { c.dump(indent: indent + "  ", into: &out) }
        case .list(let style, let tight, let items):
            let kind = switch style { case .bullet: "bullet"; case .ordered(let start): "ordered(\(start))" }
            out += "\(indent)list \(pos) \(kind)\(tight ? " tight" : "")\n"
            for item in items {
                out += "\(indent)  item\n"
                for c in item { c.dump(indent: indent + "    ", into: &out) }
            }
        }
    }
}

extension Array where Element == Inline {
    fileprivate var dump: String { "[" + map(\.dump).joined(separator: ", ") + "]" }
}

extension Inline {
    fileprivate var dump: String {
        switch self {
        case .text(let s): "text \(quoted(s))"
        case .softBreak: "softbreak"
        case .lineBreak: "linebreak"
        case .code(let s): "code \(quoted(s))"
        case .math(let s): "math \(quoted(s))"
        case .emphasis(let c): "emph \(c.dump)"
        case .strong(let c): "strong \(c.dump)"
        case .link(let d, let t, let c): "link \(quoted(d)) \(quoted(t)) \(c.dump)"
        case .image(let s, let t, let c): "image \(quoted(s)) \(quoted(t)) \(c.dump)"
        case .html(let s): "html \(quoted(s))"
        }
    }
}
