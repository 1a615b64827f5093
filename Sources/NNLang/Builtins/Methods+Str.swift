import NNEngine
import NNSyntax
import Foundation

private func s(_ v: Value) -> String {
    if case .str(let x) = v { return x }
    return ""
}

extension Runtime {
    func find(_ hay: String, _ needle: String, _ start: Int?, _ end: Int?, reverse: Bool) -> Int {
        let h = Array(hay.unicodeScalars), n = Array(needle.unicodeScalars)
        var a = start ?? 0, b = end ?? h.count
        if a < 0 { a = max(0, a + h.count) }
        if b < 0 { b = max(0, b + h.count) }
        b = min(b, h.count)
        if b - a < n.count { return -1 }
        let range = Array(a...(b - n.count))
        for i in (reverse ? range.reversed() : range) {
            var ok = true
            for k in 0..<n.count where h[i + k] != n[k] { ok = false; break }
            if ok { return i }
        }
        return -1
    }

    /// `str.format(*args, **kwargs)`.
    func strFormat(_ fmt: String, _ args: [Value], _ kw: Kwargs) throws -> String {
        var out = ""
        let cs = Array(fmt)
        var i = 0
        var auto = 0
        func field(_ text: String) throws -> String {
            // name[.attr|[key]]...!conv:spec
            var body = text
            var spec = ""
            var conv: Character?
            if let c = body.firstIndex(of: ":") { spec = String(body[body.index(after: c)...]); body = String(body[..<c]) }
            if let b = body.firstIndex(of: "!") {
                let rest = body[body.index(after: b)...]
                conv = rest.first
                body = String(body[..<b])
            }
            if spec.contains("{") { spec = try strFormat(spec, args, kw) }
            var nameEnd = body.firstIndex { $0 == "." || $0 == "[" } ?? body.endIndex
            let name = String(body[..<nameEnd])
            var v: Value
            if name.isEmpty {
                guard auto < args.count else { throw PyError.index("Replacement index \(auto) out of range for positional args tuple") }
                v = args[auto]; auto += 1
            } else if let n = Int(name) {
                guard n < args.count else { throw PyError.index("Replacement index \(n) out of range for positional args tuple") }
                v = args[n]
            } else {
                guard let x = Args.kw(kw, name) else { throw PyError.key(.str(name)) }
                v = x
            }
            while nameEnd < body.endIndex {
                if body[nameEnd] == "." {
                    let st = body.index(after: nameEnd)
                    let en = body[st...].firstIndex { $0 == "." || $0 == "[" } ?? body.endIndex
                    v = try getAttr(v, String(body[st..<en]))
                    nameEnd = en
                } else {
                    let st = body.index(after: nameEnd)
                    guard let en = body[st...].firstIndex(of: "]") else { throw PyError.value("Missing ']' in format string") }
                    let key = String(body[st..<en])
                    v = try getItem(v, Int(key).map { .int($0) } ?? .str(key))
                    nameEnd = body.index(after: en)
                }
            }
            switch conv {
            case "r"?, "a"?: v = .str(try repr(v))
            case "s"?: v = .str(try str(v))
            default: break
            }
            return try formatValue(self, v, spec)
        }
        while i < cs.count {
            let c = cs[i]
            if c == "{" {
                if i + 1 < cs.count && cs[i + 1] == "{" { out.append("{"); i += 2; continue }
                var depth = 1
                var j = i + 1
                var text = ""
                while j < cs.count {
                    if cs[j] == "{" { depth += 1 } else if cs[j] == "}" { depth -= 1; if depth == 0 { break } }
                    text.append(cs[j]); j += 1
                }
                guard j < cs.count else { throw PyError.value("expected '}' before end of string") }
                out += try field(text)
                i = j + 1
            } else if c == "}" {
                if i + 1 < cs.count && cs[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw PyError.value("Single '}' encountered in format string")
            } else {
                out.append(c); i += 1
            }
        }
        return out
    }

    static func installStringMethods() {
        let justify: (String, Character) -> PyMethodDescr.Fn = { name, kind in
            { rt, v, a, _ in
                try Args.count(name, a, 1, 2)
                let w = try Args.int(a[0])
                let fill = a.count > 1 ? try Args.str(a[1], "The fill character must be a unicode character") : " "
                guard fill.unicodeScalars.count == 1 else { throw PyError.type("The fill character must be exactly one character long") }
                let str = s(v)
                // `w - count` would overflow for w near Int.min.
                if w <= str.unicodeScalars.count { return v }
                let n = w - str.unicodeScalars.count
                try rt.checkStringSize(n, fill.utf8.count)
                switch kind {
                case "<": return .str(str + String(repeating: fill, count: n))
                case ">": return .str(String(repeating: fill, count: n) + str)
                default:
                    let left = n / 2 + (n & w & 1)
                    return .str(String(repeating: fill, count: left) + str + String(repeating: fill, count: n - left))
                }
            }
        }
        func pred(_ f: @escaping (Unicode.Scalar) -> Bool) -> PyMethodDescr.Fn {
            { _, v, _, _ in
                let us = s(v).unicodeScalars
                return .bool(!us.isEmpty && us.allSatisfy(f))
            }
        }
        func affix(_ name: String, _ test: @escaping (String, String) -> Bool) -> PyMethodDescr.Fn {
            { rt, v, a, _ in
                try Args.count(name, a, 1, 3)
                var str = s(v)
                if a.count > 1 {
                    let us = Array(str.unicodeScalars)
                    var st = try Args.int(a[1]); if st < 0 { st = max(0, st + us.count) }
                    var en = a.count > 2 ? try Args.int(a[2]) : us.count; if en < 0 { en = max(0, en + us.count) }
                    en = min(en, us.count)
                    var view = String.UnicodeScalarView()
                    if st <= en { view.append(contentsOf: us[st..<en]) }
                    str = String(view)
                }
                switch a[0] {
                case .str(let p): return .bool(test(str, p))
                case .object(let t as PyTuple):
                    for x in t.items { if case .str(let p) = x, test(str, p) { return .True } }
                    return .False
                default:
                    throw PyError.type("\(name) first arg must be str or a tuple of str, not \(a[0].typeName)")
                }
            }
        }
        methods(BuiltinTypes.str, [
            ("join", { rt, v, a, _ in
                try Args.count("str.join", a, 1, 1)
                let items = try rt.iterateToArray(a[0])
                var parts: [String] = []
                for (i, x) in items.enumerated() {
                    guard case .str(let p) = x else {
                        throw PyError.type("sequence item \(i): expected str instance, \(x.typeName) found")
                    }
                    parts.append(p)
                }
                return .str(try rt.joinStrings(parts, separator: s(v)))
            }),
            ("split", { rt, v, a, kw in
                let sep = a.count > 0 ? a[0] : Args.kw(kw, "sep")
                let m = try (a.count > 1 ? a[1] : Args.kw(kw, "maxsplit")).map { try Args.int($0) } ?? -1
                return .object(PyList(try rt.split(s(v), sep, m, fromRight: false)))
            }),
            ("rsplit", { rt, v, a, kw in
                let sep = a.count > 0 ? a[0] : Args.kw(kw, "sep")
                let m = try (a.count > 1 ? a[1] : Args.kw(kw, "maxsplit")).map { try Args.int($0) } ?? -1
                return .object(PyList(try rt.split(s(v), sep, m, fromRight: true)))
            }),
            ("splitlines", { _, v, a, _ in
                var lines = s(v).components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
                if lines.last == "" { lines.removeLast() }
                return .object(PyList(lines.map { .str($0) }))
            }),
            ("strip", { rt, v, a, _ in .str(try rt.strip(s(v), a.first, left: true, right: true)) }),
            ("lstrip", { rt, v, a, _ in .str(try rt.strip(s(v), a.first, left: true, right: false)) }),
            ("rstrip", { rt, v, a, _ in .str(try rt.strip(s(v), a.first, left: false, right: true)) }),
            ("replace", { rt, v, a, _ in
                try Args.count("replace", a, 2, 3)
                let old = try Args.str(a[0], "replace() argument 1 must be str, not \(a[0].typeName)")
                let new = try Args.str(a[1], "replace() argument 2 must be str, not \(a[1].typeName)")
                let count = a.count > 2 ? try Args.int(a[2]) : -1
                let str = s(v)
                if old.isEmpty { return .str(try rt.replaceEmpty(str, new, count: count)) }
                if count < 0 {
                    if str.utf8.count >= Runtime.stringPollBytes { return .str(try rt.replaceBytes(str, old, new, count: -1)) }
                    return .str(str.replacingOccurrences(of: old, with: new))
                }
                if str.utf8.count >= Runtime.stringPollBytes { return .str(try rt.replaceBytes(str, old, new, count: count)) }
                var parts = str.components(separatedBy: old)
                if parts.count - 1 <= count { return .str(parts.joined(separator: new)) }
                let head = parts[0...count].joined(separator: new)
                parts = [head] + parts[(count + 1)...]
                return .str(parts.joined(separator: old))
            }),
            ("startswith", affix("startswith") { $0.unicodeScalars.starts(with: $1.unicodeScalars) }),
            ("endswith", affix("endswith") { Array($0.unicodeScalars).reversed().starts(with: Array($1.unicodeScalars).reversed()) }),
            ("upper", { _, v, _, _ in .str(s(v).uppercased()) }),
            ("lower", { _, v, _, _ in .str(s(v).lowercased()) }),
            ("title", { _, v, _, _ in
                var out = ""
                var prevCased = false
                for ch in s(v) {
                    let str = String(ch)
                    out += prevCased ? str.lowercased() : str.uppercased()
                    prevCased = ch.isLetter
                }
                return .str(out)
            }),
            ("capitalize", { _, v, _, _ in
                let str = s(v)
                guard let f = str.first else { return v }
                return .str(String(f).uppercased() + str.dropFirst().lowercased())
            }),
            ("swapcase", { _, v, _, _ in
                .str(String(s(v).map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }))
            }),
            ("format", { rt, v, a, kw in .str(try rt.strFormat(s(v), a, kw)) }),
            ("find", { rt, v, a, _ in
                try Args.count("find", a, 1, 3)
                let n = try Args.str(a[0], "must be str, not \(a[0].typeName)")
                return .int(rt.find(s(v), n, a.count > 1 ? try Args.int(a[1]) : nil, a.count > 2 ? try Args.int(a[2]) : nil, reverse: false))
            }),
            ("rfind", { rt, v, a, _ in
                try Args.count("rfind", a, 1, 3)
                let n = try Args.str(a[0], "must be str, not \(a[0].typeName)")
                return .int(rt.find(s(v), n, a.count > 1 ? try Args.int(a[1]) : nil, a.count > 2 ? try Args.int(a[2]) : nil, reverse: true))
            }),
            ("index", { rt, v, a, _ in
                try Args.count("index", a, 1, 3)
                let n = try Args.str(a[0], "must be str, not \(a[0].typeName)")
                let r = rt.find(s(v), n, a.count > 1 ? try Args.int(a[1]) : nil, a.count > 2 ? try Args.int(a[2]) : nil, reverse: false)
                if r < 0 { throw PyError.value("substring not found") }
                return .int(r)
            }),
            ("count", { rt, v, a, _ in
                try Args.count("count", a, 1, 3)
                let n = try Args.str(a[0], "must be str, not \(a[0].typeName)")
                let str = s(v)
                if n.isEmpty { return .int(str.unicodeScalars.count + 1) }
                return .int(str.components(separatedBy: n).count - 1)
            }),
            ("ljust", justify("ljust", "<")),
            ("rjust", justify("rjust", ">")),
            ("center", justify("center", "^")),
            ("zfill", { rt, v, a, _ in
                try Args.count("zfill", a, 1, 1)
                let w = try Args.int(a[0])
                var str = s(v)
                if w <= str.unicodeScalars.count { return v }
                let n = w - str.unicodeScalars.count
                try rt.checkStringSize(n, 1)
                var sign = ""
                if str.hasPrefix("-") || str.hasPrefix("+") { sign = String(str.removeFirst()) }
                return .str(sign + String(repeating: "0", count: n) + str)
            }),
            ("isdigit", pred { $0.properties.numericType == .decimal || $0.properties.numericType == .digit }),
            ("isdecimal", pred { $0.properties.numericType == .decimal }),
            ("isnumeric", pred { $0.properties.numericType != nil }),
            ("isalpha", pred { $0.properties.isAlphabetic }),
            ("isalnum", pred { $0.properties.isAlphabetic || $0.properties.numericType != nil }),
            ("isspace", pred(isPythonSpace)),
            ("isupper", { _, v, _, _ in
                let str = s(v)
                return .bool(str.contains { $0.isCased } && !str.contains { $0.isLowercase })
            }),
            ("islower", { _, v, _, _ in
                let str = s(v)
                return .bool(str.contains { $0.isCased } && !str.contains { $0.isUppercase })
            }),
            ("partition", { rt, v, a, _ in
                let sep = try Args.str(a.first ?? .none, "must be str")
                if sep.isEmpty { throw PyError.value("empty separator") }
                let str = s(v)
                if let r = str.range(of: sep) {
                    return .object(PyTuple([.str(String(str[..<r.lowerBound])), .str(sep), .str(String(str[r.upperBound...]))]))
                }
                return .object(PyTuple([.str(str), .str(""), .str("")]))
            }),
            ("encode", { _, _, _, _ in throw PyError.type("bytes are not supported in nn") }),
        ])
    }
}
