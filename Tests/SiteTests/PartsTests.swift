import Foundation
import NNLang
import Notebook
import Site
import Testing

private let quiet = SiteOptions(showTimes: false)

private func lesson(_ file: String, _ title: String, part: String?) -> SiteNotebook {
    var nb = SiteNotebook(path: "Notebooks/\(file)", title: title,
                          blocks: [.prose(html: "<h1>\(title)</h1>\n<p>About \(title).</p>\n")], passed: true)
    nb.part = part
    return nb
}

@Test func partsFileIsReadLineByLine() {
    let parts = Parts(text: """
        # comment: ignored
        06_training.md: Part 2: training

        01_matmul.md :  Part 1: matmul to backprop
        no colon here
        : no file
        07_x.md:
        """)
    #expect(parts.starts.map(\.file) == ["01_matmul.md", "06_training.md"])
    #expect(parts.starts.map(\.title) == ["Part 1: matmul to backprop", "Part 2: training"])
    #expect(parts.part(of: "Notebooks/00_intro.md") == nil)
    #expect(parts.part(of: "Notebooks/01_matmul.md") == "Part 1: matmul to backprop")
    #expect(parts.part(of: "Notebooks/05_init.md") == "Part 1: matmul to backprop")
    #expect(parts.part(of: "06_training.md") == "Part 2: training")
    #expect(parts.part(of: "x/08_schedules.md") == "Part 2: training")
}

@Test func indexGroupsLessonsUnderTheirParts() {
    let nbs = [lesson("01_a.md", "A", part: "Part 1: basics"), lesson("02_b.md", "B", part: "Part 1: basics"),
               lesson("03_c.md", "C", part: "Part 2: training")]
    let index = Site.index(nbs, options: quiet)
    #expect(index.contains("""
        <h2 class="nn-part">Part 1: basics</h2>
        <ol class="nn-index">
        <li><a class="nn-index-title" href="01_a.html">A</a>
        """))
    #expect(index.contains("""
        </ol>
        <h2 class="nn-part">Part 2: training</h2>
        <ol class="nn-index" start="3">
        <li><a class="nn-index-title" href="03_c.html">C</a>
        """))
    #expect(index.components(separatedBy: "<ol").count - 1 == 2)
    #expect(index.components(separatedBy: "</ol>").count - 1 == 2)
    // Without parts: one list, no headings.
    let plain = Site.index(nbs.map { var n = $0; n.part = nil; return n }, options: quiet)
    #expect(!plain.contains("nn-part"))
    #expect(plain.components(separatedBy: "<ol").count - 1 == 1)
}

@Test func prevAndNextCrossPartsAndSayWhere() {
    let five = lesson("05_init.md", "Initialisation", part: "Part 1: basics")
    let six = lesson("06_train.md", "Training", part: "Part 2: training")
    let seven = lesson("07_cb.md", "Callbacks", part: "Part 2: training")
    let page = Site.page(six, previous: five, next: seven, options: quiet).html
    #expect(page.contains("<a class=\"nn-prev\" rel=\"prev\" href=\"05_init.html\">← Initialisation <span class=\"nn-nav-part\">(Part 1: basics)</span></a>"))
    #expect(page.contains("<a class=\"nn-next\" rel=\"next\" href=\"07_cb.html\">Callbacks →</a>"))
    #expect(page.contains("<p class=\"nn-meta\"><span class=\"nn-part-name\">Part 2: training</span> <span class=\"nn-badge nn-pass\">passed</span></p>"))
    let back = Site.page(five, previous: nil, next: six, options: quiet).html
    #expect(back.contains("Training <span class=\"nn-nav-part\">(Part 2: training)</span> →</a>"))
}

@Test func renderedRunsTakeTheirPartFromPartsTxt() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-parts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "01_a.md: First part\n02_b.md: Second <part>\n".write(to: dir.appendingPathComponent("parts.txt"), atomically: true, encoding: .utf8)
    let runs = ["01_a.md", "02_b.md"].map { name in
        NotebookRun(notebook: Notebook(path: dir.appendingPathComponent(name).path, text: "# \(name)\n\nText.\n"), cells: [], seconds: 0)
    }
    #expect(runs.map { SiteNotebook($0).part } == ["First part", "Second <part>"])
    let out = dir.appendingPathComponent("site")
    try Site.render(runs, to: out, options: quiet)
    let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("<h2 class=\"nn-part\">First part</h2>"))
    #expect(index.contains("<h2 class=\"nn-part\">Second &lt;part&gt;</h2>"))
    // No parts.txt: no parts.
    try FileManager.default.removeItem(at: dir.appendingPathComponent("parts.txt"))
    #expect(runs.map { SiteNotebook($0).part } == [nil, nil])
}
