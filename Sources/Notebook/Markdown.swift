/// A range of lines of a Markdown file, 1-based and inclusive (`12...14`).
public typealias LineRange = ClosedRange<Int>

/// A block of Markdown prose, converted from cmark's tree into Swift values.
///
/// Raw HTML is kept as `.html` so the renderer decides: the page drops it
/// (or escaped) unless `--unsafe-html` is given.
public struct MarkdownBlock: Sendable, Equatable {
    /// What the block is, with its children.
    public var kind: Kind
    /// The lines of the file the block spans.
    public var lines: LineRange

    /// Creates a block.
    public init(kind: Kind, lines: LineRange) {
        self.kind = kind; self.lines = lines
    }

    /// The kinds of CommonMark block, plus display math.
    public indirect enum Kind: Sendable, Equatable {
        /// A paragraph of inline content.
        case paragraph([Inline])
        /// An ATX or setext heading, level 1...6.
        case heading(level: Int, [Inline])
        /// A code block: `info` is the fence's info string ("" for an indented block), `code`
        /// its literal text (ending with a newline unless empty).
        case codeBlock(info: String, code: String)
        /// A ```` ```math ```` fenced block: display math in the TeX subset.
        case math(tex: String)
        /// A block quote.
        case blockQuote([MarkdownBlock])
        /// A bullet or ordered list; each item is a list of blocks.
        case list(ListStyle, tight: Bool, items: [[MarkdownBlock]])
        /// A thematic break (`---`).
        case thematicBreak
        /// A raw HTML block (only shown with `--unsafe-html`).
        case html(String)
    }

    /// How a list is numbered.
    public enum ListStyle: Sendable, Equatable {
        /// `-`, `*` or `+` items.
        case bullet
        /// `1.` or `1)` items, starting at `start`.
        case ordered(start: Int)
    }
}

/// Inline Markdown content.
public indirect enum Inline: Sendable, Equatable {
    /// Literal text (entities and escapes already decoded).
    case text(String)
    /// A line ending inside a paragraph (rendered as a space or newline).
    case softBreak
    /// A hard line break (`\` or two spaces before a newline).
    case lineBreak
    /// A code span.
    case code(String)
    /// Inline math, written $`...`$ as GitHub does: the TeX between the backticks.
    case math(String)
    /// `*emphasis*`.
    case emphasis([Inline])
    /// `**strong**`.
    case strong([Inline])
    /// A link.
    case link(destination: String, title: String, [Inline])
    /// An image; the children are its alt text.
    case image(source: String, title: String, [Inline])
    /// Raw inline HTML (only shown with `--unsafe-html`).
    case html(String)
}

extension Inline {
    /// The text a reader sees, without markup: used for titles, summaries and anchors.
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s), .math(let s): s
        case .softBreak, .lineBreak: " "
        case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c): c.plainText
        case .html: ""
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of these inlines.
    public var plainText: String { map(\.plainText).joined() }
}

extension MarkdownBlock {
    /// The plain text of the block's inline content (paragraphs and headings; "" otherwise).
    public var plainText: String {
        switch kind {
        case .paragraph(let inlines), .heading(_, let inlines): inlines.plainText
        default: ""
        }
    }
}
