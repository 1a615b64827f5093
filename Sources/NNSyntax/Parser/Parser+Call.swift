/// Call arguments and subscripts.
extension Parser {
    /// The arguments of a call, after `(`; consumes `)`.
    mutating func parseArguments() throws(ParseError) -> [Argument] {
        var args: [Argument] = []
        var sawKeyword = false, sawDoubleStar = false
        var keywordNames: Set<String> = []
        let open = tokens[max(i - 1, 0)].range.start
        var soleGenerator = false
        var misplaced: String?
        try enter()
        defer { leave() }
        while !isOp(.rparen) {
            let start = tok.range.start
            if eatOp(.star) {
                if sawDoubleStar {
                    throw error(.other("iterable argument unpacking follows keyword argument unpacking"), at: start)
                }
                args.append(.starred(try parseExpression()))
            } else if eatOp(.doubleStar) {
                sawDoubleStar = true
                args.append(.doubleStarred(try parseExpression()))
            } else if case .name(let name) = tok.kind, case .op(.assign) = peekKind() {
                advance(); advance()
                let v = try parseExpression()
                if keywordNames.contains(name) {
                    deferError(error(.other("keyword argument repeated: \(name)"), at: start))
                }
                keywordNames.insert(name)
                sawKeyword = true
                args.append(.keyword(name: name, value: v, range: Parser.range(start, v.range.end)))
            } else {
                let e = try parseNamedExpression()
                if isOp(.assign) {
                    throw error(.other("expression cannot contain assignment, perhaps you meant \"==\"?"), at: e.range.start)
                }
                if isKeyword(.for) {
                    let clauses = try parseComprehensionClauses()
                    let g = Expr(.generator(e, clauses), Parser.range(e.range.start, prevEnd))
                    if !args.isEmpty || !isOp(.rparen) {
                        throw error(.other("Generator expression must be parenthesized"), at: e.range.start)
                    }
                    args.append(.positional(g))
                    soleGenerator = true
                    break
                }
                // CPython reports these at the call's closing parenthesis.
                if sawDoubleStar && misplaced == nil {
                    misplaced = "positional argument follows keyword argument unpacking"
                } else if sawKeyword && misplaced == nil {
                    misplaced = "positional argument follows keyword argument"
                }
                args.append(.positional(e))
            }
            if isOp(.rparen) { break }
            guard eatOp(.comma) else { throw commaOrUnexpected() }
        }
        if let misplaced, isOp(.rparen) { throw error(.other(misplaced), at: tok.range.start) }
        try expectClose(.rparen)
        if soleGenerator, case .positional(let g) = args[0] {
            // As CPython: `sum(x for x in y)`'s generator spans the call's parentheses.
            args[0] = .positional(Expr(g.kind, Parser.range(open, prevEnd)))
        }
        return args
    }

    /// The index of a subscript, after `[`; consumes `]`.
    mutating func parseSubscriptIndex() throws(ParseError) -> Expr {
        try enter()
        defer { leave() }
        let first = try parseSliceItem()
        if isOp(.rbracket) {
            advance()
            // `a[*b]` indexes with a tuple, as in CPython.
            if case .starred = first.kind { return Expr(.tuple([first]), first.range) }
            return first
        }
        var items = [first]
        while !isOp(.rbracket) {
            guard eatOp(.comma) else { throw commaOrUnexpected() }
            if isOp(.rbracket) { break }
            items.append(try parseSliceItem())
        }
        let end = prevEnd
        advance()
        return Expr(.tuple(items), Parser.range(first.range.start, end))
    }

    /// `expr`, `*expr`, or a slice `lo:hi:step` with any part omitted.
    mutating func parseSliceItem() throws(ParseError) -> Expr {
        let start = tok.range.start
        if isOp(.star) { return try parseStarExpression() }
        var lower: Expr?
        if !isOp(.colon) {
            let e = try parseNamedExpression()
            if !isOp(.colon) { return e }
            lower = e
        }
        advance() // ':'
        var upper: Expr?, step: Expr?
        if !isOp(.colon) && !isOp(.comma) && !isOp(.rbracket) { upper = try parseExpression() }
        if eatOp(.colon) {
            if !isOp(.comma) && !isOp(.rbracket) { step = try parseExpression() }
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), Parser.range(start, prevEnd))
    }
}
