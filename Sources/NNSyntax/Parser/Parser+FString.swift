/// String literals: implicit concatenation, and f-strings split into literal parts and fields
/// (CPython 3.11 rules: a field may not contain a backslash or `#`, nor the enclosing quote).
extension Parser {
    /// Adjacent string tokens as one `.string`, `.bytes` or `.fstring` expression.
    mutating func parseStrings() throws(ParseError) -> Expr {
        let start = tok.range.start
        var parts: [FStringPart] = []
        var isF = false
        var sawBytes = false, sawStr = false
        var bytes: [UInt8] = []
        func addLiteral(_ s: String) {
            if s.isEmpty { return }
            if case .literal(let prev)? = parts.last {
                parts[parts.count - 1] = .literal(prev + s)
            } else {
                parts.append(.literal(s))
            }
        }
        while case .string(let st) = tok.kind {
            switch st.value {
            case .string(let s):
                sawStr = true
                addLiteral(s)
            case .bytes(let b):
                sawBytes = true
                bytes += b
            case .fstring(let body, let raw, let bodyStart):
                sawStr = true
                isF = true
                let b = Array(body.utf8)
                var k = 0
                let more = try fstringParts(b, &k, raw: raw, bodyStart: bodyStart, inSpec: false, nesting: 0)
                for p in more {
                    if case .literal(let s) = p { addLiteral(s) } else { parts.append(p) }
                }
            }
            advance()
        }
        let r = Parser.range(start, prevEnd)
        if sawBytes && sawStr { throw error(.other("cannot mix bytes and nonbytes literals"), at: start) }
        if sawBytes { return Expr(.bytes(bytes), r) }
        if !isF {
            if case .literal(let s)? = parts.first { return Expr(.string(s), r) }
            return Expr(.string(""), r)
        }
        return Expr(.fstring(parts), r)
    }

    /// The position of byte `k` of an f-string body starting at `bodyStart`.
    static func position(in b: [UInt8], _ k: Int, from bodyStart: SourcePosition) -> SourcePosition {
        var p = bodyStart
        var j = 0
        while j < k && j < b.count {
            if b[j] == 10 {
                p.line += 1
                p.column = 1
            } else if b[j] & 0xC0 != 0x80 {
                p.column += 1
            }
            j += 1
        }
        return p
    }

    func fstringError(_ msg: String, _ b: [UInt8], _ k: Int, _ bodyStart: SourcePosition) -> ParseError {
        error(.fstring(msg), at: Parser.position(in: b, k, from: bodyStart))
    }

    /// Literal parts and fields from `k` to the end of the body, or (in a format spec) to the
    /// `}` closing the field, which is left for the caller.
    mutating func fstringParts(_ b: [UInt8], _ k: inout Int, raw: Bool, bodyStart: SourcePosition,
                               inSpec: Bool, nesting: Int) throws(ParseError) -> [FStringPart] {
        var parts: [FStringPart] = []
        var lit: [UInt8] = []
        var litStart = k
        func flush(_ parser: Parser) throws(ParseError) {
            if lit.isEmpty { return }
            if raw || !lit.contains(92) {
                parts.append(.literal(String(decoding: lit, as: UTF8.self)))
            } else {
                switch Lexer.unescape(lit, bytes: false) {
                case .success(let u): parts.append(.literal(String(decoding: u, as: UTF8.self)))
                case .failure(let e): throw parser.error(e.kind, at: Parser.position(in: b, litStart, from: bodyStart))
                }
            }
            lit.removeAll()
        }
        while k < b.count {
            let c = b[k]
            if c == 123 { // {
                // `{{` is an escaped brace, except in a format spec (CPython 3.11).
                if !inSpec && k + 1 < b.count && b[k + 1] == 123 {
                    lit.append(123)
                    k += 2
                    continue
                }
                try flush(self)
                let field = try fstringField(b, &k, raw: raw, bodyStart: bodyStart, nesting: nesting, into: &parts)
                parts.append(.field(field))
                litStart = k
                continue
            }
            if c == 125 { // }
                if inSpec { break }
                if k + 1 < b.count && b[k + 1] == 125 {
                    lit.append(125)
                    k += 2
                    continue
                }
                throw fstringError("single '}' is not allowed", b, k, bodyStart)
            }
            lit.append(c)
            k += 1
            if c == 92 && !raw && k + 1 < b.count && b[k] == 78 && b[k + 1] == 123 {
                // `\N{NAME}` is an escape, not a replacement field.
                while k < b.count && b[k] != 125 { lit.append(b[k]); k += 1 }
                if k < b.count { lit.append(125); k += 1 }
                continue
            }
            if c == 92 && !raw && k < b.count && b[k] != 123 && b[k] != 125 {
                lit.append(b[k])
                k += 1
            }
        }
        try flush(self)
        return parts
    }

