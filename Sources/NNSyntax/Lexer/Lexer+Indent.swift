extension Lexer {
    /// At the start of a physical line outside brackets: skips blank and comment-only lines,
    /// measures indentation and emits INDENT/DEDENT, then lexes a leading line magic.
    /// Returns false when the input ended (the final tokens are emitted).
    mutating func startLogicalLine() -> Bool {
        while true {
            var col = 0, alt = 0
            let start = pos
            scan: while true {
                switch src[pos] {
                case 32: col += 1; alt += 1
                case 9: col = (col / 8 + 1) * 8; alt += 1
                case 12: col = 0; alt = 0
                default: break scan
                }
                pos += 1
            }
            if src[pos] == 35 {
                while pos < n && src[pos] != 10 { pos += 1 }
            }
            if src[pos] == 10 {
                pos += 1
                newLine()
                continue
            }
            if pos >= n {
                finish()
                return false
            }
            atLineStart = false
            let top = indents[indents.count - 1], altTop = altIndents[altIndents.count - 1]
            if col == top {
                if alt != altTop { fail(.inconsistentTabs, at: position(lineStart)); return true }
            } else if col > top {
                if indents.count > Lexer.maxIndentDepth { fail(.tooDeeplyIndented, at: position(pos)); return true }
                if alt <= altTop { fail(.inconsistentTabs, at: position(lineStart)); return true }
                indents.append(col)
                if indents.count - 1 > maxIndentDepth { maxIndentDepth = indents.count - 1 }
                altIndents.append(alt)
                emit(.indent, from: start)
            } else {
                let here = position(pos)
                while indents.count > 1 && col < indents[indents.count - 1] {
                    indents.removeLast()
                    altIndents.removeLast()
                    tokens.append(Token(.dedent, SourceRange(start: here, end: here)))
                }
                if col != indents[indents.count - 1] {
                    // CPython puts the caret just past the end of the offending line.
                    var end = pos
                    while end < n && src[end] != 10 { end += 1 }
                    fail(.unindentMismatch, at: position(end))
                    return true
                }
                if alt != altIndents[altIndents.count - 1] { fail(.inconsistentTabs, at: position(lineStart)); return true }
            }
            if src[pos] == 37 { lexMagic() } else { lexHelpStart() }
            return true
        }
    }

    /// IPython's help syntax: a line ending in `?` or `??` (`init.kaiming_normal_??`) is lexed as
    /// `__nn_help__(EXPR, 1 or 2)`; the `?`s become `, N)` where they stand (lexOperator).
    mutating func lexHelpStart() {
        var end = pos, quoted = false
        while end < n && src[end] != 10 {
            if src[end] == 34 || src[end] == 39 { quoted = true }
            if src[end] == 35 && !quoted { break }
            end += 1
        }
        while end > pos && (src[end - 1] == 32 || src[end - 1] == 9 || src[end - 1] == 13) { end -= 1 }
        guard end - pos >= 2, src[end - 1] == 63, src[pos] != 63 else { return }
        let at = position(pos)
        tokens.append(Token(.name("__nn_help__"), SourceRange(start: at, end: at)))
        tokens.append(Token(.op(.lparen), SourceRange(start: at, end: at)))
        helpLine = true
    }

    /// `%time` or `%timeit [-n N] [-r R]` at the start of a logical line; the rest of the line
    /// is lexed as ordinary tokens (the statement the magic wraps).
    mutating func lexMagic() {
        let start = pos
        pos += 1
        if src[pos] == 37 {
            fail(.unsupported("cell magics such as '%%time' are not supported in nn; use the line magic '%time STMT'"),
                 at: position(start))
            return
        }
        let nameStart = pos
        while Lexer.isASCIIIdentifierByte(src[pos]) { pos += 1 }
        let name = String(decoding: src[nameStart..<pos], as: UTF8.self)
        let kind: Magic.Kind
        switch name {
        case "time": kind = .time
        case "timeit": kind = .timeit
        default:
            fail(.unsupported(name.isEmpty ? "invalid syntax" :
                    "unknown magic '%\(name)' (nn supports %time and %timeit)"), at: position(start))
            return
        }
        var number: Int?
        var repeatCount: Int?
        while true {
            let save = pos
            while src[pos] == 32 || src[pos] == 9 { pos += 1 }
            guard src[pos] == 45, kind == .timeit, Lexer.isASCIIIdentifierByte(src[pos + 1]) else {
                pos = save
                break
            }
            let optPos = pos
            let letter = src[pos + 1]
            pos += 2
            guard letter == 110 || letter == 114 else {
                fail(.unsupported("%timeit option '-\(Character(Unicode.Scalar(letter)))' is not supported in nn (use -n N and -r R)"),
                     at: position(optPos))
                return
            }
            while src[pos] == 32 || src[pos] == 9 { pos += 1 }
            var value = 0
            var digits = 0
            while src[pos] >= 48 && src[pos] <= 57 && digits < 12 {
                value = value * 10 + Int(src[pos] - 48)
                digits += 1
                pos += 1
            }
            if digits == 0 || value == 0 || Lexer.isASCIIIdentifierByte(src[pos]) {
                fail(.unsupported("%timeit option -\(Character(Unicode.Scalar(letter))) expects a positive integer"),
                     at: position(optPos))
                return
            }
            if letter == 110 { number = value } else { repeatCount = value }
        }
        emit(.magic(kind, number: number, repeatCount: repeatCount), from: start)
    }
}
