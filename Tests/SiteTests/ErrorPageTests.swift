import NNLang
import Notebook
import Site
import Testing

/// Prints each cell's source back, or raises `NameError` for a cell that says `boom`.
private final class EchoExecutor: CellExecutor {
    let file: String
    init(file: String) { self.file = file }
    func run(cell source: String, firstLine: Int, echoResult: Bool, timeout: Double?,
             onOutput: ((String) -> Void)?) -> CellResult {
        if source.contains("boom") {
            let frame = CellError.TraceFrame(location: NNLang.SourceLocation(file: file, line: firstLine, column: 1),
                                             function: "<cell>", sourceLine: "boom")
            return CellResult(error: CellError(typeName: "NameError", message: "name 'boom' is not defined", traceback: [frame]))
        }
        return CellResult(items: [.stdout("out: " + source)])
    }
}

private func run(_ text: String) -> NotebookRun {
    NotebookRunner(timeout: nil, makeExecutor: { EchoExecutor(file: $0) }).run(Notebook(path: "les.md", text: text))
}

@Test func aBrokenRunShowsTheErrorOnTopAndStaleOutputsBelow() {
    let good = run("# L\n\n```nn\nfirst\n```\n\n```nn\nsecond\n```\n")
    let broken = run("# L\n\n```nn\nboom\n```\n\n```nn\nsecond\n```\n")
    let report = broken.diagnostics.filter { $0.severity == .error }.map(DiagnosticFormatter(colored: false).format)
    #expect(report.first?.hasPrefix("les.md:4:1: error: cell 1 raised NameError") == true)
    let page = Site.page(SiteNotebook(broken, lastGood: good, report: report)).html
    // The banner: the diagnostic linking to its line, then the traceback.
    let banner = page.range(of: "<div class=\"nn-error-banner\"")
    #expect(banner != nil)
    #expect(page.contains("<a href=\"#L4\">les.md:4:1: error: cell 1 raised NameError: name &#39;boom&#39; is not defined</a>")
            || page.contains("<a href=\"#L4\">les.md:4:1: error: cell 1 raised NameError: name 'boom' is not defined</a>"))
    // The second cell did not run: its last good output is kept, marked stale.
    #expect(page.contains("nn-not-run nn-stale"))
    #expect(page.contains("out: second"))
    #expect(page.contains("(stale)"))
    // The first cell's old output is not shown: it ran (into the error) in this run.
    #expect(!page.contains("out: first"))
    // A cell whose source changed has no stale output.
    let edited = run("# L\n\n```nn\nboom\n```\n\n```nn\nsecond edited\n```\n")
    let page2 = Site.page(SiteNotebook(edited, lastGood: good, report: report)).html
    #expect(!page2.contains("out: second"))
    #expect(!page2.contains("nn-stale"))
}

@Test func aPassingRunHasNoBanner() {
    let good = run("# L\n\n```nn\nfirst\n```\n")
    let page = Site.page(SiteNotebook(good)).html
    #expect(!page.contains("nn-error-banner"))
}
