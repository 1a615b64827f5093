/// Turns nn source into tokens, Python 3 style: NEWLINE/INDENT/DEDENT, brackets suppressing
/// newlines, backslash continuation, every numeric and string literal form, IPython line magics.
///
/// Works on the UTF-8 bytes. Lexical errors do not throw here: they end the stream with an
/// `.error` token that the parser reports when it gets there, so an earlier syntax error wins.
///
///     let tokens = Lexer.tokenize("x = 1\n", file: "a.nn", firstLine: 1)
public struct Lexer {
    /// The source bytes followed by a few NUL sentinels (`n` is the real length).
    let src: [UInt8]
    let n: Int
    let file: String
    /// File line of the source's first line.
    let firstLine: Int

    var pos = 0
    /// File line of `pos`.
    var line: Int
    /// Byte offset where the current line starts.
    var lineStart = 0
    /// Offset of the first non-ASCII byte on the current line (columns before it are byte counts).
    var firstNonASCII = Int.max

    var tokens: [Token] = []
    /// Open brackets: the byte and its position.
    var brackets: [(UInt8, SourcePosition)] = []
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    var atLineStart = true
    /// Inside an IPython help line (`obj?`, `obj??`), lexed as the call `__nn_help__(obj, N)`.
    var helpLine = false
    var failed = false
    /// The deepest bracket nesting seen, the most tokens on one logical line that let the
    /// parser recurse without a bracket (unary operators, `not`, `lambda`, `else`, `**`), and
    /// the deepest indentation: together they bound the parser's recursion, so shallow cells
    /// can be parsed on the caller's stack.
    var maxBracketDepth = 0
    var recursiveTokenCount = 0 {
        didSet { if recursiveTokenCount > maxRecursiveTokensPerLine { maxRecursiveTokensPerLine = recursiveTokenCount } }
    }
    var maxRecursiveTokensPerLine = 0
    /// Whether the parser's recursion on these tokens is small enough for any thread's stack.
    var isShallow: Bool { maxBracketDepth <= 6 && maxRecursiveTokensPerLine <= 32 && maxIndentDepth <= 12 }
    var maxIndentDepth = 0
    /// Added to columns on the first line (an f-string field is lexed on its own, but its
    /// columns are those of the enclosing file).
    var firstLineColumnOffset = 0

    static let maxBracketDepth = 200
    static let maxIndentDepth = 100

    init(source: String, file: String, firstLine: Int) {
        var bytes = Array(source.utf8)
        // A UTF-8 byte order mark at the start is not part of the program (as in CPython).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(13) { bytes = Lexer.normalizeNewlines(bytes) }
        n = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        src = bytes
        self.file = file
        self.firstLine = firstLine
        line = firstLine
        scanLineForNonASCII()
    }

    /// Tokenizes `source`; the last token is `.endOfFile` or an `.error`.
    ///
    /// `firstLine` is the file line of the source's first line (cells live inside Markdown files).
    public static func tokenize(_ source: String, file: String = "<cell>", firstLine: Int = 1) -> [Token] {
        var lexer = Lexer(source: source, file: file, firstLine: firstLine)
        lexer.run()
        return lexer.tokens
    }

