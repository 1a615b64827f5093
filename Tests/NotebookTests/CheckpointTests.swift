import Notebook
import NotebookTestSupport
import Testing

private func notebook(_ cells: [String], path: String = "c.md") -> Notebook {
    Notebook(path: path, text: "# C\n" + cells.map { "\n```nn\n\($0)\n```\n" }.joined())
}

@Test func resumingRunsOnlyTheCellsAfterTheCheckpoint() throws {
    let runner = NotebookRunner(timeout: nil, makeExecutor: fakeFactory)
    let before = notebook(["print a", "print b", "count"])
    let checkpoint = try #require(runner.checkpoint(before, cells: 2))
    #expect(checkpoint.runs.map(\.output) == ["a\n", "b\n"])
    let edited = notebook(["print a", "print b", "count\nprint c"])
    let run = try #require(runner.resume(checkpoint, with: edited))
    // The third cell ran on the executor that had run two cells: the state carried over.
    #expect(run.cells.map(\.output) == ["a\n", "b\n", "3\nc\n"])
    #expect(run.resumedAt == 2)
    #expect(run.cells.map(\.cell) == edited.cells)
    // Used once.
    #expect(runner.resume(checkpoint, with: edited) == nil)
}

@Test func aCheckpointIsRefusedWhenAnEarlierCellChanged() throws {
    let runner = NotebookRunner(timeout: nil, makeExecutor: fakeFactory)
    let before = notebook(["print a", "print b", "count"])
    let checkpoint = try #require(runner.checkpoint(before, cells: 2))
    #expect(runner.resume(checkpoint, with: notebook(["print a", "print B", "count"])) == nil)
    #expect(runner.resume(checkpoint, with: notebook(["print a", "print b", "count"], path: "other.md")) == nil)
    // A cell that moved (prose added above it) is a change too: its lines are in tracebacks.
    let moved = Notebook(path: "c.md", text: "# C\n\nNew prose.\n" + ["print a", "print b", "count"].map { "\n```nn\n\($0)\n```\n" }.joined())
    #expect(runner.resume(checkpoint, with: moved) == nil)
    #expect(runner.checkpoint(notebook(["raise ValueError x", "print b"]), cells: 2) == nil)
}

@Test func theFirstChangedCellIsWhereARerunStarts() {
    let a = notebook(["print a", "print b", "print c"])
    #expect(NotebookRunner.firstChangedCell(notebook(["print a", "print b", "print C"]), since: a) == 2)
    #expect(NotebookRunner.firstChangedCell(notebook(["print A", "print b", "print c"]), since: a) == 0)
    #expect(NotebookRunner.firstChangedCell(notebook(["print a", "print b", "print c", "print d"]), since: a) == 3)
    #expect(NotebookRunner.firstChangedCell(a, since: a) == 3)
}
