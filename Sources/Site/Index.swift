import NNLang

extension Site {
    /// `index.html`: each notebook's title (linked), first paragraph, pass/fail badge and run time,
    /// grouped under the headings of their parts when the notebooks have parts (`Parts`).
    public static func index(_ notebooks: [SiteNotebook], options: SiteOptions = SiteOptions()) -> String {
        let title = "Lessons"
        let parts = notebooks.indices.filter { i in notebooks[i].part != nil && (i == 0 || notebooks[i].part != notebooks[i - 1].part) }.count
        var s = head(title: title, extraMeta: [("nnbook-pages", String(notebooks.count)), ("nnbook-parts", String(parts))])
        s += "<body>\n<main class=\"nn-page\">\n<h1>\(title)</h1>\n"
        let failed = notebooks.filter { !$0.passed }.count
        s += "<p class=\"nn-meta\">\(notebooks.count) notebook\(notebooks.count == 1 ? "" : "s"), "
        s += failed == 0 ? "all passed" : "\(failed) failed"
        if options.showTimes {
            let total = notebooks.compactMap(\.seconds).reduce(0, +)
            if notebooks.contains(where: { $0.seconds != nil }) { s += ", ran in \(formatDuration(total))" }
        }
        s += ".</p>\n"
        // One list per part, under the part's heading; numbering runs on across the parts.
        var listOpen = false
        for (i, nb) in notebooks.enumerated() {
            if !listOpen || (nb.part != notebooks[i - 1].part) {
                if listOpen { s += "</ol>\n" }
                if let part = nb.part { s += "<h2 class=\"nn-part\">\(HTML.escape(part))</h2>\n" }
                s += i == 0 ? "<ol class=\"nn-index\">\n" : "<ol class=\"nn-index\" start=\"\(i + 1)\">\n"
                listOpen = true
            }
            s += "<li><a class=\"nn-index-title\" href=\"\(HTML.escape(nb.pageName))\">\(HTML.escape(nb.title))</a>"
            s += nb.passed ? "<span class=\"nn-badge nn-pass\">passed</span>" : "<span class=\"nn-badge nn-fail\">failed</span>"
            if options.showTimes, let t = nb.seconds { s += "<span class=\"nn-time\">\(formatDuration(t))</span>" }
            if let summary = summary(nb) { s += "\n<p>\(summary)</p>" }
            s += "</li>\n"
        }
        if listOpen { s += "</ol>\n" }
        s += "</main>\n</body>\n</html>\n"
        return s
    }

    /// The first paragraph of prose, with its math converted, for the index.
    static func summary(_ nb: SiteNotebook) -> String? {
        var prose = ProseHTML()
        for block in nb.blocks {
            switch block {
            case .markdown(let b):
                if case .paragraph(let inl) = b.kind { return prose.inlines(inl, unsafe: false) }
            case .prose(let html):
                if let p = ProseHTML.firstParagraph(html) { return prose.process(p) }
            default:
                continue
            }
        }
        return nil
    }
}