    static func normalizeNewlines(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 13 {
                out.append(10)
                if i + 1 < b.count && b[i + 1] == 10 { i += 1 }
            } else {
                out.append(b[i])
            }
            i += 1
        }
        return out
    }

    // MARK: positions

    mutating func scanLineForNonASCII() {
        var i = lineStart
        firstNonASCII = Int.max
        while i < n {
            let c = src[i]
            if c == 10 { break }
            if c >= 0x80 { firstNonASCII = i; break }
            i += 1
        }
    }

    /// Called with `pos` just past a consumed `\n`.
    mutating func newLine() {
        line += 1
        lineStart = pos
        scanLineForNonASCII()
    }

    /// The 1-based column of `offset`, which must be on the current line.
    func column(_ offset: Int) -> Int {
        let base = line == firstLine ? firstLineColumnOffset + 1 : 1
        if offset <= firstNonASCII { return offset - lineStart + base }
        var col = firstNonASCII - lineStart + base
        var i = firstNonASCII
        while i < offset {
            if src[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return col
    }

    func position(_ offset: Int) -> SourcePosition { SourcePosition(line: line, column: column(offset)) }

    /// The text of file line `fileLine` (for diagnostics).
    static func lineText(_ src: [UInt8], count n: Int, index: Int) -> String {
        var i = 0
        var l = 0
        while l < index && i < n {
            if src[i] == 10 { l += 1 }
            i += 1
        }
        var j = i
        while j < n && src[j] != 10 { j += 1 }
        return String(decoding: src[i..<j], as: UTF8.self)
    }

    func makeError(_ kind: ParseError.Kind, at p: SourcePosition) -> ParseError {
        ParseError(kind: kind, location: SourceLocation(file: file, line: p.line, column: p.column),
                   sourceLine: Lexer.lineText(src, count: n, index: p.line - firstLine))
    }

    mutating func fail(_ kind: ParseError.Kind, at p: SourcePosition) {
        tokens.append(Token(.error(makeError(kind, at: p)), SourceRange(start: p, end: p)))
        failed = true
    }

    mutating func emit(_ kind: TokenKind, from start: Int) {
        let s = position(start)
        tokens.append(Token(kind, SourceRange(start: s, end: position(pos))))
    }

    // MARK: main loop

    mutating func run() {
        tokens.reserveCapacity(n / 3 + 8)
        while !failed {
            if atLineStart && brackets.isEmpty {
                if !startLogicalLine() { break }
                if failed { return }
            }
            let c = src[pos]
            switch c {
            case 32, 9, 12:
                pos += 1
            case 35: // '#'
                while pos < n && src[pos] != 10 { pos += 1 }
            case 10:
                if brackets.isEmpty {
                    // The NEWLINE token covers the line break, as in CPython's tokenize.
                    let p = position(pos)
                    tokens.append(Token(.newline, SourceRange(start: p, end: SourcePosition(line: p.line, column: p.column + 1))))
                    atLineStart = true
                    recursiveTokenCount = 0
                    helpLine = false
                }
                pos += 1
                newLine()
            case 92: // '\\'
                if src[pos + 1] == 10 {
                    pos += 2
                    newLine()
                    if pos >= n { fail(.unexpectedEOFWhileParsing, at: position(pos)); return }
                } else if pos + 1 >= n {
                    fail(.unexpectedEOFWhileParsing, at: position(pos + 1))
                    return
                } else {
                    fail(.unexpectedCharacterAfterContinuation, at: position(pos + 1))
                    return
                }
            case 0 where pos >= n:
                finish()
                return
            case 48...57:
                lexNumber()
            case 46 where src[pos + 1] >= 48 && src[pos + 1] <= 57:
                lexNumber()
            case 34, 39:
                lexString(prefixStart: pos, raw: false, bytes: false, fstring: false)
            case 65...90, 95, 97...122, 0x80...0xFF:
                lexName()
            default:
                lexOperator()
            }
        }
    }

    /// End of input: close the last logical line, unwind indentation, report unclosed brackets.
    mutating func finish() {
        if let (open, p) = brackets.last {
            fail(.neverClosed(Character(Unicode.Scalar(open))), at: p)
            return
        }
        let end = position(pos)
        if let last = tokens.last, !Lexer.endsLine(last.kind) {
            tokens.append(Token(.newline, SourceRange(start: end, end: end)))
        }
        while indents.count > 1 {
            indents.removeLast()
            tokens.append(Token(.dedent, SourceRange(start: end, end: end)))
        }
        tokens.append(Token(.endOfFile, SourceRange(start: end, end: end)))
    }

    static func endsLine(_ k: TokenKind) -> Bool {
        switch k {
        case .newline, .indent, .dedent: true
        default: false
        }
    }

    // MARK: names

    static func isASCIIIdentifierByte(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95
    }

    /// Decodes the UTF-8 scalar at `i`; returns it and its byte length (U+FFFD, 1 on bad bytes).
    static func decodeScalar(_ src: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(src[i])
        var len = 1
        var v: UInt32 = 0xFFFD
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 & 0xE0 == 0xC0 { len = 2; v = b0 & 0x1F }
        else if b0 & 0xF0 == 0xE0 { len = 3; v = b0 & 0x0F }
        else if b0 & 0xF8 == 0xF0 { len = 4; v = b0 & 0x07 }
        else { return ("\u{FFFD}", 1) }
        for k in 1..<len {
            let b = UInt32(src[i + k])
            if b & 0xC0 != 0x80 { return ("\u{FFFD}", 1) }
            v = (v << 6) | (b & 0x3F)
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", len)
    }

    mutating func lexName() {
        let start = pos
        var ascii = true
        while true {
            let c = src[pos]
            if Lexer.isASCIIIdentifierByte(c) { pos += 1; continue }
            if c >= 0x80 {
                let (s, len) = Lexer.decodeScalar(src, pos)
                let ok = pos == start ? s.properties.isXIDStart : s.properties.isXIDContinue
                if ok { pos += len; ascii = false; continue }
                if pos == start {
                    let p = position(pos)
                    if s.properties.generalCategory == .control || s.properties.generalCategory == .format
                        || s.properties.generalCategory == .spaceSeparator || s.properties.generalCategory == .unassigned {
                        fail(.invalidNonPrintableCharacter(s), at: p)
                    } else {
                        fail(.invalidCharacter(s), at: p)
                    }
                    return
                }
            }
            break
        }
        let len = pos - start
        // String prefixes: r u f b and the two-letter raw combinations.
        if len <= 2 && (src[pos] == 34 || src[pos] == 39) && ascii {
            var raw = false, bytes = false, fstr = false, u = false, ok = true
            for i in start..<pos {
                switch src[i] | 0x20 {
                case 114: if raw { ok = false }; raw = true
                case 98: if bytes { ok = false }; bytes = true
                case 102: if fstr { ok = false }; fstr = true
                case 117: if u { ok = false }; u = true
                default: ok = false
                }
            }
            if ok && !(bytes && fstr) && !(u && (len > 1)) {
                lexString(prefixStart: start, raw: raw, bytes: bytes, fstring: fstr)
                return
            }
        }
        if let kw = Lexer.keyword(src, start, len) {
            switch kw {
            case .not, .lambda, .else: recursiveTokenCount += 1
            default: break
            }
            emit(.keyword(kw), from: start)
        } else {
            emit(.name(String(decoding: src[start..<pos], as: UTF8.self)), from: start)
        }
    }

    /// Keywords grouped by length, as bytes: a lookup without building a String or hashing.
    static let keywordsByLength: [[([UInt8], Keyword)]] = {
        var table = Array(repeating: [([UInt8], Keyword)](), count: 9)
        for k in Keyword.allCases { table[k.rawValue.utf8.count].append((Array(k.rawValue.utf8), k)) }
        return table
    }()

    static func keyword(_ src: [UInt8], _ start: Int, _ len: Int) -> Keyword? {
        guard len >= 2 && len <= 8 else { return nil }
        let first = src[start]
        guard (first >= 97 && first <= 121) || first == 70 || first == 78 || first == 84 else { return nil }
        candidates: for (bytes, kw) in keywordsByLength[len] where bytes[0] == first {
            for k in 1..<len where bytes[k] != src[start + k] { continue candidates }
            return kw
        }
        return nil
    }

    static let keywords: [String: Keyword] = {
        var d: [String: Keyword] = [:]
        for k in Keyword.allCases { d[k.rawValue] = k }
        return d
    }()

    // MARK: operators

    mutating func lexOperator() {
        let start = pos
        let c = src[pos], c1 = src[pos + 1], c2 = src[pos + 2]
        var op: Op
        var len = 1
        switch c {
        case 40, 91, 123: // ( [ {
            if brackets.count >= Lexer.maxBracketDepth {
                fail(.tooManyNestedParentheses, at: position(pos))
                return
            }
            brackets.append((c, position(pos)))
            if brackets.count > maxBracketDepth { maxBracketDepth = brackets.count }
            op = c == 40 ? .lparen : c == 91 ? .lbracket : .lbrace
        case 41, 93, 125: // ) ] }
            let close = Character(Unicode.Scalar(c))
            guard let (open, openPos) = brackets.last else {
                fail(.unmatched(close), at: position(pos))
                return
            }
            let expected: UInt8 = open == 40 ? 41 : open == 91 ? 93 : 125
            if expected != c {
                fail(.mismatchedClosing(close: close, open: Character(Unicode.Scalar(open)),
                                        openLine: openPos.line == line ? nil : openPos.line), at: position(pos))
                return
            }
            brackets.removeLast()
            op = c == 41 ? .rparen : c == 93 ? .rbracket : .rbrace
        case 44: op = .comma
        case 59: op = .semicolon
        case 126: op = .tilde
        case 58: // :
            if c1 == 61 { op = .walrus; len = 2 } else { op = .colon }
        case 46: // .
            if c1 == 46 && c2 == 46 { op = .ellipsis; len = 3 } else { op = .dot }
        case 43: if c1 == 61 { op = .plusAssign; len = 2 } else { op = .plus }
        case 45:
            if c1 == 61 { op = .minusAssign; len = 2 } else if c1 == 62 { op = .arrow; len = 2 } else { op = .minus }
        case 42:
            if c1 == 42 {
                if c2 == 61 { op = .doubleStarAssign; len = 3 } else { op = .doubleStar; len = 2 }
            } else if c1 == 61 { op = .starAssign; len = 2 } else { op = .star }
        case 47:
            if c1 == 47 {
                if c2 == 61 { op = .doubleSlashAssign; len = 3 } else { op = .doubleSlash; len = 2 }
            } else if c1 == 61 { op = .slashAssign; len = 2 } else { op = .slash }
        case 37: if c1 == 61 { op = .percentAssign; len = 2 } else { op = .percent }
        case 64: if c1 == 61 { op = .atAssign; len = 2 } else { op = .at }
        case 38: if c1 == 61 { op = .amperAssign; len = 2 } else { op = .amper }
        case 124: if c1 == 61 { op = .vbarAssign; len = 2 } else { op = .vbar }
        case 94: if c1 == 61 { op = .circumflexAssign; len = 2 } else { op = .circumflex }
        case 61: if c1 == 61 { op = .equal; len = 2 } else { op = .assign }
        case 33:
            if c1 == 61 { op = .notEqual; len = 2 } else {
                fail(.invalidSyntax, at: position(pos))
                return
            }
        case 60:
            if c1 == 60 {
                if c2 == 61 { op = .leftShiftAssign; len = 3 } else { op = .leftShift; len = 2 }
            } else if c1 == 61 { op = .lessEqual; len = 2 } else { op = .less }
        case 62:
            if c1 == 62 {
                if c2 == 61 { op = .rightShiftAssign; len = 3 } else { op = .rightShift; len = 2 }
            } else if c1 == 61 { op = .greaterEqual; len = 2 } else { op = .greater }
        case 63 where helpLine: // the `?` or `??` ending a help line
            helpLine = false
            let detail: Int64 = c1 == 63 ? 2 : 1
            let at = position(pos)
            tokens.append(Token(.op(.comma), SourceRange(start: at, end: at)))
            pos += Int(detail)
            tokens.append(Token(.int(detail), SourceRange(start: at, end: position(pos))))
            tokens.append(Token(.op(.rparen), SourceRange(start: position(pos), end: position(pos))))
            return
        default:
            let (s, _) = Lexer.decodeScalar(src, pos)
            let p = position(pos)
            if s.value < 32 || s.value == 127 {
                fail(.invalidNonPrintableCharacter(s), at: p)
            } else if s.value < 127 {
                fail(.invalidSyntax, at: p) // `$`, `?`, a backquote
            } else {
                fail(.invalidCharacter(s), at: p)
            }
            return
        }
        pos += len
        switch op {
        case .minus, .plus, .tilde, .doubleStar: recursiveTokenCount += 1
        default: break
        }
        emit(.op(op), from: start)
    }
}
