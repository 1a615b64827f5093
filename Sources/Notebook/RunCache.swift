import Foundation
import NNLang

/// The run cache: a notebook whose inputs are unchanged since its last successful run is not
/// run again (as Quarto's `freeze` or dune's cache). Used by `render`, `test` and `watch`;
/// `update` never consults it.
///
/// An entry's key is the notebook's path and bytes, nnbook's own identity (version and binary),
/// the engine's version (`Interpreter.engineVersion`) and the options that change outputs; the entry then records the size, modification time and
/// inode of every file the notebook read (`get_data()`, `read_idx`), and is a hit only while
/// they all still match. Entries are JSON files written to a temporary name and renamed into
/// place, so a crash or a concurrent run never leaves half an entry under a real name; an entry
/// that fails to parse is a miss, never an error. The folder is bounded: past `maxBytes` the
/// least recently used entries are deleted.
///
///     let cache = RunCache(location: .besideNotebooks, tool: "nnbook 0.1")
///     let run = cache.lookup(notebook, runner: runner) ?? runner.run(notebook)
public struct RunCache: Sendable {
    /// Where entries live.
    public enum Location: Sendable, Equatable {
        /// `.nnbook-cache/` in each notebook's folder.
        case besideNotebooks
        /// One folder for every notebook (`--cache DIR`).
        case directory(String)
    }

    /// The name of the folder placed beside the notebooks.
    public static let folderName = ".nnbook-cache"
    /// Bumped when the entry layout changes: older entries are then misses.
    static let format = 2

    /// Where entries live.
    public var location: Location
    /// nnbook's identity: its version and the binary's stamp (see `toolIdentity(version:)`).
    public var tool: String
    /// The engine that ran the cells (`Interpreter.engineVersion`): entries of another engine
    /// are misses.
    public var engine: String
    /// Upper bound of the folder's size in bytes; the oldest entries go first.
    public var maxBytes: Int

    /// A cache at `location` for the nnbook identified by `tool`, running `engine`.
    public init(location: Location = .besideNotebooks, tool: String, engine: String = Interpreter.engineVersion,
                maxBytes: Int = 256 << 20) {
        self.location = location; self.tool = tool; self.engine = engine; self.maxBytes = max(0, maxBytes)
    }

    /// `version` plus the size, modification time and inode of the running executable, so a
    /// rebuilt nnbook never trusts what an older build cached.
    public static func toolIdentity(version: String) -> String {
        guard let exe = Bundle.main.executablePath, let stamp = FileStamp.of(exe) else { return version }
        return "\(version) \(stamp.size) \(stamp.mtime) \(stamp.inode)"
    }

    /// The options of `runner` that change what a notebook outputs.
    static func options(of runner: NotebookRunner) -> String {
        "timeout=\(runner.timeout.map { String($0) } ?? "none")"
    }

    /// The folder holding the entries for `notebookPath`.
    public func directory(for notebookPath: String) -> String {
        switch location {
        case .directory(let d): return d
        case .besideNotebooks:
            let dir = (notebookPath as NSString).deletingLastPathComponent
            return (dir.isEmpty ? "." : dir) + "/" + Self.folderName
        }
    }

    /// The entry file for `notebook` run by `runner`.
    func entryPath(_ notebook: Notebook, runner: NotebookRunner) -> String {
        let material = [notebook.path, tool, engine, Self.options(of: runner), notebook.text].joined(separator: "\u{0}")
        let stem = (notebook.path as NSString).lastPathComponent
        return directory(for: notebook.path) + "/" + stem + "-" + StableHash.hex128(material) + ".json"
    }

    // MARK: Lookup

    /// The cached run of `notebook`, when every part of its key still matches; nil otherwise.
    /// A hit's verdicts are checked again against the notebook's expected blocks.
    public func lookup(_ notebook: Notebook, runner: NotebookRunner) -> NotebookRun? {
        guard !notebook.hasErrors else { return nil }
        let path = entryPath(notebook, runner: runner)
        guard let data = FileManager.default.contents(atPath: path),
              let entry = try? JSONDecoder().decode(CacheEntry.self, from: data),
              entry.format == Self.format, entry.path == notebook.path, entry.tool == tool, entry.engine == engine,
              entry.options == Self.options(of: runner), entry.text == notebook.text,
              entry.cells.count == notebook.cells.count,
              entry.files.allSatisfy({ FileStamp.of($0.path) == $0 })
        else { return nil }
        // Least recently used goes first on eviction: a hit counts as a use.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        var stopped = false
        var cells: [CellRun] = []
        for (cell, cached) in zip(notebook.cells, entry.cells) {
            guard let result = cached.result, !stopped else {
                cells.append(CellRun(cell: cell, result: nil, output: "",
                                     verdict: cell.options.skip ? .skipped : .notRun, seconds: 0))
                continue
            }
            let output = CellOutput.text(of: result)
            let (verdict, stops) = runner.check(cell, result: result, output: output, path: notebook.path)
            stopped = stops
            cells.append(CellRun(cell: cell, result: result, output: output, verdict: verdict, seconds: cached.seconds))
        }
        var run = NotebookRun(notebook: notebook, cells: cells, seconds: entry.seconds)
        run.filesRead = entry.files.map(\.path)
        run.fromCache = true
        return run
    }

