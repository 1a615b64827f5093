import NNLang

/// The outcome of running one notebook: what the Site renders and `test` reports.
public struct NotebookRun: Sendable {
    /// The notebook that ran.
    public var notebook: Notebook
    /// One entry per cell, in order.
    public var cells: [CellRun]
    /// Wall time of the whole notebook, in seconds (of the original run, for a cached one).
    public var seconds: Double
    /// Files the notebook read (`get_data()`, `read_idx`): the run cache and `watch` track them.
    public var filesRead: [String] = []
    /// True when the run came from the run cache instead of running.
    public var fromCache = false
    /// When the run continued from a checkpoint: how many leading cells it reused.
    public var resumedAt: Int?

    /// Creates a run.
    public init(notebook: Notebook, cells: [CellRun], seconds: Double) {
        self.notebook = notebook; self.cells = cells; self.seconds = seconds
    }

    /// Cells that passed (including volatile ones that ran without error).
    public var passedCount: Int { cells.count { $0.verdict.isPassed } }
    /// Cells that failed or could not run because of an earlier failure, plus notebook errors.
    public var failedCount: Int {
        cells.count { $0.verdict.isFailure } + notebook.diagnostics.count { $0.severity == .error }
    }
    /// True when nothing failed.
    public var passed: Bool { failedCount == 0 }

    /// The notebook's own diagnostics followed by one error per failed cell, in file order.
    public var diagnostics: [Diagnostic] {
        var result = notebook.diagnostics
        let source = SourceText(notebook.text)
        for cell in cells {
            guard case .failed(let failure) = cell.verdict else { continue }
            result.append(Diagnostic(.error, failure.message,
                                     at: SourceLocation(file: notebook.path, line: failure.line, column: failure.column),
                                     sourceLine: failure.column > 0 ? source.text(ofLine: failure.line) : nil,
                                     details: failure.details))
        }
        let notRun = cells.filter { $0.verdict == .notRun }
        if let first = notRun.first, let last = notRun.last, !notebook.hasErrors {
            let which = first.cell.number == last.cell.number ? "cell \(first.cell.number) was"
                : "cells \(first.cell.number)-\(last.cell.number) were"
            result.append(Diagnostic(.note, "\(which) not run", at: SourceLocation(file: notebook.path, line: first.cell.fenceLine, column: 0)))
        }
        return result
    }
}

/// One cell of a `NotebookRun`.
public struct CellRun: Sendable, Equatable {
    /// The cell.
    public var cell: Cell
    /// What running it gave; nil when it did not run (`skip`, or after an error).
    public var result: CellResult?
    /// The text output (`CellOutput.text(of:)`), "" when it did not run.
    public var output: String
    /// How it compares with the expected output.
    public var verdict: CellVerdict
    /// Wall time of the cell, in seconds.
    public var seconds: Double

    /// Creates a cell run.
    public init(cell: Cell, result: CellResult?, output: String, verdict: CellVerdict, seconds: Double) {
        self.cell = cell; self.result = result; self.output = output; self.verdict = verdict; self.seconds = seconds
    }

    /// True when the output is never compared (`nn volatile`, `%time`).
    public var isVolatile: Bool { cell.options.volatile || result?.volatile == true }
}

/// The check of one cell.
public enum CellVerdict: Sendable, Equatable {
    /// Ran and matched its expected output (or printed nothing and has none).
    case passed
    /// Ran without error; its output is volatile and was not compared.
    case volatile
    /// Has the `skip` option.
    case skipped
    /// Did not run because an earlier cell raised.
    case notRun
    /// Failed: the message, where, and a diff or traceback.
    case failed(CellFailure)

    /// True for `.passed` and `.volatile`.
    public var isPassed: Bool { self == .passed || self == .volatile }
    /// True for `.failed` and `.notRun`.
    public var isFailure: Bool {
        switch self {
        case .failed, .notRun: true
        default: false
        }
    }
}

/// Why a cell failed.
public struct CellFailure: Sendable, Equatable {
    /// `output of cell 3 differs`, `cell 2 raised ValueError: ...`, ...
    public var message: String
    /// The line of the .md file the failure points at.
    public var line: Int
    /// The column, or 0 for the whole line.
    public var column: Int
    /// A unified diff, a traceback or a hint.
    public var details: String

    /// Creates a failure.
    public init(message: String, line: Int, column: Int = 0, details: String = "") {
        self.message = message; self.line = line; self.column = column; self.details = details
    }
}
