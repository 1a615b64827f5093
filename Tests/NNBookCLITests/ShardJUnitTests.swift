import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NNBookCLI
import NotebookTestSupport
import Notebook
import Testing

@Test func shardParsing() {
    #expect(Shard(parsing: "2/3") == Shard(index: 2, count: 3))
    for bad in ["0/3", "4/3", "1/0", "a/b", "1/2/3", "", "/", "-1/2", "1"] {
        #expect(Shard(parsing: bad) == nil, "\(bad)")
    }
}

/// For N = 1...5 the N shards run every notebook exactly once, whatever order the paths come in.
@Test func shardsPartitionTheSuite() throws {
    let synthetic = (1...17).map { "lessons/\($0 < 10 ? "0" : "")\($0)_lesson.md" }
    for paths in [try lessonPaths(), synthetic] {
        for n in 1...5 {
            var seen: [String: Int] = [:]
            for k in 1...n {
                let shard = Shard(index: k, count: n)!
                let mine = shard.select(paths)
                // Deterministic: the same share from a shuffled list, in the order given.
                #expect(Set(shard.select(paths.shuffled())) == Set(mine))
                #expect(mine == paths.filter(mine.contains))
                // Balanced: shares differ by at most one notebook.
                #expect(abs(mine.count - paths.count / n) <= 1)
                for p in mine { seen[p, default: 0] += 1 }
            }
            #expect(seen.count == paths.count && seen.values.allSatisfy { $0 == 1 }, "N = \(n)")
        }
    }
}


@Test func junitReportParsesBack() throws {
    let dir = try tempFolder([
        "01_ok.md": "# OK\n\n```nn\nprint hi & <bye>\n```\n\n```output\nhi & <bye>\n```\n\n```nn skip\nprint never\n```\n",
        "02_bad.md": "# Bad\n\n```nn\nprint 1.5\n```\n\n```output\n2.5\n```\n\n```nn\nraise ValueError \"oops\"\n```\n\n```nn\nprint x\n```\n",
    ])
    let captured = Captured()
    let junit = "\(dir)/report.xml"
    #expect(fakeCommands(captured).test(paths: [dir], jobs: 2, timeout: 300, junit: junit) == 1)
    let xml = try read(junit)
    let report = try #require(JUnitReader.parse(xml), "not well-formed XML:\n\(xml)")
    #expect(report.root["tests"] == "5" && report.root["failures"] == "3" && report.root["skipped"] == "1")
    #expect(report.suites.map { $0.attributes["name"] } == ["\(dir)/01_ok.md", "\(dir)/02_bad.md"])
    let ok = report.suites[0], bad = report.suites[1]
    #expect(ok.attributes["tests"] == "2" && ok.attributes["failures"] == "0" && ok.attributes["skipped"] == "1")
    #expect(ok.cases.map { $0.attributes["name"] } == ["cell 1 (line 3)", "cell 2 (line 11)"])
    #expect(ok.cases[0].failure == nil && ok.cases[1].skipped)
    #expect(bad.cases.count == 3 && bad.cases.allSatisfy { $0.failure != nil })
    #expect(bad.cases[0].failure?["message"] == "output of cell 1 differs")
    #expect(bad.cases[0].failureText.contains("-2.5\n+1.5"))
    #expect(bad.cases[1].failure?["message"] == "cell 2 raised ValueError: \"oops\"")
    #expect(bad.cases[1].failureText.contains("Traceback (most recent call last):"))
    #expect(bad.cases[2].failure?["message"] == "not run: an earlier cell failed")
    for c in ok.cases + bad.cases {
        #expect(c.attributes["time"].flatMap(Double.init) != nil && c.attributes["file"] != nil && c.attributes["line"] != nil)
    }
}

@Test func testRunsOnlyItsShard() throws {
    let dir = try tempFolder([
        "01_a.md": "```nn\nprint a\n```\n\n```output\na\n```\n",
        "02_b.md": "```nn\nprint b\n```\n\n```output\nb\n```\n",
        "03_c.md": "```nn\nprint c\n```\n\n```output\nc\n```\n",
    ])
    var ran: [String] = []
    for k in 1...2 {
        let captured = Captured()
        #expect(fakeCommands(captured).test(paths: [dir], jobs: 1, timeout: 300, shard: Shard(index: k, count: 2)) == 0)
        ran += captured.out.split(separator: "\n").filter { $0.hasPrefix("PASS") }.map { String($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }
    }
    #expect(ran.sorted() == ["01_a.md", "02_b.md", "03_c.md"].map { "\(dir)/\($0)" })
}
