import NNEngine
import NNSyntax
import Foundation

private func s(_ v: Value) -> String {
    if case .str(let x) = v { return x }
    return ""
}

/// The optional `start`/`end` argument `a[i]` of a str search: nil when absent or None.
private func bound(_ a: [Value], _ i: Int) throws -> Int? {
    guard i < a.count, !a[i].isNone else { return nil }
    guard case .int(let n) = a[i] else {
        if case .bool(let b) = a[i] { return b ? 1 : 0 }
        throw PyError.type("slice indices must be integers or None or have an __index__ method")
    }
    return n
}

extension Runtime {
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
                case "<": return .str(str + (try rt.repeatString(fill, n)))
                case ">": return .str((try rt.repeatString(fill, n)) + str)
                default:
                    let left = n / 2 + (n & w & 1)
                    return .str((try rt.repeatString(fill, left)) + str + (try rt.repeatString(fill, n - left)))
                }
            }
        }
        func pred(_ f: @escaping (Unicode.Scalar) -> Bool) -> PyMethodDescr.Fn {
            { rt, v, _, _ in .bool(try rt.allScalars(s(v), f)) }
        }
        func affix(_ name: String, atEnd: Bool) -> PyMethodDescr.Fn {
            { rt, v, a, _ in
                try Args.count(name, a, 1, 3)
                let str = s(v), st = try bound(a, 1), en = try bound(a, 2)
                switch a[0] {
                case .str(let p): return .bool(try rt.hasAffix(str, p, st, en, atEnd: atEnd))
                case .object(let t as PyTuple):
                    for x in t.items {
                        guard case .str(let p) = x else {
                            throw PyError.type("tuple for \(name) must only contain str, not \(x.typeName)")
                        }
                        if try rt.hasAffix(str, p, st, en, atEnd: atEnd) { return .True }
                    }
                    return .False
                default:
                    throw PyError.type("\(name) first arg must be str or a tuple of str, not \(a[0].typeName)")
                }
            }
        }
        /// `find`, `rfind`, `index`, `rindex`: `index` raises where `find` gives -1.
        func search(_ name: String, last: Bool, raises: Bool) -> PyMethodDescr.Fn {
            { rt, v, a, _ in
                try Args.count(name, a, 1, 3)
                let n = try Args.str(a[0], "must be str, not \(a[0].typeName)")
                let r = try rt.find(s(v), n, try bound(a, 1), try bound(a, 2), reverse: last)
                if r < 0 && raises { throw PyError.value("substring not found") }
                return .int(r)
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
            ("splitlines", { rt, v, a, kw in
                try Args.count("splitlines", a, 0, 1)
                let keep = try (a.first ?? Args.kw(kw, "keepends")).map { try rt.truth($0) } ?? false
                return .object(PyList(try rt.splitLines(s(v), keepends: keep)))
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
                // On code points (Foundation's search would match canonically equivalent text).
                return .str(try rt.replaceBytes(str, old, new, count: count < 0 ? -1 : count))
            }),
            ("removeprefix", { rt, v, a, _ in
                try Args.count("removeprefix", a, 1, 1)
                let p = try Args.str(a[0], "removeprefix() argument must be str, not \(a[0].typeName)")
                let str = s(v)
                // Code points, as `startswith`: Swift's `hasPrefix` would match equivalent text.
                guard !p.isEmpty, str.utf8.starts(with: p.utf8) else { return v }
                return .str(String(decoding: str.utf8.dropFirst(p.utf8.count), as: UTF8.self))
            }),
            ("removesuffix", { rt, v, a, _ in
                try Args.count("removesuffix", a, 1, 1)
                let p = try Args.str(a[0], "removesuffix() argument must be str, not \(a[0].typeName)")
                let str = s(v)
                guard !p.isEmpty, str.utf8.reversed().starts(with: p.utf8.reversed()) else { return v }
                return .str(String(decoding: str.utf8.dropLast(p.utf8.count), as: UTF8.self))
            }),
            ("startswith", affix("startswith", atEnd: false)),
            ("endswith", affix("endswith", atEnd: true)),
            ("upper", { rt, v, _, _ in .str(try rt.mapPieces(s(v)) { $0.uppercased() }) }),
            ("lower", { rt, v, _, _ in .str(try rt.mapPieces(s(v)) { $0.lowercased() }) }),
            ("title", { rt, v, _, _ in .str(try rt.titleCase(s(v))) }),
            ("capitalize", { rt, v, _, _ in .str(try rt.capitalize(s(v))) }),
            ("swapcase", { rt, v, _, _ in .str(try rt.swapCase(s(v))) }),
            ("format", { rt, v, a, kw in .str(try rt.strFormat(s(v), a, kw)) }),
            ("find", search("find", last: false, raises: false)),
            ("rfind", search("rfind", last: true, raises: false)),
            ("index", search("index", last: false, raises: true)),
            ("rindex", search("rindex", last: true, raises: true)),
            ("count", { rt, v, a, _ in
                try Args.count("count", a, 1, 3)
                let n = try Args.str(a[0], "must be str, not \(a[0].typeName)")
                return .int(try rt.countOccurrences(s(v), n, try bound(a, 1), try bound(a, 2)))
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
                if let c = str.unicodeScalars.first, c == "-" || c == "+" {
                    sign = String(c)
                    str = String(str.unicodeScalars.dropFirst())
                }
                return .str(sign + (try rt.repeatString("0", n)) + str)
            }),
            ("isdigit", pred { $0.properties.numericType == .decimal || $0.properties.numericType == .digit }),
            ("isdecimal", pred { $0.properties.numericType == .decimal }),
            ("isnumeric", pred { $0.properties.numericType != nil }),
            ("isalpha", pred { $0.properties.isAlphabetic }),
            ("isalnum", pred { $0.properties.isAlphabetic || $0.properties.numericType != nil }),
            ("isspace", pred(isPythonSpace)),
            ("isupper", { rt, v, _, _ in .bool(try rt.isCase(s(v), lower: false)) }),
            ("islower", { rt, v, _, _ in .bool(try rt.isCase(s(v), lower: true)) }),
            ("partition", { rt, v, a, _ in
                try Args.count("partition", a, 1, 1)
                let sep = try Args.str(a[0], "must be str, not \(a[0].typeName)")
                return try rt.partition(s(v), sep, last: false)
            }),
            ("rpartition", { rt, v, a, _ in
                try Args.count("rpartition", a, 1, 1)
                let sep = try Args.str(a[0], "must be str, not \(a[0].typeName)")
                return try rt.partition(s(v), sep, last: true)
            }),
            ("encode", { _, _, _, _ in throw PyError.type("bytes are not supported in nn") }),
        ])
    }
}
