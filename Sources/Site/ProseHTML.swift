import Foundation

/// Post-processing of the HTML cmark wrote for prose: heading ids, math.
///
/// cmark's HTML is regular (`<h2>`, `<code>`, `<pre><code class="language-math">`), so this is
/// plain scanning of that output, not HTML parsing of arbitrary markup.
struct ProseHTML {
    /// A heading for the table of contents.
    struct Heading: Equatable {
        var level: Int
        var id: String
        /// Escaped text of the heading (tags removed).
        var text: String
        /// The heading's inline HTML without links (math stays), for the table of contents.
        var html: String
    }

    private(set) var headings: [Heading] = []
    private(set) var mathCount = 0
    private(set) var diagnostics: [String] = []
    private var usedIDs: Set<String> = []
    /// Local images the prose shows: copied next to the page so it loads nothing from outside
    /// its folder. `from` is relative to the notebook's folder, `to` to the page's.
    private(set) var assets: [SiteAsset] = []

    /// Where a local image `src` of the notebook goes in the site folder: the same relative
    /// path when it stays inside the folder, else `assets/NAME`.
    mutating func asset(_ src: String) -> String {
        let clean = src.split(separator: "#").first.map(String.init) ?? src
        let parts = clean.split(separator: "/", omittingEmptySubsequences: true)
        let inside = !clean.hasPrefix("/") && !parts.contains("..") && !parts.isEmpty
        let name = parts.last.map(String.init) ?? "image"
        let to = inside ? parts.filter { $0 != "." }.joined(separator: "/") : "assets/" + name
        if !assets.contains(where: { $0.to == to }) { assets.append(SiteAsset(from: clean, to: to)) }
        return to
    }

    /// Reserves an id so headings do not take it (`L12` cell anchors never clash anyway).
    mutating func uniqueID(_ base: String) -> String {
        var id = base
        var n = 2
        while usedIDs.contains(id) {
            id = "\(base)-\(n)"; n += 1
        }
        usedIDs.insert(id)
        return id
    }

    /// `html` with ids on headings, display math blocks and inline $`...`$ converted.
    mutating func process(_ html: String) -> String {
        var s = html
        s = replaceDisplayMath(s)
        s = replaceInlineMath(s)
        s = addHeadingIDs(s)
        return s
    }

    /// A display formula from a ```` ```math ```` block.
    mutating func displayMath(_ tex: String) -> String {
        let r = MathML.convert(tex, display: true)
        mathCount += 1
        diagnostics += r.warnings.map { "math: \($0)" }
        return "<div class=\"nn-math-block\">\(r.html)</div>\n"
    }

    private mutating func replaceDisplayMath(_ s: String) -> String {
        let open = "<pre><code class=\"language-math\">"
        let close = "</code></pre>"
        var out = ""
        var rest = Substring(s)
        while let a = rest.range(of: open) {
            guard let b = rest[a.upperBound...].range(of: close) else { break }
            out += rest[..<a.lowerBound]
            out += displayMath(Self.unescape(String(rest[a.upperBound..<b.lowerBound])))
                .dropLast()  // the block's own newline follows in the source
            rest = rest[b.upperBound...]
        }
        out += rest
        return out
    }

    /// An inline formula (`$`...`$`).
    mutating func inlineMath(_ tex: String) -> String {
        let r = MathML.convert(tex, display: false)
        mathCount += 1
        diagnostics += r.warnings.map { "math: \($0)" }
        return r.html
    }

    /// The diagnostics gathered so far, leaving none (so a page reports them in block order).
    mutating func takeDiagnostics() -> [String] {
        defer { diagnostics = [] }
        return diagnostics
    }

    mutating func recordHeading(_ h: Heading) { headings.append(h) }

    private mutating func replaceInlineMath(_ s: String) -> String {
        let open = "$<code>"
        let close = "</code>$"
        var out = ""
        var rest = Substring(s)
        while let a = rest.range(of: open) {
            guard let b = rest[a.upperBound...].range(of: "</code>") else { break }
            guard rest[b.lowerBound...].hasPrefix(close) else {
                out += rest[..<b.upperBound]
                rest = rest[b.upperBound...]
                continue
            }
            out += rest[..<a.lowerBound]
            out += inlineMath(Self.unescape(String(rest[a.upperBound..<b.lowerBound])))
            rest = rest[b.upperBound...].dropFirst()  // the closing `$`
        }
        out += rest
        return out
    }

    private mutating func addHeadingIDs(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let a = rest.range(of: "<h") {
            let after = rest[a.upperBound...]
            guard let d = after.first, let level = d.wholeNumberValue, (1...6).contains(level),
                  after.dropFirst().first == ">",
                  let end = after.range(of: "</h\(level)>") else {
                out += rest[..<a.upperBound]
                rest = after
                continue
            }
            let inner = String(after[after.index(after.startIndex, offsetBy: 2)..<end.lowerBound])
            let text = Self.stripTags(inner)
            let id = uniqueID(HTML.slug(Self.unescape(text)))
            headings.append(Heading(level: level, id: id, text: text, html: Self.stripLinks(inner)))
            out += rest[..<a.lowerBound]
            out += "<h\(level) id=\"\(id)\">\(inner)</h\(level)>"
            rest = after[end.upperBound...]
        }
        out += rest
        return out
    }

    /// Text of an HTML fragment with its tags removed (entities stay escaped).
    /// `s` without `<a ...>` and `</a>` tags: a TOC entry is itself a link.
    static func stripLinks(_ s: String) -> String {
        guard s.contains("<a") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "<a") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            // `<a>` or `<a attr...>`, not `<abbr>`.
            guard let next = after.first, next == ">" || next == " ", let close = after.firstIndex(of: ">") else {
                out += "<a"
                rest = after
                continue
            }
            rest = after[after.index(after: close)...]
        }
        out += rest
        return out.replacingOccurrences(of: "</a>", with: "")
    }

    static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true } else if c == ">" && inTag { inTag = false } else if !inTag { out.append(c) }
        }
        return out
    }

    /// Undoes cmark's escaping of code text (`&lt;` `&gt;` `&amp;` `&quot;`).
    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The first paragraph's inner HTML (for index summaries), or nil.
    static func firstParagraph(_ html: String) -> String? {
        guard let a = html.range(of: "<p>"), let b = html[a.upperBound...].range(of: "</p>") else { return nil }
        return String(html[a.upperBound..<b.lowerBound])
    }
}
