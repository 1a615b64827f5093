import NNLang
import Notebook

/// One rendered notebook, as the site draws it: what the runner produced, in page order.
///
/// `Site.render(_: [NotebookRun], ...)` builds these from run results by walking each notebook
/// (`SiteNotebook(run)`); tests may also build them by hand.
public struct SiteNotebook: Sendable, Equatable {
    /// The notebook file, as given on the command line (`Notebooks/01_matmul.md`).
    public var path: String
    /// The first `#` heading (the file name when there is none).
    public var title: String
    /// Prose, math and cells in file order.
    public var blocks: [SiteBlock]
    /// Every cell ran as its options say (no unexpected error, `raises` cells raised).
    public var passed: Bool
    /// Wall time of the whole run, when measured.
    public var seconds: Double?
    /// Problems with the notebook itself (unknown cell options, ...), shown on top of the page.
    public var diagnostics: [String]
    /// Compiler-style diagnostics of a failed run (`file.md:LINE:COL: error: ...` and the
    /// traceback), shown in a banner on top of the page by `nnbook watch`; empty otherwise.
    public var errorReport: [String] = []
    /// The part of the course the notebook belongs to (from `parts.txt`, see `Parts`); the
    /// index groups notebooks under their parts' headings.
    public var part: String?

    /// Creates a notebook page model.
    public init(path: String, title: String, blocks: [SiteBlock], passed: Bool, seconds: Double? = nil,
                diagnostics: [String] = []) {
        self.path = path; self.title = title; self.blocks = blocks; self.passed = passed; self.seconds = seconds
        self.diagnostics = diagnostics
    }

    /// The page's file name: the notebook's base name with `.html` (`01_matmul.html`).
    public var pageName: String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let stem = base.hasSuffix(".md") ? String(base.dropLast(3)) : base
        return (stem.isEmpty ? "notebook" : stem) + ".html"
    }
}

/// A piece of a notebook page.
public enum SiteBlock: Sendable, Equatable {
    /// A Markdown block from the notebook model: written as HTML here (headings get ids and
    /// feed the table of contents, math becomes MathML, raw HTML only with `unsafeHTML`).
    case markdown(MarkdownBlock)
    /// Prose already in HTML (trusted: written as is). Headings get ids and feed the table of contents;
    /// $`...`$ code spans and ```` ```math ```` blocks inside it become MathML.
    case prose(html: String)
    /// A display formula (a ```` ```math ```` block) in TeX.
    case math(tex: String)
    /// A code cell and what happened when it ran.
    case cell(SiteCell)
}

/// A code cell on the page.
public struct SiteCell: Sendable, Equatable {
    /// What happened to the cell in this run.
    public enum State: Sendable, Equatable {
        case ran(CellResult, seconds: Double?)
        /// An earlier cell raised, so this one never ran.
        case notRun
        /// The cell has the `skip` option.
        case skipped
    }

    /// The code (a final newline is not shown).
    public var source: String
    /// Line of the cell's first source line in the `.md` file (the cell's anchor is `L<line>`).
    public var line: Int
    /// Whether and how it ran.
    public var state: State
    /// `hide`, `skip`, `raises`, `volatile` as written on the cell.
    public var options: CellOptions
    /// Why the cell failed its check (output differs, did not raise, ...), when it did.
    public var failure: CellFailure?
    /// Highlighting for `source` (from the nn lexer); empty shows plain escaped code.
    public var spans: [HighlightSpan]
    /// For a cell that did not run: what it output in the last good run, shown marked stale
    /// (`nnbook watch` keeps these while the notebook is broken).
    public var staleResult: CellResult?

    /// Creates a cell.
    public init(source: String, line: Int, state: State, options: CellOptions = CellOptions(),
                failure: CellFailure? = nil, spans: [HighlightSpan] = []) {
        self.source = source; self.line = line; self.state = state; self.options = options
        self.failure = failure; self.spans = spans
    }
}

extension SiteCell {
    /// The cell ran and raised: its traceback is among the outputs.
    var ranIntoError: Bool {
        if case .ran(let r, _) = state { return r.error != nil }
        return false
    }

    /// The failure is just that the cell raised (no `raises` option): the error box says it all.
    var failureIsTheError: Bool { ranIntoError && options.raises == nil }
}

/// A file a page refers to, copied into the site folder with it.
public struct SiteAsset: Sendable, Equatable {
    /// Path relative to the notebook's folder, as written in the Markdown.
    public var from: String
    /// Path relative to the site folder (never leaves it).
    public var to: String
    /// An asset copied from `from` to `to`.
    public init(from: String, to: String) { self.from = from; self.to = to }
}

/// How pages are written.
public struct SiteOptions: Sendable, Equatable {
    /// Show run times (per cell and per notebook). Off gives byte-identical pages run to run.
    public var showTimes: Bool
    /// Write `style.css` next to the pages (off when the caller places its own).
    public var writeStylesheet: Bool
    /// Keep raw HTML written in prose (`--unsafe-html`); by default it is left out.
    public var unsafeHTML: Bool

    /// Creates options; the defaults suit `nnbook render`.
    public init(showTimes: Bool = true, writeStylesheet: Bool = true, unsafeHTML: Bool = false) {
        self.showTimes = showTimes; self.writeStylesheet = writeStylesheet; self.unsafeHTML = unsafeHTML
    }
}
