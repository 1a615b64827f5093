import Foundation
import NNLang
import Notebook

/// Writes one notebook page.
struct PageWriter {
    let notebook: SiteNotebook
    let previous: SiteNotebook?
    let next: SiteNotebook?
    let options: SiteOptions

    /// Counts the browser check compares against the DOM.
    private(set) var outputCount = 0
    private(set) var mathCount = 0
    private(set) var plotCount = 0
    private(set) var diagnostics: [String] = []
    /// Warnings already given (`line N: message`), so a formula that trips the same error
    /// many times warns once.
    private var seenDiagnostics: Set<String> = []

    /// Records `messages` as `line N: message`, once each. With `replacing`, they are
    /// `diagnostics`' own unlocated entries (from the cell renderer) being given their line.
    private mutating func note(_ messages: [String], line: Int, replacing: Bool = false) {
        if replacing { diagnostics.removeAll { !$0.hasPrefix("line ") } }
        for m in messages {
            let located = "line \(line): \(m)"
            if seenDiagnostics.insert(located).inserted { diagnostics.append(located) }
        }
    }

    /// Local images the page shows (copied next to it by `Site.render`).
    private(set) var assets: [SiteAsset] = []

    init(_ notebook: SiteNotebook, previous: SiteNotebook?, next: SiteNotebook?, options: SiteOptions) {
        self.notebook = notebook; self.previous = previous; self.next = next; self.options = options
    }

