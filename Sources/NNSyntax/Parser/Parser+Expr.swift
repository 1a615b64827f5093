extension Parser {
    static func range(_ a: SourcePosition, _ b: SourcePosition) -> SourceRange { SourceRange(start: a, end: b) }

    /// `star_expressions`: one expression, or a tuple when commas follow (`a, *b`).
    mutating func parseStarExpressions() throws(ParseError) -> Expr {
        let start = tok.range.start
        let first = try parseStarExpression()
        guard isOp(.comma) else { return first }
        var items = [first]
        while eatOp(.comma) {
            if !startsExpression() { break }
            items.append(try parseStarExpression())
        }
        return Expr(.tuple(items), Parser.range(start, prevEnd))
    }

    /// `*expr` or an expression.
    mutating func parseStarExpression() throws(ParseError) -> Expr {
        if isOp(.star) {
            let start = tok.range.start
            advance()
            let e = try parseBinary(1)
            return Expr(.starred(e), Parser.range(start, prevEnd))
        }
        return try parseNamedExpression()
    }

    /// An expression; `:=` is recognized only to reject it clearly.
    mutating func parseNamedExpression() throws(ParseError) -> Expr {
        let e = try parseExpression()
        if isOp(.walrus) {
            throw error(.unsupported("the ':=' operator is not supported in nn"), at: tok.range.start)
        }
        return e
    }

    /// Whether the current token can begin an expression (used after trailing commas).
    func startsExpression() -> Bool {
        switch tok.kind {
        case .name, .int, .float, .imaginary, .string: return true
        case .keyword(let k):
            switch k {
            case .None, .True, .False, .not, .lambda, .await, .yield: return true
            default: return false
            }
        case .op(let o):
            switch o {
            case .lparen, .lbracket, .lbrace, .minus, .plus, .tilde, .star, .ellipsis, .doubleStar: return true
            default: return false
            }
        default: return false
        }
    }

    /// `expression`: lambda, or a disjunction with an optional `if ... else ...`.
    mutating func parseExpression() throws(ParseError) -> Expr {
        try enter()
        defer { leave() }
        if isKeyword(.lambda) { return try parseLambda() }
        let start = tok.range.start
        let body = try parseOr()
        guard isKeyword(.if) else { return body }
        advance()
        let test = try parseOr()
        guard eatKeyword(.else) else {
            if case .error(let e) = tok.kind { throw e }
            throw error(.other("expected 'else' after 'if' expression"), at: start)
        }
        let orelse = try parseExpression()
        return Expr(.ifExp(test: test, body: body, orelse: orelse), Parser.range(start, prevEnd))
    }

    mutating func parseLambda() throws(ParseError) -> Expr {
        let start = tok.range.start
        advance()
        let params = try parseParameters(closing: .colon, annotations: false)
        try expectOp(.colon)
        let body = try parseExpression()
        return Expr(.lambda(params, body: body), Parser.range(start, body.range.end))
    }

    mutating func parseOr() throws(ParseError) -> Expr {
        let start = tok.range.start
        let first = try parseAnd()
        guard isKeyword(.or) else { return first }
        var items = [first]
        while eatKeyword(.or) { items.append(try parseAnd()) }
        return Expr(.boolOp(.or, items), Parser.range(start, prevEnd))
    }

    mutating func parseAnd() throws(ParseError) -> Expr {
        let start = tok.range.start
        let first = try parseNot()
        guard isKeyword(.and) else { return first }
        var items = [first]
        while eatKeyword(.and) { items.append(try parseNot()) }
        return Expr(.boolOp(.and, items), Parser.range(start, prevEnd))
    }

    mutating func parseNot() throws(ParseError) -> Expr {
        guard isKeyword(.not) else { return try parseComparison() }
        let start = tok.range.start
        advance()
        try enter()
        defer { leave() }
        let operand = try parseNot()
        return Expr(.unary(.not, operand), Parser.range(start, prevEnd))
    }

    /// The comparison operator at the current token (consuming it), if any.
    mutating func eatCompareOp() -> CompareOp? {
        switch tok.kind {
        case .op(let o):
            let c: CompareOp
            switch o {
            case .equal: c = .eq
            case .notEqual: c = .ne
            case .less: c = .lt
            case .lessEqual: c = .le
            case .greater: c = .gt
            case .greaterEqual: c = .ge
            default: return nil
            }
            advance()
            return c
        case .keyword(.in):
            advance()
            return .in
        case .keyword(.not):
            if case .keyword(.in) = peekKind() { advance(); advance(); return .notIn }
            return nil
        case .keyword(.is):
            advance()
            if eatKeyword(.not) { return .isNot }
            return .is
        default:
            return nil
        }
    }

    mutating func parseComparison() throws(ParseError) -> Expr {
        let start = tok.range.start
        let left = try parseBinary(1)
        var links: [Comparison] = []
        while let op = eatCompareOp() {
            links.append(Comparison(op: op, right: try parseBinary(1)))
        }
        if links.isEmpty { return left }
        return Expr(.compare(left, links), Parser.range(start, prevEnd))
    }

    /// The binary operator at the current token and its precedence (1 `|` ... 6 `* / // % @`).
    func binaryOperator() -> (BinaryOp, Int)? {
        guard case .op(let o) = tok.kind else { return nil }
        switch o {
        case .vbar: return (.bitOr, 1)
        case .circumflex: return (.bitXor, 2)
        case .amper: return (.bitAnd, 3)
        case .leftShift: return (.lShift, 4)
        case .rightShift: return (.rShift, 4)
        case .plus: return (.add, 5)
        case .minus: return (.sub, 5)
        case .star: return (.mul, 6)
        case .slash: return (.div, 6)
        case .doubleSlash: return (.floorDiv, 6)
        case .percent: return (.mod, 6)
        case .at: return (.matMul, 6)
        default: return nil
        }
    }

    /// Left-associative binary operators by precedence climbing (one frame per precedence
    /// step actually taken, not per grammar level).
    mutating func parseBinary(_ minPrec: Int) throws(ParseError) -> Expr {
        let start = tok.range.start
        var left = try parseUnary()
        var chain = 0
        defer { depth -= chain }
        while let (op, prec) = binaryOperator(), prec >= minPrec {
            advance()
            chain += 1
            try extendChain()
            let right = try parseBinary(prec + 1)
            left = Expr(.binary(left, op, right), Parser.range(start, prevEnd))
        }
        return left
    }

    /// `-x`, `+x`, `~x`, then `**`.
    mutating func parseUnary() throws(ParseError) -> Expr {
        let op: UnaryOp
        switch tok.kind {
        case .op(.minus): op = .neg
        case .op(.plus): op = .pos
        case .op(.tilde): op = .invert
        default: return try parsePower()
        }
        let start = tok.range.start
        advance()
        try enter()
        defer { leave() }
        let operand = try parseUnary()
        return Expr(.unary(op, operand), Parser.range(start, prevEnd))
    }

    mutating func parsePower() throws(ParseError) -> Expr {
        let start = tok.range.start
        let base = try parsePrimary()
        guard isOp(.doubleStar) else { return base }
        advance()
        try enter()
        defer { leave() }
        let exponent = try parseUnary()
        return Expr(.binary(base, .pow, exponent), Parser.range(start, prevEnd))
    }

    /// An atom followed by `.name`, `(args)` and `[index]` trailers.
    mutating func parsePrimary() throws(ParseError) -> Expr {
        let start = tok.range.start
        var e = try parseAtom()
        var chain = 0
        defer { depth -= chain }
        while true {
            switch tok.kind {
            case .op(.dot):
                advance()
                let name = try expectName()
                e = Expr(.attribute(e, name), Parser.range(start, prevEnd))
            case .op(.lparen):
                advance()
                let args = try parseArguments()
                e = Expr(.call(e, args), Parser.range(start, prevEnd))
            case .op(.lbracket):
                advance()
                let index = try parseSubscriptIndex()
                e = Expr(.subscript(e, index: index), Parser.range(start, prevEnd))
            default:
                return e
            }
            chain += 1
            try extendChain()
        }
    }

    // MARK: atoms

    mutating func parseAtom() throws(ParseError) -> Expr {
        let t = tok
        let r = t.range
        switch t.kind {
        case .name(let s):
            advance()
            return Expr(.name(s), r)
        case .int(let v):
            advance()
            return Expr(.int(v), r)
        case .float(let v):
            advance()
            return Expr(.float(v), r)
        case .imaginary(let v):
            advance()
            return Expr(.imaginary(v), r)
        case .string:
            return try parseStrings()
        case .keyword(.None):
            advance()
            return Expr(.none, r)
        case .keyword(.True):
            advance()
            return Expr(.bool(true), r)
        case .keyword(.False):
            advance()
            return Expr(.bool(false), r)
        case .keyword(.yield):
            advance()
            if eatKeyword(.from) {
                let v = try parseExpression()
                return Expr(.yieldFrom(v), Parser.range(r.start, prevEnd))
            }
            if startsExpression() && !isOp(.rparen) {
                let v = try parseStarExpressions()
                return Expr(.yield(v), Parser.range(r.start, prevEnd))
            }
            return Expr(.yield(nil), r)
        case .keyword(.await):
            throw error(.unsupported("'await' is not supported in nn"), at: r.start)
        case .op(.ellipsis):
            advance()
            return Expr(.ellipsis, r)
        case .op(.lparen):
            return try parseParenthesized()
        case .op(.lbracket):
            return try parseListDisplay()
        case .op(.lbrace):
            return try parseBraceDisplay()
        case .op(.star):
            throw unexpected()
        default:
            throw unexpected()
        }
    }

    /// `(...)`: unit tuple, grouping, tuple or generator expression.
    mutating func parseParenthesized() throws(ParseError) -> Expr {
        let start = tok.range.start
        advance()
        try enter()
        defer { leave() }
        if isOp(.rparen) {
            advance()
            return Expr(.tuple([]), Parser.range(start, prevEnd))
        }
        let first = try parseStarExpression()
        if isKeyword(.for) {
            let clauses = try parseComprehensionClauses()
            try expectClose(.rparen)
            return Expr(.generator(first, clauses), Parser.range(start, prevEnd))
        }
        if isOp(.rparen) {
            advance()
            if case .starred = first.kind {
                throw error(.other("cannot use starred expression here"), at: first.range.start)
            }
            return first
        }
        guard isOp(.comma) else { throw commaOrUnexpected() }
        var items = [first]
        while eatOp(.comma) {
            if isOp(.rparen) { break }
            items.append(try parseStarExpression())
        }
        try expectClose(.rparen)
        return Expr(.tuple(items), Parser.range(start, prevEnd))
    }

    /// Inside brackets, an expression followed by another expression is most likely a missing
    /// comma (CPython's hint).
    func commaOrUnexpected() -> ParseError {
        if case .error(let e) = tok.kind { return e }
        if let e = unclosedBracket() { return e }
        if startsExpression(), !isOp(.star), !isOp(.minus), !isOp(.plus), !isOp(.doubleStar),
           !isKeyword(.not), !isKeyword(.lambda), !isKeyword(.yield), !isKeyword(.await) {
            return error(.forgotComma, at: tokens[max(0, i - 1)].range.start)
        }
        return unexpected()
    }

    mutating func parseListDisplay() throws(ParseError) -> Expr {
        let start = tok.range.start
        advance()
        try enter()
        defer { leave() }
        if isOp(.rbracket) {
            advance()
            return Expr(.list([]), Parser.range(start, prevEnd))
        }
        let first = try parseStarExpression()
        if isKeyword(.for) {
            if case .starred = first.kind {
                throw error(.other("iterable unpacking cannot be used in comprehension"), at: first.range.start)
            }
            let clauses = try parseComprehensionClauses()
            try expectClose(.rbracket)
            return Expr(.listComp(first, clauses), Parser.range(start, prevEnd))
        }
        var items = [first]
        while !isOp(.rbracket) {
            guard eatOp(.comma) else { throw commaOrUnexpected() }
            if isOp(.rbracket) { break }
            items.append(try parseStarExpression())
        }
        advance()
        return Expr(.list(items), Parser.range(start, prevEnd))
    }

    /// `{}`: dict, set, dict comprehension or set comprehension.
    mutating func parseBraceDisplay() throws(ParseError) -> Expr {
        let start = tok.range.start
        advance()
        try enter()
        defer { leave() }
        if isOp(.rbrace) {
            advance()
            return Expr(.dict([]), Parser.range(start, prevEnd))
        }
        // Dict: first item is `**x` or `k: v`.
        var firstItem: DictItem?
        var firstElt: Expr?
        if eatOp(.doubleStar) {
            firstItem = .unpack(try parseBinary(1))
        } else {
            let e = try parseStarExpression()
            if isOp(.colon) {
                if case .starred = e.kind { throw error(.invalidSyntax, at: tok.range.start) }
                advance()
                let v = try parseExpression()
                if isKeyword(.for) {
                    let clauses = try parseComprehensionClauses()
                    try expectClose(.rbrace)
                    return Expr(.dictComp(key: e, value: v, clauses), Parser.range(start, prevEnd))
                }
                firstItem = .pair(key: e, value: v)
            } else {
                firstElt = e
            }
        }
        if var item = firstItem {
            var items: [DictItem] = []
            while true {
                items.append(item)
                if isOp(.rbrace) { break }
                guard eatOp(.comma) else { throw commaOrUnexpected() }
                if isOp(.rbrace) { break }
                if eatOp(.doubleStar) {
                    item = .unpack(try parseBinary(1))
                } else {
                    let k = try parseExpression()
                    try expectOp(.colon)
                    item = .pair(key: k, value: try parseExpression())
                }
            }
            advance()
            return Expr(.dict(items), Parser.range(start, prevEnd))
        }
        guard let first = firstElt else { throw unexpected() }
        if isKeyword(.for) {
            if case .starred = first.kind {
                throw error(.other("iterable unpacking cannot be used in comprehension"), at: first.range.start)
            }
            let clauses = try parseComprehensionClauses()
            try expectClose(.rbrace)
            return Expr(.setComp(first, clauses), Parser.range(start, prevEnd))
        }
        var items = [first]
        while !isOp(.rbrace) {
            guard eatOp(.comma) else { throw commaOrUnexpected() }
            if isOp(.rbrace) { break }
            items.append(try parseStarExpression())
        }
        advance()
        return Expr(.set(items), Parser.range(start, prevEnd))
    }

    /// The `targets in` after `for` (a statement's or a comprehension's): the targets.
    mutating func parseForTarget() throws(ParseError) -> Expr {
        let target = try parseTargetList()
        try validateTarget(target, context: .store)
        guard eatKeyword(.in) else {
            if case .error(let e) = tok.kind { throw e }
            throw error(.invalidSyntax, at: tok.range.start)
        }
        return target
    }

    /// One or more `for targets in iter [if cond]*` clauses.
    mutating func parseComprehensionClauses() throws(ParseError) -> [Comprehension] {
        var clauses: [Comprehension] = []
        while isKeyword(.for) {
            advance()
            let target = try parseForTarget()
            let iter = try parseOr()
            var ifs: [Expr] = []
            while eatKeyword(.if) { ifs.append(try parseOr()) }
            clauses.append(Comprehension(target: target, iter: iter, ifs: ifs))
        }
        if isKeyword(.async) { throw error(.unsupported("'async' is not supported in nn"), at: tok.range.start) }
        return clauses
    }

    /// `star_targets` of a `for`: `x`, `a, b`, `(a, b), *c`, `x.y`, `t[i]`.
    mutating func parseTargetList() throws(ParseError) -> Expr {
        let start = tok.range.start
        let first = try parseTargetItem()
        guard isOp(.comma) else { return first }
        var items = [first]
        while eatOp(.comma) {
            if isKeyword(.in) || isOp(.assign) { break }
            items.append(try parseTargetItem())
        }
        return Expr(.tuple(items), Parser.range(start, prevEnd))
    }

    mutating func parseTargetItem() throws(ParseError) -> Expr {
        if isOp(.star) {
            let start = tok.range.start
            advance()
            let e = try parseBinary(1)
            return Expr(.starred(e), Parser.range(start, prevEnd))
        }
        return try parseBinary(1)
    }
}
