/// HTML text helpers shared by every part of the site.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` so `s` is safe as element text and in quoted attributes.
    ///
    ///     HTML.escape("a < b & \"c\"")   // a &lt; b &amp; &quot;c&quot;
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\0": out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A fragment id for a heading: lower case, letters and digits, words joined by `-`.
    ///
    ///     HTML.slug("2. Matrix multiplication!")   // 2-matrix-multiplication
    public static func slug(_ s: String) -> String {
        var out = ""
        var pendingDash = false
        for c in s.lowercased() {
            if c.isLetter || c.isNumber {
                if pendingDash, !out.isEmpty { out += "-" }
                pendingDash = false
                out.append(c)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : out
    }
}
