import NNEngine

// `str.upper`/`lower`/`swapcase`/`title`/`capitalize` and the `is...` tests, code point by code
// point as CPython maps them, walking the string a piece at a time and polling the cell's
// deadline between pieces (`StringPoll`), so a case change of a gigabyte string stops at
// `--timeout` or Ctrl-C.

extension Runtime {
    /// `f` applied to `str` a piece of about `stringPollBytes` at a time (pieces end on code
    /// point boundaries, all a per-code-point mapping needs), polling between pieces.
    func mapPieces(_ str: String, _ f: (Substring) -> String) throws -> String {
        let u = str.utf8
        if u.count < Runtime.stringPollBytes { return f(str[...]) }
        try checkGrowth(bytes: u.count)
        var out = ""
        out.reserveCapacity(u.count)
        var a = u.startIndex
        while a < u.endIndex {
            var b = u.index(a, offsetBy: Runtime.stringPollBytes, limitedBy: u.endIndex) ?? u.endIndex
            while b < u.endIndex && u[b] & 0xC0 == 0x80 { b = u.index(after: b) }
            out += f(Substring(str.unicodeScalars[a..<b]))
            a = b
            try checkClock()
        }
        return out
    }

    /// `str.swapcase()`: upper case to lower, lower case to upper, the rest as it is.
    func swapCase(_ str: String) throws -> String {
        try mapPieces(str) { piece in
            var out = ""
            for u in piece.unicodeScalars {
                let p = u.properties
                if p.isUppercase { out += p.lowercaseMapping } else if p.isLowercase { out += p.uppercaseMapping } else { out.unicodeScalars.append(u) }
            }
            return out
        }
    }

    /// `str.title()`: title case after a code point that is not cased, lower case after one
    /// that is.
    func titleCase(_ str: String) throws -> String {
        var out = ""
        var prevCased = false
        var poll = StringPoll()
        for u in str.unicodeScalars {
            let p = u.properties
            if prevCased { out += p.lowercaseMapping } else { out += p.titlecaseMapping }
            prevCased = p.isCased
            try poll.step(self)
        }
        return out
    }

    /// `str.capitalize()`: the first code point in title case, the rest in lower case.
    func capitalize(_ str: String) throws -> String {
        guard let first = str.unicodeScalars.first else { return str }
        let rest = String(str.unicodeScalars.dropFirst())
        return first.properties.titlecaseMapping + (try mapPieces(rest) { $0.lowercased() })
    }

    /// True when `str` is non-empty and every code point passes `test`.
    func allScalars(_ str: String, _ test: (Unicode.Scalar) -> Bool) throws -> Bool {
        var poll = StringPoll()
        for u in str.unicodeScalars {
            if !test(u) { return false }
            try poll.step(self)
        }
        return !str.isEmpty
    }

    /// `str.isupper()` (`islower` with `lower`): some code point is cased and none has the
    /// other case (title case counts as the other case for both).
    func isCase(_ str: String, lower: Bool) throws -> Bool {
        var cased = false
        var poll = StringPoll()
        for u in str.unicodeScalars {
            let p = u.properties
            if p.generalCategory == .titlecaseLetter || (lower ? p.isUppercase : p.isLowercase) { return false }
            if lower ? p.isLowercase : p.isUppercase { cased = true }
            try poll.step(self)
        }
        return cased
    }
}
