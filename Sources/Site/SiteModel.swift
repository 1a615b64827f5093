import NNLang

/// One rendered notebook, as the site draws it: what the runner produced, in page order.
///
/// The CLI builds these from its run results (see `Site+Notebook.swift`); tests build them by hand.
public struct SiteNotebook: Sendable, Equatable {
    /// The notebook file, as given on the command line (`Notebooks/01_matmul.md`).
    public var path: String
    /// The first `#` heading (the file name when there is none).
    public var title: String
    public var blocks: [SiteBlock]
    /// Every cell ran as its options say (no unexpected error, `raises` cells raised).
    public var passed: Bool
    /// Wall time of the whole run, when measured.
    public var seconds: Double?

    public init(path: String, title: String, blocks: [SiteBlock], passed: Bool, seconds: Double? = nil) {
        self.path = path; self.title = title; self.blocks = blocks; self.passed = passed; self.seconds = seconds
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
    /// HTML that cmark wrote for prose. Headings get ids and feed the table of contents;
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

    public var source: String
    /// Line of the cell's first source line in the `.md` file (the cell's anchor is `L<line>`).
    public var line: Int
    public var state: State
    /// `hide`: show only the output.
    public var hide: Bool
    /// `raises` / `raises=TypeName`: `""` for any exception, the type name otherwise; nil when
    /// the cell must not raise.
    public var raises: String?
    /// `volatile`: output differs run to run (shown, never compared).
    public var volatile: Bool
    /// Highlighting for `source` (from the nn lexer); empty shows plain escaped code.
    public var tokens: [HighlightToken]

    public init(source: String, line: Int, state: State, hide: Bool = false, raises: String? = nil,
                volatile: Bool = false, tokens: [HighlightToken] = []) {
        self.source = source; self.line = line; self.state = state; self.hide = hide
        self.raises = raises; self.volatile = volatile; self.tokens = tokens
    }
}

/// How pages are written.
public struct SiteOptions: Sendable, Equatable {
    /// Show run times (per cell and per notebook). Off gives byte-identical pages run to run.
    public var showTimes: Bool
    /// Write `style.css` next to the pages (off when the caller places its own).
    public var writeStylesheet: Bool

    public init(showTimes: Bool = true, writeStylesheet: Bool = true) {
        self.showTimes = showTimes; self.writeStylesheet = writeStylesheet
    }
}
