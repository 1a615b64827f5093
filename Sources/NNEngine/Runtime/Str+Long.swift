import Foundation

// String work whose size the program controls (`s.replace`, `sep.join`, `s * n`) done in
// pieces, so a cell's deadline, a cancel or Ctrl-C stops it (`checkClock` between pieces) and
// a result past the memory cap is a MemoryError, not an allocation failure.

/// Counts steps of a walk over a string and polls the runtime's deadline every
/// `Runtime.stringPollBytes` of them.
package struct StringPoll {
    private var steps = 0

    package init() {}

    @inline(__always) package mutating func step(_ rt: Runtime) throws {
        steps &+= 1
        if steps & (Runtime.stringPollBytes - 1) == 0 { try rt.checkClock() }
    }
}

extension Runtime {
    /// Bytes (or parts) of string work between two polls of the cell's deadline.
    package static let stringPollBytes = 1 << 20

    /// `str.replace(old, new, count)` for a non-empty `old`, on UTF-8 bytes (a valid needle
    /// only matches at character boundaries in valid UTF-8): CPython's result, exactly.
    package func replaceBytes(_ str: String, _ old: String, _ new: String, count limit: Int) throws -> String {
        var str = str
        str.makeContiguousUTF8()
        let needle = Array(old.utf8), repl = Array(new.utf8)
        let result: [UInt8]? = try str.utf8.withContiguousStorageIfAvailable { h in
            let n = h.count, m = needle.count, first = needle[0]
            var out: [UInt8] = []
            out.reserveCapacity(n)
            var i = 0, runStart = 0, done = 0
            var nextPoll = Runtime.stringPollBytes, memoryMark = n
            while i &+ m <= n && done != limit {
                if i >= nextPoll {
                    nextPoll = i &+ Runtime.stringPollBytes
                    try checkClock()
                }
                guard h[i] == first, m == 1 || needle.withUnsafeBytes({ memcmp(h.baseAddress! + i, $0.baseAddress!, m) }) == 0 else {
                    i &+= 1
                    continue
                }
                out.append(contentsOf: h[runStart..<i])
                if out.count &+ repl.count > memoryMark {
                    try checkMemory(bytes: out.count &+ repl.count)
                    memoryMark = (out.count &+ repl.count) &* 2
                }
                out.append(contentsOf: repl)
                i &+= m
                runStart = i
                done &+= 1
            }
            out.append(contentsOf: h[runStart..<n])
            return out
        }
        guard let result else { return str.replacingOccurrences(of: old, with: new) }
        return String(decoding: result, as: UTF8.self)
    }

