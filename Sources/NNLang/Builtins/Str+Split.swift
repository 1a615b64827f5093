import Foundation

// `str.split`, `str.rsplit` and `str.strip` as CPython does them, without copying the string
// into an array first and polling the cell's deadline as they walk it (`checkClock`), so a
// split of a gigabyte string stops at `--timeout` or Ctrl-C; a list of parts past the memory
// cap is a MemoryError.

/// CPython's `str.isspace` for one code point: ASCII whitespace including the separators
/// 0x1C-0x1F, and Unicode's White_Space characters.
@inline(__always) func isPythonSpace(_ u: Unicode.Scalar) -> Bool {
    let c = u.value
    if c < 128 { return c == 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31) }
    return c == 0x85 || c == 0xA0 || u.properties.isWhitespace
}

extension Runtime {
    /// `str.strip(chars)` / `lstrip` / `rstrip`: the string itself when nothing is stripped.
    func strip(_ str: String, _ chars: Value?, left: Bool, right: Bool) throws -> String {
        let test: (Unicode.Scalar) -> Bool
        if let c = chars, !c.isNone {
            let set = Set(try Args.str(c, "strip arg must be None or str").unicodeScalars)
            test = { set.contains($0) }
        } else { test = isPythonSpace }
        let v = str.unicodeScalars
        var a = v.startIndex, b = v.endIndex
        var poll = StringPoll()
        if left {
            while a < b && test(v[a]) {
                a = v.index(after: a)
                try poll.step(self)
            }
        }
        if right {
            while b > a && test(v[v.index(before: b)]) {
                b = v.index(before: b)
                try poll.step(self)
            }
        }
        if a == v.startIndex && b == v.endIndex { return str }
        return String(v[a..<b])
    }

    /// `str.split(sep, maxsplit)` / `str.rsplit`: on `sep` when given (non-empty), else on runs
    /// of whitespace. A negative `maxsplit` splits everywhere.
    func split(_ str: String, _ sep: Value?, _ maxsplit: Int, fromRight: Bool) throws -> [Value] {
        guard let sep, !sep.isNone else { return try splitOnWhitespace(str, maxsplit, fromRight: fromRight) }
        let sp = try Args.str(sep, "must be str or None, not \(sep.typeName)")
        if sp.isEmpty { throw PyError.value("empty separator") }
        var hay = str, needle = sp
        return try hay.withUTF8 { h in
            try needle.withUTF8 { nd in
                func piece(_ a: Int, _ b: Int) -> Value {
                    .str(String(decoding: UnsafeBufferPointer(rebasing: h[a..<b]), as: UTF8.self))
                }
                var parts: [Value] = []
                if fromRight {
                    var end = h.count
                    while parts.count != maxsplit, let at = try findBytes(h, nd, 0, end, last: true) {
                        parts.append(piece(at + nd.count, end))
                        end = at
                        try checkParts(parts.count)
                    }
                    parts.append(piece(0, end))
                    parts.reverse()
                } else {
                    var start = 0
                    while parts.count != maxsplit, let at = try findBytes(h, nd, start, h.count, last: false) {
                        parts.append(piece(start, at))
                        start = at + nd.count
                        try checkParts(parts.count)
                    }
                    parts.append(piece(start, h.count))
                }
                return parts
            }
        }
    }

    /// Every 65536 parts of a split: the deadline, and the list's size against the memory cap.
    @inline(__always) func checkParts(_ count: Int) throws {
        if count & 0xFFFF != 0 { return }
        try checkClock()
        try checkGrowth(items: count, bytes: count &* 32)
    }

    /// Whitespace splitting: runs of whitespace separate words; past `maxsplit` words the rest
    /// is one part, kept as it is except for the whitespace next to the last split.
    private func splitOnWhitespace(_ str: String, _ maxsplit: Int, fromRight: Bool) throws -> [Value] {
        let v = str.unicodeScalars
        var parts: [Value] = []
        var poll = StringPoll()
        if fromRight {
            var j = v.endIndex
            while true {
                while j > v.startIndex && isPythonSpace(v[v.index(before: j)]) {
                    j = v.index(before: j)
                    try poll.step(self)
                }
                if j == v.startIndex { break }
                if parts.count == maxsplit {
                    parts.append(.str(String(v[..<j])))
                    break
                }
                let end = j
                while j > v.startIndex && !isPythonSpace(v[v.index(before: j)]) {
                    j = v.index(before: j)
                    try poll.step(self)
                }
                parts.append(.str(String(v[j..<end])))
                try checkParts(parts.count)
            }
            parts.reverse()
            return parts
        }
        var i = v.startIndex
        while true {
            while i < v.endIndex && isPythonSpace(v[i]) {
                i = v.index(after: i)
                try poll.step(self)
            }
            if i == v.endIndex { break }
            if parts.count == maxsplit {
                parts.append(.str(String(v[i...])))
                break
            }
            let start = i
            while i < v.endIndex && !isPythonSpace(v[i]) {
                i = v.index(after: i)
                try poll.step(self)
            }
            parts.append(.str(String(v[start..<i])))
            try checkParts(parts.count)
        }
        return parts
    }
}
