import NNLang

/// Token kinds the code highlighter colours; the raw value is the CSS class in style.css.
public enum HighlightKind: String, Sendable, Equatable {
    case keyword = "k", string = "s", number = "n", comment = "c", `operator` = "o"
    case builtin = "b", function = "f", magic = "m", error = "e"
}

/// One coloured stretch of source: UTF-8 byte offsets `start..<end` into the cell source.
public struct HighlightSpan: Sendable, Equatable {
    /// First byte of the span.
    public var start: Int
    /// One past its last byte.
    public var end: Int
    /// Its colour class.
    public var kind: HighlightKind
    /// A span of bytes `start..<end` of kind `kind`.
    public init(start: Int, end: Int, kind: HighlightKind) {
        self.start = start; self.end = end; self.kind = kind
    }
}

/// Cell source as HTML: every byte escaped, coloured stretches wrapped in `<span class=...>`.
public enum Highlight {
    /// `source` with `spans` wrapped in `<span class=...>`. Spans that overlap, run backwards or fall outside the
    /// source are dropped (a lenient lexer may give odd ranges on broken code; the text is
    /// never lost, only its colour).
    ///
    ///     Highlight.html("x = 1", spans: [.init(start: 4, end: 5, kind: .number)])
    ///     // x = <span class="n">1</span>
    public static func html(_ source: String, spans: [HighlightSpan]) -> String {
        let bytes = Array(source.utf8)
        var out = ""
        var at = 0
        for t in spans.sorted(by: { $0.start < $1.start }) {
            guard t.start >= at, t.end > t.start, t.end <= bytes.count,
                  isBoundary(bytes, t.start), isBoundary(bytes, t.end) else { continue }
            out += HTML.escape(String(decoding: bytes[at..<t.start], as: UTF8.self))
            out += "<span class=\"\(t.kind.rawValue)\">"
            out += HTML.escape(String(decoding: bytes[t.start..<t.end], as: UTF8.self))
            out += "</span>"
            at = t.end
        }
        out += HTML.escape(String(decoding: bytes[at...], as: UTF8.self))
        return out
    }

    /// Not inside a multi-byte UTF-8 sequence (continuation bytes are 10xxxxxx).
    private static func isBoundary(_ bytes: [UInt8], _ i: Int) -> Bool {
        i == bytes.count || bytes[i] & 0xC0 != 0x80
    }
}

extension Highlight {
    /// Spans for nn source, from the nn lexer's lenient highlighter (`Lexer.highlightTokens`),
    /// which never fails: broken code is still coloured as far as it goes.
    ///
    ///     Highlight.spans("def f(): pass")
    ///     // keyword 0..<3, function 4..<5, keyword 9..<13
    public static func spans(_ source: String) -> [HighlightSpan] {
        var spans: [HighlightSpan] = []
        var offset = 0
        var afterDefOrClass = false
        for t in Lexer.highlightTokens(source) {
            let length = t.text.utf8.count
            defer { offset += length }
            let kind: HighlightKind?
            switch t.kind {
            case .keyword: kind = .keyword
            case .builtin: kind = afterDefOrClass ? .function : .builtin
            case .identifier: kind = afterDefOrClass ? .function : nil
            case .number: kind = .number
            case .string: kind = .string
            case .comment: kind = .comment
            case .operator: kind = .operator
            case .magic: kind = .magic
            case .invalid: kind = .error
            case .punctuation, .whitespace: kind = nil
            }
            if t.kind != .whitespace {
                afterDefOrClass = t.kind == .keyword && (t.text == "def" || t.text == "class")
            }
            if let k = kind, length > 0 {
                spans.append(HighlightSpan(start: offset, end: offset + length, kind: k))
            }
        }
        return spans
    }
}
