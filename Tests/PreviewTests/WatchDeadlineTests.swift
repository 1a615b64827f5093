import Foundation
import NNBookCLI
import Preview
import Testing

// `watch` keeps the per-cell deadline as `test` and `render` do: the timed-out cell's page shows
// its TimeoutError, and the next notebook still runs and gets its page.

@Test func watchStopsATimedOutCellAndRunsTheNextNotebook() throws {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("nnbook-watch-\(getpid())-\(UUID().uuidString)").path
    try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? fm.removeItem(atPath: dir) }
    try "# A\n\n```nn\nwhile True:\n    pass\n```\n\n```nn\nprint('la' + 'ter')\n```\n"
        .write(toFile: "\(dir)/01_a.md", atomically: true, encoding: .utf8)
    try "# B\n\n```nn\nprint(6 * 7)\n```\n".write(toFile: "\(dir)/02_b.md", atomically: true, encoding: .utf8)
    let console = Console(terminal: false) { _, _ in }
    let options = WatchOptions(paths: [dir], outDir: "\(dir)/site", timeout: 0.5, jobs: 1)
    let watcher = Watcher(options: options, console: console) { _ in }
    #expect(watcher.start())
    let a = try String(contentsOfFile: "\(dir)/site/01_a.html", encoding: .utf8)
    #expect(a.contains("TimeoutError: cell exceeded the time limit"))
    #expect(!a.contains("later"))
    let b = try String(contentsOfFile: "\(dir)/site/02_b.html", encoding: .utf8)
    #expect(b.contains("42"))
}
