import Foundation
import NNLang
import Notebook
import Site
import Testing

private let quiet = SiteOptions(showTimes: false)

/// The whole page of a small notebook, byte for byte.
@Test func smallPageGolden() {
    let page = Site.page(Fixture.second, previous: Fixture.notebook, next: nil, options: quiet).html
    #expect(page == """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="generator" content="nnbook">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'">
        <meta name="nnbook-outputs" content="0">
        <meta name="nnbook-math" content="1">
        <meta name="nnbook-plots" content="0">
        <title>Broadcasting</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <main class="nn-page">
        <nav class="nn-nav"><a class="nn-prev" rel="prev" href="01_matmul.html">← Matrix multiplication from scratch</a><a class="nn-home" href="index.html">All lessons</a><span></span></nav>
        <h1 id="broadcasting">Broadcasting</h1>
        <p class="nn-meta"><span class="nn-badge nn-pass">passed</span></p>
        <p>Shapes line up from the right: <math><mo stretchy="false">(</mo><mn>5</mn><mo>,</mo><mn>1</mn><mo stretchy="false">)</mo><mo>→</mo><mo stretchy="false">(</mo><mn>5</mn><mo>,</mo><mn>3</mn><mo stretchy="false">)</mo></math>.</p>
        <nav class="nn-nav nn-nav-bottom"><a class="nn-prev" rel="prev" href="01_matmul.html">← Matrix multiplication from scratch</a><span></span></nav>
        </main>
        </body>
        </html>

        """)
}

@Test func fixturePageShowsEveryKindOfOutput() {
    let (page, diagnostics, _) = Site.page(Fixture.notebook, next: Fixture.second, options: quiet)
    #expect(diagnostics.isEmpty)
    // Counts the browser check compares with the DOM.
    #expect(page.contains("<meta name=\"nnbook-outputs\" content=\"9\">"))
    #expect(page.contains("<meta name=\"nnbook-math\" content=\"5\">"))
    #expect(page.contains("<meta name=\"nnbook-plots\" content=\"2\">"))  // the plot and the histogram
    #expect(page.components(separatedBy: "class=\"nn-output ").count - 1 == 9)
    // Table of contents from h2 headings, with anchors.
    #expect(page.contains("<h2 id=\"the-loop\">The loop</h2>"))
    #expect(page.contains("<ol><li><a href=\"#the-loop\">The loop</a></li>\n<li><a href=\"#gradients\">Gradients</a></li></ol>"))
    // What a cell prints is escaped; its code is highlighted.
    #expect(page.contains("<pre class=\"nn-output nn-stdout\">&lt;b&gt;hi&lt;/b&gt;</pre>"))
    #expect(page.contains("<pre class=\"nn-output nn-result\">Size([5, 10])</pre>"))
    #expect(page.contains("<span class=\"k\">def</span> <span class=\"f\">matmul</span>(a, b):"))
    #expect(page.contains("<span class=\"s\">&quot;&lt;b&gt;hi&lt;/b&gt;&quot;</span>"))
    // Rich displays.
    #expect(page.contains("<figure class=\"nn-output nn-image\"><img src=\"data:image/png;base64,iVBORw0KGgo"))
    #expect(page.contains("width=\"224\" height=\"224\" alt=\"&lt;image 28x28&gt;\""))
    #expect(page.components(separatedBy: "<figure class=\"nn-output nn-plot\"><svg").count - 1 == 2)
    #expect(page.contains("<table class=\"nn-output nn-table\"><thead><tr><th>shape</th><th>mean</th>"))
    #expect(page.contains("<td>[50000, 784]</td><td class=\"nn-num\">0.2860</td>"))
    // Errors: an expected one (raises) and an unexpected one with its traceback.
    #expect(page.contains("<div class=\"nn-output nn-error nn-expected\"><pre>Traceback (most recent call last):\n  File \"Notebooks/01_matmul.md\", line 42, in &lt;cell&gt;\n    1 / 0\n<span class=\"nn-error-summary\">ZeroDivisionError: division by zero</span></pre></div>"))
    #expect(page.contains("<div class=\"nn-output nn-error\"><pre>Traceback"))
    #expect(page.contains("<span class=\"nn-error-summary\">RuntimeError: shape &#39;[3, &lt;4&gt;]&#39; is invalid</span>"))
    // Cells that did not run.
    #expect(page.contains("<section class=\"nn-cell nn-not-run\" id=\"L50\">"))
    #expect(page.contains("<section class=\"nn-cell nn-skipped\" id=\"L54\">"))
    #expect(page.contains("<section class=\"nn-cell nn-hidden nn-not-run\" id=\"L58\">"))
    #expect(page.contains("<p class=\"nn-status\">Not run: an earlier cell raised an error.</p>"))
    // Math, prev/next.
    #expect(page.contains("<div class=\"nn-math-block\"><math display=\"block\">"))
    #expect(page.contains("<a class=\"nn-next\" rel=\"next\" href=\"02_broadcasting.html\">Broadcasting →</a>"))
    #expect(page.contains("<span class=\"nn-badge nn-fail\">failed</span>"))
}

@Test func pagesAreDeterministicAndTimesAreOptional() {
    let a = Site.page(Fixture.notebook, options: quiet).html
    let b = Site.page(Fixture.notebook, options: quiet).html
    #expect(a == b)
    #expect(!a.contains("nn-time"))
    let timed = Site.page(Fixture.notebook).html
    #expect(timed.contains("<span class=\"nn-time\">12 ms</span>"))
    #expect(timed.contains("ran in 3.25 s"))
    #expect(Site.formatDuration(0.0004) == "<1 ms")
    #expect(Site.formatDuration(125) == "2 min 5 s")
}

/// Nothing on a page is loaded from outside its folder: every src/href is a fragment, a
/// sibling file or a data: URI.
@Test func pagesRequestNothingOutsideTheirFolder() {
    for page in [Site.page(Fixture.notebook).html, Site.index([Fixture.notebook, Fixture.second])] {
        for attr in ["src=\"", "href=\""] {
            var rest = Substring(page)
            while let r = rest.range(of: attr) {
                let value = rest[r.upperBound...].prefix { $0 != "\"" }
                #expect(value.hasPrefix("#") || value.hasPrefix("data:image/png") || (!value.contains("/") && !value.contains(":")),
                        "\(attr)\(value)")
                rest = rest[r.upperBound...]
            }
        }
        #expect(!page.contains("<script"))
    }
}

// MARK: Markdown blocks of the notebook model

private func md(_ kind: MarkdownBlock.Kind) -> SiteBlock { .markdown(MarkdownBlock(kind: kind, lines: 1...1)) }

private func body(_ blocks: [SiteBlock], unsafe: Bool = false) -> String {
    let nb = SiteNotebook(path: "x.md", title: "T", blocks: [md(.heading(level: 1, [.text("T")]))] + blocks, passed: true)
    let page = Site.page(nb, options: SiteOptions(showTimes: false, unsafeHTML: unsafe)).html
    let start = page.range(of: "</p>\n", range: page.range(of: "nn-meta")!.upperBound..<page.endIndex)!.upperBound
    let end = page.range(of: "<nav class=\"nn-nav nn-nav-bottom\">")!.lowerBound
    return String(page[start..<end])
}

@Test func markdownBlocksAsHTML() {
    #expect(body([md(.paragraph([.text("a < b "), .emphasis([.text("em")]), .text(" "), .strong([.text("st")]),
                                  .softBreak, .code("x<y"), .lineBreak, .math("x^2")]))])
        == "<p>a &lt; b <em>em</em> <strong>st</strong>\n<code>x&lt;y</code><br>\n<math><msup><mi>x</mi><mn>2</mn></msup></math></p>\n")
    #expect(body([md(.list(.bullet, tight: true, items: [[MarkdownBlock(kind: .paragraph([.text("one")]), lines: 1...1)],
                                                      [MarkdownBlock(kind: .paragraph([.text("two")]), lines: 2...2)]]))])
        == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n")
    #expect(body([md(.list(.ordered(start: 3), tight: false, items: [[MarkdownBlock(kind: .paragraph([.text("x")]), lines: 1...1)]]))])
        == "<ol start=\"3\">\n<li>\n<p>x</p>\n</li>\n</ol>\n")
    #expect(body([md(.codeBlock(info: "python extra", code: "if a<b:\n    pass\n"))])
        == "<pre><code class=\"language-python\">if a&lt;b:\n    pass\n</code></pre>\n")
    #expect(body([md(.blockQuote([MarkdownBlock(kind: .paragraph([.text("q")]), lines: 1...1)])), md(.thematicBreak)])
        == "<blockquote>\n<p>q</p>\n</blockquote>\n<hr>\n")
    #expect(body([md(.math(tex: "\\frac{1}{2}"))])
        == "<div class=\"nn-math-block\"><math display=\"block\"><mfrac><mn>1</mn><mn>2</mn></mfrac></math></div>\n")
}

@Test func rawHTMLOnlyWithUnsafeOption() {
    let blocks = [md(.html("<div onclick=\"x()\">hi</div>\n")), md(.paragraph([.text("a"), .html("<b>"), .text("b"), .html("</b>")]))]
    #expect(body(blocks) == "<!-- raw HTML omitted -->\n<p>a<!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n")
    #expect(body(blocks, unsafe: true) == "<div onclick=\"x()\">hi</div>\n<p>a<b>b</b></p>\n")
}

@Test func linksAndImagesAreSafeAndLocal() {
    let p = md(.paragraph([
        .link(destination: "javascript:alert(1)", title: "", [.text("bad")]),
        .link(destination: "https://pytorch.org/docs", title: "t\"", [.text("docs")]),
        .image(source: "https://example.com/x.png", title: "", [.text("remote")]),
        .image(source: "img/local.png", title: "", [.text("local")]),
    ]))
    #expect(body([p]) == "<p><a href=\"\">bad</a><a href=\"https://pytorch.org/docs\" title=\"t&quot;\">docs</a><a class=\"nn-remote-image\" href=\"https://example.com/x.png\">remote</a><img src=\"img/local.png\" alt=\"local\"></p>\n")
}

@Test func headingIDsAreUniqueAndCellAnchorsDoNotClash() {
    let h = { (t: String) in md(.heading(level: 2, [.text(t)])) }
    let out = body([h("Loss"), h("Loss"), h("L12"), .cell(SiteCell(source: "x", line: 12, state: .skipped))])
    #expect(out.contains("<h2 id=\"loss\">Loss</h2>\n<h2 id=\"loss-2\">Loss</h2>\n<h2 id=\"l12\">L12</h2>"))
    #expect(out.contains("<section class=\"nn-cell nn-skipped\" id=\"L12\">"))
}

// MARK: From a notebook run

@Test func renderFromNotebookRun() throws {
    let text = """
        # Tiny "lesson" & co

        Adds $`1 + 1`$.

        ```nn
        print("<hi>")
        1 + 1
        ```

        ```nn raises=ValueError
        int("x")
        ```

        ```nn
        y = 2
        ```

        ```nn skip
        z = 3
        ```
        """
    let nb = Notebook(path: "Notebooks/07_tiny.md", text: text)
    let cells = nb.cells
    #expect(cells.count == 4)
    let failure = CellFailure(message: "output of cell 1 differs", line: 9, details: "--- expected\n+++ actual\n")
    let runs = [
        CellRun(cell: cells[0], result: CellResult(items: [.stdout("<hi>\n"), .result("2")]), output: "<hi>\n2\n",
                verdict: .failed(failure), seconds: 0.01),
        CellRun(cell: cells[1], result: CellResult(error: CellError(typeName: "ValueError", message: "invalid literal", traceback: [])),
                output: "ValueError: invalid literal\n", verdict: .passed, seconds: 0.01),
        CellRun(cell: cells[2], result: nil, output: "", verdict: .notRun, seconds: 0),
        CellRun(cell: cells[3], result: nil, output: "", verdict: .skipped, seconds: 0),
    ]
    let run = NotebookRun(notebook: nb, cells: runs, seconds: 0.05)
    let site = SiteNotebook(run)
    #expect(site.title == "Tiny \"lesson\" & co")
    #expect(site.pageName == "07_tiny.html")
    #expect(!site.passed)
    let page = Site.page(site, options: quiet).html
    #expect(page.contains("<title>Tiny &quot;lesson&quot; &amp; co</title>"))
    #expect(page.contains("<h1 id=\"tiny-lesson-co\">Tiny &quot;lesson&quot; &amp; co</h1>"))
    #expect(page.contains("<p>Adds <math><mn>1</mn><mo>+</mo><mn>1</mn></math>.</p>"))
    #expect(page.contains("<section class=\"nn-cell nn-failed\" id=\"L6\">"))
    #expect(page.contains("<p class=\"nn-status\">output of cell 1 differs</p>\n<details class=\"nn-failure\"><summary>details</summary><pre>--- expected\n+++ actual\n</pre></details>"))
    #expect(page.contains("<pre class=\"nn-output nn-stdout\">&lt;hi&gt;</pre>"))
    #expect(page.contains("<div class=\"nn-output nn-error nn-expected\"><pre><span class=\"nn-error-summary\">ValueError: invalid literal</span></pre></div>"))
    #expect(page.contains("<section class=\"nn-cell nn-not-run\" id=\"L15\">"))
    #expect(page.contains("<section class=\"nn-cell nn-skipped\" id=\"L19\">"))
    // The source is shown without its final newline.
    #expect(page.contains("<code>y <span class=\"o\">=</span> <span class=\"n\">2</span></code></pre>"))

    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-site-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = try Site.render([run], to: dir, options: quiet)
    #expect(report.pages == ["07_tiny.html", "index.html"])
    let written = try String(contentsOf: dir.appendingPathComponent("07_tiny.html"), encoding: .utf8)
    #expect(written == page)
    #expect(try String(contentsOf: dir.appendingPathComponent("style.css"), encoding: .utf8) == Site.stylesheet)
    let index = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("<a class=\"nn-index-title\" href=\"07_tiny.html\">Tiny &quot;lesson&quot; &amp; co</a><span class=\"nn-badge nn-fail\">failed</span>"))
    #expect(index.contains("<p>Adds <math><mn>1</mn><mo>+</mo><mn>1</mn></math>.</p>"))
}

@Test func badMathAndBadImagesAreReportedNotFatal() {
    let nb = SiteNotebook(path: "n.md", title: "n", blocks: [
        md(.math(tex: "\\oops")),
        .cell(SiteCell(source: "show_image(t)", line: 3, state: .ran(CellResult(items: [
            .display(.image(width: 3, height: 3, pixels: [1], text: "<image>")),
            .display(.math(tex: "x^", text: "x^")),
        ]), seconds: nil))),
    ], passed: true)
    let (page, diagnostics, _) = Site.page(nb, options: quiet)
    #expect(diagnostics.count == 3)
    // Each located at its block's .md line (`path:N: warning:` once Site.render adds the path).
    #expect(diagnostics[0].hasPrefix("line 1: math: unknown command \\oops"))
    #expect(diagnostics[1].hasPrefix("line 3: image: image of 3x3 needs 9 pixels, got 1"))
    #expect(page.contains("<merror><mtext>\\oops</mtext></merror>"))
    #expect(page.contains("&lt;image&gt;"))
}

@Test func oneFormulaRepeatingAMistakeWarnsOnce() {
    // 20,000 unknown commands in one formula: one warning with the count, not 20,000 lines.
    let nb = SiteNotebook(path: "n.md", title: "n", blocks: [
        md(.math(tex: String(repeating: "\\oops ", count: 20_000) + "\\nope")),
        md(.math(tex: "\\oops")),
    ], passed: true)
    let (_, diagnostics, _) = Site.page(nb, options: quiet)
    #expect(diagnostics == ["line 1: math: unknown command \\oops (at character 6; 19999 more in this formula)",
                            "line 1: math: unknown command \\nope (at character 120006)",
                            "line 1: math: unknown command \\oops (at character 6)"])
}

/// The stylesheet works offline and has a dark mode.
@Test func stylesheetIsSelfContained() {
    #expect(Site.stylesheet.contains("prefers-color-scheme: dark"))
    #expect(!Site.stylesheet.contains("@import") && !Site.stylesheet.contains("url("))
}

@Test func unexpectedErrorIsShownOnceAsItsTraceback() {
    let err = CellError(typeName: "NameError", message: "name 'q' is not defined", traceback: [])
    let cell = SiteCell(source: "q", line: 5, state: .ran(CellResult(error: err), seconds: nil),
                        failure: CellFailure(message: "cell 1 raised NameError: name 'q' is not defined", line: 5,
                                             details: "NameError: name 'q' is not defined\n"))
    let page = Site.page(SiteNotebook(path: "e.md", title: "e", blocks: [.cell(cell)], passed: false), options: quiet).html
    #expect(page.contains("<section class=\"nn-cell nn-failed\" id=\"L5\">"))
    #expect(!page.contains("nn-status") && !page.contains("nn-failure"))
    #expect(page.components(separatedBy: "name &#39;q&#39; is not defined").count - 1 == 1)
}

@Test func volatileCellsAreMarked() {
    var o = CellOptions()
    o.volatile = true
    let a = SiteCell(source: "%time f()", line: 3, state: .ran(CellResult(items: [.stdout("Wall time: 1 ms\n")]), seconds: nil), options: o)
    let b = SiteCell(source: "%timeit f()", line: 7, state: .ran(CellResult(items: [.stdout("1 ms\n")], volatile: true), seconds: nil))
    let page = Site.page(SiteNotebook(path: "v.md", title: "v", blocks: [.cell(a), .cell(b)], passed: true), options: quiet).html
    #expect(page.contains("<section class=\"nn-cell nn-volatile\" id=\"L3\">"))
    #expect(page.contains("<section class=\"nn-cell nn-volatile\" id=\"L7\">"))
}

@Test func localImagesAreCopiedIntoTheSiteFolder() throws {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-assets-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: tmp) }
    let notebooks = tmp.appendingPathComponent("Notebooks")
    try FileManager.default.createDirectory(at: notebooks.appendingPathComponent("img"), withIntermediateDirectories: true)
    try Data([1, 2, 3]).write(to: notebooks.appendingPathComponent("img/a.png"))
    try Data([4, 5]).write(to: tmp.appendingPathComponent("up.png"))
    let p = md(.paragraph([.image(source: "img/a.png", title: "", [.text("a")]), .image(source: "../up.png", title: "", [.text("b")]),
                           .image(source: "missing.png", title: "", [.text("c")])]))
    let nb = SiteNotebook(path: notebooks.appendingPathComponent("01_x.md").path, title: "x", blocks: [p], passed: true)
    let out = tmp.appendingPathComponent("site")
    let report = try Site.render([nb], to: out, options: quiet)
    let page = try String(contentsOf: out.appendingPathComponent("01_x.html"), encoding: .utf8)
    #expect(page.contains("<img src=\"img/a.png\" alt=\"a\"><img src=\"assets/up.png\" alt=\"b\"><img src=\"missing.png\" alt=\"c\">"))
    #expect(try Data(contentsOf: out.appendingPathComponent("img/a.png")) == Data([1, 2, 3]))
    #expect(try Data(contentsOf: out.appendingPathComponent("assets/up.png")) == Data([4, 5]))
    #expect(report.diagnostics == ["\(nb.path): warning: image missing.png not found"])
}

/// Subsections nest under their section, so the numbered top level counts only sections.
@Test func tableOfContentsNestsSubsections() {
    let nb = SiteNotebook(
        path: "Notebooks/09_toc.md", title: "T",
        blocks: [.prose(html: "<h1>T</h1>\n<h2>A</h2>\n<h3>A1</h3>\n<h3>A2</h3>\n<h2>B</h2>\n<h4>B1</h4>\n")], passed: true)
    let (page, _, _) = Site.page(nb, options: quiet)
    #expect(page.contains("""
        <ol><li><a href="#a">A</a>
        <ul><li><a href="#a1">A1</a></li>
        <li><a href="#a2">A2</a></li>
        </ul></li>
        <li><a href="#b">B</a>
        <ul><li><a href="#b1">B1</a></li></ul></li></ol>
        """))
}

/// A heading's math shows as MathML in the contents too (and is counted for the browser check);
/// its links do not nest inside the entry's own link.
@Test func tableOfContentsKeepsMathDropsLinks() {
    let nb = SiteNotebook(
        path: "Notebooks/09_toc.md", title: "T",
        blocks: [.prose(html: "<h1>T</h1>\n<h2>Scaling by $<code>\\sqrt{n}</code>$</h2>\n<h2>See <a href=\"x.html\">this</a></h2>\n")],
        passed: true)
    let (page, _, _) = Site.page(nb, options: quiet)
    #expect(page.contains("<li><a href=\"#scaling-by-n\">Scaling by <math><msqrt><mi>n</mi></msqrt></math></a>"))
    #expect(page.contains("<li><a href=\"#see-this\">See this</a></li></ol>"))
    #expect(page.contains("<meta name=\"nnbook-math\" content=\"2\">"))
}

@Test func linkURLsAreCheckedAfterDecodingAndStripping() {
    // cmark hands over destinations entity-decoded: `java&#x09;script:` arrives as "java\tscript:".
    let bad = ["java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)", "\u{01}javascript:alert(1)",
               " JavaScript:alert(1)", "vbscript:x", "data:text/html,<script>", "file:///etc/passwd", "ftp://x/y"]
    for url in bad {
        #expect(body([md(.paragraph([.link(destination: url, title: "", [.text("x")])]))]) == "<p><a href=\"\">x</a></p>\n", "\(url)")
        // --unsafe-html is about raw HTML; it does not let a script URL through.
        #expect(body([md(.paragraph([.link(destination: url, title: "", [.text("x")])]))], unsafe: true) == "<p><a href=\"\">x</a></p>\n")
    }
    let good = ["https://a.org/x?y#z", "http://a.org", "mailto:a@b.org", "02_next.md", "../x.html", "#section", "/abs/path"]
    for url in good {
        #expect(body([md(.paragraph([.link(destination: url, title: "", [.text("x")])]))]) == "<p><a href=\"\(url)\">x</a></p>\n", "\(url)")
    }
    #expect(body([md(.paragraph([.link(destination: "http://a.org/\t x", title: "", [.text("x")])]))]) == "<p><a href=\"http://a.org/ x\">x</a></p>\n")
}

@Test func everyPageCarriesAContentSecurityPolicy() {
    let page = Site.page(Fixture.notebook, options: SiteOptions(showTimes: false)).html
    #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"))
    let index = Site.index([Fixture.notebook], options: SiteOptions(showTimes: false))
    #expect(index.contains("http-equiv=\"Content-Security-Policy\""))
}
