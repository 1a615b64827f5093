import Foundation
import NNLang
import NNBookCLI
import Notebook
import Synchronization
import NotebookTestSupport
import Testing

/// A fake executor factory that counts the cells it runs, so a test can tell a hit (nothing
/// ran) from a miss.
final class CellCounter: Sendable {
    let cells = Atomic<Int>(0)
    var factory: ExecutorFactory {
        { file in CountingExecutor(file: file, counter: self) }
    }
    var value: Int { cells.load(ordering: .relaxed) }
}

final class CountingExecutor: CellExecutor {
    let fake: FakeExecutor
    let counter: CellCounter
    init(file: String, counter: CellCounter) { fake = FakeExecutor(file: file); self.counter = counter }
    func run(cell source: String, firstLine: Int, echoResult: Bool, timeout: Double?,
             onOutput: ((String) -> Void)?) -> CellResult {
        counter.cells.add(1, ordering: .relaxed)
        return fake.run(cell: source, firstLine: firstLine, echoResult: echoResult, timeout: timeout, onOutput: onOutput)
    }
    var filesRead: [String] { fake.filesRead }
}

/// Runs `path` through `cache` as a batch does; true when it came from the cache.
@discardableResult
func runCached(_ path: String, cache: RunCache, counter: CellCounter, timeout: Double = 300) -> NotebookRun {
    let runner = NotebookRunner(timeout: timeout, makeExecutor: counter.factory)
    return NotebookBatch(runner: runner, jobs: 1, cache: cache).run([path])[0]
}

let twoCells = "# Cached\n\n```nn\nprint one\n```\n```output\none\n```\n\n```nn\nvalue 2\n```\n```output\n2\n```\n"

@Test func cacheHitRunsNothingAndGivesTheSameRun() throws {
    let dir = try tempFolder(["01.md": twoCells])
    let cache = RunCache(tool: "test 1")
    let counter = CellCounter()
    let first = runCached("\(dir)/01.md", cache: cache, counter: counter)
    #expect(!first.fromCache && first.passed && counter.value == 2)
    let second = runCached("\(dir)/01.md", cache: cache, counter: counter)
    #expect(second.fromCache)
    #expect(counter.value == 2)  // nothing ran
    #expect(second.cells.map(\.output) == first.cells.map(\.output))
    #expect(second.cells.map(\.verdict) == first.cells.map(\.verdict))
    #expect(second.passed)
    // Beside the notebook, and ignored by git from the inside too.
    #expect(FileManager.default.fileExists(atPath: "\(dir)/.nnbook-cache/.gitignore"))
    #expect(ProgressReporter.line(for: second, colored: false) == "PASS  \(dir)/01.md  (2 cells, cached)\n")
}

@Test func cacheMissesWhenAnyKeyPartChanges() throws {
    let dir = try tempFolder(["01.md": twoCells, "data.idx": "1234"])
    let path = "\(dir)/01.md"
    let counter = CellCounter()
    let cache = RunCache(tool: "test 1")
    func ran(_ cache: RunCache = RunCache(tool: "test 1"), timeout: Double = 300, at p: String? = nil) -> Bool {
        !runCached(p ?? path, cache: cache, counter: counter, timeout: timeout).fromCache
    }
    #expect(ran())
    #expect(!ran())
    // nnbook's identity.
    #expect(ran(RunCache(tool: "test 2")))
    // The engine's version (a new compiler or VM never reuses an older one's outputs).
    #expect(ran(RunCache(tool: "test 1", engine: "an older engine")))
    #expect(!ran(RunCache(tool: "test 1", engine: "an older engine")))
    // An option that changes output.
    #expect(ran(timeout: 5))
    #expect(!ran(timeout: 5))
    // The notebook's bytes (one character of prose).
    try (twoCells + "\nMore prose.\n").write(toFile: path, atomically: true, encoding: .utf8)
    #expect(ran())
    #expect(!ran())
    // The path (tracebacks name it): the same bytes elsewhere are another entry.
    try FileManager.default.copyItem(atPath: path, toPath: "\(dir)/02.md")
    #expect(ran(at: "\(dir)/02.md"))
    // A file the notebook read: changed size, replaced (new inode), touched, deleted.
    let reads = twoCells + "\n```nn\nread \(dir)/data.idx\n```\n"
    try reads.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(ran())
    #expect(!ran())
    try "12345".write(toFile: "\(dir)/data.idx", atomically: false, encoding: .utf8)
    #expect(ran())
    #expect(!ran())
    try "12346".write(toFile: "\(dir)/data.idx", atomically: true, encoding: .utf8)  // same size, new inode
    #expect(ran())
    #expect(!ran())
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)],
                                          ofItemAtPath: "\(dir)/data.idx")
    #expect(ran())
    #expect(!ran())
    try FileManager.default.removeItem(atPath: "\(dir)/data.idx")
    #expect(ran())
    _ = cache
}

