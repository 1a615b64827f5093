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

    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so a
    /// crash never leaves a half-written lesson.
    package static func replace(_ path: String, with bytes: [UInt8]) throws(NotebookFileError) {
        let temp = "\(path).nnbook-\(getpid()).tmp"
        var mode: mode_t = 0o644
        var st = stat()
        if stat(path, &st) == 0 { mode = st.st_mode & 0o7777 }
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard fd >= 0 else { throw NotebookFileError(path: temp, reason: errnoReason()) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = errnoReason()
                close(fd); unlink(temp)
                throw NotebookFileError(path: temp, reason: reason)
            }
            written += n
        }
        guard fsync(fd) == 0, close(fd) == 0 else {
            let reason = errnoReason()
            unlink(temp)
            throw NotebookFileError(path: temp, reason: reason)
        }
        guard rename(temp, path) == 0 else {
            let reason = errnoReason()
            unlink(temp)
            throw NotebookFileError(path: path, reason: reason)
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
