import Foundation
import NNLang
import Notebook
import NotebookTestSupport
import Testing

/// The built `nnbook` binary, beside the test bundle (`.build/<config>/`).
let nnbookBinary: String = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nnbook").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/nnbook").path
}()

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// True once the nn evaluator is built: until then the runs below could only show
/// `NotImplementedError`, so the tests that need real output are skipped, not faked.
let evaluatorWorks: Bool = Interpreter(file: "probe.nn").run(cell: "1 + 1", firstLine: 1).items == [.result("2")]

/// A temporary folder holding copies of the named fixtures.
func fixtureFolder(_ names: [String]) throws -> String {
    let dir = try tempFolder()
    for name in names { try FileManager.default.copyItem(atPath: "\(fixtures)/\(name)", toPath: "\(dir)/\(name)") }
    return dir
}

// Usage errors need no evaluator.

@Test func usageErrorsExit2() throws {
    let dir = try tempFolder()
    #expect(try nnbook(["test", "--jobs", "0"], in: dir).status == 2)
    #expect(try nnbook(["frobnicate"], in: dir).status == 2)
    #expect(try nnbook(["run"], in: dir).status == 2)
    let missing = try nnbook(["test", "nowhere"], in: dir)
    #expect(missing.status == 2 && missing.err == "nnbook: error: nowhere: No such file or directory\n")
}

@Test func updateLeavesFileWithoutCellsByteIdentical() throws {
    let dir = try fixtureFolder(["no_cells.md"])
    let before = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/no_cells.md"))
    let r = try nnbook(["update", "no_cells.md"], in: dir)
    #expect(r.status == 0 && r.out == "unchanged  no_cells.md\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/no_cells.md")) == before)
    // Nothing ran: as pytest, that is a failure, and it says so.
    let t = try nnbook(["test", "no_cells.md"], in: dir)
    #expect(t.status == 1 && t.out.hasSuffix("0 passed, 0 failed\n") && t.err.contains("no cells ran"))
}

@Test func unknownOptionIsADiagnostic() throws {
    let dir = try tempFolder(["bad.md": "# Bad\n\n```nn hide raise\nx = 1\n```\n"])
    let r = try nnbook(["test", "bad.md"], in: dir)
    #expect(r.status == 1)
    #expect(r.err == "bad.md:3:12: error: unknown cell option 'raise'\n 3 | ```nn hide raise\n   |            ^\n")
}

// These run real nn code.

@Test(.enabled(if: evaluatorWorks)) func passingNotebook() throws {
    let dir = try fixtureFolder(["passing.md"])
    let r = try nnbook(["test", "passing.md"], in: dir)
    #expect(r.err == "")
    #expect(r.status == 0)
    #expect(r.out.hasPrefix("PASS  passing.md  (6 cells, "))
    #expect(r.out.hasSuffix("\n5 passed, 0 failed\n"))
    // Its blocks are right, so update changes nothing.
    let before = try read("\(dir)/passing.md")
    #expect(try nnbook(["update", "passing.md"], in: dir).out == "unchanged  passing.md\n")
    #expect(try read("\(dir)/passing.md") == before)
}

