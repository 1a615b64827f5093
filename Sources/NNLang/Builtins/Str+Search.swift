import NNEngine
import Foundation

// `str.find`/`rfind`/`index`/`rindex`/`count`, `startswith`/`endswith`, `partition`/
// `rpartition` and `splitlines` as CPython does them: on code points (UTF-8 bytes underneath: a
// valid needle only matches at code point boundaries), with CPython's rules for `start`/`end`,
// and polling the cell's deadline as they walk (`StringPoll`), so a search through a gigabyte
// string stops at `--timeout` or Ctrl-C.

/// A code point range of a string as byte offsets: `lo..<hi` holds code points from `start`
/// to `end` (nil: to the string's end, not yet counted); `empty` when `start` lies past `end`
/// (CPython's "nothing to search").
struct ScalarSpan {
    var lo: Int, hi: Int, start: Int, end: Int?
    var empty: Bool { end.map { start > $0 } ?? false }
}

extension Runtime {
    /// Code points (UTF-8 lead bytes) in `h[from..<to]`, counted a piece at a time.
    func scalarCount(_ h: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws -> Int {
        var count = 0, at = from
        while at < to {
            let end = Swift.min(to, at &+ Runtime.stringPollBytes)
            for i in at..<end where h[i] & 0xC0 != 0x80 { count &+= 1 }
            at = end
            if at < to { try checkClock() }
        }
        return count
    }

    /// The byte offset of code point `k` counted from byte `from` (itself code point `base`);
    /// the end of `h` when the string is shorter.
    private func byteOffset(_ h: UnsafeBufferPointer<UInt8>, scalar k: Int, from: Int, base: Int) throws -> Int {
        var i = from, n = base
        var poll = StringPoll()
        while i < h.count {
            if h[i] & 0xC0 != 0x80 {
                if n == k { return i }
                n &+= 1
            }
            i &+= 1
            try poll.step(self)
        }
        return h.count
    }

    /// CPython's `ADJUST_INDICES` for optional `start`/`end` over `h`, as byte offsets. The
    /// string's length is only counted when a bound is negative or `start` is past the end.
    func span(_ h: UnsafeBufferPointer<UInt8>, _ start: Int?, _ end: Int?) throws -> ScalarSpan {
        var a = start ?? 0, b = end ?? Int.max
        if a < 0 { a = Swift.max(0, a &+ (try scalarCount(h, 0, h.count))) }
        if b < 0 { b = Swift.max(0, b &+ (try scalarCount(h, 0, h.count))) }
        let lo = try byteOffset(h, scalar: a, from: 0, base: 0)
        if lo == h.count {
            // `start` is at or past the end: only "" can match, and only when it is the end.
            return ScalarSpan(lo: lo, hi: lo, start: a, end: Swift.min(b, try scalarCount(h, 0, h.count)))
        }
        if b < a { return ScalarSpan(lo: lo, hi: lo, start: a, end: b) }
        let hi = b == Int.max ? h.count : try byteOffset(h, scalar: b, from: lo, base: a)
        return ScalarSpan(lo: lo, hi: hi, start: a, end: hi == h.count ? nil : b)
    }

    /// The code point index where `s` ends.
    private func spanEnd(_ h: UnsafeBufferPointer<UInt8>, _ s: ScalarSpan) throws -> Int {
        if let e = s.end { return e }
        return s.start &+ (try scalarCount(h, s.lo, h.count))
    }

    /// `str.find` (`rfind` with `last`): the code point index of `needle` in `hay[start:end]`,
    /// or -1.
    func find(_ hay: String, _ needle: String, _ start: Int?, _ end: Int?, reverse last: Bool) throws -> Int {
        var hay = hay, needle = needle
        return try hay.withUTF8 { h in
            try needle.withUTF8 { nd in
                let s = try span(h, start, end)
                if s.empty { return -1 }
                if nd.isEmpty { return last ? try spanEnd(h, s) : s.start }
                guard let at = try findBytes(h, nd, s.lo, s.hi, last: last) else { return -1 }
                return s.start &+ (try scalarCount(h, s.lo, at))
            }
        }
    }

    /// `str.count(sub, start, end)`: non-overlapping occurrences; `len + 1` for "".
    func countOccurrences(_ hay: String, _ needle: String, _ start: Int?, _ end: Int?) throws -> Int {
        var hay = hay, needle = needle
        return try hay.withUTF8 { h in
            try needle.withUTF8 { nd in
                let s = try span(h, start, end)
                if s.empty { return 0 }
                if nd.isEmpty { return (try spanEnd(h, s)) &- s.start &+ 1 }
                var count = 0, at = s.lo
                while let i = try findBytes(h, nd, at, s.hi, last: false) {
                    count &+= 1
                    at = i &+ nd.count
                    if count & 0xFFFF == 0 { try checkClock() }
                }
                return count
            }
        }
    }

    /// `str.startswith` / `endswith` (`atEnd`) for one affix in `hay[start:end]`: CPython's
    /// rules, so an affix never matches past a start beyond the end, "" included.
    func hasAffix(_ hay: String, _ affix: String, _ start: Int?, _ end: Int?, atEnd: Bool) throws -> Bool {
        var hay = hay, affix = affix
        return try hay.withUTF8 { h in
            try affix.withUTF8 { p in
                let s = try span(h, start, end)
                if s.empty || s.hi - s.lo < p.count { return false }
                guard let hb = h.baseAddress, let pb = p.baseAddress else { return true }
                let from = atEnd ? s.hi - p.count : s.lo
                // memcmp a piece at a time so a gigabyte affix still polls.
                var done = 0
                while done < p.count {
                    let n = Swift.min(p.count - done, Runtime.stringPollBytes)
                    if memcmp(hb + from + done, pb + done, n) != 0 { return false }
                    done += n
                    if done < p.count { try checkClock() }
                }
                return true
            }
        }
    }

    /// `str.partition(sep)` (`rpartition` with `last`).
    func partition(_ str: String, _ sep: String, last: Bool) throws -> Value {
        if sep.isEmpty { throw PyError.value("empty separator") }
        var hay = str, needle = sep
        let at = try hay.withUTF8 { h in
            try needle.withUTF8 { nd in try findBytes(h, nd, 0, h.count, last: last) }
        }
        guard let at else {
            return .object(PyTuple(last ? [.str(""), .str(""), .str(str)] : [.str(str), .str(""), .str("")]))
        }
        // Sliced as code points: a String's own subscript would round to whole Characters.
        let u = str.utf8, v = str.unicodeScalars
        let a = u.index(u.startIndex, offsetBy: at), b = u.index(a, offsetBy: sep.utf8.count)
        return .object(PyTuple([.str(String(v[..<a])), .str(sep), .str(String(v[b...]))]))
    }

    /// `str.splitlines(keepends)`: CPython's line boundaries (`\n`, `\r`, `\r\n`, `\v`, `\f`,
    /// `\x1c`-`\x1e`, `\x85`, U+2028, U+2029), no empty last line.
    func splitLines(_ str: String, keepends: Bool) throws -> [Value] {
        let v = str.unicodeScalars
        var parts: [Value] = []
        var poll = StringPoll()
        var start = v.startIndex, i = v.startIndex
        while i < v.endIndex {
            let c = v[i].value
            let isBreak = (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 || c == 0x2029
            if !isBreak {
                i = v.index(after: i)
                try poll.step(self)
                continue
            }
            var next = v.index(after: i)
            if c == 0x0D && next < v.endIndex && v[next] == "\n" { next = v.index(after: next) }
            parts.append(.str(String(v[start..<(keepends ? next : i)])))
            try checkParts(parts.count)
            start = next
            i = next
            try poll.step(self)
        }
        if start < v.endIndex { parts.append(.str(String(v[start...]))) }
        return parts
    }
}
