import NNEngine
import NNSyntax
import Foundation

/// The `re` module over Foundation's NSRegularExpression (ICU), with Python's syntax for named
/// groups and `\Z` translated, Python's replacement templates, and code-point indices.
extension Runtime {
    static let patternClass = nativeClass("Pattern", module: "re")
    static let matchClass = nativeClass("Match", module: "re")
    static let reError = PyClass(name: "error", base: BuiltinTypes.exception, isBuiltin: true)

    /// A compiled pattern.
    final class RePattern {
        let source: String
        let flags: Int
        let regex: NSRegularExpression
        /// The same pattern anchored at both ends, for `fullmatch`.
        let full: NSRegularExpression
        let groupNames: [(String, Int)]
        init(source: String, flags: Int, regex: NSRegularExpression, full: NSRegularExpression, groupNames: [(String, Int)]) {
            self.source = source; self.flags = flags; self.regex = regex; self.full = full; self.groupNames = groupNames
        }
        var groups: Int { regex.numberOfCaptureGroups }
    }

    /// Compiled patterns by flags and source, one cache per interpreter.
    final class ReCache {
        var patterns: [String: RePattern] = [:]
    }

    /// This interpreter's pattern cache (kept in the runtime's `moduleState`).
    var reCache: ReCache {
        if let c = moduleState["re"] as? ReCache { return c }
        let c = ReCache()
        moduleState["re"] = c
        return c
    }

    /// One match: the subject (as UTF-16 for ranges) and the group ranges.
    final class ReMatch {
        let pattern: RePattern
        let string: String
        let ns: NSString
        let ranges: [NSRange]
        let pos: Int, endpos: Int
        init(_ p: RePattern, _ s: String, _ ns: NSString, _ r: NSTextCheckingResult, pos: Int, endpos: Int) {
            pattern = p; string = s; self.ns = ns
            ranges = (0..<r.numberOfRanges).map { r.range(at: $0) }
            self.pos = pos; self.endpos = endpos
        }
        func group(_ i: Int) -> Value {
            let r = ranges[i]
            if r.location == NSNotFound { return .none }
            return .str(ns.substring(with: r))
        }
        /// Code-point offsets of group `i` (-1, -1 when it did not take part).
        func span(_ i: Int) -> (Int, Int) {
            let r = ranges[i]
            if r.location == NSNotFound { return (-1, -1) }
            return (scalarOffset(string, r.location), scalarOffset(string, r.location + r.length))
        }
    }

    /// Python's flag values.
    static let reFlags: [(String, Int)] = [
        ("I", 2), ("IGNORECASE", 2), ("L", 4), ("LOCALE", 4), ("M", 8), ("MULTILINE", 8), ("S", 16), ("DOTALL", 16),
        ("U", 32), ("UNICODE", 32), ("X", 64), ("VERBOSE", 64), ("A", 256), ("ASCII", 256),
    ]

    /// Python pattern syntax -> ICU, and the named groups with their numbers.
    static func translatePattern(_ p: String) -> (String, [(String, Int)]) {
        var out = ""
        var names: [(String, Int)] = []
        var group = 0
        let cs = Array(p)
        var i = 0
        var inClass = false
        while i < cs.count {
            let c = cs[i]
            if c == "\\" && i + 1 < cs.count {
                let n = cs[i + 1]
                if !inClass && n == "Z" { out += "\\z" } else { out.append(c); out.append(n) }
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                out.append(c); i += 1
                continue
            }
            if c == "[" {
                inClass = true
                out.append(c); i += 1
                // A `]` right after `[` or `[^` is a literal.
                if i < cs.count && cs[i] == "^" { out.append("^"); i += 1 }
                if i < cs.count && cs[i] == "]" { out += "\\]"; i += 1 }
                continue
            }
            if c == "(" {
                if i + 1 < cs.count && cs[i + 1] == "?" {
                    if i + 2 < cs.count && cs[i + 2] == "P" && i + 3 < cs.count {
                        if cs[i + 3] == "<" {
                            group += 1
                            var j = i + 4, name = ""
                            while j < cs.count && cs[j] != ">" { name.append(cs[j]); j += 1 }
                            names.append((name, group))
                            out += "(?<" + name + ">"
                            i = j + 1
                            continue
                        }
                        if cs[i + 3] == "=" {
                            var j = i + 4, name = ""
                            while j < cs.count && cs[j] != ")" { name.append(cs[j]); j += 1 }
                            out += "\\k<" + name + ">"
                            i = j + 1
                            continue
                        }
                    }
                    if i + 2 < cs.count && cs[i + 2] == "<" && i + 3 < cs.count && cs[i + 3] != "=" && cs[i + 3] != "!" {
                        group += 1
                        var j = i + 3, name = ""
                        while j < cs.count && cs[j] != ">" { name.append(cs[j]); j += 1 }
                        names.append((name, group))
                    }
                } else {
                    group += 1
                }
            }
            out.append(c)
            i += 1
        }
        return (out, names)
    }

