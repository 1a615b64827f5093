extension Lexer {
    /// A string literal starting at `prefixStart` (its prefix letters) with `pos` on the quote.
    mutating func lexString(prefixStart: Int, raw: Bool, bytes: Bool, fstring: Bool) {
        let startPos = position(prefixStart)
        let quote = src[pos]
        let triple = src[pos + 1] == quote && src[pos + 2] == quote
        pos += triple ? 3 : 1
        let bodyStart = pos
        let bodyStartPos = position(pos)
        var hasEscape = false
        var bodyEnd = 0
        while true {
            let c = src[pos]
            if c == quote {
                if !triple { bodyEnd = pos; pos += 1; break }
                if src[pos + 1] == quote && src[pos + 2] == quote { bodyEnd = pos; pos += 3; break }
                pos += 1
            } else if c == 92 { // backslash: the next byte is part of the literal
                hasEscape = true
                if src[pos + 1] == 10 {
                    pos += 2
                    newLine()
                } else if pos + 1 < n {
                    pos += 2
                } else {
                    pos += 1
                }
            } else if c == 10 {
                if !triple {
                    fail(.unterminatedString(detectedAtLine: line), at: startPos)
                    return
                }
                pos += 1
                newLine()
            } else if c == 0 && pos >= n {
                if triple {
                    fail(.unterminatedTripleQuotedString(detectedAtLine: line), at: startPos)
                } else {
                    fail(.unterminatedString(detectedAtLine: line), at: startPos)
                }
                return
            } else {
                pos += 1
            }
        }
        let body = src[bodyStart..<bodyEnd]
        let value: StringToken.Value
        if fstring {
            // Fields are parsed later from this body: count their nesting conservatively too.
            var depth = 0
            for c in body {
                switch c {
                case 40, 91, 123:
                    depth += 1
                    if depth > maxBracketDepth { maxBracketDepth = depth }
                case 41, 93, 125: depth -= 1
                case 45, 43, 126, 42, 110, 108, 101: recursiveTokenCount += 1 // - + ~ * and n/l/e of not/lambda/else
                default: break
                }
            }
            value = .fstring(body: String(decoding: body, as: UTF8.self), raw: raw, bodyStart: bodyStartPos)
        } else if bytes {
            if body.contains(where: { $0 >= 0x80 }) {
                fail(.other("bytes can only contain ASCII literal characters"), at: startPos)
                return
            }
            if raw || !hasEscape {
                value = .bytes(Array(body))
            } else {
                switch Lexer.unescape(body, bytes: true) {
                case .success(let b): value = .bytes(b)
                case .failure(let e): fail(e.kind, at: position(pos)); return
                }
            }
        } else if raw || !hasEscape {
            value = .string(String(decoding: body, as: UTF8.self))
        } else {
            switch Lexer.unescape(body, bytes: false) {
            case .success(let b): value = .string(String(decoding: b, as: UTF8.self))
            // CPython reports a bad escape at the end of the literal.
            case .failure(let e): fail(e.kind, at: position(pos)); return
            }
        }
        let s = Token(.string(StringToken(value)), SourceRange(start: startPos, end: position(pos)))
        tokens.append(s)
    }

    struct EscapeError: Error { var kind: ParseError.Kind }

    /// Processes backslash escapes (the non-raw literal rules); `bytes` rejects `\u`, `\U`, `\N`.
    /// Unknown escapes keep their backslash, as Python does.
    static func unescape<C: Collection>(_ body: C, bytes: Bool) -> Result<[UInt8], EscapeError>
    where C.Element == UInt8, C.Index == Int {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        let end = body.endIndex
        func at(_ k: Int) -> UInt8 { k < end ? body[k] : 0 }
        let codec = bytes ? "(value error)" : "(unicode error) 'unicodeescape' codec can't decode bytes in position"
        while i < end {
            let c = body[i]
            if c != 92 { out.append(c); i += 1; continue }
            let e = at(i + 1)
            let escStart = i - body.startIndex
            i += 2
            switch e {
            case 10: break // line continuation inside the literal
            case 92: out.append(92)
            case 39: out.append(39)
            case 34: out.append(34)
            case 97: out.append(7)
            case 98: out.append(8)
            case 102: out.append(12)
            case 110: out.append(10)
            case 114: out.append(13)
            case 116: out.append(9)
            case 118: out.append(11)
            case 48...55: // octal, up to 3 digits
                var v = Int(e - 48)
                var k = 0
                while k < 2, at(i) >= 48, at(i) <= 55 { v = v * 8 + Int(at(i) - 48); i += 1; k += 1 }
                if bytes { out.append(UInt8(truncatingIfNeeded: v)) } else { appendScalar(&out, UInt32(v)) }
            case 120, 117, 85: // \x \u \U
                if bytes && e != 120 { out.append(92); out.append(e); continue }
                let count = e == 120 ? 2 : e == 117 ? 4 : 8
                var v: UInt32 = 0
                for k in 0..<count {
                    let d = digitValue(at(i + k))
                    if d >= 16 {
                        let name = e == 120 ? "truncated \\xXX escape" : e == 117 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape"
                        let msg = bytes ? "invalid \\x escape at position \(escStart)"
                            : "\(codec) \(escStart)-\(escStart + 1 + k): \(name)"
                        return .failure(EscapeError(kind: .invalidEscape(msg)))
                    }
                    v = v * 16 + UInt32(d)
                }
                i += count
                if bytes { out.append(UInt8(v)) } else {
                    if v > 0x10FFFF {
                        return .failure(EscapeError(kind: .invalidEscape("\(codec) \(escStart)-\(escStart + 9): illegal Unicode character")))
                    }
                    appendScalar(&out, v)
                }
            case 78 where !bytes: // \N{NAME}
                guard at(i) == 123, let close = body[i...].firstIndex(of: 125) else {
                    let last = min(at(i) == 123 ? i + 1 : i, end) - body.startIndex - 1
                    return .failure(EscapeError(kind: .invalidEscape("\(codec) \(escStart)-\(last): malformed \\N character escape")))
                }
                let name = String(decoding: body[(i + 1)..<close], as: UTF8.self)
                guard let scalar = unicodeScalar(named: name) else {
                    let endPos = close - body.startIndex
                    return .failure(EscapeError(kind: .invalidEscape("\(codec) \(escStart)-\(endPos): unknown Unicode character name")))
                }
                appendScalar(&out, scalar.value)
                i = close + 1
            default:
                // Unknown escape: Python keeps the backslash (with a DeprecationWarning).
                out.append(92)
                if i - 1 < end { out.append(e) } else { i = end }
            }
        }
        return .success(out)
    }

    /// The scalar with Unicode name (or name alias) `name`, case-insensitively, as `\N{...}`
    /// finds it. A linear search over the planes that hold named characters; the big CJK and
    /// Hangul blocks (algorithmic names) are searched only for names of that form.
    static func unicodeScalar(named name: String) -> Unicode.Scalar? {
        let wanted = name.uppercased()
        if wanted.isEmpty { return nil }
        let prefix = "CJK UNIFIED IDEOGRAPH-"
        if wanted.hasPrefix(prefix) {
            guard let v = UInt32(wanted.dropFirst(prefix.count), radix: 16), let s = Unicode.Scalar(v),
                  s.properties.name == wanted else { return nil }
            return s
        }
        let ranges: [ClosedRange<UInt32>] = wanted.hasPrefix("HANGUL SYLLABLE ")
            ? [0xAC00...0xD7A3]
            : [0x20...0x33FF, 0xA000...0xABFF, 0xD7B0...0xFFFF, 0x10000...0x1FFFF, 0xE0000...0xE01EF]
        for range in ranges {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                if s.properties.name == wanted || s.properties.nameAlias == wanted { return s }
            }
        }
        return nil
    }

    /// Appends `v` as UTF-8 (surrogates, which Swift strings cannot hold, become U+FFFD).
    static func appendScalar(_ out: inout [UInt8], _ v: UInt32) {
        let s = Unicode.Scalar(v) ?? "\u{FFFD}"
        var buf: [UInt8] = []
        UTF8.encode(s) { buf.append($0) }
        out.append(contentsOf: buf)
    }
}
