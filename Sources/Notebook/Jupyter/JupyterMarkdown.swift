/// Markdown as nnbook writes it versus Markdown as Jupyter renders it: the two spell math
/// differently (GitHub's $`x`$ and ```` ```math ```` blocks; MathJax's `$x$` and `$$...$$`), and
/// images in a notebook travel as cell attachments. The conversions leave code spans and
/// fenced code alone, and each undoes the other on what it produces.
enum JupyterMarkdown {
    /// nnbook Markdown -> Jupyter Markdown: $`x`$ -> `$x$`, ```` ```math ```` -> `$$` lines.
    static func toJupyter(_ text: String) -> String {
        var out = ""
        var inMath = false
        forEachLine(text) { line, fence in
            switch fence {
            case .none:
                out += inMath ? line : convertInline(line, toJupyter: true)
            case .open(let info):
                if info == "math", !line.hasPrefix(" ") { inMath = true; out += "$$" + lineEnd(line) } else { out += line }
            case .inside:
                out += line
            case .close:
                if inMath { inMath = false; out += "$$" + lineEnd(line) } else { out += line }
            }
        }
        return out
    }

    /// Jupyter Markdown -> nnbook Markdown: `$x$` -> $`x`$, `$$...$$` -> a ```` ```math ```` block.
    static func fromJupyter(_ text: String) -> String {
        var out = ""
        var display: [String]? = nil  // lines of a $$ block being collected
        forEachLine(text) { line, fence in
            guard case .none = fence else { out += line; return }
            let body = line.hasSuffix("\n") ? String(line.dropLast()) : line
            let trimmed = body.trimmingSpaces
            if var collected = display {
                if trimmed.hasSuffix("$$") {
                    let last = String(trimmed.dropLast(2)).trimmingSpaces
                    if !last.isEmpty { collected.append(last) }
                    out += "```math\n" + collected.map { $0 + "\n" }.joined() + "```" + lineEnd(line)
                    display = nil
                } else {
                    collected.append(body)
                    display = collected
                }
                return
            }
            if trimmed.hasPrefix("$$"), !body.hasPrefix("    ") {
                let rest = String(trimmed.dropFirst(2))
                if rest.count >= 2, rest.trimmingSpaces.hasSuffix("$$") {
                    let tex = String(rest.trimmingSpaces.dropLast(2)).trimmingSpaces
                    out += "```math\n" + (tex.isEmpty ? "" : tex + "\n") + "```" + lineEnd(line)
                } else if !rest.contains("$$") {
                    display = rest.trimmingSpaces.isEmpty ? [] : [rest.trimmingSpaces]
                } else {
                    out += convertInline(line, toJupyter: false)
                }
                return
            }
            out += convertInline(line, toJupyter: false)
        }
        if let collected = display {  // an unclosed $$: keep the text as it was
            out += "$$" + collected.map { $0 + "\n" }.joined()
        }
        return out
    }

    /// Rewrites the destination of every image (`![alt](DEST ...)`) outside code for which
    /// `rewrite` returns a new one.
    static func rewriteImages(_ text: String, _ rewrite: (String) -> String?) -> String {
        var out = ""
        forEachLine(text) { line, fence in
            guard case .none = fence else { out += line; return }
            out += mapOutsideCode(line) { prose in
                var result = ""
                var rest = Substring(prose)
                while let bang = rest.range(of: "![") {
                    result += rest[..<bang.lowerBound]
                    let afterBang = rest[bang.lowerBound...]
                    guard let close = afterBang.range(of: "]("),
                          !afterBang[afterBang.index(afterBang.startIndex, offsetBy: 2)..<close.lowerBound].contains("]") else {
                        result += "!["; rest = rest[bang.upperBound...]; continue
                    }
                    let destStart = close.upperBound
                    var destEnd = destStart
                    while destEnd < rest.endIndex, rest[destEnd] != ")", rest[destEnd] != " " { destEnd = rest.index(after: destEnd) }
                    let dest = String(rest[destStart..<destEnd])
                    result += rest[bang.lowerBound..<destStart]
                    result += rewrite(dest) ?? dest
                    rest = rest[destEnd...]
                }
                return result + rest
            }
        }
        return out
    }

    enum FenceState { case none, open(info: String), inside, close }

