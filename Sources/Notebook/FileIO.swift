#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be read or written, worded like Python's `OSError`.
public struct NotebookFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path involved.
    public var path: String
    /// What went wrong (`No such file or directory`, `not valid UTF-8`, ...).
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) { self.path = path; self.reason = reason }

    /// `PATH: reason`.
    public var description: String { "\(path): \(reason)" }
}

/// Plain POSIX file access: nnbook starts in a few milliseconds, so it avoids loading Foundation.
package enum FileIO {
    package static func errnoReason() -> String { String(cString: strerror(errno)) }

    package static func readBytes(_ path: String) throws(NotebookFileError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw NotebookFileError(path: path, reason: errnoReason()) }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw NotebookFileError(path: path, reason: errnoReason())
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
        }
        return result
    }

    package static func readText(_ path: String) throws(NotebookFileError) -> String {
        let bytes = try readBytes(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw NotebookFileError(path: path, reason: "not valid UTF-8 text")
        }
        return text
    }

    /// Writes `bytes` over the file at `path` without ever leaving it half-written: a new file
    /// beside it (its target, when `path` is a symlink, so the link stays a link) with the old
    /// file's mode, then a rename over it. When `expected` is given, the file must still hold
    /// exactly those bytes just before the rename (nobody saved an edit meanwhile), or nothing
    /// is written. A read-only file is refused, as an editor would. The new file has no name
    /// until the moment before the rename (Linux `O_TMPFILE`), so a killed run leaves no
    /// `*.nnbook-PID.tmp` behind; where that is not supported, a named temp file is used and
    /// leftovers of dead runs are removed first.
    package static func replace(_ path: String, with bytes: [UInt8], expected: [UInt8]? = nil) throws(NotebookFileError) {
        let target = resolvedPath(path)
        var st = stat()
        var mode: mode_t = 0o644
        if stat(target, &st) == 0 {
            mode = st.st_mode & 0o7777
            if mode & 0o222 == 0 { throw NotebookFileError(path: path, reason: "the file is read-only; not overwritten") }
        }
        let dir = directory(of: target)
        let temp = "\(target).nnbook-\(getpid()).tmp"
        removeStaleTemps(of: target)
        var anonymous = true
        #if os(Linux)
        // O_TMPFILE is a compound macro Swift does not import: __O_TMPFILE | O_DIRECTORY.
        var fd = open(dir, 0o20000000 | O_DIRECTORY | O_WRONLY, mode)
        #else
        var fd: Int32 = -1
        #endif
        if fd < 0 {
            anonymous = false
            fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, mode)
        }
        guard fd >= 0 else { throw NotebookFileError(path: temp, reason: errnoReason()) }
        func fail(_ at: String, _ reason: String) -> NotebookFileError {
            close(fd)
            if !anonymous { unlink(temp) }
            return NotebookFileError(path: at, reason: reason)
        }
        _ = fchmod(fd, mode)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(temp, errnoReason())
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw fail(temp, errnoReason()) }
        // The last moment to notice an edit saved while the notebook ran.
        if let expected, (try? readBytes(target)) != expected {
            throw fail(path, "the file changed while it ran; not overwritten (run `nnbook update` again)")
        }
        if anonymous {
            guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, temp, AT_SYMLINK_FOLLOW) == 0 else {
                throw fail(temp, errnoReason())
            }
        }
        guard close(fd) == 0 else {
            let reason = errnoReason()
            unlink(temp)
            throw NotebookFileError(path: temp, reason: reason)
        }
        guard rename(temp, target) == 0 else {
            let reason = errnoReason()
            unlink(temp)
            throw NotebookFileError(path: path, reason: reason)
        }
    }

    /// The file a path names, symlinks followed (the path itself when it cannot be resolved).
    static func resolvedPath(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Removes `PATH.nnbook-PID.tmp` files left by runs that were killed (their PID is gone).
    static func removeStaleTemps(of path: String) {
        let dir = directory(of: path)
        let base = path.split(separator: "/").last.map(String.init) ?? path
        guard let names = try? list(dir) else { return }
        let prefix = base + ".nnbook-"
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let pidText = name.dropFirst(prefix.count).dropLast(4)
            guard let pid = Int32(pidText), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(dir == "." ? name : "\(dir)/\(name)") }
        }
    }

    /// Creates a new file; fails if it exists.
    package static func create(_ path: String, text: String) throws(NotebookFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw NotebookFileError(path: path, reason: errnoReason()) }
        let bytes = Array(text.utf8)
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard n == bytes.count else { throw NotebookFileError(path: path, reason: "short write") }
    }

    package static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    package static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    package static func makeDirectory(_ path: String) throws(NotebookFileError) {
        if isDirectory(path) { return }
        guard mkdir(path, 0o755) == 0 else { throw NotebookFileError(path: path, reason: errnoReason()) }
    }

    /// The names in a directory (no `.`/`..`), sorted.
    package static func list(_ path: String) throws(NotebookFileError) -> [String] {
        guard let dir = opendir(path) else { throw NotebookFileError(path: path, reason: errnoReason()) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

/// Finds the notebooks named on the command line.
public enum NotebookPaths {
    /// Expands files and folders into notebook paths: a folder gives its `*.md` files (not
    /// recursively, README.md aside), sorted by name, which is lesson order; duplicates are
    /// dropped. A missing path is an error.
    ///
    ///     try NotebookPaths.expand(["Notebooks"])  // ["Notebooks/01_matmul.md", ...]
    public static func expand(_ paths: [String]) throws(NotebookFileError) -> [String] {
        var result: [String] = []
        for path in paths {
            if FileIO.isDirectory(path) {
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                for name in try FileIO.list(path) where name.hasSuffix(".md") && !name.hasPrefix(".") {
                    // README.md describes a folder; it is not a lesson.
                    if name.lowercased() == "readme.md" { continue }
                    result.append(base == "." ? name : "\(base)/\(name)")
                }
            } else if FileIO.exists(path) {
                result.append(path)
            } else {
                throw NotebookFileError(path: path, reason: "No such file or directory")
            }
        }
        // The same file named twice would run twice and, under `update`, race itself.
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }
}
