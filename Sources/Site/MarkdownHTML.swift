import Notebook

/// Markdown blocks of the notebook model as HTML, in CommonMark's usual markup.
extension ProseHTML {
    /// One block as HTML: headings get ids (and a TOC entry), math becomes MathML, raw HTML
    /// is kept only when `unsafe` (otherwise an HTML comment marks where it was).
    mutating func block(_ b: MarkdownBlock, unsafe: Bool, tight: Bool = false) -> String {
        switch b.kind {
        case .paragraph(let inl):
            let body = inlines(inl, unsafe: unsafe)
            return tight ? body + "\n" : "<p>\(body)</p>\n"
        case .heading(let level, let inl):
            let l = min(max(level, 1), 6)
            let id = uniqueID(HTML.slug(inl.plainText))
            let html = inlines(inl, unsafe: unsafe)
            recordHeading(Heading(level: l, id: id, text: HTML.escape(inl.plainText), html: Self.stripLinks(html)))
            return "<h\(l) id=\"\(id)\">\(html)</h\(l)>\n"
        case .codeBlock(let info, let code):
            let lang = info.split(separator: " ").first.map { " class=\"language-\(HTML.escape(String($0)))\"" } ?? ""
            return "<pre><code\(lang)>\(HTML.escape(code))</code></pre>\n"
        case .math(let tex):
            return displayMath(tex)
        case .blockQuote(let kids):
            return "<blockquote>\n" + kids.map { block($0, unsafe: unsafe) }.joined() + "</blockquote>\n"
        case .list(let style, let isTight, let items):
            var s: String
            switch style {
            case .bullet: s = "<ul>\n"
            case .ordered(let start): s = start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            }
            for item in items {
                var body = item.map { block($0, unsafe: unsafe, tight: isTight) }.joined()
                if isTight, body.hasSuffix("\n") { body.removeLast() }
                s += isTight ? "<li>\(body)</li>\n" : "<li>\n\(body)</li>\n"
            }
            if case .bullet = style { s += "</ul>\n" } else { s += "</ol>\n" }
            return s
        case .thematicBreak:
            return "<hr>\n"
        case .html(let raw):
            return unsafe ? raw + (raw.hasSuffix("\n") ? "" : "\n") : "<!-- raw HTML omitted -->\n"
        }
    }

    /// Inline content as HTML.
    mutating func inlines(_ items: [Inline], unsafe: Bool) -> String {
        var s = ""
        for i in items { s += inline(i, unsafe: unsafe) }
        return s
    }

    private mutating func inline(_ i: Inline, unsafe: Bool) -> String {
        switch i {
        case .text(let t): return HTML.escape(t)
        case .softBreak: return "\n"
        case .lineBreak: return "<br>\n"
        case .code(let c): return "<code>\(HTML.escape(c))</code>"
        case .math(let tex): return inlineMath(tex)
        case .emphasis(let kids): return "<em>\(inlines(kids, unsafe: unsafe))</em>"
        case .strong(let kids): return "<strong>\(inlines(kids, unsafe: unsafe))</strong>"
        case .link(let dest, let title, let kids):
            // Checked whatever --unsafe-html says: that flag is about raw HTML blocks.
            let href = Self.safeLink(dest).map(HTML.escape) ?? ""
            let t = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            return "<a href=\"\(href)\"\(t)>\(inlines(kids, unsafe: unsafe))</a>"
        case .image(let src, let title, let kids):
            let alt = HTML.escape(kids.plainText)
            // A page never loads anything from outside its folder: remote images become links.
            if Self.isRemote(src) || !Self.isSafeURL(src) {
                return "<a class=\"nn-remote-image\" href=\"\(Self.safeLink(src).map(HTML.escape) ?? "")\">\(alt.isEmpty ? "image" : alt)</a>"
            }
            let t = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            let local = src.lowercased().hasPrefix("data:") ? src : asset(src)
            return "<img src=\"\(HTML.escape(local))\" alt=\"\(alt)\"\(t)>"
        case .html(let raw):
            return unsafe ? raw : "<!-- raw HTML omitted -->"
        }
    }

    /// A link destination as the page may carry it, or nil when it is not allowed.
    ///
    /// cmark has already decoded entities (`java&#x09;script:` is `java\tscript:` here); a
    /// browser then drops tabs and newlines anywhere in a URL and control characters and
    /// spaces around it, so the check runs on that form, and the form is what is written.
    /// Allowed: `http:`, `https:`, `mailto:`, a relative path, a `#fragment`.
    static func safeLink(_ url: String) -> String? {
        let cleaned = cleanURL(url)
        guard let scheme = scheme(of: cleaned) else { return cleaned }
        return ["http", "https", "mailto"].contains(scheme) ? cleaned : nil
    }

    /// An image source: a safe link, or an inline `data:` PNG/GIF/JPEG/WebP.
    static func isSafeURL(_ url: String) -> Bool {
        let cleaned = cleanURL(url)
        if scheme(of: cleaned) == "data" {
            let lower = cleaned.lowercased()
            return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        }
        return safeLink(cleaned) != nil
    }

    /// The URL a browser would act on: no tab, CR or LF anywhere, no C0 control or space at
    /// either end (WHATWG URL parsing); other control characters are dropped as well.
    static func cleanURL(_ url: String) -> String {
        var scalars = url.unicodeScalars.filter { !($0.value < 0x20 || $0.value == 0x7F) || $0 == " " }
        while let f = scalars.first, f == " " { scalars.removeFirst() }
        while let l = scalars.last, l == " " { scalars.removeLast() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The lowercased scheme of a URL (`javascript`), or nil for a relative URL or fragment.
    static func scheme(of url: String) -> String? {
        var name = ""
        for u in url.unicodeScalars {
            if u == ":" { return name.isEmpty ? nil : name.lowercased() }
            let isAlpha = (u >= "a" && u <= "z") || (u >= "A" && u <= "Z")
            let isOther = (u >= "0" && u <= "9") || u == "+" || u == "-" || u == "."
            guard isAlpha || (!name.isEmpty && isOther) else { return nil }
            name.unicodeScalars.append(u)
        }
        return nil
    }

    /// A URL that would be fetched from another host.
    static func isRemote(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") || lower.hasPrefix("ftp:")
    }
}

extension Substring {
    fileprivate func trimmingPrefix(while pred: (Character) -> Bool) -> Substring {
        var s = self
        while let f = s.first, pred(f) { s = s.dropFirst() }
        return s
    }
}

extension String {
    fileprivate func trimmingPrefix(while pred: (Character) -> Bool) -> Substring {
        Substring(self).trimmingPrefix(while: pred)
    }
}
