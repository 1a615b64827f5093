import Foundation
import Notebook
import Testing

/// `Notebooks/` at the package root.
let notebooksFolder: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/LessonTests/LessonTests.swift
    return parts.joined(separator: "/") + "/Notebooks"
}()

/// Re-executes every lesson, as `nnbook test Notebooks` does: each failing cell is an issue
/// with the diagnostics and diff nnbook prints. Passes with no lessons at all.
@Test func everyLessonPasses() throws {
    // A checkout without lessons yet has no folder: that is zero notebooks, not an error.
    let paths = FileManager.default.fileExists(atPath: notebooksFolder) ? try NotebookPaths.expand([notebooksFolder]) : []
    let runs = NotebookBatch(runner: NotebookRunner(timeout: 300), jobs: processorCount).run(paths)
    #expect(runs.count == paths.count)
    let formatter = DiagnosticFormatter(colored: false)
    for run in runs where !run.passed {
        Issue.record(Comment(rawValue: run.diagnostics.map(formatter.format).joined()))
    }
    let passed = runs.reduce(0) { $0 + $1.passedCount }, failed = runs.reduce(0) { $0 + $1.failedCount }
    print("lessons: \(runs.count) notebooks, \(passed) passed, \(failed) failed")
}