    /// Calls `body` with every line (newline kept) and its place relative to fenced code.
    static func forEachLine(_ text: String, _ body: (String, FenceState) -> Void) {
        var fence: (char: Character, length: Int)? = nil
        var start = text.startIndex
        while start < text.endIndex {
            let end = text[start...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            let line = String(text[start..<end])
            start = end
            let stripped = line.drop { $0 == " " }
            let indent = line.count - stripped.count
            let char = stripped.first
            var run = 0
            if indent <= 3, let c = char, c == "`" || c == "~" { run = stripped.prefix { $0 == c }.count }
            if let f = fence {
                let rest = stripped.dropFirst(run)
                if run >= f.length, char == f.char, rest.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                    fence = nil; body(line, .close)
                } else {
                    body(line, .inside)
                }
                continue
            }
            if run >= 3, let c = char {
                let info = stripped.dropFirst(run).trimmingCharacters
                if !(c == "`" && info.contains("`")) {
                    fence = (c, run)
                    body(line, .open(info: String(info.split(separator: " ").first ?? "")))
                    continue
                }
            }
            body(line, .none)
        }
    }

    static func lineEnd(_ line: String) -> String { line.hasSuffix("\n") ? "\n" : "" }

    /// Applies `transform` to the parts of a line outside code spans.
    static func mapOutsideCode(_ line: String, _ transform: (String) -> String) -> String {
        var out = "", prose = ""
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            guard chars[i] == "`" else { prose.append(chars[i]); i += 1; continue }
            var n = 0
            while i + n < chars.count, chars[i + n] == "`" { n += 1 }
            if let close = closingRun(chars, from: i + n, length: n) {
                out += transform(prose); prose = ""
                out += String(chars[i..<close + n])
                i = close + n
            } else {
                prose += String(repeating: "`", count: n)
                i += n
            }
        }
        return out + transform(prose)
    }

    static func closingRun(_ chars: [Character], from start: Int, length n: Int) -> Int? {
        var j = start
        while j < chars.count {
            if chars[j] == "`" {
                var m = 0
                while j + m < chars.count, chars[j + m] == "`" { m += 1 }
                if m == n { return j }
                j += m
            } else {
                j += 1
            }
        }
        return nil
    }

    /// Inline math, one line at a time: $`x`$ <-> `$x$`.
    static func convertInline(_ line: String, toJupyter: Bool) -> String {
        let chars = Array(line)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count { out.append(c); out.append(chars[i + 1]); i += 2; continue }
            if c == "`" {
                var n = 0
                while i + n < chars.count, chars[i + n] == "`" { n += 1 }
                guard let close = closingRun(chars, from: i + n, length: n) else {
                    out += String(chars[i..<i + n]); i += n; continue
                }
                out += String(chars[i..<close + n])
                i = close + n
                continue
            }
            if c == "$" {
                if toJupyter {
                    // $`tex`$ -> $tex$
                    if i + 1 < chars.count, chars[i + 1] == "`", let close = closingRun(chars, from: i + 2, length: 1),
                       close + 1 < chars.count, chars[close + 1] == "$", close > i + 2 {
                        out += "$" + String(chars[i + 2..<close]) + "$"
                        i = close + 2
                        continue
                    }
                } else if let (tex, next) = jupyterMath(chars, at: i) {
                    out += "$`" + tex + "`$"
                    i = next
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// `$tex$` or `$$tex$$` starting at `i` (MathJax/pandoc rules: no space just inside the
    /// dollars, no backtick inside), returning the TeX and the index after the closing dollars.
    static func jupyterMath(_ chars: [Character], at i: Int) -> (String, Int)? {
        let double = i + 1 < chars.count && chars[i + 1] == "$"
        let open = double ? 2 : 1
        var j = i + open
        guard j < chars.count, chars[j] != " ", chars[j] != "$", chars[j] != "\n" else { return nil }
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "`" || chars[j] == "\n" { return nil }
            if chars[j] == "$" {
                if double {
                    guard j + 1 < chars.count, chars[j + 1] == "$" else { return nil }
                }
                guard chars[j - 1] != " " else { return nil }
                // `$5 and $6`: a closing dollar followed by a digit is a price, not math.
                if !double, j + 1 < chars.count, chars[j + 1].isNumber { return nil }
                return (String(chars[i + open..<j]), j + open)
            }
            j += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let s = drop { $0 == " " || $0 == "\t" }
        return String(s.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
    /// Without leading and trailing whitespace and newlines.
    var trimmingCharacters: String {
        let s = drop { $0.isWhitespace }
        return String(s.reversed().drop { $0.isWhitespace }.reversed())
    }
}
