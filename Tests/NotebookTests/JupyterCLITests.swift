import Foundation
import Notebook
import NotebookTestSupport
import Testing

// `nnbook import` / `export` / `test --shard --junit`, run as the built binary.

@Test func exportThenImportThroughTheCLIGivesTheLessonBack() throws {
    let lesson = try lessonPaths().first { $0.hasSuffix("02_fully_connected.md") }!
    let dir = try tempFolder()
    try FileManager.default.copyItem(atPath: lesson, toPath: "\(dir)/lesson.md")
    let e = try nnbook(["export", "lesson.md"], in: dir)
    #expect(e.status == 0 && e.err == "")
    #expect(e.out.hasPrefix("exported lesson.md -> lesson.ipynb  ("))
    let i = try nnbook(["import", "lesson.ipynb", "-o", "again.md"], in: dir)
    #expect(i.status == 0 && i.err == "" && i.out.hasPrefix("imported lesson.ipynb -> again.md  ("))
    #expect(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/again.md")) == Data(contentsOf: URL(fileURLWithPath: lesson)))
}

@Test func importWritesTheLessonAndItsImages() throws {
    let dir = try tempFolder()
    try FileManager.default.copyItem(atPath: "\(jupyterFixtures)/fixture.ipynb", toPath: "\(dir)/fixture.ipynb")
    let r = try nnbook(["import", "fixture.ipynb"], in: dir)
    #expect(r.status == 0)
    #expect(r.out == "imported fixture.ipynb -> fixture.md  (10 cells, 2 files in fixture_files/)\n")
    #expect(r.err.contains("fixture.ipynb: warning: cell 8: shell command `!echo from the shell`; the cell is kept as `nn skip`\n"))
    #expect(try read("\(dir)/fixture.md").contains("![output](fixture_files/cell5_1.png)"))
    for name in ["cell5_1.png", "diagonal.png"] {
        #expect(FileManager.default.fileExists(atPath: "\(dir)/fixture_files/\(name)"))
    }
}

@Test func malformedNotebookIsAnErrorAtItsPosition() throws {
    let dir = try tempFolder(["bad.ipynb": "{\n \"cells\": [\n  {\"a\": 1,,}\n ]\n}\n",
                              "v3.ipynb": "{\"nbformat\": 3, \"worksheets\": []}"])
    let r = try nnbook(["import", "bad.ipynb"], in: dir)
    #expect(r.status == 1 && r.out == "")
    #expect(r.err == "bad.ipynb:3:11: error: malformed notebook JSON: expected a member name in double quotes but found ','\n 3 |   {\"a\": 1,,}\n   |           ^\n")
    #expect(!FileManager.default.fileExists(atPath: "\(dir)/bad.md"))
    let old = try nnbook(["import", "v3.ipynb"], in: dir)
    #expect(old.status == 1 && old.err.hasPrefix("v3.ipynb: error: not a Jupyter notebook: nbformat: version 3 is not supported"))
    let missing = try nnbook(["import", "nowhere.ipynb"], in: dir)
    #expect(missing.status == 1 && missing.err == "nowhere.ipynb: error: cannot read notebook: No such file or directory\n")
}

@Test func shardAndJUnitFlags() throws {
    let dir = try tempFolder([
        "01_a.md": "```nn\nprint('a')\n```\n\n```output\na\n```\n",
        "02_b.md": "```nn\n1 + 1\n```\n\n```output\n3\n```\n",
    ])
    #expect(try nnbook(["test", "--shard", "3/2"], in: dir).status == 2)
    #expect(try nnbook(["test", "--shard", "x"], in: dir).err.contains("--shard must be K/N"))
    guard evaluatorWorks else { return }
    let one = try nnbook(["test", ".", "--shard", "1/2", "--junit", "one.xml"], in: dir)
    #expect(one.status == 0 && one.out.hasPrefix("shard 1/2: 1 notebook\nPASS  01_a.md") && one.out.hasSuffix("1 passed, 0 failed\n"))
    let two = try nnbook(["test", ".", "--shard", "2/2", "--junit", "two.xml"], in: dir)
    #expect(two.status == 1 && two.out.hasSuffix("0 passed, 1 failed\n"))
    let report = try #require(JUnitReader.parse(read("\(dir)/two.xml")))
    #expect(report.suites.map { $0.attributes["name"] } == ["02_b.md"])
    #expect(report.suites[0].cases[0].failure?["message"] == "output of cell 1 differs")
}
