import Foundation
import NotebookTestSupport
import Testing

// Ctrl-C, end to end with the built binary: SIGINT during a run stops the running cell at its
// .md line (KeyboardInterrupt), the later cells and notebooks are reported as not run, the
// summary is printed, nothing the user wrote changes, and the exit status is 130.

/// A notebook whose cell 2 writes `started` (so the test knows it is running) and then
/// sleeps for a minute; cells 1 and 3 print.
private let sleeper = """
# Sleeper

```nn
print(1)
```

```output
1
```

```nn
with open('started', 'w') as f:
    f.write('x')
import time
time.sleep(60)
```

```nn
print(3)
```

```output
3
```

"""

private let other = "# Other\n\n```nn\nprint(2)\n```\n\n```output\n2\n```\n"

/// Starts `nnbook ARGS` in `dir`, sends SIGINT once cell 2 has started (`signals` times),
/// and collects the result.
private func interrupted(_ arguments: [String], in dir: String, signals: Int = 1) throws -> (Result, Double) {
    let child = try NnbookChild(arguments, in: dir)
    let process = child.process
    // Wait (up to 2 minutes on a loaded machine) for the cell to be running.
    var waited = 0
    while !FileManager.default.fileExists(atPath: "\(dir)/started") && waited < 1200 && process.isRunning {
        usleep(100_000)
        waited += 1
    }
    let sent = Date()
    for _ in 0..<signals { process.interrupt() }
    let result = child.finish()
    return (result, Date().timeIntervalSince(sent))
}

@Test func ctrlCStopsTestWithASummaryAndStatus130() throws {
    guard evaluatorWorks else { return }
    let dir = try tempFolder(["a.md": sleeper, "b.md": other])
    let (r, seconds) = try interrupted(["test", "a.md", "b.md", "--jobs", "1", "--no-cache"], in: dir)
    #expect(r.status == 130, "\(r.out)\(r.err)")
    // The sleeping cell failed at its line, the cell after it and the next notebook did not run.
    #expect(r.err.contains("a.md:15:") && r.err.contains("error: cell 2 raised KeyboardInterrupt"), "\(r.err)")
    #expect(r.err.contains("a.md:18: note: cell 3 was not run"), "\(r.err)")
    #expect(r.err.contains("b.md:3: note: cell 1 was not run"), "\(r.err)")
    #expect(r.out.contains("FAIL  a.md") && r.out.contains("FAIL  b.md"), "\(r.out)")
    #expect(r.out.hasSuffix("1 passed, 3 failed\n"), "\(r.out)")
    // Far sooner than the minute the cell sleeps.
    #expect(seconds < 30)
}

@Test func ctrlCDuringUpdateWritesNothing() throws {
    guard evaluatorWorks else { return }
    // No output blocks yet: an update that finished would add three.
    let bare = sleeper.replacing("```output\n1\n```\n\n", with: "").replacing("```output\n3\n```\n\n", with: "")
    let dir = try tempFolder(["a.md": bare])
    let (r, _) = try interrupted(["update", "a.md"], in: dir)
    #expect(r.status == 130, "\(r.out)\(r.err)")
    #expect(r.out.contains("not updated  a.md  (interrupted)"), "\(r.out)")
    #expect(try read("\(dir)/a.md") == bare)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") } == [])
}

@Test func ctrlCDuringRenderAndRun() throws {
    guard evaluatorWorks else { return }
    let dir = try tempFolder(["a.md": sleeper])
    let (render, _) = try interrupted(["render", "a.md", "--out", "site", "--no-cache"], in: dir)
    #expect(render.status == 130, "\(render.out)\(render.err)")
    #expect(render.err.contains("the site was not written"), "\(render.err)")
    #expect(!FileManager.default.fileExists(atPath: "\(dir)/site/a.html"))
    try FileManager.default.removeItem(atPath: "\(dir)/started")
    // `run` shows the traceback at the line; a second Ctrl-C right after the first also ends it.
    let (run, _) = try interrupted(["run", "a.md"], in: dir, signals: 2)
    #expect(run.status == 130, "\(run.out)\(run.err)")
    #expect(run.out.hasPrefix("1\n") && !run.out.contains("3"), "\(run.out)")
}

/// A script that writes `started` and then prints 10 MB: with nobody reading its stdout, the
/// write blocks in the kernel once the pipe is full, where no check of the first Ctrl-C reaches.
private let stuck = """
with open('started', 'w') as f:
    f.write('x')
print('x' * 10**7)
print('done')

"""

/// Waits (polling, up to `limit` seconds) for `condition`; true when it came.
private func waitFor(_ limit: Double, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(limit)
    while !condition() {
        if Date() > end { return false }
        usleep(50_000)
    }
    return true
}

@Test func aSecondCtrlCEndsAStuckRunAtOnce() throws {
    guard evaluatorWorks else { return }
    let dir = try tempFolder(["stuck.nn": stuck])
    let errPath = "\(dir)/stderr.txt"
    #expect(FileManager.default.createFile(atPath: errPath, contents: nil))
    let child = try NnbookChild(["run", "stuck.nn"], in: dir, stderr: try FileHandle(forWritingTo: URL(fileURLWithPath: errPath)))
    let process = child.process
    let out = child.out!
    func stderrText() -> String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }
    func unread() -> Int32 {
        var n: Int32 = 0
        _ = ioctl(out.fileHandleForReading.fileDescriptor, UInt(FIONREAD), &n)
        return n
    }
    // Bounds for a loaded machine, not timings: the run stays blocked until signalled.
    // The pipe full: the print is blocked in write(2).
    #expect(waitFor(120) { (FileManager.default.fileExists(atPath: "\(dir)/started") && unread() >= 65536) || !process.isRunning })
    process.interrupt()
    #expect(waitFor(60) { stderrText().contains("Ctrl-C again to quit at once") || !process.isRunning }, "\(stderrText())")
    // The first Ctrl-C asked the script to stop; blocked in the kernel, it cannot.
    #expect(process.isRunning, "\(stderrText())")
    process.interrupt()
    let ended = waitFor(60) { !process.isRunning }
    #expect(ended, "a second Ctrl-C did not end the run")
    // Drained after the end (or, if it never came, to let the script finish): never a hang.
    let printed = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 130, "\(stderrText())")
    // Ended at once: the script never got past its print, and no traceback was written.
    #expect(printed.count < 10_000_000, "\(printed.count) bytes")
    #expect(!stderrText().contains("KeyboardInterrupt") && !stderrText().contains("Traceback"), "\(stderrText())")
}