@Test func anEntryOfAnotherEngineIsAMiss() throws {
    #expect(RunCache(tool: "test 1").engine == Interpreter.engineVersion)
    let dir = try tempFolder(["01.md": twoCells])
    let path = "\(dir)/01.md"
    let cache = RunCache(tool: "test 1")
    let counter = CellCounter()
    runCached(path, cache: cache, counter: counter)
    #expect(runCached(path, cache: cache, counter: counter).fromCache)
    // The same entry file, as an older engine would have written it: its field is compared too.
    let folder = "\(dir)/.nnbook-cache"
    let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".json") })
    let entry = "\(folder)/\(name)"
    let text = try String(contentsOfFile: entry, encoding: .utf8)
    let engineField = "\"engine\":\"\(Interpreter.engineVersion)\""
    #expect(text.contains(engineField))
    try text.replacingOccurrences(of: engineField, with: "\"engine\":\"nn-vm 0\"")
        .write(toFile: entry, atomically: true, encoding: .utf8)
    #expect(!runCached(path, cache: cache, counter: counter).fromCache)
}

@Test func aTruncatedOrGarbledEntryIsAMiss() throws {
    let dir = try tempFolder(["01.md": twoCells])
    let path = "\(dir)/01.md"
    let cache = RunCache(tool: "test 1")
    let counter = CellCounter()
    runCached(path, cache: cache, counter: counter)
    let folder = "\(dir)/.nnbook-cache"
    let entries = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
    #expect(entries.count == 1)
    let entry = "\(folder)/\(entries[0])"
    let bytes = try Data(contentsOf: URL(fileURLWithPath: entry))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: entry))  // a crash half-way
    #expect(!runCached(path, cache: cache, counter: counter).fromCache)
    #expect(runCached(path, cache: cache, counter: counter).fromCache)  // rewritten whole
    try Data("{\"format\": 1}".utf8).write(to: URL(fileURLWithPath: entry))
    #expect(!runCached(path, cache: cache, counter: counter).fromCache)
    try Data().write(to: URL(fileURLWithPath: entry))
    #expect(!runCached(path, cache: cache, counter: counter).fromCache)
}

@Test func failedRunsAreNotCached() throws {
    let dir = try tempFolder(["01.md": "# Bad\n\n```nn\nraise ValueError no\n```\n\n```nn\nprint later\n```\n",
                              "02.md": "# Raises\n\n```nn raises=ValueError\nraise ValueError expected\n```\n```output\nValueError: expected\n```\n"])
    let cache = RunCache(tool: "test 1")
    let counter = CellCounter()
    runCached("\(dir)/01.md", cache: cache, counter: counter)
    #expect(!runCached("\(dir)/01.md", cache: cache, counter: counter).fromCache)
    // An expected error is a success.
    runCached("\(dir)/02.md", cache: cache, counter: counter)
    let hit = runCached("\(dir)/02.md", cache: cache, counter: counter)
    #expect(hit.fromCache && hit.passed)
}

@Test func concurrentRunsLeaveTheCacheWhole() throws {
    var files: [String: String] = [:]
    for i in 0..<6 {
        files["0\(i).md"] = twoCells.replacingOccurrences(of: "value 2\n```\n```output\n2", with: "value \(i)\n```\n```output\n\(i)")
    }
    let dir = try tempFolder(files)
    let shared = try tempFolder()
    let paths = files.keys.sorted().map { "\(dir)/\($0)" }
    let cache = RunCache(location: .directory(shared), tool: "test 1")
    let counter = CellCounter()
    // Eight batches at once, each running every notebook (several writers of each entry).
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
        let runner = NotebookRunner(timeout: 300, makeExecutor: counter.factory)
        _ = NotebookBatch(runner: runner, jobs: 3, cache: cache).run(paths)
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: shared)
    #expect(names.filter { $0.hasPrefix(".tmp-") }.isEmpty)
    #expect(names.filter { $0.hasSuffix(".json") }.count == paths.count)
    let before = counter.value
    let runs = NotebookBatch(runner: NotebookRunner(timeout: 300, makeExecutor: counter.factory), jobs: 2, cache: cache).run(paths)
    #expect(runs.allSatisfy { $0.fromCache && $0.passed })
    #expect(counter.value == before)
    #expect(runs.map { $0.cells[1].output } == (0..<6).map { "\($0)\n" })
}

@Test func theCacheStaysWithinItsSize() throws {
    var files: [String: String] = [:]
    for i in 0..<5 { files["0\(i).md"] = twoCells + String(repeating: "padding ", count: 200) + "\(i)\n" }
    let dir = try tempFolder(files)
    let shared = try tempFolder()
    let cache = RunCache(location: .directory(shared), tool: "test 1", maxBytes: 6000)
    let counter = CellCounter()
    for name in files.keys.sorted() { runCached("\(dir)/\(name)", cache: cache, counter: counter) }
    var total = 0
    let names = try FileManager.default.contentsOfDirectory(atPath: shared).filter { $0.hasSuffix(".json") }
    for n in names { total += (try FileManager.default.attributesOfItem(atPath: "\(shared)/\(n)")[.size] as? Int) ?? 0 }
    #expect(total <= 6000)
    #expect(names.count < 5 && !names.isEmpty)
    // The newest entry survives eviction.
    #expect(runCached("\(dir)/04.md", cache: cache, counter: counter).fromCache)
}
