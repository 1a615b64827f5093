/// Recursive-descent parser for nn (Python 3.11's grammar, minus what nn leaves out), producing
/// the `Module` of AST.swift with ranges in file coordinates.
///
///     let module = try Parser.parse(source: "x = 1\n", file: "lesson.md", firstLine: 12)
///
/// Errors are `ParseError`s worded like CPython 3.11's. No input traps or recurses without
/// bound: bracket nesting is capped by the lexer (200, as CPython) and expression nesting by
/// `maxDepth`, so deep inputs give "too many nested parentheses"/"too many nested expressions".
public struct Parser {
    var tokens: [Token]
    var i = 0
    let file: String
    /// The source bytes and the file line of their first line (for error excerpts).
    let src: [UInt8]
    let srcCount: Int
    let firstLine: Int
    /// Excerpt source for errors raised inside f-string fields (their lexer sees only the field).
    var outer: (src: [UInt8], count: Int, firstLine: Int)?

    /// Depth of the tree being built (nesting plus left-deep operator/trailer chains); see `maxDepth`.
    var depth = 0
    /// Depth of the parser's own recursion; see `maxRecursion`.
    var recursion = 0
    var functionDepth = 0
    var loopDepth = 0
    var fstringNesting = 0
    /// The first error CPython raises only after a successful parse (its compiler's checks:
    /// `'return' outside function`, duplicate arguments, ...): any syntax error wins over it.
    var deferred: ParseError?

    /// Records a compile-time error, reported at the end of the file if nothing else fails.
    mutating func deferError(_ e: ParseError) {
        if deferred == nil { deferred = e }
    }

    /// Whether the most recently parsed line of simple statements ended with `;`.
    var lastLineEndedWithSemicolon = false

    /// Bounds the depth of the produced tree, so anything walking it recursively (the evaluator,
    /// deinit) stays within a thread's stack. CPython fails at about the same depth
    /// ("maximum recursion depth exceeded during compilation" past ~3000 `+` terms).
    static let maxDepth = 3000
    /// Bounds the parser's recursion (parentheses, unary operators, lambdas, conditionals):
    /// about a dozen frames per level, well within a 512 KB stack even in debug builds.
    static let maxRecursion = 600

    init(lexer: Lexer, tokens: [Token]) {
        self.tokens = tokens
        self.file = lexer.file
        self.src = lexer.src
        self.srcCount = lexer.n
        self.firstLine = lexer.firstLine
    }

    /// Parses a cell or script.
    ///
    /// - Parameters:
    ///   - source: the code (one cell).
    ///   - file: the file name for diagnostics (`lesson.md`).
    ///   - firstLine: the line of `file` holding the source's first line.
    public static func parse(source: String, file: String = "<cell>", firstLine: Int = 1) throws(ParseError) -> Module {
        var lexer = Lexer(source: source, file: file, firstLine: firstLine)
        lexer.run()
        // Shallow code (nearly every cell) is parsed here; deep nesting on a large stack.
        if lexer.isShallow { return try parseTokens(lexer) }
        return try onLargeStack { () throws(ParseError) in try parseTokens(lexer) }
    }

    static func parseTokens(_ lexer: Lexer) throws(ParseError) -> Module {
        var parser = Parser(lexer: lexer, tokens: lexer.tokens)
        do throws(ParseError) {
            let body = try parser.parseFile()
            return Module(file: lexer.file, body: body, endsWithSemicolon: parser.lastLineEndedWithSemicolon)
        } catch {
            throw parser.preferLexicalError(error)
        }
    }

    /// Runs `body` on a thread with a large stack (see `LargeStack`), or here if none can be made.
    static func onLargeStack<T>(_ body: @escaping () throws(ParseError) -> T) throws(ParseError) -> T {
        let outcome = LargeStackOutcome<T>()
        let ran = LargeStack.run {
            do throws(ParseError) {
                outcome.result = .success(try body())
            } catch {
                outcome.result = .failure(error)
            }
        }
        guard ran, let result = outcome.result else { return try body() }
        return try result.get()
    }

    /// CPython's rule: when parsing fails, a tokenizer error anywhere later in the source (an
    /// unterminated string, a bad literal or character, an unmatched bracket) is reported
    /// instead (its parser checks the whole source with the tokenizer before reporting).
    func preferLexicalError(_ e: ParseError) -> ParseError {
        // An unexpected indent is reported before that check.
        if e.kind == .unexpectedIndent { return e }
        guard case .error(let lexical)? = tokens.last?.kind else { return e }
        switch lexical.kind {
        case .unterminatedString, .unterminatedTripleQuotedString, .invalidDecimalLiteral,
             .invalidHexadecimalLiteral, .invalidOctalLiteral, .invalidBinaryLiteral, .invalidImaginaryLiteral,
             .invalidDigit, .leadingZeros, .invalidCharacter, .invalidNonPrintableCharacter,
             .unmatched, .mismatchedClosing, .tooManyNestedParentheses:
            return lexical
        default:
            return e
        }
    }

    /// Parses a single expression (e.g. for a debugger or a test); trailing newlines are allowed.
    public static func parseExpression(_ source: String, file: String = "<expr>", firstLine: Int = 1) throws(ParseError) -> Expr {
        var lexer = Lexer(source: source, file: file, firstLine: firstLine)
        lexer.run()
        if lexer.isShallow { return try parseExpressionTokens(lexer) }
        return try onLargeStack { () throws(ParseError) in try parseExpressionTokens(lexer) }
    }

