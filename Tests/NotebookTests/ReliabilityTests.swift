import Foundation
import NNLang
import Notebook
import NotebookTestSupport
import Testing

// `update` safety, odd output and the CLI's error sentences, end to end through the binary.

@Test func oddOutputRoundTripsThroughUpdate() throws {
    guard evaluatorWorks else { return }
    let nb = "# T\n\n```nn\nprint('a\\rb\\x00c\\x1b[0m\\x7f')\n```\n\nText.\n\n```nn\nprint('```\\n~~~\\nok\\r')\n```\n\n```nn\n1 + 1\n```\n"
    let dir = try tempFolder(["a.md": nb])
    #expect(try nnbook(["update", "a.md"], in: dir).status == 0)
    let written = try read("\(dir)/a.md")
    // Control characters are written as control pictures; every other byte of prose stays.
    #expect(written.contains("```output\na␍b␀c␛[0m␡\n```\n"))
    #expect(written.contains("````output\n```\n~~~\nok␍\n````\n"))
    #expect(!written.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    let test = try nnbook(["test", "a.md"], in: dir)
    #expect(test.status == 0 && test.out.hasSuffix("3 passed, 0 failed\n"), "\(test.out)\(test.err)")
    #expect(try nnbook(["update", "a.md"], in: dir).out.hasPrefix("unchanged"))
}

@Test func updateFollowsSymlinksKeepsModesAndRefusesReadOnly() throws {
    guard evaluatorWorks else { return }
    let dir = try tempFolder(["real.md": "# T\n\n```nn\nprint(1)\n```\n", "ro.md": "# T\n\n```nn\nprint(2)\n```\n"])
    let fm = FileManager.default
    try fm.setAttributes([.posixPermissions: 0o640], ofItemAtPath: "\(dir)/real.md")
    try fm.createSymbolicLink(atPath: "\(dir)/link.md", withDestinationPath: "real.md")
    #expect(try nnbook(["update", "link.md"], in: dir).status == 0)
    #expect(try fm.destinationOfSymbolicLink(atPath: "\(dir)/link.md") == "real.md")
    #expect(try read("\(dir)/real.md").hasSuffix("```output\n1\n```\n"))
    #expect(try fm.attributesOfItem(atPath: "\(dir)/real.md")[.posixPermissions] as? Int == 0o640)

    try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: "\(dir)/ro.md")
    let ro = try nnbook(["update", "ro.md"], in: dir)
    #expect(ro.status == 1 && ro.err.contains("ro.md:1: error: cannot update: the file is read-only"), "\(ro.err)")
    #expect(try read("\(dir)/ro.md") == "# T\n\n```nn\nprint(2)\n```\n")
    // No temp file is ever left beside the notebooks; a dead run's leftover is cleaned.
    try "stale".write(toFile: "\(dir)/real.md.nnbook-999999.tmp", atomically: false, encoding: .utf8)
    try "# T\n\n```nn\nprint(3)\n```\n".write(toFile: "\(dir)/real.md", atomically: false, encoding: .utf8)
    #expect(try nnbook(["update", "real.md"], in: dir).status == 0)
    #expect(try fm.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") } == [])
}

@Test func cliNumbersAndPathsAreCheckedWithSentences() throws {
    let dir = try tempFolder(["a.md": "# T\n"])
    for args in [["test", "--timeout", "-1"], ["test", "--timeout", "nan"], ["test", "--max-memory", "12Q"],
                 ["test", "--max-memory", "0"], ["render", "--out", ""], ["test", "--jobs", "100000"],
                 ["run", "x.nn", "--timeout", "inf"]] {
        let r = try nnbook(args, in: dir)
        #expect(r.status == 2 && r.err.hasPrefix("Error: "), "\(args): \(r.status) \(r.err)")
    }
    try "x".write(toFile: "\(dir)/afile", atomically: false, encoding: .utf8)
    let r = try nnbook(["render", "a.md", "--out", "afile"], in: dir)
    #expect(r.status == 1 && r.err.contains("nnbook: error: cannot write the site to afile: it is a file, not a folder"), "\(r.err)")
    #expect(!r.err.contains("NSCocoaErrorDomain"))
}