@Test(.enabled(if: evaluatorWorks)) func failingOutputShowsDiff() throws {
    let dir = try fixtureFolder(["failing_output.md"])
    let r = try nnbook(["test", "failing_output.md"], in: dir)
    #expect(r.status == 1)
    #expect(r.err == """
        failing_output.md:9: error: output of cell 1 differs
        --- expected
        +++ actual
        @@ -1,2 +1,2 @@
        -total: 7
        +total: 6
         done

        """)
    #expect(r.out.hasSuffix("0 passed, 1 failed\n"))
    // update fixes it, then test passes and a second update changes nothing.
    #expect(try nnbook(["update", "failing_output.md"], in: dir).status == 0)
    #expect(try read("\(dir)/failing_output.md").contains("```output\ntotal: 6\ndone\n```\n"))
    #expect(try nnbook(["test", "failing_output.md"], in: dir).status == 0)
    let second = try nnbook(["update", "failing_output.md"], in: dir)
    #expect(second.out == "unchanged  failing_output.md\n")
}

@Test(.enabled(if: evaluatorWorks)) func errorMidNotebook() throws {
    let dir = try fixtureFolder(["error_midway.md"])
    let r = try nnbook(["test", "error_midway.md"], in: dir)
    #expect(r.status == 1)
    #expect(r.err.contains("error: cell 2 raised NameError: name 'undefined_name' is not defined"))
    // The traceback counts lines of the .md file: the call on line 11, the failing line 9.
    #expect(r.err.contains("File \"error_midway.md\", line 11"))
    #expect(r.err.contains("File \"error_midway.md\", line 9, in f"))
    #expect(r.err.contains("error_midway.md:14: note: cell 3 was not run"))
    #expect(r.out.hasSuffix("1 passed, 2 failed\n"))
}

@Test(.enabled(if: evaluatorWorks)) func raisesThatDoesNotRaise() throws {
    let dir = try fixtureFolder(["raises_not_raised.md"])
    let r = try nnbook(["test", "raises_not_raised.md"], in: dir)
    #expect(r.status == 1)
    #expect(r.err.hasPrefix("raises_not_raised.md:3: error: cell 1 should raise an exception but did not\n"))
}

@Test(.enabled(if: evaluatorWorks)) func newThenTest() throws {
    let dir = try tempFolder()
    let created = try nnbook(["new", "My First Lesson"], in: dir)
    #expect(created.status == 0 && created.out == "created Notebooks/01_my_first_lesson.md\n")
    let r = try nnbook(["test"], in: dir)
    #expect(r.status == 0)
    #expect(r.out.hasSuffix("1 passed, 0 failed\n"))
}

@Test(.enabled(if: evaluatorWorks)) func runScriptAsPython() throws {
    let dir = try fixtureFolder(["script.nn"])
    let r = try nnbook(["run", "script.nn"], in: dir)
    // stdout and the traceback's frames as CPython 3 prints them for the same file.
    #expect(r.out == "start\n5.0\n")
    #expect(r.status == 1)
    #expect(r.err.hasPrefix("Traceback (most recent call last):\n  File \"script.nn\", line 8, in <module>\n    f(0)\n"))
    #expect(r.err.contains("  File \"script.nn\", line 2, in f\n    return 10 / n\n"))
    #expect(r.err.hasSuffix("ZeroDivisionError: division by zero\n"))
}

@Test(.enabled(if: evaluatorWorks)) func runNotebookPrintsCellOutputs() throws {
    let dir = try fixtureFolder(["passing.md"])
    let r = try nnbook(["run", "passing.md"], in: dir)
    #expect(r.status == 0)
    #expect(r.out == "x is 3\n6\n[0, 1, 4, 9]\nabout to divide\nZeroDivisionError: division by zero\n0.30000000000000004\n")
}

@Test func renderWritesPages() throws {
    let dir = try fixtureFolder(["no_cells.md"])
    let r = try nnbook(["render", "no_cells.md", "--out", "out"], in: dir)
    #expect(r.status == 0)
    #expect(r.out.hasSuffix("wrote 2 pages to out/\n"))
    let page = try read("\(dir)/out/no_cells.html")
    #expect(page.contains("Prose only"))
    #expect(!page.contains("<div>raw"))  // raw HTML only with --unsafe-html
    #expect(try nnbook(["render", "no_cells.md", "--out", "out", "--unsafe-html"], in: dir).status == 0)
    #expect(try read("\(dir)/out/no_cells.html").contains("<div>raw"))
}

@Test(.enabled(if: evaluatorWorks)) func timeoutStopsARunawayCell() throws {
    let dir = try tempFolder(["t.md": "```nn\nwhile True:\n    pass\n```\n\n```nn\nprint(1)\n```\n"])
    let r = try nnbook(["test", "t.md", "--timeout", "1"], in: dir)
    #expect(r.status == 1)
    #expect(r.err.contains("t.md:2:") && r.err.contains("error: cell 1 raised TimeoutError"))
    #expect(r.err.contains("t.md:6: note: cell 2 was not run"))
}

@Test(.enabled(if: evaluatorWorks)) func parallelJobs() throws {
    // Four notebooks on three workers, each with its own interpreter.
    var files: [String: String] = [:]
    for i in 1...4 { files["0\(i).md"] = "```nn\nx = 41 + \(i)\nx\n```\n```output\n\(41 + i)\n```\n" }
    let dir = try tempFolder(files)
    let r = try nnbook(["test", ".", "--jobs", "3"], in: dir)
    #expect(r.status == 0)
    #expect(r.out.split(separator: "\n").filter { $0.hasPrefix("PASS  0") }.count == 4)  // `.` adds no `./`
    #expect(r.out.hasSuffix("4 passed, 0 failed\n"))
}

@Test func renderAndTestUseTheRunCache() throws {
    try #require(evaluatorWorks)
    let dir = try tempFolder(["01_c.md": "# C\n\n```nn\nprint(6 * 7)\n```\n```output\n42\n```\n"])
    let first = try nnbook(["test", "01_c.md"], in: dir)
    #expect(first.status == 0 && first.out.hasPrefix("PASS  01_c.md  (1 cell, ") && !first.out.contains("cached"))
    #expect(FileManager.default.fileExists(atPath: "\(dir)/.nnbook-cache/.gitignore"))
    let second = try nnbook(["test", "01_c.md"], in: dir)
    #expect(second.status == 0 && second.out.hasPrefix("PASS  01_c.md  (1 cell, cached)"))
    let render = try nnbook(["render", "01_c.md", "--out", "site"], in: dir)
    #expect(render.status == 0 && render.out.contains("(1 cell, cached)"))
    #expect(try read("\(dir)/site/01_c.html").contains("42"))
    #expect(!(try nnbook(["test", "01_c.md", "--no-cache"], in: dir)).out.contains("cached"))
    let elsewhere = try nnbook(["test", "01_c.md", "--cache", "\(dir)/other"], in: dir)
    #expect(!elsewhere.out.contains("cached"))
    #expect(try nnbook(["test", "01_c.md", "--cache", "\(dir)/other"], in: dir).out.contains("cached"))
    #expect(try nnbook(["test", "01_c.md", "--cache", "x", "--no-cache"], in: dir).status == 2)
    // `update` never trusts the cache: a drifted expected block is found and rewritten.
    try "# C\n\n```nn\nprint(6 * 7)\n```\n```output\n41\n```\n".write(toFile: "\(dir)/01_c.md", atomically: true, encoding: .utf8)
    #expect(try nnbook(["update", "01_c.md"], in: dir).out.hasPrefix("updated"))
    #expect(try read("\(dir)/01_c.md").contains("```output\n42\n```"))
}
