/// Parameter lists of `def` and `lambda`.
extension Parser {
    /// Parameters of a `def` (after `(`, up to `)`) or a `lambda` (up to `:`); does not consume
    /// the closing token.
    mutating func parseParameters(closing: Op, annotations: Bool) throws(ParseError) -> Parameters {
        var p = Parameters()
        var names: Set<String> = []
        var sawDefault = false
        var sawStar = false
        var sawSlash = false
        func paramError(_ msg: String, _ at: SourcePosition) -> ParseError { error(.other(msg), at: at) }
        while !isOp(closing) {
            let start = tok.range.start
            if eatOp(.slash) {
                if sawSlash { throw paramError("/ may appear only once", start) }
                if sawStar { throw paramError("/ must be ahead of *", start) }
                if p.positional.isEmpty { throw paramError("at least one argument must precede /", start) }
                sawSlash = true
                p.positionalOnlyCount = p.positional.count
            } else if eatOp(.doubleStar) {
                let param = try parseOneParameter(annotations: annotations, names: &names, allowDefault: false)
                p.kwargs = param
                _ = eatOp(.comma)
                if !isOp(closing) {
                    throw paramError("arguments cannot follow var-keyword argument", tok.range.start)
                }
                break
            } else if eatOp(.star) {
                if sawStar { throw paramError("* argument may appear only once", start) }
                sawStar = true
                if isOp(.comma) || isOp(closing) {
                    // A bare `*`: keyword-only parameters must follow.
                    let next = peekKind()
                    if isOp(closing) || next == .op(closing) || next == .op(.doubleStar) {
                        throw paramError("named arguments must follow bare *", start)
                    }
                } else {
                    p.varargs = try parseOneParameter(annotations: annotations, names: &names, allowDefault: false)
                }
            } else {
                let param = try parseOneParameter(annotations: annotations, names: &names, allowDefault: true)
                if sawStar {
                    p.keywordOnly.append(param)
                } else {
                    if param.defaultValue != nil {
                        sawDefault = true
                    } else if sawDefault {
                        throw paramError("non-default argument follows default argument", param.range.start)
                    }
                    p.positional.append(param)
                }
            }
            if isOp(closing) { break }
            guard eatOp(.comma) else {
                if closing == .rparen { throw commaOrUnexpected() }
                if case .error(let e) = tok.kind { throw e }
                throw error(.invalidSyntax, at: tok.range.start)
            }
        }
        return p
    }

    mutating func parseOneParameter(annotations: Bool, names: inout Set<String>, allowDefault: Bool) throws(ParseError) -> Parameter {
        let start = tok.range.start
        let name = try expectName()
        if names.contains(name) {
            deferError(error(.other("duplicate argument '\(name)' in function definition"), at: start))
        }
        names.insert(name)
        var annotation: Expr?
        if annotations && eatOp(.colon) { annotation = try parseExpression() }
        let range = Parser.range(start, prevEnd)
        var def: Expr?
        if isOp(.assign) {
            if !allowDefault {
                throw error(.other("var-positional argument cannot have default value"), at: tok.range.start)
            }
            advance()
            def = try parseExpression()
        }
        return Parameter(name: name, defaultValue: def, annotation: annotation, range: range)
    }
}
