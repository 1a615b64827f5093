import Foundation
import NNLang

/// Static HTML for rendered notebooks: a page per notebook, `index.html` and `style.css`.
///
///     try Site.render(notebooks, to: URL(fileURLWithPath: "site"), options: SiteOptions())
///
/// Pages need nothing outside their folder (no scripts, fonts or CDNs), and the same input
/// gives the same bytes (run times aside; `SiteOptions(showTimes: false)` drops those too).
public enum Site {
    /// What `render` wrote, and problems worth telling the author about (bad math, images).
    public struct Report: Sendable, Equatable {
        /// Page file names in order, `index.html` last.
        public var pages: [String]
        /// `file: message` lines, e.g. `Notebooks/01_matmul.md: math: unknown command \foo`.
        public var diagnostics: [String]
    }

    /// Writes a page per notebook (in the given order; prev/next follow it), `index.html`
    /// and `style.css` into `outDir`, creating it if needed.
    @discardableResult
    public static func render(_ notebooks: [SiteNotebook], to outDir: URL, options: SiteOptions = SiteOptions()) throws -> Report {
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        var report = Report(pages: [], diagnostics: [])
        for (i, nb) in notebooks.enumerated() {
            let rendered = page(nb, previous: i > 0 ? notebooks[i - 1] : nil,
                                next: i + 1 < notebooks.count ? notebooks[i + 1] : nil, options: options)
            try write(rendered.html, to: outDir.appendingPathComponent(nb.pageName))
            report.pages.append(nb.pageName)
            // `line N: message` from the page becomes `path:N: warning: message` (compiler style).
            report.diagnostics += rendered.diagnostics.map { d in
                let rest = d.dropFirst(5)
                if d.hasPrefix("line "), let colon = rest.firstIndex(of: ":"), Int(rest[..<colon]) != nil {
                    return "\(nb.path):\(rest[..<colon]): warning:\(rest[rest.index(after: colon)...])"
                }
                return "\(nb.path): warning: \(d)"
            }
            let notebookDir = URL(fileURLWithPath: nb.path).deletingLastPathComponent()
            for asset in rendered.assets {
                let from = notebookDir.appendingPathComponent(asset.from)
                guard let data = try? Data(contentsOf: from) else {
                    report.diagnostics.append("\(nb.path): warning: image \(asset.from) not found")
                    continue
                }
                let to = outDir.appendingPathComponent(asset.to)
                try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                if (try? Data(contentsOf: to)) != data { try data.write(to: to, options: .atomic) }
            }
        }
        try write(index(notebooks, options: options), to: outDir.appendingPathComponent("index.html"))
        report.pages.append("index.html")
        if options.writeStylesheet {
            try write(stylesheet, to: outDir.appendingPathComponent("style.css"))
        }
        return report
    }

    /// The HTML of one notebook page, the diagnostics met while writing it, and the local
    /// images it shows (which `render` copies next to it).
    public static func page(_ notebook: SiteNotebook, previous: SiteNotebook? = nil, next: SiteNotebook? = nil,
                            options: SiteOptions = SiteOptions()) -> (html: String, diagnostics: [String], assets: [SiteAsset]) {
        var w = PageWriter(notebook, previous: previous, next: next, options: options)
        let html = w.render()
        return (html, w.diagnostics, w.assets)
    }

    /// Writes only when the bytes differ, so unchanged pages keep their modification time.
    private static func write(_ text: String, to url: URL) throws {
        let data = Data(text.utf8)
        if let old = try? Data(contentsOf: url), old == data { return }
        try data.write(to: url, options: .atomic)
    }

    /// What a page may load: its own stylesheet and images (plots are inline SVG, digits
    /// `data:` PNGs), and nothing else - no script, no frame, no remote anything, no form
    /// target. Even `--unsafe-html` prose cannot run a script on a page.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    /// `<!DOCTYPE html>` through `</head>`.
    static func head(title: String, extraMeta: [(String, String)]) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        s += "<meta name=\"generator\" content=\"nnbook\">\n"
        s += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">\n"
        for (name, content) in extraMeta {
            s += "<meta name=\"\(HTML.escape(name))\" content=\"\(HTML.escape(content))\">\n"
        }
        s += "<title>\(HTML.escape(title))</title>\n"
        s += "<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n"
        return s
    }

    /// A run time for people: `<1 ms`, `12 ms`, `1.25 s`, `2 min 5 s`.
    public static func formatDuration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        if seconds < 0.001 { return "<1 ms" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        if seconds < 60 { return String(format: "%.2f s", seconds) }
        let total = Int(seconds.rounded())
        return "\(total / 60) min \(total % 60) s"
    }
}
