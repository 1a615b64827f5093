import Foundation
import NNBookCLI
import Notebook
import NotebookTestSupport
import Synchronization
import Testing

/// Collects what a command writes to stdout and stderr.
final class Captured: Sendable {
    let streams = Mutex<(out: String, err: String)>(("", ""))
    var out: String { streams.withLock { $0.out } }
    var err: String { streams.withLock { $0.err } }
    let terminal: Bool
    init(terminal: Bool = false) { self.terminal = terminal }
    var console: Console {
        Console(terminal: terminal) { fd, text in self.streams.withLock { if fd == 1 { $0.out += text } else { $0.err += text } } }
    }
}

func fakeCommands(_ captured: Captured) -> Commands { Commands(console: captured.console, makeExecutor: fakeFactory) }

@Test func testCommandReportsFailuresAndCounts() throws {
    let dir = try tempFolder([
        "01_ok.md": "# OK\n\n```nn\nprint hi\n```\n```output\nhi\n```\n",
        "02_bad.md": "# Bad\n\n```nn\nprint 1.5\n```\n\n```output\n2.5\n```\n\n```nn\nraise ValueError oops\n```\n\n```nn\nprint x\n```\n",
        "notes.txt": "not a notebook",
    ])
    let captured = Captured()
    #expect(fakeCommands(captured).test(paths: [dir], jobs: 2, timeout: 300) == 1)
    let lines = captured.out.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.contains { $0.hasPrefix("PASS  \(dir)/01_ok.md  (1 cell, ") })
    #expect(lines.contains { $0.hasPrefix("FAIL  \(dir)/02_bad.md  (3 cells, 3 failed, ") })
    #expect(lines.last == "1 passed, 3 failed")
    #expect(captured.err == """
        \(dir)/02_bad.md:7: error: output of cell 1 differs
        --- expected
        +++ actual
        @@ -1,1 +1,1 @@
        -2.5
        +1.5
        \(dir)/02_bad.md:12:1: error: cell 2 raised ValueError: oops
         12 | raise ValueError oops
            | ^
        Traceback (most recent call last):
          File "\(dir)/02_bad.md", line 12, in <cell>
            raise ValueError oops
        ValueError: oops
        \(dir)/02_bad.md:15: note: cell 3 was not run

        """)
}

@Test func testCommandWithNoNotebooks() throws {
    // As pytest: nothing to test is a failure, and says so.
    let captured = Captured()
    let dir = try tempFolder()
    #expect(fakeCommands(captured).test(paths: [dir], jobs: 4, timeout: 300) == 1)
    #expect(captured.out == "0 passed, 0 failed\n")
    #expect(captured.err == "nnbook: error: no notebooks to test in \(dir)\n")
}

@Test func missingPathIsAUsageError() {
    let captured = Captured()
    #expect(fakeCommands(captured).test(paths: ["/nonexistent/nb"], jobs: 1, timeout: 300) == 2)
    #expect(captured.err == "nnbook: error: /nonexistent/nb: No such file or directory\n")
}

@Test func updateRoundTrip() throws {
    let prose = "# Prose only\r\n\nNo *cells*, odd  spacing\t\n\n```python\nx\n```"
    let notebook = """
        # T

        ```nn
        print a
        value 1
        ```

        Text.

        ```nn
        print new
        ```

        ```output
        old
        ```

        ```nn
        ```
        ```output
        stale
        ```

        ```nn raises=KeyError
        raise KeyError 'k'
        ```
        """
    let dir = try tempFolder(["01.md": notebook, "02.md": prose])
    let captured = Captured()
    #expect(fakeCommands(captured).update(paths: [dir], jobs: 2, timeout: 300) == 0)
    #expect(try read("\(dir)/02.md") == prose)
    let updated = try read("\(dir)/01.md")
    #expect(updated == """
        # T

        ```nn
        print a
        value 1
        ```
        ```output
        a
        1
        ```

        Text.

        ```nn
        print new
        ```

        ```output
        new
        ```

        ```nn
        ```

        ```nn raises=KeyError
        raise KeyError 'k'
        ```
        ```output
        KeyError: 'k'
        ```
        """)
    #expect(captured.out.contains("updated  \(dir)/01.md  (2 inserted, 1 replaced, 1 removed)"))
    #expect(captured.out.contains("unchanged  \(dir)/02.md"))
    // Second run: nothing changes, and the notebook now passes.
    let again = Captured()
    #expect(fakeCommands(again).update(paths: [dir], jobs: 1, timeout: 300) == 0)
    #expect(try read("\(dir)/01.md") == updated)
    #expect(again.out.contains("unchanged  \(dir)/01.md"))
    let test = Captured()
    #expect(fakeCommands(test).test(paths: [dir], jobs: 1, timeout: 300) == 0)
    #expect(test.out.hasSuffix("4 passed, 0 failed\n"))
    // No temporary files are left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["01.md", "02.md"])
}

@Test func updateKeepsBlocksOfFailingCells() throws {
    let text = "```nn\nprint x\nraise TypeError t\n```\n```output\nkeep\n```\n```nn\nprint y\n```\n"
    let dir = try tempFolder(["a.md": text])
    let captured = Captured()
    #expect(fakeCommands(captured).update(paths: [dir], jobs: 1, timeout: 300) == 1)
    #expect(try read("\(dir)/a.md") == text)
    #expect(captured.err.contains("error: cell 1 raised TypeError: t"))
}

@Test func updateRefusesNotebookWithErrors() throws {
    let text = "```nn hid\nprint x\n```\n"
    let dir = try tempFolder(["a.md": text])
    let captured = Captured()
    #expect(fakeCommands(captured).update(paths: ["\(dir)/a.md"], jobs: 1, timeout: 300) == 1)
    #expect(try read("\(dir)/a.md") == text)
    #expect(captured.err.contains("a.md:1:7: error: unknown cell option 'hid'"))
}

@Test func runNotebookPrintsOutputs() throws {
    let dir = try tempFolder(["a.md": """
        ```nn
        print one
        value 1
        ```
        ```nn skip
        print skipped
        ```
        ```nn raises
        raise KeyError k
        ```
        ```nn
        show shown
        raise ValueError v
        ```
        ```nn
        print never
        ```
        """])
    let captured = Captured()
    #expect(fakeCommands(captured).run(file: "\(dir)/a.md", timeout: nil) == 1)
    #expect(captured.out == "one\n1\nKeyError: k\nshown\n")
    #expect(captured.err.hasSuffix("ValueError: v\n"))
}

@Test func runScriptLikePython() throws {
    let dir = try tempFolder(["s.nn": "print out\nvalue 42\nraise RuntimeError boom\n"])
    let captured = Captured()
    #expect(fakeCommands(captured).run(file: "\(dir)/s.nn", timeout: nil) == 1)
    #expect(captured.out == "out\n")
    #expect(captured.err == """
        Traceback (most recent call last):
          File "\(dir)/s.nn", line 3, in <cell>
            raise RuntimeError boom
        RuntimeError: boom

        """)
    let missing = Captured()
    #expect(fakeCommands(missing).run(file: "\(dir)/nope.nn", timeout: nil) == 2)
    #expect(missing.err.hasPrefix("nnbook: can't open file '\(dir)/nope.nn': No such file"))
}

@Test func newWritesNextNumberedLesson() throws {
    let dir = try tempFolder(["03_old.md": "# Old\n", "README.md": "x"])
    let captured = Captured()
    #expect(fakeCommands(captured).new(title: "Backprop: the Chain Rule!", directory: dir) == 0)
    let path = "\(dir)/04_backprop_the_chain_rule.md"
    #expect(captured.out == "created \(path)\n")
    let nb = try Notebook(contentsOf: path)
    #expect(nb.title == "Backprop: the Chain Rule!")
    #expect(nb.cells.count == 1 && nb.cells[0].expected != nil && nb.diagnostics.isEmpty)
    #expect(fakeCommands(Captured()).new(title: "  ", directory: dir) == 2)
    #expect(Scaffold.nextNumber(after: []) == 1)
    #expect(Scaffold.slug("Élan: 2 layers") == "lan_2_layers")
}

@Test func parallelRunsKeepPathOrder() throws {
    var files: [String: String] = [:]
    for i in 1...9 { files["0\(i).md"] = "```nn\ncount\n```\n```output\n1\n```\n" }
    let dir = try tempFolder(files)
    let paths = try NotebookPaths.expand([dir])
    let runs = NotebookBatch(runner: NotebookRunner(makeExecutor: fakeFactory), jobs: 4).run(paths)
    #expect(runs.map(\.notebook.path) == paths)
    #expect(runs.allSatisfy { $0.passed })  // one executor per notebook: each counts 1
}

@Test func renderHandsRunsToTheWriter() throws {
    let dir = try tempFolder([
        "01.md": "```nn\nprint a\n```\n```output\nb\n```\n",
        "02.md": "```nn\nraise ValueError v\n```\n",
    ])
    let seen = Mutex<[String]>([])
    let captured = Captured()
    let status = fakeCommands(captured).render(paths: ["\(dir)/01.md"], jobs: 2, timeout: 300) { runs in
        seen.withLock { $0 = runs.map(\.notebook.path) }
    }
    #expect(status == 0)  // a drifted output shows on the page; it does not fail the render
    #expect(seen.withLock { $0 } == ["\(dir)/01.md"])
    #expect(fakeCommands(Captured()).render(paths: [dir], jobs: 2, timeout: 300) { _ in } == 1)  // uncaught error
    struct DiskFull: Error {}
    #expect(fakeCommands(Captured()).render(paths: ["\(dir)/01.md"], jobs: 1, timeout: 300) { _ in throw DiskFull() } == 1)
}

@Test func terminalShowsSlowCellsLive() throws {
    let dir = try tempFolder(["slow.md": "```nn\nprint a\n```\n```output\na\n```\n\n```nn\nsleep 1.5\n```\n"])
    let captured = Captured(terminal: true)
    #expect(fakeCommands(captured).test(paths: [dir], jobs: 1, timeout: 300) == 0)
    // A status line named the running cell after a second, and was erased before the result line.
    #expect(captured.err.contains("running \(dir)/slow.md:8 cell 2 1."))
    #expect(captured.err.hasSuffix("\r\u{1B}[K"))
    #expect(captured.out.contains("PASS\u{1B}[0m  \(dir)/slow.md  (2 cells, 1."))
}

@Test func updateSettlesOnVolatileCells() throws {
    let dir = try tempFolder(["v.md": "```nn volatile\nprint 12 ms\n```\n\n```nn\nvolatile\nprint 3 ms\n```\n```output\n9 ms\n```\n"])
    #expect(fakeCommands(Captured()).update(paths: [dir], jobs: 1, timeout: 300) == 0)
    let once = try read("\(dir)/v.md")
    // Missing block inserted; an existing volatile block is kept as it is.
    #expect(once == "```nn volatile\nprint 12 ms\n```\n```output\n12 ms\n```\n\n```nn\nvolatile\nprint 3 ms\n```\n```output\n9 ms\n```\n")
    #expect(fakeCommands(Captured()).update(paths: [dir], jobs: 1, timeout: 300) == 0)
    #expect(try read("\(dir)/v.md") == once)
}

@Test func pathsExpandInLessonOrderWithoutDuplicates() throws {
    let dir = try tempFolder(["02_b.md": "", "01_a.md": "", "README.md": "", "x.txt": ""])
    #expect(try NotebookPaths.expand([dir, "\(dir)/01_a.md"]) == ["\(dir)/01_a.md", "\(dir)/02_b.md"])
}