@Test func hugeTimeoutIsNotATrap() throws {
    guard evaluatorWorks else { return }
    let dir = try tempFolder(["a.nn": "print(1)\n"])
    let r = try nnbook(["run", "a.nn", "--timeout", "2e10"], in: dir)
    #expect(r.status == 0 && r.out == "1\n", "\(r.err)")
    #expect(try nnbook(["run", "a.nn", "--timeout", "0", "--max-memory", "1G"], in: dir).out == "1\n")
}

@Test func listsAndDictsGrownItemByItemMeetTheMemoryCap() throws {
    guard evaluatorWorks else { return }
    // Neither is charged to the budget as it grows; the resident-memory backstop stops both a
    // few hundred MB past the cap (not gigabytes later, not the OOM killer).
    let dir = try tempFolder([
        "list.nn": "xs = []\ni = 0\nwhile True:\n    xs.append([i, i])\n    i += 1\n",
        "dict.nn": "d = {}\ni = 0\nwhile True:\n    d[i] = [i]\n    i += 1\n",
    ])
    for file in ["list.nn", "dict.nn"] {
        let r = try nnbook(["run", file, "--max-memory", "256M", "--timeout", "300"], in: dir)
        #expect(r.status == 1 && r.err.contains("MemoryError: the notebook holds"), "\(file): \(r.status) \(r.err)")
    }
}

@Test func memorySizesParse() {
    #expect(MemorySize.parse("1000000") == 1_000_000)
    #expect(MemorySize.parse("512M") == 512 << 20)
    #expect(MemorySize.parse("1.5GB") == 3 << 29)
    #expect(MemorySize.parse("64KiB") == 64 << 10)
    for bad in ["", "G", "-1G", "1e99", "12Q", "0", "nanG"] { #expect(MemorySize.parse(bad) == nil, "\(bad)") }
}

@Test func longNativeOpsStopAtTheDeadline() {
    guard evaluatorWorks else { return }
    let i = Interpreter(file: "a.nn")
    // One reduction over 1e11 elements, one 6000^3 product: both stop with TimeoutError.
    for cell in ["x = ones(1).expand(10**11).sum()", "a = ones(6000, 6000)\nb = a @ a"] {
        let r = i.run(cell: cell, firstLine: 1, echoResult: false, timeout: 0.3)
        #expect(r.error?.summary == "TimeoutError: cell exceeded the time limit", "\(cell)")
    }
    // The deadline's TimeoutError gets through `except` and a swallowing `__exit__`.
    let swallow = """
    class Quiet:
        def __enter__(self): return self
        def __exit__(self, *a): return True
    with Quiet():
        x = ones(1).expand(10**11).sum()
    print('swallowed')
    """
    #expect(i.run(cell: swallow, firstLine: 1, echoResult: false, timeout: 0.3).error?.typeName == "TimeoutError")
    let caught = "try:\n    x = ones(1).expand(10**11).sum()\nexcept TimeoutError:\n    print('caught')\n"
    #expect(i.run(cell: caught, firstLine: 1, echoResult: false, timeout: 0.3).error?.typeName == "TimeoutError")
    // The next cell runs normally.
    #expect(i.run(cell: "print(ones(3).sum())", firstLine: 1, echoResult: false, timeout: 5).items == [.stdout("tensor(3.)\n")])
}

@Test func updateRefusesAFileEditedWhileItRan() throws {
    guard evaluatorWorks else { return }
    // The cell itself saves an edit to its notebook, as an editor would while `update` runs:
    // the run's outputs must not replace the edit.
    let nb = "# T\n\n```nn\nwith open('a.md', 'a') as f:\n    f.write('Edited.\\n')\nprint(1)\n```\n"
    let dir = try tempFolder(["a.md": nb])
    let r = try nnbook(["update", "a.md"], in: dir)
    #expect(r.status == 1 && r.err.contains("a.md:1: error: cannot update: the file changed while it ran; not overwritten"), "\(r.out)\(r.err)")
    #expect(try read("\(dir)/a.md") == nb + "Edited.\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") } == [])
}
