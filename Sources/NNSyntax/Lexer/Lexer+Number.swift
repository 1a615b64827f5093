extension Lexer {
    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    static func digitValue(_ c: UInt8) -> Int {
        switch c {
        case 48...57: Int(c - 48)
        case 97...102: Int(c - 87)
        case 65...70: Int(c - 55)
        default: 99
        }
    }

    /// Decimal digits with single underscores between them, from `pos`. Returns false (with
    /// `pos` at the offending underscore) for a doubled or trailing underscore.
    mutating func scanDecimalDigits() -> Bool {
        while true {
            while Lexer.isDigit(src[pos]) { pos += 1 }
            if src[pos] == 95 {
                if Lexer.isDigit(src[pos + 1]) { pos += 1; continue }
                return false
            }
            return true
        }
    }

    /// CPython 3.11 lets a number run straight into these keywords (`1if x else y`).
    func keywordFollows() -> Bool {
        for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            var ok = true
            var i = pos
            for b in kw.utf8 {
                if src[i] != b { ok = false; break }
                i += 1
            }
            if ok { return true }
        }
        return false
    }

    /// Number errors point at the last character that still belonged to the literal (CPython).
    mutating func failNumber(_ kind: ParseError.Kind, offending: Int) {
        fail(kind, at: position(max(offending - 1, 0) < lineStart ? lineStart : offending - 1))
    }

    mutating func lexNumber() {
        let start = pos
        let c1 = src[pos + 1] | 0x20
        if src[pos] == 48 && (c1 == 120 || c1 == 111 || c1 == 98) {
            lexBasedInteger(start: start, base: c1 == 120 ? 16 : c1 == 111 ? 8 : 2)
            return
        }
        var isFloat = false
        if !scanDecimalDigits() { failNumber(.invalidDecimalLiteral, offending: pos + 1); return }
        if src[pos] == 46 {
            isFloat = true
            pos += 1
            if Lexer.isDigit(src[pos]) && !scanDecimalDigits() {
                failNumber(.invalidDecimalLiteral, offending: pos + 1); return
            }
        }
        if src[pos] | 0x20 == 101 { // e
            let afterE = src[pos + 1]
            let signed = afterE == 43 || afterE == 45
            let digitPos = signed ? pos + 2 : pos + 1
            if Lexer.isDigit(src[digitPos]) {
                isFloat = true
                pos = digitPos
                if !scanDecimalDigits() { failNumber(.invalidDecimalLiteral, offending: pos + 1); return }
            } else if !keywordFollows() {
                failNumber(.invalidDecimalLiteral, offending: signed ? pos + 2 : pos)
                return
            }
        }
        var imaginary = false
        if src[pos] | 0x20 == 106 { imaginary = true; pos += 1 }
        if !isFloat && !imaginary && src[start] == 48 {
            // CPython checks leading zeros before what follows the number (`012abc`).
            var k = start
            while Lexer.isDigit(src[k]) || src[k] == 95 {
                if src[k] != 48 && src[k] != 95 { fail(.leadingZeros, at: position(start)); return }
                k += 1
            }
        }
        if (Lexer.isASCIIIdentifierByte(src[pos]) || src[pos] >= 0x80) && !keywordFollows() {
            failNumber(imaginary ? .invalidImaginaryLiteral : .invalidDecimalLiteral, offending: pos)
            return
        }
        // The digits without underscores.
        var text = [UInt8]()
        text.reserveCapacity(pos - start)
        for i in start..<(imaginary ? pos - 1 : pos) where src[i] != 95 { text.append(src[i]) }
        let literal = String(decoding: text, as: UTF8.self)
        if isFloat || imaginary {
            let v = Double(literal) ?? .infinity
            emit(imaginary ? .imaginary(v) : .float(v), from: start)
            return
        }
        if text.count > 1 && text[0] == 48 {
            if text.contains(where: { $0 != 48 }) { fail(.leadingZeros, at: position(start)); return }
            emit(.int(0), from: start)
            return
        }
        var value: Int64 = 0
        for d in text {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d - 48))
            if o1 || o2 {
                fail(.integerTooLarge(String(decoding: src[start..<pos], as: UTF8.self)), at: position(start))
                return
            }
            value = a
        }
        emit(.int(value), from: start)
    }

    mutating func lexBasedInteger(start: Int, base: Int) {
        pos += 2
        var value: UInt64 = 0
        var overflow = false
        var digits = 0
        let baseName = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary"
        let invalid: ParseError.Kind = base == 16 ? .invalidHexadecimalLiteral
            : base == 8 ? .invalidOctalLiteral : .invalidBinaryLiteral
        while true {
            var c = src[pos]
            if c == 95 { pos += 1; c = src[pos] }
            let d = Lexer.digitValue(c)
            if d >= base {
                if src[pos - 1] == 95 || digits == 0 {
                    if d < 10 && base < 10 && c >= 48 {
                        fail(.invalidDigit(Character(Unicode.Scalar(c)), base: baseName), at: position(pos))
                    } else {
                        failNumber(invalid, offending: pos)
                    }
                    return
                }
                break
            }
            let (m, o1) = value.multipliedReportingOverflow(by: UInt64(base))
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 { overflow = true }
            value = a
            digits += 1
            pos += 1
        }
        let c = src[pos]
        if Lexer.isDigit(c) {
            fail(.invalidDigit(Character(Unicode.Scalar(c)), base: baseName), at: position(pos))
            return
        }
        if (Lexer.isASCIIIdentifierByte(c) || c >= 0x80) && !keywordFollows() {
            failNumber(invalid, offending: pos)
            return
        }
        if overflow || value > UInt64(Int64.max) {
            fail(.integerTooLarge(String(decoding: src[start..<pos], as: UTF8.self)), at: position(start))
            return
        }
        emit(.int(Int64(value)), from: start)
    }
}
