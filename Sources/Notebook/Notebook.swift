import NNLang

/// A lesson: a Markdown file whose fenced `nn` blocks are code cells.
///
///     let nb = try Notebook(contentsOf: "Notebooks/01_matmul.md")
///     nb.title                    // "Matrix multiplication"
///     nb.cells[0].source          // "a = tensor([1., 2.])\n"
///     nb.cells[0].expected?.text  // "tensor([1., 2.])\n"
public struct Notebook: Sendable {
    /// The path the notebook was read from, as given (used in diagnostics and tracebacks).
    public var path: String
    /// The file's text.
    public var text: String
    /// The plain text of the first level-1 heading, if any.
    public var title: String?
    /// Prose blocks and cells in file order; an expected output block belongs to its cell.
    public var elements: [NotebookElement]
    /// Problems found while reading: unknown cell options, unclosed fences, ...
    public var diagnostics: [Diagnostic]

    /// The code cells, in order.
    public var cells: [Cell] {
        elements.compactMap { if case .cell(let c) = $0 { c } else { nil } }
    }

    /// The plain text of the first paragraph (the index shows it as the summary).
    public var summary: String? {
        for case .prose(let block) in elements {
            if case .paragraph = block.kind { return block.plainText }
        }
        return nil
    }

    /// True when some diagnostic is an error: such a notebook is reported, not run.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// One top-level piece of a notebook.
public enum NotebookElement: Sendable, Equatable {
    /// Markdown prose (including fenced blocks that are not `nn` cells).
    case prose(MarkdownBlock)
    /// A code cell with its expected output.
    case cell(Cell)
}

/// A fenced `nn` block: code that runs.
public struct Cell: Sendable, Equatable {
    /// 1-based position among the notebook's cells ("cell 3" in messages).
    public var number: Int
    /// The code, as cmark gives it (fence indentation removed), ending with a newline unless empty.
    public var source: String
    /// The options after `nn` in the info string.
    public var options: CellOptions
    /// The line of the opening fence.
    public var fenceLine: Int
    /// The line of the first source line (`fenceLine + 1`): tracebacks count from here.
    public var firstLine: Int
    /// The lines from the opening to the closing fence.
    public var lines: LineRange
    /// UTF-8 byte offsets of `lines` in the file, the last newline included.
    public var byteRange: Range<Int>
    /// The ```` ```output ```` block directly after the cell, if there is one.
    public var expected: ExpectedOutput?
    /// Further `output` blocks right after `expected` (blank lines only between): leftovers
    /// that `nnbook update` removes, reported with a warning.
    public var extraOutputs: [ExpectedOutput] = []

    /// Creates a cell.
    public init(number: Int, source: String, options: CellOptions, fenceLine: Int, firstLine: Int,
                lines: LineRange, byteRange: Range<Int>, expected: ExpectedOutput?) {
        self.number = number; self.source = source; self.options = options; self.fenceLine = fenceLine
        self.firstLine = firstLine; self.lines = lines; self.byteRange = byteRange; self.expected = expected
    }
}

/// A cell's options: `nn hide`, `nn skip`, `nn raises`, `nn raises=TypeError`, `nn volatile`.
public struct CellOptions: Sendable, Equatable {
    /// Run the cell but show only its output.
    public var hide = false
    /// Show the cell but do not run it.
    public var skip = false
    /// Set when the cell must raise (`raises`, or `raises=TypeName` for one exception type).
    public var raises: RaisesExpectation? = nil
    /// Show the output but never compare it.
    public var volatile = false

    /// Options with everything off.
    public init() {}

    /// Why `set(_:)` refused a word.
    public enum WordProblem: Sendable, Equatable {
        /// No option has that name.
        case unknown
        /// `raises=` followed by something that is not a dotted name.
        case invalidRaisesType(String)
    }

    /// Turns on the option one word after `nn` names (`hide`, `skip`, `volatile`, `raises`,
    /// `raises=TypeName`); returns what is wrong with the word instead when it names none.
    public mutating func set(_ word: String) -> WordProblem? {
        switch word {
        case "hide": hide = true
        case "skip": skip = true
        case "volatile": volatile = true
        case "raises": raises = .any
        default:
            guard word.hasPrefix("raises=") else { return .unknown }
            let name = word.dropFirst("raises=".count)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                return .invalidRaisesType(String(name))
            }
            raises = .type(String(name))
        }
        return nil
    }

    /// The options as written after `nn` (`hide raises=TypeError`).
    public var description: String {
        var words: [String] = []
        if hide { words.append("hide") }
        if skip { words.append("skip") }
        switch raises {
        case nil: break
        case .any: words.append("raises")
        case .type(let name): words.append("raises=\(name)")
        }
        if volatile { words.append("volatile") }
        return words.joined(separator: " ")
    }
}

/// What a `raises` cell must raise.
public enum RaisesExpectation: Sendable, Equatable {
    /// Any exception (`nn raises`).
    case any
    /// An exception of this type name (`nn raises=ValueError`).
    case type(String)

    /// Whether an exception of `typeName` satisfies the expectation: the same type or, for
    /// Python's built-in exceptions, a base class (`raises=LookupError` accepts `KeyError`).
    public func accepts(_ typeName: String) -> Bool {
        guard case .type(let name) = self else { return true }
        var type: String? = typeName
        while let t = type {
            if t == name { return true }
            type = Self.builtinBase[t] ?? (t == "Exception" || t == "BaseException" ? nil : "Exception")
        }
        return name == "BaseException"
    }

    /// Python's built-in exception tree (child -> parent) below `Exception`.
    static let builtinBase: [String: String] = [
        "KeyError": "LookupError", "IndexError": "LookupError",
        "ZeroDivisionError": "ArithmeticError", "OverflowError": "ArithmeticError",
        "FloatingPointError": "ArithmeticError",
        "FileNotFoundError": "OSError", "TimeoutError": "OSError", "PermissionError": "OSError",
        "IsADirectoryError": "OSError", "UnicodeError": "ValueError",
        "UnicodeDecodeError": "UnicodeError", "UnicodeEncodeError": "UnicodeError",
        "NotImplementedError": "RuntimeError", "RecursionError": "RuntimeError",
        "UnboundLocalError": "NameError", "ModuleNotFoundError": "ImportError",
        "IndentationError": "SyntaxError", "TabError": "IndentationError",
        "KeyboardInterrupt": "BaseException", "SystemExit": "BaseException",
    ]
}

/// A fenced block with info string `output` right after a cell: the text that cell must print.
public struct ExpectedOutput: Sendable, Equatable {
    /// The block's contents (ending with a newline unless empty).
    public var text: String
    /// The lines from the opening to the closing fence.
    public var lines: LineRange
    /// UTF-8 byte offsets of `lines` in the file, the last newline included.
    public var byteRange: Range<Int>

    /// Creates an expected output.
    public init(text: String, lines: LineRange, byteRange: Range<Int>) {
        self.text = text; self.lines = lines; self.byteRange = byteRange
    }
}

extension CellOptions {
    /// Whether `error` is what a `raises` cell expects.
    public func raisesAccepts(_ error: CellError?) -> Bool {
        guard let error, let raises else { return false }
        return raises.accepts(error.typeName)
    }
}