    // MARK: Store

    /// Whether `run` may be cached: it ran to the end with no unexpected error (a timeout or a
    /// cancelled cell depends on the machine's speed, not on the inputs).
    public static func isCacheable(_ run: NotebookRun) -> Bool {
        guard !run.notebook.hasErrors, !run.fromCache else { return false }
        return !run.cells.contains { c in
            guard let e = c.result?.error else { return c.verdict == .notRun }
            return e.typeName == "TimeoutError" || e.typeName == "KeyboardInterrupt" || !c.cell.options.raisesAccepts(e)
        }
    }

    /// Records `run` (when cacheable); failures to write are ignored: the cache only saves time.
    public func store(_ run: NotebookRun, runner: NotebookRunner) {
        guard Self.isCacheable(run) else { return }
        var files: [FileStamp] = []
        for path in run.filesRead {
            guard let stamp = FileStamp.of(path) else { return }
            files.append(stamp)
        }
        let entry = CacheEntry(format: Self.format, path: run.notebook.path, tool: tool, engine: engine, options: Self.options(of: runner),
                               text: run.notebook.text, files: files, seconds: run.seconds,
                               cells: run.cells.map { CacheEntry.Cell(result: $0.result, seconds: $0.seconds) })
        guard let data = try? JSONEncoder().encode(entry) else { return }
        let dir = directory(for: run.notebook.path)
        guard prepare(dir) else { return }
        let final = entryPath(run.notebook, runner: runner)
        let temp = dir + "/.tmp-\(getpid())-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temp, contents: data) else { return }
        if rename(temp, final) != 0 { unlink(temp); return }
        evict(in: dir)
    }

    /// Creates the folder with a `.gitignore` that ignores everything in it.
    private func prepare(_ dir: String) -> Bool {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir, isDirectory: &isDir) { return isDir.boolValue }
        do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch { return false }
        _ = fm.createFile(atPath: dir + "/.gitignore", contents: Data("# nnbook's run cache: safe to delete\n*\n".utf8))
        return true
    }

    /// Deletes the least recently used entries until the folder holds at most `maxBytes`.
    /// Another process deleting the same files at the same time is harmless.
    func evict(in dir: String) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir) else { return }
        var entries: [(path: String, size: Int, date: Date)] = []
        var total = 0
        for name in names where name.hasSuffix(".json") {
            let p = dir + "/" + name
            guard let a = try? fm.attributesOfItem(atPath: p) else { continue }
            let size = (a[.size] as? NSNumber)?.intValue ?? 0
            entries.append((p, size, (a[.modificationDate] as? Date) ?? .distantPast))
            total += size
        }
        guard total > maxBytes else { return }
        for e in entries.sorted(by: { $0.date < $1.date }) where total > maxBytes {
            if (try? fm.removeItem(atPath: e.path)) != nil { total -= e.size }
        }
    }
}

/// One cache file.
struct CacheEntry: Codable {
    struct Cell: Codable {
        var result: CellResult?
        var seconds: Double
    }
    var format: Int
    var path: String
    var tool: String
    var engine: String
    var options: String
    var text: String
    var files: [FileStamp]
    var seconds: Double
    var cells: [Cell]
}

/// What identifies a file's contents without reading it: size, modification time and inode.
public struct FileStamp: Codable, Sendable, Equatable {
    /// The path as the program gave it.
    public var path: String
    /// Size in bytes.
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var mtime: Int64
    /// The inode number (a file replaced by a rename gets a new one).
    public var inode: UInt64

    /// The stamp of the file at `path` now (following symlinks), or nil when it cannot be read.
    public static func of(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        #if canImport(Darwin)
        let t = st.st_mtimespec
        #else
        let t = st.st_mtim
        #endif
        return FileStamp(path: path, size: Int64(st.st_size), mtime: Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec),
                         inode: UInt64(st.st_ino))
    }
}

/// A hash that is the same in every process (Swift's `Hasher` is seeded per process).
enum StableHash {
    /// Two FNV-1a 64-bit hashes with different offsets, as 32 hex digits. Not cryptographic:
    /// the cache compares the full key material stored in the entry, so a collision is a miss.
    static func hex128(_ text: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b ^= b >> 29
        }
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(a) + hex(b)
    }
}
