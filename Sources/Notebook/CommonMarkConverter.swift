import CCmark

/// The one boundary with libcmark (ARCHITECTURE.md, Floors): parses CommonMark and turns cmark's tree into
/// `MarkdownBlock` values. Every C object is freed before `convert` returns; no pointer escapes.
struct CommonMarkConverter {
    /// Deeper nesting (quotes in quotes, lists in lists, emphasis in emphasis) is cut off:
    /// the Swift tree, its renderers and its deinit all recurse, and no lesson needs more.
    static let maxDepth = 64

    /// The first line where content was cut off for being nested too deeply.
    private(set) var truncatedAtLine: Int?

    /// Parses `text` and returns its top-level blocks with their line ranges, plus the line
    /// where nesting past `maxDepth` was dropped, if any.
    static func convert(_ text: String) -> (blocks: [MarkdownBlock], truncatedAtLine: Int?) {
        var converter = CommonMarkConverter()
        let blocks = converter.convertDocument(text)
        return (blocks, converter.truncatedAtLine)
    }

    private mutating func convertDocument(_ text: String) -> [MarkdownBlock] {
        // CMARK_OPT_SOURCEPOS gives every block its lines; raw HTML stays in the tree as
        // `.html` so the renderer alone decides whether to show it.
        let bytes = Array(text.utf8)
        let document: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_SOURCEPOS)
        }
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        return blocks(in: document, depth: 0)
    }

    private mutating func blocks(in node: OpaquePointer, depth: Int) -> [MarkdownBlock] {
        guard depth < Self.maxDepth else {
            if truncatedAtLine == nil { truncatedAtLine = Int(cmark_node_get_start_line(node)) }
            return []
        }
        return Self.children(of: node).compactMap { block($0, depth: depth + 1) }
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            result.append(c)
            child = cmark_node_next(c)
        }
        return result
    }

    /// `text` with CRLF and bare CR line endings made LF.
    static func lf(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private mutating func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock? {
        let start = Int(cmark_node_get_start_line(node))
        let end = max(start, Int(cmark_node_get_end_line(node)))
        let lines = start...end
        let kind: MarkdownBlock.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            kind = .paragraph(inlines(of: node, depth: depth))
        case CMARK_NODE_HEADING:
            kind = .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node, depth: depth))
        case CMARK_NODE_CODE_BLOCK:
            let info = Self.string(cmark_node_get_fence_info(node))
            // cmark keeps each line's own ending in the literal: CRLF and bare-CR (old Mac)
            // files give code with plain newlines, as the lexer and the comparison expect.
            let code = Self.lf(Self.string(cmark_node_get_literal(node)))
            kind = Self.infoWord(info) == "math" ? .math(tex: code) : .codeBlock(info: info, code: code)
        case CMARK_NODE_BLOCK_QUOTE:
            kind = .blockQuote(blocks(in: node, depth: depth))
        case CMARK_NODE_LIST:
            let style: MarkdownBlock.ListStyle = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                ? .ordered(start: Int(cmark_node_get_list_start(node))) : .bullet
            var items: [[MarkdownBlock]] = []
            for item in Self.children(of: node) { items.append(blocks(in: item, depth: depth + 1)) }
            kind = .list(style, tight: cmark_node_get_list_tight(node) != 0, items: items)
        case CMARK_NODE_THEMATIC_BREAK:
            kind = .thematicBreak
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_CUSTOM_BLOCK:
            kind = .html(Self.string(cmark_node_get_literal(node)))
        default:
            return nil
        }
        return MarkdownBlock(kind: kind, lines: lines)
    }

    /// The first word of an info string: `nn` in "nn hide", `math` in "math".
    static func infoWord(_ info: String) -> Substring {
        info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
    }

    private mutating func inlines(of node: OpaquePointer, depth: Int) -> [Inline] {
        guard depth < Self.maxDepth else {
            if truncatedAtLine == nil { truncatedAtLine = Int(cmark_node_get_start_line(node)) }
            return []
        }
        let string = Self.string
        var result: [Inline] = []
        for child in Self.children(of: node) {
            let inline: Inline
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT: inline = .text(string(cmark_node_get_literal(child)))
            case CMARK_NODE_SOFTBREAK: inline = .softBreak
            case CMARK_NODE_LINEBREAK: inline = .lineBreak
            case CMARK_NODE_CODE: inline = .code(string(cmark_node_get_literal(child)))
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_CUSTOM_INLINE:
                inline = .html(string(cmark_node_get_literal(child)))
            case CMARK_NODE_EMPH: inline = .emphasis(inlines(of: child, depth: depth + 1))
            case CMARK_NODE_STRONG: inline = .strong(inlines(of: child, depth: depth + 1))
            case CMARK_NODE_LINK:
                inline = .link(destination: string(cmark_node_get_url(child)),
                               title: string(cmark_node_get_title(child)), inlines(of: child, depth: depth + 1))
            case CMARK_NODE_IMAGE:
                inline = .image(source: string(cmark_node_get_url(child)),
                                title: string(cmark_node_get_title(child)), inlines(of: child, depth: depth + 1))
            default: continue
            }
            // cmark splits text at characters that might start markup; join the pieces so
            // that math detection sees whole runs.
            if case .text(let new) = inline, case .text(let old)? = result.last {
                result[result.count - 1] = .text(old + new)
            } else {
                result.append(inline)
            }
        }
        return Self.mathSpans(result)
    }

    /// Turns $`tex`$ - a code span between a text ending in `$` and one starting with `$` - into
    /// `.math(tex)`, the inline math GitHub renders.
    static func mathSpans(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        var i = 0
        while i < inlines.count {
            if case .code(let tex) = inlines[i], i + 1 < inlines.count,
               case .text(let before)? = result.last, before.hasSuffix("$"),
               case .text(let after) = inlines[i + 1], after.hasPrefix("$") {
                let head = String(before.dropLast())
                if head.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(head) }
                result.append(.math(tex))
                let tail = String(after.dropFirst())
                i += 2
                // The tail may itself end in `$` before the next math span: keep it as text.
                if !tail.isEmpty { result.append(.text(tail)) }
                continue
            }
            result.append(inlines[i])
            i += 1
        }
        return result
    }
}