    /// One `{expr=!conv:spec}` field with `k` on its `{`; leaves `k` after its `}`. A debug `=`
    /// adds its literal text to `parts` first.
    mutating func fstringField(_ b: [UInt8], _ k: inout Int, raw: Bool, bodyStart: SourcePosition,
                               nesting: Int, into parts: inout [FStringPart]) throws(ParseError) -> FStringField {
        if nesting >= 2 { throw fstringError("expressions nested too deeply", b, k, bodyStart) }
        k += 1
        let exprStart = k
        var depth = 0
        var quote: UInt8 = 0
        var debug = false
        scan: while k < b.count {
            let c = b[k]
            if quote != 0 {
                if c == quote { quote = 0 }
                k += 1
                continue
            }
            switch c {
            case 39, 34: quote = c
            case 40, 91, 123: depth += 1
            case 41, 93: if depth > 0 { depth -= 1 }
            case 125:
                if depth == 0 { break scan }
                depth -= 1
            case 92:
                throw error(.other("f-string expression part cannot include a backslash"),
                            at: Parser.position(in: b, k, from: bodyStart))
            case 35:
                throw error(.other("f-string expression part cannot include '#'"),
                            at: Parser.position(in: b, k, from: bodyStart))
            case 33 where depth == 0: // !
                if k + 1 < b.count && b[k + 1] == 61 { k += 2; continue }
                break scan
            case 58 where depth == 0: // :
                break scan
            case 61 where depth == 0: // =
                if k + 1 < b.count && b[k + 1] == 61 { k += 2; continue }
                let prev = k > exprStart ? b[k - 1] : 0
                if prev == 61 || prev == 33 || prev == 60 || prev == 62 { break }
                debug = true
                break scan
            default: break
            }
            k += 1
        }
        if k >= b.count { throw fstringError("expecting '}'", b, k, bodyStart) }
        let exprBytes = Array(b[exprStart..<k])
        if exprBytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 12 }) {
            throw fstringError("empty expression not allowed", b, k, bodyStart)
        }
        let expr = try parseFieldExpression(exprBytes, at: Parser.position(in: b, exprStart, from: bodyStart))
        if debug {
            k += 1
            while k < b.count && (b[k] == 32 || b[k] == 9 || b[k] == 10) { k += 1 }
            parts.append(.literal(String(decoding: b[exprStart..<k], as: UTF8.self)))
        }
        var conversion: FStringConversion?
        if k < b.count && b[k] == 33 {
            k += 1
            let c = k < b.count ? b[k] : 0
            switch c {
            case 115: conversion = .str
            case 114: conversion = .repr
            case 97: conversion = .ascii
            case 0: throw fstringError("expecting '}'", b, k, bodyStart)
            default: throw fstringError("invalid conversion character: expected 's', 'r', or 'a'", b, k, bodyStart)
            }
            k += 1
        }
        var spec: [FStringPart]?
        if k < b.count && b[k] == 58 {
            k += 1
            spec = try fstringParts(b, &k, raw: raw, bodyStart: bodyStart, inSpec: true, nesting: nesting + 1)
        }
        if k >= b.count || b[k] != 125 { throw fstringError("expecting '}'", b, k, bodyStart) }
        k += 1
        if debug && conversion == nil && spec == nil { conversion = .repr }
        return FStringField(expr: expr, conversion: conversion, formatSpec: spec)
    }

    /// Parses a field's expression text, lexed on its own (wrapped in parentheses, as CPython
    /// does) with positions mapped back into the file.
    mutating func parseFieldExpression(_ text: [UInt8], at p: SourcePosition) throws(ParseError) -> Expr {
        if fstringNesting >= 4 { throw error(.fstring("expressions nested too deeply"), at: p) }
        var wrapped: [UInt8] = [40]
        wrapped += text
        wrapped.append(41)
        var lexer = Lexer(source: String(decoding: wrapped, as: UTF8.self), file: file, firstLine: p.line)
        lexer.firstLineColumnOffset = p.column - 2
        lexer.run()
        var sub = Parser(lexer: lexer, tokens: lexer.tokens)
        let outerSource = outer ?? (src, srcCount, firstLine)
        sub.outer = outerSource
        sub.depth = depth
        sub.recursion = recursion
        sub.fstringNesting = fstringNesting + 1
        sub.functionDepth = functionDepth
        sub.loopDepth = loopDepth
        do throws(ParseError) {
            let e = try sub.parseAtom()
            switch sub.tok.kind {
            case .newline, .endOfFile: break
            default: throw sub.unexpected()
            }
            if var d = sub.deferred {
                d.sourceLine = Lexer.lineText(outerSource.src, count: outerSource.count,
                                              index: d.location.line - outerSource.firstLine)
                deferError(d)
            }
            return e
        } catch {
            var err = error
            // CPython 3.11 marks plain syntax errors inside a field as f-string errors.
            if err.kind == .invalidSyntax { err.kind = .fstring("invalid syntax") }
            err.sourceLine = Lexer.lineText(outerSource.src, count: outerSource.count,
                                            index: err.location.line - outerSource.firstLine)
            throw err
        }
    }
}