    func compilePattern(_ v: Value, _ flagsValue: Value) throws -> RePattern {
        if let p = Runtime.state(v, Runtime.patternClass, as: RePattern.self) { return p }
        guard case .str(let src) = v else { throw PyError.type("first argument must be string or compiled pattern") }
        let flags: Int
        switch flagsValue {
        case .int(let f): flags = f
        case .none: flags = 0
        default: throw PyError.type("flags must be an int")
        }
        let key = "\(flags)\u{0}\(src)"
        if let p = reCache.patterns[key] { return p }
        var opts: NSRegularExpression.Options = []
        if flags & 2 != 0 { opts.insert(.caseInsensitive) }
        if flags & 8 != 0 { opts.insert(.anchorsMatchLines) }
        if flags & 16 != 0 { opts.insert(.dotMatchesLineSeparators) }
        if flags & 64 != 0 { opts.insert(.allowCommentsAndWhitespace) }
        let (icu, names) = Runtime.translatePattern(src)
        let regex: NSRegularExpression, full: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: icu, options: opts)
            full = try NSRegularExpression(pattern: "(?:" + icu + (flags & 64 != 0 ? "\n" : "") + ")\\z", options: opts)
        } catch {
            throw PyError(Runtime.reError, "bad pattern \(stringRepr(src))")
        }
        let p = RePattern(source: src, flags: flags, regex: regex, full: full, groupNames: names)
        if reCache.patterns.count > 512 { reCache.patterns = [:] }
        reCache.patterns[key] = p
        return p
    }

    /// The first match of `p` in `s` from code point `pos`: anywhere (`search`), at `pos`
    /// (`match`) or spanning to the end (`fullmatch`).
    func reFind(_ p: RePattern, _ s: String, mode: Int, pos: Int = 0, endpos: Int? = nil) -> Value {
        let ns = s as NSString
        let n = s.unicodeScalars.count
        let start = utf16Offset(s, min(max(pos, 0), n)), end = utf16Offset(s, min(max(endpos ?? n, 0), n))
        guard start <= end else { return .none }
        let range = NSRange(location: start, length: end - start)
        let regex = mode == 2 ? p.full : p.regex
        let opts: NSRegularExpression.MatchingOptions = mode == 0 ? [.withoutAnchoringBounds] : [.anchored, .withoutAnchoringBounds]
        guard let r = regex.firstMatch(in: s, options: mode == 2 ? [.anchored] : opts, range: range) else { return .none }
        return Runtime.native(Runtime.matchClass, ReMatch(p, s, ns, r, pos: pos, endpos: endpos ?? n))
    }

    func reAll(_ p: RePattern, _ s: String) -> [ReMatch] {
        let ns = s as NSString
        let n = s.unicodeScalars.count
        return p.regex.matches(in: s, options: [], range: NSRange(location: 0, length: ns.length)).map {
            ReMatch(p, s, ns, $0, pos: 0, endpos: n)
        }
    }

    /// Expands a Python replacement template (`\1`, `\g<name>`, `\n`) for match `m`.
    func expandTemplate(_ t: String, _ m: ReMatch) throws -> String {
        var out = ""
        let cs = Array(t)
        var i = 0
        func groupIndex(_ name: String) throws -> Int {
            if let k = Int(name) {
                guard k >= 0 && k < m.ranges.count else { throw PyError(Runtime.reError, "invalid group reference \(k)") }
                return k
            }
            guard let k = m.pattern.groupNames.first(where: { $0.0 == name })?.1 else {
                throw PyError.index("unknown group name '\(name)'")
            }
            return k
        }
        while i < cs.count {
            let c = cs[i]
            guard c == "\\", i + 1 < cs.count else { out.append(c); i += 1; continue }
            let n = cs[i + 1]
            i += 2
            switch n {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "f": out += "\u{0C}"
            case "v": out += "\u{0B}"
            case "a": out += "\u{07}"
            case "b": out += "\u{08}"
            case "\\": out += "\\"
            case "g":
                guard i < cs.count, cs[i] == "<", let close = cs[i...].firstIndex(of: ">") else {
                    throw PyError(Runtime.reError, "missing <")
                }
                let name = String(cs[(i + 1)..<close])
                i = close + 1
                if case .str(let g) = m.group(try groupIndex(name)) { out += g }
            case _ where n.isASCII && n.isNumber:
                var digits = String(n)
                if i < cs.count, cs[i].isASCII, cs[i].isNumber { digits.append(cs[i]); i += 1 }
                if case .str(let g) = m.group(try groupIndex(digits)) { out += g }
            case _ where n.isASCII && n.isLetter:
                throw PyError(Runtime.reError, "bad escape \\\(n) at position \(i - 2)")
            default:
                out.append("\\"); out.append(n)
            }
        }
        return out
    }

    /// `re.sub`/`subn`: the new string and the number of replacements.
    func reSub(_ p: RePattern, _ repl: Value, _ s: String, count: Int) throws -> (String, Int) {
        var out = ""
        var last = 0
        var done = 0
        let ns = s as NSString
        for m in reAll(p, s) {
            if count > 0 && done >= count { break }
            let r = m.ranges[0]
            out += ns.substring(with: NSRange(location: last, length: r.location - last))
            if case .str(let t) = repl {
                out += try expandTemplate(t, m)
            } else {
                let v = try call(repl, [Runtime.native(Runtime.matchClass, m)], [])
                guard case .str(let piece) = v else { throw PyError.type("expected str instance, \(v.typeName) found") }
                out += piece
            }
            last = r.location + r.length
            done += 1
        }
        out += ns.substring(from: last)
        return (out, done)
    }

    func reSplit(_ p: RePattern, _ s: String, maxsplit: Int) -> [Value] {
        var out: [Value] = []
        var last = 0, done = 0
        let ns = s as NSString
        for m in reAll(p, s) {
            if maxsplit > 0 && done >= maxsplit { break }
            let r = m.ranges[0]
            out.append(.str(ns.substring(with: NSRange(location: last, length: r.location - last))))
            for g in 1..<max(1, m.ranges.count) { out.append(m.group(g)) }
            last = r.location + r.length
            done += 1
        }
        out.append(.str(ns.substring(from: last)))
        return out
    }

    func reFindall(_ p: RePattern, _ s: String) -> [Value] {
        reAll(p, s).map { m in
            func g(_ i: Int) -> Value { let v = m.group(i); return v.isNone ? .str("") : v }
            switch p.groups {
            case 0: return g(0)
            case 1: return g(1)
            default: return .object(PyTuple((1...p.groups).map(g)))
            }
        }
    }
}

/// The UTF-16 offset of code point `i` in `s`.
func utf16Offset(_ s: String, _ i: Int) -> Int {
    if s.utf16.count == s.unicodeScalars.count { return i }
    let idx = s.unicodeScalars.index(s.unicodeScalars.startIndex, offsetBy: i)
    return s.utf16.distance(from: s.utf16.startIndex, to: idx)
}

/// The code-point offset of UTF-16 offset `u` in `s`.
func scalarOffset(_ s: String, _ u: Int) -> Int {
    if s.utf16.count == s.unicodeScalars.count { return u }
    let idx = s.utf16.index(s.utf16.startIndex, offsetBy: u)
    return s.unicodeScalars.distance(from: s.unicodeScalars.startIndex, to: idx)
}
