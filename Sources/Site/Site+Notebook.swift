import Foundation
import NNLang
import Notebook

extension Site {
    /// Renders run notebooks: what `nnbook render` calls after running them (in file-name order).
    ///
    ///     let runs = try paths.map { try runner.run(Notebook(contentsOf: $0)) }
    ///     try Site.render(runs, to: URL(fileURLWithPath: "site"), options: SiteOptions(unsafeHTML: false))
    @discardableResult
    public static func render(_ runs: [NotebookRun], to outDir: URL, options: SiteOptions = SiteOptions()) throws -> Report {
        try render(runs.map(SiteNotebook.init), to: outDir, options: options)
    }
}

extension SiteNotebook {
    /// The page model of a run: walks the notebook (prose, cells) and pairs each cell with its run.
    public init(_ run: NotebookRun) {
        var builder = SiteBlockBuilder(runs: run.cells)
        run.notebook.walk(&builder)
        let nb = run.notebook
        let stem = (nb.path.split(separator: "/").last.map(String.init) ?? nb.path)
        let title = nb.title.flatMap { $0.isEmpty ? nil : $0 } ?? (stem.hasSuffix(".md") ? String(stem.dropLast(3)) : stem)
        self.init(path: nb.path, title: title, blocks: builder.blocks, passed: run.passed, seconds: run.seconds,
                  diagnostics: nb.diagnostics.map(\.description))
        part = Parts.beside(notebookAt: nb.path)?.part(of: nb.path)
    }
}

/// The visitor that turns a notebook and its cell runs into page blocks.
struct SiteBlockBuilder: NotebookVisitor {
    private var runsByNumber: [Int: CellRun] = [:]
    private(set) var blocks: [SiteBlock] = []

    init(runs: [CellRun]) {
        for r in runs { runsByNumber[r.cell.number] = r }
    }

    mutating func visitProse(_ block: MarkdownBlock) {
        blocks.append(.markdown(block))
    }

    mutating func visitCell(_ cell: Cell) {
        let run = runsByNumber[cell.number]
        let state: SiteCell.State
        if let r = run, let result = r.result {
            state = .ran(result, seconds: r.seconds)
        } else if cell.options.skip || run?.verdict == .skipped {
            state = .skipped
        } else {
            state = .notRun
        }
        var failure: CellFailure?
        if case .failed(let f)? = run?.verdict { failure = f }
        blocks.append(.cell(SiteCell(source: cell.source, line: cell.firstLine, state: state, options: cell.options,
                                     failure: failure, spans: Highlight.spans(cell.source))))
    }
}
