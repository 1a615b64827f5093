import Foundation
import NNBookCLI
import Notebook
import Site

/// The seam between the runner and the HTML writer (the `Site` module).
enum SiteWriter {
    /// Writes the rendered runs into `folder`; Site's warnings (bad math, images) go to stderr.
    static func write(_ runs: [NotebookRun], to folder: String, unsafeHTML: Bool, console: Console) throws {
        let report = try Site.render(runs, to: URL(fileURLWithPath: folder), options: SiteOptions(unsafeHTML: unsafeHTML))
        for line in report.diagnostics { console.err("warning: \(line)\n") }
        console.out("wrote \(report.pages.count) page\(report.pages.count == 1 ? "" : "s") to \(folder)/\n")
    }
}
