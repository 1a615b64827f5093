extension Parser {
    mutating func parseFile() throws(ParseError) -> [Stmt] {
        var body: [Stmt] = []
        while true {
            switch tok.kind {
            case .endOfFile:
                if let d = deferred { throw d }
                return body
            case .newline: advance()
            default: body += try parseStatement()
            }
        }
    }

    /// One statement line: a compound statement, or simple statements separated by `;`.
    mutating func parseStatement() throws(ParseError) -> [Stmt] {
        switch tok.kind {
        case .keyword(let k):
            switch k {
            case .if: return [try parseIf()]
            case .while: return [try parseWhile()]
            case .for: return [try parseFor()]
            case .try: return [try parseTry()]
            case .with: return [try parseWith()]
            case .def: return [try parseDef(decorators: [], start: tok.range.start)]
            case .class: return [try parseClass(decorators: [], start: tok.range.start)]
            case .async: throw error(.unsupported("'async' is not supported in nn"), at: tok.range.start)
            default: return try parseSimpleStatements()
            }
        case .op(.at):
            return [try parseDecorated()]
        case .magic(let kind, let number, let repeatCount):
            let start = tok.range.start
            advance()
            if isNewline || isEOF {
                throw error(.other("%\(kind.rawValue) needs a statement to time"), at: prevEnd)
            }
            let body = try parseStatement()
            let end = body.last?.range.end ?? prevEnd
            return [Stmt(.magic(Magic(kind: kind, number: number, repeatCount: repeatCount, body: body)),
                         Parser.range(start, end))]
        case .indent, .dedent, .error:
            throw unexpected()
        default:
            return try parseSimpleStatements()
        }
    }

    mutating func parseSimpleStatements() throws(ParseError) -> [Stmt] {
        var out: [Stmt] = []
        lastLineEndedWithSemicolon = false
        while true {
            out.append(try parseSimpleStatement())
            if eatOp(.semicolon) {
                if isNewline || isEOF { lastLineEndedWithSemicolon = true; break }
                continue
            }
            break
        }
        if isNewline { advance(); return out }
        if isEOF { return out }
        throw commaOrUnexpectedStatement()
    }

    /// After a complete simple statement, something else followed on the line.
    func commaOrUnexpectedStatement() -> ParseError {
        if case .error(let e) = tok.kind { return e }
        return error(.invalidSyntax, at: tok.range.start)
    }

    mutating func parseSimpleStatement() throws(ParseError) -> Stmt {
        let start = tok.range.start
        func here(_ k: StmtKind, _ p: Parser) -> Stmt { Stmt(k, Parser.range(start, p.prevEnd)) }
        switch tok.kind {
        case .keyword(let k):
            switch k {
            case .pass: advance(); return here(.pass, self)
            case .break:
                advance()
                if loopDepth == 0 { deferError(error(.other("'break' outside loop"), at: start)) }
                return here(.break, self)
            case .continue:
                advance()
                if loopDepth == 0 { deferError(error(.other("'continue' not properly in loop"), at: start)) }
                return here(.continue, self)
            case .return:
                advance()
                var value: Expr?
                if !isNewline && !isEOF && !isOp(.semicolon) { value = try parseStarExpressions() }
                if functionDepth == 0 { deferError(error(.other("'return' outside function"), at: start)) }
                return here(.return(value), self)
            case .raise:
                advance()
                var exc: Expr?, cause: Expr?
                if !isNewline && !isEOF && !isOp(.semicolon) {
                    exc = try parseExpression()
                    if eatKeyword(.from) { cause = try parseExpression() }
                }
                return here(.raise(exc: exc, cause: cause), self)
            case .global, .nonlocal:
                advance()
                var names = [try expectName()]
                while eatOp(.comma) { names.append(try expectName()) }
                if k == .nonlocal {
                    if functionDepth == 0 {
                        deferError(error(.other("nonlocal declaration not allowed at module level"), at: start))
                    }
                    return here(.nonlocal(names), self)
                }
                return here(.global(names), self)
            case .del:
                advance()
                var targets: [Expr] = []
                repeat {
                    if isNewline || isEOF || isOp(.semicolon) { break }
                    let t = try parseTargetItem()
                    try validateTarget(t, context: .delete)
                    targets.append(t)
                } while eatOp(.comma)
                if targets.isEmpty { throw unexpected() }
                return here(.del(targets), self)
            case .assert:
                advance()
                let test = try parseExpression()
                var msg: Expr?
                if eatOp(.comma) { msg = try parseExpression() }
                return here(.assert(test: test, msg: msg), self)
            case .import:
                return try parseImport()
            case .from:
                return try parseFromImport()
            default:
                break
            }
        default:
            break
        }
        return try parseExpressionStatement()
    }

    /// Expression statement, assignment, augmented or annotated assignment.
    mutating func parseExpressionStatement() throws(ParseError) -> Stmt {
        let start = tok.range.start
        let first = try parseStarExpressions()
        if case .op(let o) = tok.kind {
            if o == .assign {
                var targets = [first]
                var value = first
                while eatOp(.assign) {
                    value = try parseStarExpressions()
                    targets.append(value)
                }
                targets.removeLast()
                for (k, t) in targets.enumerated() { try validateTarget(t, context: k == 0 ? .assign : .store) }
                try rejectBareStarred(value)
                return Stmt(.assign(targets: targets, value: value), Parser.range(start, prevEnd))
            }
            if let op = o.augmentedOperator {
                try consumeOperatorCheckingTarget(first, Parser.validateAugmentedTarget)
                let value = try parseStarExpressions()
                try rejectBareStarred(value)
                return Stmt(.augAssign(target: first, op: op, value: value), Parser.range(start, prevEnd))
            }
            if o == .colon {
                try consumeOperatorCheckingTarget(first, Parser.validateAnnotatedTarget)
                let annotation = try parseExpression()
                var value: Expr?
                if eatOp(.assign) {
                    let v = try parseStarExpressions()
                    try rejectBareStarred(v)
                    value = v
                }
                return Stmt(.annAssign(target: first, annotation: annotation, value: value), Parser.range(start, prevEnd))
            }
        }
        try rejectBareStarred(first)
        // `print "x"`: CPython's hint for Python 2 habits.
        if case .name("print") = first.kind, case .string = tok.kind {
            throw error(.other("Missing parentheses in call to 'print'. Did you mean print(...)?"), at: start)
        }
        return Stmt(.expr(first), Parser.range(start, prevEnd))
    }

    mutating func parseImport() throws(ParseError) -> Stmt {
        let start = tok.range.start
        advance()
        var aliases: [ImportAlias] = []
        repeat {
            let aStart = tok.range.start
            let name = try parseDottedName()
            var asName: String?
            if eatKeyword(.as) { asName = try expectName() }
            aliases.append(ImportAlias(name: name, asName: asName, range: Parser.range(aStart, prevEnd)))
        } while eatOp(.comma)
        return Stmt(.import(aliases), Parser.range(start, prevEnd))
    }

    mutating func parseDottedName() throws(ParseError) -> String {
        var name = try expectName()
        while eatOp(.dot) { name += "." + (try expectName()) }
        return name
    }

    mutating func parseFromImport() throws(ParseError) -> Stmt {
        let start = tok.range.start
        advance()
        var level = 0
        while true {
            if eatOp(.dot) { level += 1 } else if eatOp(.ellipsis) { level += 3 } else { break }
        }
        var module: String?
        if !isKeyword(.import) { module = try parseDottedName() }
        guard eatKeyword(.import) else {
            if case .error(let e) = tok.kind { throw e }
            throw error(.invalidSyntax, at: tok.range.start)
        }
        var aliases: [ImportAlias] = []
        if isOp(.star) {
            aliases.append(ImportAlias(name: "*", asName: nil, range: tok.range))
            advance()
        } else {
            let paren = eatOp(.lparen)
            repeat {
                if paren && isOp(.rparen) && !aliases.isEmpty { break }
                if !paren && !aliases.isEmpty && (isNewline || isEOF) {
                    throw error(.other("trailing comma not allowed without surrounding parentheses"), at: tok.range.start)
                }
                let aStart = tok.range.start
                let name = try expectName()
                var asName: String?
                if eatKeyword(.as) { asName = try expectName() }
                aliases.append(ImportAlias(name: name, asName: asName, range: Parser.range(aStart, prevEnd)))
            } while eatOp(.comma)
            if paren { try expectClose(.rparen) }
        }
        return Stmt(.importFrom(module: module, names: aliases, level: level), Parser.range(start, prevEnd))
    }

    // MARK: compound statements

    /// `:` then a block: a NEWLINE and an indented suite, or simple statements on the same line.
    mutating func parseBlock(after construct: String, headerLine: Int) throws(ParseError) -> [Stmt] {
        try expectOp(.colon)
        guard isNewline else { return try parseSimpleStatements() }
        advance()
        guard case .indent = tok.kind else {
            if case .error(let e) = tok.kind { throw e }
            throw error(.expectedIndentedBlock(after: construct, line: headerLine), at: tok.range.start)
        }
        advance()
        var body: [Stmt] = []
        while true {
            switch tok.kind {
            case .dedent:
                advance()
                return body
            case .endOfFile:
                return body
            default:
                body += try parseStatement()
            }
        }
    }

    mutating func parseIf() throws(ParseError) -> Stmt {
        let start = tok.range.start
        let keyword = isKeyword(.elif) ? "elif" : "if"
        advance()
        let test = try parseNamedExpression()
        let body = try parseBlock(after: "'\(keyword)' statement", headerLine: start.line)
        var orelse: [Stmt] = []
        if isKeyword(.elif) {
            orelse = [try parseIf()]
        } else if isKeyword(.else) {
            let line = tok.range.start.line
            advance()
            orelse = try parseBlock(after: "'else' statement", headerLine: line)
        }
        return Stmt(.if(test: test, body: body, orelse: orelse), Parser.range(start, significantEnd))
    }

    mutating func parseLoopBody(after construct: String, headerLine: Int) throws(ParseError) -> [Stmt] {
        loopDepth += 1
        defer { loopDepth -= 1 }
        return try parseBlock(after: construct, headerLine: headerLine)
    }

    mutating func parseElse() throws(ParseError) -> [Stmt] {
        guard isKeyword(.else) else { return [] }
        let line = tok.range.start.line
        advance()
        return try parseBlock(after: "'else' statement", headerLine: line)
    }

    mutating func parseWhile() throws(ParseError) -> Stmt {
        let start = tok.range.start
        advance()
        let test = try parseNamedExpression()
        let body = try parseLoopBody(after: "'while' statement", headerLine: start.line)
        let orelse = try parseElse()
        return Stmt(.while(test: test, body: body, orelse: orelse), Parser.range(start, significantEnd))
    }

    mutating func parseFor() throws(ParseError) -> Stmt {
        let start = tok.range.start
        advance()
        let target = try parseForTarget()
        let iter = try parseStarExpressions()
        let body = try parseLoopBody(after: "'for' statement", headerLine: start.line)
        let orelse = try parseElse()
        return Stmt(.for(target: target, iter: iter, body: body, orelse: orelse), Parser.range(start, significantEnd))
    }

    mutating func parseTry() throws(ParseError) -> Stmt {
        let start = tok.range.start
        advance()
        let body = try parseBlock(after: "'try' statement", headerLine: start.line)
        var handlers: [ExceptHandler] = []
        while isKeyword(.except) {
            let hStart = tok.range.start
            if let last = handlers.last, last.type == nil {
                deferError(error(.other("default 'except:' must be last"), at: last.range.start))
            }
            advance()
            if isOp(.star) { throw error(.unsupported("'except*' is not supported in nn"), at: tok.range.start) }
            var type: Expr?
            var name: String?
            if !isOp(.colon) {
                let t = try parseExpression()
                if isOp(.comma) {
                    throw error(.other("multiple exception types must be parenthesized"), at: t.range.start)
                }
                type = t
                if eatKeyword(.as) { name = try expectName() }
            }
            let hBody = try parseBlock(after: "'except' statement", headerLine: hStart.line)
            handlers.append(ExceptHandler(type: type, name: name, body: hBody, range: Parser.range(hStart, significantEnd)))
        }
        var orelse: [Stmt] = []
        if !handlers.isEmpty { orelse = try parseElse() }
        var finalbody: [Stmt] = []
        if isKeyword(.finally) {
            let line = tok.range.start.line
            advance()
            finalbody = try parseBlock(after: "'finally' statement", headerLine: line)
        }
        if handlers.isEmpty && finalbody.isEmpty {
            if case .error(let e) = tok.kind { throw e }
            throw error(.other("expected 'except' or 'finally' block"), at: tok.range.start)
        }
        return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody), Parser.range(start, significantEnd))
    }

    mutating func parseWith() throws(ParseError) -> Stmt {
        let start = tok.range.start
        advance()
        var items: [WithItem] = []
        if isOp(.lparen), let parenthesized = tryParenthesizedWithItems() {
            items = parenthesized
            let body = try parseBlock(after: "'with' statement", headerLine: start.line)
            return Stmt(.with(items: items, body: body), Parser.range(start, significantEnd))
        }
        repeat {
            items.append(try parseWithItem())
        } while eatOp(.comma)
        let body = try parseBlock(after: "'with' statement", headerLine: start.line)
        return Stmt(.with(items: items, body: body), Parser.range(start, significantEnd))
    }

    /// One `context [as target]` of a `with` statement.
    mutating func parseWithItem() throws(ParseError) -> WithItem {
        let context = try parseExpression()
        var target: Expr?
        if eatKeyword(.as) {
            let t = try parseTargetItem()
            try validateTarget(t, context: .store)
            target = t
        }
        return WithItem(context: context, target: target)
    }

    /// `with (a as b, c):` (Python 3.10+): the items in parentheses, or nil (position restored)
    /// when the parentheses are just part of the first context expression, as in `with (a, b) as c:`.
    mutating func tryParenthesizedWithItems() -> [WithItem]? {
        let save = i, saveDepth = depth, saveRecursion = recursion
        func restore(_ p: inout Parser) { p.i = save; p.depth = saveDepth; p.recursion = saveRecursion }
        advance()
        var items: [WithItem] = []
        do throws(ParseError) {
            while !isOp(.rparen) {
                items.append(try parseWithItem())
                if !eatOp(.comma) { break }
            }
            guard eatOp(.rparen), isOp(.colon), !items.isEmpty else {
                restore(&self)
                return nil
            }
            return items
        } catch {
            restore(&self)
            return nil
        }
    }

    mutating func parseDecorated() throws(ParseError) -> Stmt {
        let start = tok.range.start
        var decorators: [Expr] = []
        while eatOp(.at) {
            decorators.append(try parseNamedExpression())
            guard isNewline else { throw unexpected() }
            advance()
        }
        // As CPython, a decorated definition's range starts at `def`/`class`.
        _ = start
        if isKeyword(.def) { return try parseDef(decorators: decorators, start: tok.range.start) }
        if isKeyword(.class) { return try parseClass(decorators: decorators, start: tok.range.start) }
        throw unexpected()
    }

    mutating func parseDef(decorators: [Expr], start: SourcePosition) throws(ParseError) -> Stmt {
        let line = tok.range.start.line
        advance()
        let name = try expectName()
        try expectOp(.lparen)
        let params = try parseParameters(closing: .rparen, annotations: true)
        try expectClose(.rparen)
        var returns: Expr?
        if eatOp(.arrow) { returns = try parseExpression() }
        let savedLoop = loopDepth
        loopDepth = 0
        functionDepth += 1
        defer { loopDepth = savedLoop; functionDepth -= 1 }
        let body = try parseBlock(after: "function definition", headerLine: line)
        let def = FunctionDef(name: name, parameters: params, body: body, decorators: decorators, returns: returns)
        return Stmt(.functionDef(def), Parser.range(start, significantEnd))
    }

    mutating func parseClass(decorators: [Expr], start: SourcePosition) throws(ParseError) -> Stmt {
        let line = tok.range.start.line
        advance()
        let name = try expectName()
        var bases: [Argument] = []
        if eatOp(.lparen) { bases = try parseArguments() }
        let savedLoop = loopDepth, savedFunction = functionDepth
        loopDepth = 0
        functionDepth = 0
        defer { loopDepth = savedLoop; functionDepth = savedFunction }
        let body = try parseBlock(after: "class definition", headerLine: line)
        let def = ClassDef(name: name, bases: bases, body: body, decorators: decorators)
        return Stmt(.classDef(def), Parser.range(start, significantEnd))
    }
}

extension Parser {
    /// Steps over the operator after an augmented or annotated assignment's target, then checks
    /// the target. As CPython, a bad target is reported at the target only when a value
    /// follows; without one the error is at the operator.
    mutating func consumeOperatorCheckingTarget(
        _ target: Expr, _ validate: (Parser) -> (Expr) throws(ParseError) -> Void
    ) throws(ParseError) {
        let opStart = tok.range.start
        advance()
        do throws(ParseError) {
            try validate(self)(target)
        } catch {
            throw startsExpression() ? error : self.error(.invalidSyntax, at: opStart)
        }
    }
}