    static func parseExpressionTokens(_ lexer: Lexer) throws(ParseError) -> Expr {
        var parser = Parser(lexer: lexer, tokens: lexer.tokens)
        do throws(ParseError) {
            let e = try parser.parseStarExpressions()
            while case .newline = parser.tok.kind { parser.advance() }
            guard case .endOfFile = parser.tok.kind else { throw parser.unexpected() }
            if let d = parser.deferred { throw d }
            return e
        } catch {
            throw parser.preferLexicalError(error)
        }
    }

    /// Where the large-stack thread leaves its result (read after the thread is joined).
    final class LargeStackOutcome<T> { var result: Result<T, ParseError>? }

    // MARK: token access

    var tok: Token { tokens[i] }
    var prevEnd: SourcePosition { i > 0 ? tokens[i - 1].range.end : tokens[0].range.start }

    /// The end of the last consumed token that is not NEWLINE/INDENT/DEDENT (the end of a
    /// compound statement is the end of its last body statement).
    var significantEnd: SourcePosition {
        var j = i - 1
        while j > 0 {
            switch tokens[j].kind {
            case .newline, .indent, .dedent: j -= 1
            default: return tokens[j].range.end
            }
        }
        return j >= 0 ? tokens[j].range.end : tokens[0].range.start
    }

    func peekKind(_ k: Int = 1) -> TokenKind {
        let j = i + k
        return j < tokens.count ? tokens[j].kind : tokens[tokens.count - 1].kind
    }

    mutating func advance() {
        if i < tokens.count - 1 { i += 1 }
    }

    func isOp(_ op: Op) -> Bool {
        if case .op(let o) = tok.kind { return o == op }
        return false
    }

    func isKeyword(_ k: Keyword) -> Bool {
        if case .keyword(let kw) = tok.kind { return kw == k }
        return false
    }

    var isNewline: Bool {
        if case .newline = tok.kind { return true }
        return false
    }

    var isEOF: Bool {
        if case .endOfFile = tok.kind { return true }
        return false
    }

    mutating func eatOp(_ op: Op) -> Bool {
        if isOp(op) { advance(); return true }
        return false
    }

    mutating func eatKeyword(_ k: Keyword) -> Bool {
        if isKeyword(k) { advance(); return true }
        return false
    }

    /// Consumes `op` or fails with "expected 'op'" just after the previous token (as CPython).
    mutating func expectOp(_ op: Op) throws(ParseError) {
        if eatOp(op) { return }
        if case .error(let e) = tok.kind { throw e }
        throw error(.expected(op.rawValue), at: prevEnd)
    }

    /// Consumes `)`/`]`/`}` closing a bracket; anything else is "invalid syntax" at that token
    /// (the lexer already checked bracket matching).
    mutating func expectClose(_ op: Op) throws(ParseError) {
        if eatOp(op) { return }
        throw unexpected()
    }

    mutating func expectName() throws(ParseError) -> String {
        if case .name(let s) = tok.kind { advance(); return s }
        throw unexpected()
    }

    // MARK: errors

    func error(_ kind: ParseError.Kind, at p: SourcePosition) -> ParseError {
        let text: String
        if let o = outer {
            text = Lexer.lineText(o.src, count: o.count, index: p.line - o.firstLine)
        } else {
            text = Lexer.lineText(src, count: srcCount, index: p.line - firstLine)
        }
        return ParseError(kind: kind, location: SourceLocation(file: file, line: p.line, column: p.column), sourceLine: text)
    }

    /// The error for an unexpected current token.
    func unexpected() -> ParseError {
        switch tok.kind {
        case .error(let e):
            return e
        case .indent:
            let p = tok.range.end
            return error(.unexpectedIndent, at: SourcePosition(line: p.line, column: max(1, p.column - 1)))
        default:
            return unclosedBracket() ?? error(.invalidSyntax, at: tok.range.start)
        }
    }

    /// CPython's rule: a syntax error on a later line than a still-open bracket is reported as
    /// "'(' was never closed" at that bracket.
    func unclosedBracket() -> ParseError? {
        var stack: [Token] = []
        for t in tokens[0..<i] {
            guard case .op(let o) = t.kind else { continue }
            switch o {
            case .lparen, .lbracket, .lbrace: stack.append(t)
            case .rparen, .rbracket, .rbrace: if !stack.isEmpty { stack.removeLast() }
            default: break
            }
        }
        guard let open = stack.last, open.range.start.line < tok.range.start.line,
              case .op(let o) = open.kind, let c = o.rawValue.first else { return nil }
        return error(.neverClosed(c), at: open.range.start)
    }

    /// Enters one level of recursive nesting, failing cleanly past the limits.
    mutating func enter() throws(ParseError) {
        depth += 1
        recursion += 1
        if depth > Parser.maxDepth || recursion > Parser.maxRecursion {
            throw error(.tooDeeplyNested, at: tok.range.start)
        }
    }

    mutating func leave() {
        depth -= 1
        recursion -= 1
    }

    /// One more link of a left-deep chain (`a + b + c`, `f()()`): deepens the tree, not the parser.
    mutating func extendChain() throws(ParseError) {
        depth += 1
        if depth > Parser.maxDepth {
            throw error(.tooDeeplyNested, at: tok.range.start)
        }
    }
}
