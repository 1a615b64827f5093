/// A span of source for syntax highlighting; concatenating the `text` of every token of
/// `Lexer.highlightTokens(source)` gives back `source` exactly.
public struct HighlightToken: Sendable, Equatable, CustomStringConvertible {
    /// What a span is, for choosing its colour.
    public enum Kind: String, Sendable, Equatable {
        case keyword, builtin, identifier, number, string, comment
        case `operator`, punctuation, magic, whitespace
        /// A character nn does not accept (still shown, as written).
        case invalid
    }
    /// The span's class.
    public var kind: Kind
    /// The exact source text of the span.
    public var text: String
    /// A span of `kind` holding `text`.
    public init(_ kind: Kind, _ text: String) { self.kind = kind; self.text = text }
    /// `kind "text"`, as in the golden tests.
    public var description: String { "\(kind.rawValue) \(ASTDump.quote(text))" }
}

extension Lexer {
    /// Python's builtin functions and exception names that nn highlights as builtins.
    public static let builtinNames: Set<String> = [
        "print", "len", "range", "enumerate", "zip", "reversed", "sorted", "min", "max", "sum", "abs",
        "round", "int", "float", "str", "bool", "list", "tuple", "dict", "set", "isinstance", "type",
        "hasattr", "getattr", "setattr", "repr", "map", "filter", "any", "all", "divmod", "pow", "super",
        "object", "iter", "next", "slice", "id", "hash", "chr", "ord", "callable", "issubclass", "format",
        "Exception", "BaseException", "ValueError", "TypeError", "IndexError", "KeyError",
        "ZeroDivisionError", "NameError", "AttributeError", "AssertionError", "RuntimeError",
        "RecursionError", "NotImplementedError", "OverflowError", "StopIteration", "TimeoutError",
        "NotImplemented",
    ]

    /// Splits `source` into highlight spans. Never fails: unterminated strings run to the end of
    /// their line (or of the source for triple quotes), unknown characters are `.invalid`.
    ///
    ///     Lexer.highlightTokens("x = 1  # one").map(\.kind)
    ///     // [.identifier, .whitespace, .operator, .whitespace, .number, .whitespace, .comment]
    public static func highlightTokens(_ source: String) -> [HighlightToken] {
        var h = Highlighter(Array(source.utf8))
        h.run()
        return h.out
    }
}

private struct Highlighter {
    /// The source bytes plus NUL padding (so scalar decoding never reads past the end).
    let b: [UInt8]
    let n: Int
    var i = 0
    var out: [HighlightToken] = []
    /// True while only whitespace has been seen on the current line (outside brackets).
    var lineStart = true
    var brackets = 0

    init(_ bytes: [UInt8]) {
        n = bytes.count
        b = bytes + [0, 0, 0, 0]
    }

    func at(_ k: Int) -> UInt8 { k < n ? b[k] : 0 }

    mutating func emit(_ kind: HighlightToken.Kind, _ start: Int) {
        out.append(HighlightToken(kind, String(decoding: b[start..<i], as: UTF8.self)))
    }

    static func isIdent(_ c: UInt8) -> Bool { Lexer.isASCIIIdentifierByte(c) || c >= 0x80 }

    mutating func run() {
        while i < n {
            let start = i
            let c = b[i]
            switch c {
            case 32, 9, 12, 13, 10:
                while i < n, [32, 9, 12, 13, 10].contains(b[i]) {
                    if b[i] == 10 && brackets == 0 { lineStart = true }
                    i += 1
                }
                emit(.whitespace, start)
                continue
            case 35:
                while i < n && b[i] != 10 && b[i] != 13 { i += 1 }
                emit(.comment, start)
                continue
            case 37 where lineStart && brackets == 0:
                magic()
            case 34, 39:
                string(from: start)
            case 48...57:
                number()
            case 46 where Lexer.isDigit(at(i + 1)):
                number()
            case 65...90, 95, 97...122:
                name()
            case 0x80...0xFF:
                let (s, len) = Lexer.decodeScalar(b, i)
                if s.properties.isXIDStart {
                    name()
                } else {
                    i += len
                    emit(.invalid, start)
                }
            default:
                punctuationOrOperator()
            }
            lineStart = false
        }
    }

    mutating func magic() {
        let start = i
        i += 1
        while Lexer.isASCIIIdentifierByte(at(i)) { i += 1 }
        // Options such as `-n 10 -r 3` belong to the magic.
        while true {
            var j = i
            while at(j) == 32 || at(j) == 9 { j += 1 }
            guard at(j) == 45, Lexer.isASCIIIdentifierByte(at(j + 1)) else { break }
            j += 2
            while at(j) == 32 || at(j) == 9 { j += 1 }
            while Lexer.isDigit(at(j)) { j += 1 }
            i = j
        }
        emit(.magic, start)
    }