    /// `str.replace("", new, count)`: `new` before each of the first `count` characters, and
    /// at the end too when `count` reaches past the last (a negative count: everywhere), as
    /// CPython does. The size is checked before anything is built; the walk is polled.
    package func replaceEmpty(_ str: String, _ new: String, count limit: Int) throws -> String {
        if limit == 0 { return str }
        var str = str
        let repl = Array(new.utf8)
        return try str.withUTF8 { h in
            let n = h.count
            // Code points (UTF-8 lead bytes), counted a piece at a time.
            var scalars = 0, at = 0
            while at < n {
                let end = Swift.min(n, at &+ Runtime.stringPollBytes)
                for i in at..<end where h[i] & 0xC0 != 0x80 { scalars &+= 1 }
                at = end
                if at < n { try checkClock() }
            }
            let inserts = limit < 0 ? scalars &+ 1 : Swift.min(limit, scalars &+ 1)
            let (added, o1) = inserts.multipliedReportingOverflow(by: repl.count)
            let (total, o2) = n.addingReportingOverflow(added)
            if o1 || o2 { throw PyError(BuiltinTypes.memoryError, "") }
            try checkStringSize(total, 1)
            var out: [UInt8] = []
            out.reserveCapacity(total)
            var done = 0
            at = 0
            while at < n && done < inserts {
                let end = Swift.min(n, at &+ Runtime.stringPollBytes)
                var i = at
                while i < end && done < inserts {
                    if h[i] & 0xC0 != 0x80 {
                        out.append(contentsOf: repl)
                        done &+= 1
                    }
                    out.append(h[i])
                    i &+= 1
                }
                // Past the last insertion the rest is one copy.
                if done == inserts { out.append(contentsOf: UnsafeBufferPointer(rebasing: h[i..<n])); at = n; break }
                at = end
                try checkClock()
            }
            if done < inserts { out.append(contentsOf: repl) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `sep.join(parts)`, polling between pieces and checking the result's size first.
    package func joinStrings(_ parts: [String], separator: String) throws -> String {
        var total = parts.count > 0 ? (parts.count &- 1) &* separator.utf8.count : 0
        for p in parts { total &+= p.utf8.count }
        if total < Runtime.stringPollBytes { return parts.joined(separator: separator) }
        try checkMemory(bytes: total)
        var out = ""
        out.reserveCapacity(total)
        var sinceCheck = 0
        for (i, p) in parts.enumerated() {
            if i > 0 { out += separator }
            out += p
            sinceCheck &+= p.utf8.count &+ separator.utf8.count &+ 16
            if sinceCheck >= Runtime.stringPollBytes {
                sinceCheck = 0
                try checkClock()
            }
        }
        return out
    }

    /// `s * count` (count > 0, size already checked): a piece of about `stringPollBytes` (whole
    /// copies of `s`, built by doubling) appended again and again, polled between appends.
    /// (`String(repeating:)` appends copy by copy: 300 s for two billion, unpolled.)
    package func repeatString(_ s: String, _ count: Int) throws -> String {
        let size = s.utf8.count
        if count <= 0 || size == 0 { return "" }
        let inPiece = Swift.min(count, Swift.max(1, Runtime.stringPollBytes / size))
        let piece = Runtime.repeated(s, inPiece)
        if count == inPiece { return piece }
        var out = ""
        out.reserveCapacity(size &* count)
        var have = 0
        while have &+ inPiece <= count {
            out += piece
            have &+= inPiece
            try checkClock()
        }
        // The rest is fewer copies than a piece holds: a prefix of it.
        if have < count { out += String(decoding: piece.utf8.prefix((count &- have) &* size), as: UTF8.self) }
        return out
    }

    /// `count` copies of `s` by doubling: a few large copies, where `String(repeating:)` appends
    /// copy by copy. Not polled: for sizes already bounded (a piece, a format width).
    package static func repeated(_ s: String, _ count: Int) -> String {
        if count <= 0 || s.isEmpty { return "" }
        var piece = s, n = 1
        while n &* 2 <= count {
            piece += piece
            n &*= 2
        }
        if n == count { return piece }
        return piece + String(decoding: piece.utf8.prefix((count &- n) &* s.utf8.count), as: UTF8.self)
    }

    /// Where the non-empty `needle` occurs in `h[lo..<hi]`: its first match, or with `last` its
    /// last one; nil when none. Polls the deadline every `stringPollBytes` positions tried.
    package func findBytes(_ h: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
                   _ lo: Int, _ hi: Int, last: Bool) throws -> Int? {
        let m = needle.count
        guard m > 0, hi - lo >= m, let base = h.baseAddress, let nb = needle.baseAddress else { return nil }
        let first = nb[0]
        var i = last ? hi - m : lo
        let step = last ? -1 : 1, stop = last ? lo - 1 : hi - m + 1
        var poll = StringPoll()
        while i != stop {
            if base[i] == first && (m == 1 || memcmp(base + i, nb, m) == 0) { return i }
            i += step
            try poll.step(self)
        }
        return nil
    }

    /// `sub in s`, code point by code point as CPython compares (Foundation's `contains` would
    /// match canonically equivalent text), polling the deadline as it walks.
    package func containsSubstring(_ s: String, _ sub: String) throws -> Bool {
        if sub.isEmpty { return true }
        var s = s, sub = sub
        return try s.withUTF8 { h in try sub.withUTF8 { n in try findBytes(h, n, 0, h.count, last: false) != nil } }
    }
}