    mutating func render() -> String {
        var prose = ProseHTML()
        var body = ""
        // The .md line each warning points at: the block's, or the last one known.
        var line = 1
        for block in notebook.blocks {
            switch block {
            case .markdown(let b):
                line = b.lines.lowerBound
                body += prose.block(b, unsafe: options.unsafeHTML)
            case .prose(let html):
                body += prose.process(html)
                if !html.hasSuffix("\n") { body += "\n" }
            case .math(let tex):
                body += prose.displayMath(tex)
            case .cell(let cell):
                line = cell.line
                body += renderCell(cell, ids: &prose)
            }
            note(prose.takeDiagnostics(), line: line)
            note(diagnostics.filter { !$0.hasPrefix("line ") }, line: line, replacing: true)
        }
        assets = prose.assets

        var meta = notebook.passed ? "<span class=\"nn-badge nn-pass\">passed</span>"
            : "<span class=\"nn-badge nn-fail\">failed</span>"
        if options.showTimes, let s = notebook.seconds { meta += " <span class=\"nn-run-time\">ran in \(Site.formatDuration(s))</span>" }
        if let part = notebook.part { meta = "<span class=\"nn-part-name\">\(HTML.escape(part))</span> " + meta }
        var header = "<p class=\"nn-meta\">\(meta)</p>\n"
        if !notebook.errorReport.isEmpty {
            header += Self.errorBanner(notebook.errorReport)
        }
        if !notebook.diagnostics.isEmpty {
            header += "<div class=\"nn-diagnostics\"><pre>"
            header += notebook.diagnostics.map(HTML.escape).joined(separator: "\n")
            header += "</pre></div>\n"
        }
        let toc = prose.headings.filter { (2...4).contains($0.level) }
        if toc.count >= 2 {
            // Nested lists, so an ordered top level numbers only its own headings.
            header += "<details class=\"nn-toc\" open><summary>Contents</summary>\n"
            var open: [Int] = []  // heading level of each open list, outermost first
            for h in toc {
                if let top = open.last, h.level > top {
                    header += "\n<ul>"
                    open.append(h.level)
                } else if open.isEmpty {
                    header += "<ol>"
                    open.append(h.level)
                } else {
                    header += "</li>\n"
                    while open.count > 1, let top = open.last, h.level < top {
                        header += "</ul></li>\n"
                        open.removeLast()
                    }
                }
                header += "<li><a href=\"#\(h.id)\">\(h.html)</a>"
            }
            header += "</li>"
            while open.count > 1 { header += "</ul></li>"; open.removeLast() }
            header += "</ol></details>\n"
        }
        // The meta line and contents go right under the title heading, or on top without one.
        if let h1 = body.range(of: "</h1>\n") {
            body.insert(contentsOf: header, at: h1.upperBound)
        } else {
            body = "<h1>\(HTML.escape(notebook.title))</h1>\n" + header + body
        }
        // Only we write `<math`: everything a cell prints is escaped. Counted after the
        // contents are in, since headings with math repeat it there.
        mathCount = body.components(separatedBy: "<math").count - 1
        // Every chart is an `<svg class="nn-plot">` with its axes (`SVGChart`).
        plotCount = body.components(separatedBy: "<svg class=\"nn-plot\"").count - 1

        var page = Site.head(title: notebook.title, extraMeta: [
            ("nnbook-outputs", String(outputCount)), ("nnbook-math", String(mathCount)), ("nnbook-plots", String(plotCount)),
        ])
        page += "<body>\n<main class=\"nn-page\">\n"
        page += navigation(top: true)
        page += body
        page += navigation(top: false)
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    /// ` (Part 2: training)` on a prev/next link that leads into another part.
    private func partNote(_ other: SiteNotebook) -> String {
        guard let part = other.part, part != notebook.part else { return "" }
        return " <span class=\"nn-nav-part\">(\(HTML.escape(part)))</span>"
    }

    private func navigation(top: Bool) -> String {
        var s = "<nav class=\"nn-nav\(top ? "" : " nn-nav-bottom")\">"
        if let p = previous {
            s += "<a class=\"nn-prev\" rel=\"prev\" href=\"\(HTML.escape(p.pageName))\">← \(HTML.escape(p.title))\(partNote(p))</a>"
        } else {
            s += "<span></span>"
        }
        if top { s += "<a class=\"nn-home\" href=\"index.html\">All lessons</a>" }
        if let n = next {
            s += "<a class=\"nn-next\" rel=\"next\" href=\"\(HTML.escape(n.pageName))\">\(HTML.escape(n.title))\(partNote(n)) →</a>"
        } else {
            s += "<span></span>"
        }
        return s + "</nav>\n"
    }

    // MARK: Cells

    private mutating func renderCell(_ cell: SiteCell, ids: inout ProseHTML) -> String {
        var classes = ["nn-cell"]
        if cell.options.hide { classes.append("nn-hidden") }
        var status: String?
        var outputs = ""
        var time: String?
        switch cell.state {
        case .skipped:
            classes.append("nn-skipped")
            status = "Skipped (<code>skip</code>): not run."
        case .notRun:
            classes.append("nn-not-run")
            status = "Not run: an earlier cell raised an error."
            if let stale = cell.staleResult {
                classes.append("nn-stale")
                status = "Not run: an earlier cell raised an error. Below: its output from the last good run (stale)."
                outputs = renderOutputs(stale, cell: cell)
            }
        case .ran(let result, let seconds):
            outputs = renderOutputs(result, cell: cell)
            if cell.options.volatile || result.volatile { classes.append("nn-volatile") }
            if let s = seconds, options.showTimes { time = Site.formatDuration(s) }
        }
        var details = ""
        if let f = cell.failure, cell.state != .notRun {
            classes.append("nn-failed")
            // An unexpected error speaks for itself in the outputs; say nothing twice.
            if !cell.failureIsTheError { status = HTML.escape(f.message) }
            if !f.details.isEmpty, !cell.ranIntoError {
                details = "<details class=\"nn-failure\"><summary>details</summary><pre>\(HTML.escape(f.details))</pre></details>\n"
            }
        }
        let id = ids.uniqueID("L\(cell.line)")
        var s = "<section class=\"\(classes.joined(separator: " "))\" id=\"\(id)\">\n"
        if !cell.options.hide || status != nil {
            s += "<div class=\"nn-input\"><pre class=\"nn-code\"><code>"
            let shown = cell.source.hasSuffix("\n") ? String(cell.source.dropLast()) : cell.source
            s += Highlight.html(shown, spans: cell.spans)
            s += "</code></pre>"
            if let t = time { s += "<span class=\"nn-time\">\(t)</span>" }
            s += "</div>\n"
        }
        if let st = status { s += "<p class=\"nn-status\">\(st)</p>\n" + details }
        if !outputs.isEmpty { s += "<div class=\"nn-outputs\">\n\(outputs)</div>\n" }
        s += "</section>\n"
        return s
    }

    /// A cell's outputs in the order it produced them; adjacent printed text is one block.
    private mutating func renderOutputs(_ result: CellResult, cell: SiteCell) -> String {
        var out = ""
        var pendingText = ""
        func flush(_ out: inout String, _ count: inout Int) {
            guard !pendingText.isEmpty else { return }
            out += "<pre class=\"nn-output nn-stdout\">\(HTML.escape(Self.trimFinalNewline(pendingText)))</pre>\n"
            count += 1
            pendingText = ""
        }
        for item in result.items {
            switch item {
            case .stdout(let t):
                pendingText += t
            case .result(let r):
                flush(&out, &outputCount)
                out += "<pre class=\"nn-output nn-result\">\(HTML.escape(r))</pre>\n"
                outputCount += 1
            case .display(let d):
                flush(&out, &outputCount)
                out += renderDisplay(d)
                outputCount += 1
            }
        }
        flush(&out, &outputCount)
        if let e = result.error {
            let expected = cell.options.raises?.accepts(e.typeName) ?? false
            out += "<div class=\"nn-output nn-error\(expected ? " nn-expected" : "")\"><pre>"
            out += Self.traceback(e)
            out += "</pre></div>\n"
            outputCount += 1
        }
        return out
    }

    static func trimFinalNewline(_ s: String) -> String {
        s.hasSuffix("\n") ? String(s.dropLast()) : s
    }

    /// Python's traceback layout, escaped, with the final `Type: message` line emphasised.
    static func traceback(_ e: CellError) -> String {
        var s = ""
        if !e.traceback.isEmpty {
            s += "Traceback (most recent call last):\n"
            for f in e.traceback {
                s += "  File \"\(HTML.escape(f.location.file))\", line \(f.location.line), in \(HTML.escape(f.function))\n"
                if let src = f.sourceLine, !src.isEmpty { s += "    \(HTML.escape(src))\n" }
            }
        }
        s += "<span class=\"nn-error-summary\">\(HTML.escape(e.summary))</span>"
        return s
    }

    private mutating func renderDisplay(_ d: RichDisplay) -> String {
        switch d {
        case .image(let w, let h, let pixels, let text):
            let scale = PNG.displayScale(width: w, height: h)
            do {
                let png = try PNG.encodeGrayscale(width: w, height: h, pixels: pixels, scale: scale)
                return "<figure class=\"nn-output nn-image\"><img src=\"\(PNG.dataURI(png))\" width=\"\(w * scale)\" height=\"\(h * scale)\" alt=\"\(HTML.escape(text.isEmpty ? "image \(w)×\(h)" : text))\"></figure>\n"
            } catch {
                diagnostics.append("image: \(error)")
                return "<pre class=\"nn-output nn-stdout\">\(HTML.escape(text))\n<span class=\"nn-diagnostic\">(\(HTML.escape(String(describing: error))))</span></pre>\n"
            }
        case .plot(let plot, _):
            return "<figure class=\"nn-output nn-plot\">\(SVGChart.render(plot))</figure>\n"
        case .figure(let f):
            return FigureHTML.render(f, diagnostics: &diagnostics)
        case .table(let header, let rows, _):
            var s = "<table class=\"nn-output nn-table\">"
            if !header.isEmpty {
                s += "<thead><tr>" + header.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>"
            }
            s += "<tbody>"
            for row in rows {
                s += "<tr>" + row.map { cell in
                    Double(cell.trimmingCharacters(in: .whitespaces)) != nil
                        ? "<td class=\"nn-num\">\(HTML.escape(cell))</td>" : "<td>\(HTML.escape(cell))</td>"
                }.joined() + "</tr>"
            }
            return s + "</tbody></table>\n"
        case .math(let tex, _):
            let r = MathML.convert(tex, display: true)
            diagnostics += r.warnings.map { "math: \($0)" }
            return "<div class=\"nn-output nn-math\">\(r.html)</div>\n"
        }
    }
}