    mutating func name() {
        let start = i
        while i < n && Highlighter.isIdent(b[i]) { i += 1 }
        let len = i - start
        if len <= 2, at(i) == 34 || at(i) == 39,
           b[start..<i].allSatisfy({ [114, 82, 98, 66, 102, 70, 117, 85].contains($0) }) {
            string(from: start)
            return
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        if Lexer.keywords[text] != nil {
            out.append(HighlightToken(.keyword, text))
        } else if Lexer.builtinNames.contains(text) {
            out.append(HighlightToken(.builtin, text))
        } else {
            out.append(HighlightToken(.identifier, text))
        }
    }

    mutating func number() {
        let start = i
        let hex = b[i] == 48 && (at(i + 1) | 0x20) == 120
        while i < n {
            let c = b[i]
            if Lexer.isASCIIIdentifierByte(c) || c == 46 {
                i += 1
            } else if (c == 43 || c == 45) && !hex && (b[i - 1] | 0x20) == 101 {
                i += 1
            } else {
                break
            }
        }
        emit(.number, start)
    }

    /// A string literal from `start` (its prefix) with `i` on or before the quote. In an
    /// f-string the expressions of replacement fields are highlighted as code; the braces,
    /// conversions and format specs stay string.
    mutating func string(from start: Int) {
        while b[i] != 34 && b[i] != 39 { i += 1 }
        let isF = b[start..<i].contains { $0 | 0x20 == 102 }
        let q = b[i]
        let triple = at(i + 1) == q && at(i + 2) == q
        i += triple ? 3 : 1
        var segment = start
        while i < n {
            let c = b[i]
            if c == 92 {
                i = min(i + 2, n)
                continue
            }
            if c == q {
                if !triple { i += 1; break }
                if at(i + 1) == q && at(i + 2) == q { i += 3; break }
            }
            if (c == 10 || c == 13) && !triple { break }
            if isF && c == 123 {
                if at(i + 1) == 123 { i += 2; continue }
                i += 1
                emit(.string, segment)
                field(quote: q, triple: triple)
                segment = i
                continue
            }
            i += 1
        }
        if i > segment { emit(.string, segment) }
    }

    /// The expression of an f-string field, from just after its `{` to just before the `!`,
    /// `:`, `}` (or the string's end) that ends it.
    mutating func field(quote q: UInt8, triple: Bool) {
        let start = i
        var depth = 0
        var inner: UInt8 = 0
        scan: while i < n {
            let c = b[i]
            if inner != 0 {
                if c == inner { inner = 0 }
                if (c == 10 || c == 13) && !triple { break }
                i += 1
                continue
            }
            switch c {
            case 34, 39:
                if c == q && (!triple || (at(i + 1) == q && at(i + 2) == q)) { break scan }
                inner = c
            case 10 where !triple, 13 where !triple: break scan
            case 40, 91, 123: depth += 1
            case 41, 93: depth = max(0, depth - 1)
            case 125:
                if depth == 0 { break scan }
                depth -= 1
            case 33 where depth == 0 && at(i + 1) != 61: break scan
            case 58 where depth == 0: break scan
            case 92: break scan
            default: break
            }
            i += 1
        }
        if i > start {
            var sub = Highlighter(Array(b[start..<i]))
            sub.lineStart = false
            sub.run()
            out += sub.out
        }
    }

    mutating func punctuationOrOperator() {
        let start = i
        let c = b[i], c1 = at(i + 1), c2 = at(i + 2)
        switch c {
        case 40, 91, 123:
            brackets += 1
            i += 1
            emit(.punctuation, start)
        case 41, 93, 125:
            brackets = max(0, brackets - 1)
            i += 1
            emit(.punctuation, start)
        case 44, 59, 92:
            i += 1
            emit(.punctuation, start)
        case 46:
            i += (c1 == 46 && c2 == 46) ? 3 : 1
            emit(.punctuation, start)
        case 58:
            if c1 == 61 { i += 2; emit(.operator, start) } else { i += 1; emit(.punctuation, start) }
        case 43, 45, 42, 47, 37, 64, 38, 124, 94, 126, 60, 62, 61, 33:
            // Longest operator: `**=`, `//=`, `<<=`, `>>=`, then two-character forms.
            if (c == 42 || c == 47 || c == 60 || c == 62) && c1 == c && c2 == 61 {
                i += 3
            } else if (c == 42 || c == 47 || c == 60 || c == 62) && c1 == c {
                i += 2
            } else if c1 == 61 && c != 126 {
                i += 2
            } else if c == 45 && c1 == 62 {
                i += 2
            } else {
                i += 1
            }
            emit(c == 33 && i - start == 1 ? .invalid : .operator, start)
        default:
            let (_, len) = Lexer.decodeScalar(b, i)
            i += len
            emit(.invalid, start)
        }
    }
}
