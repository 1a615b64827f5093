import NNEngine
import NNSyntax
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the file at `path`, or opens it and (with `truncate`) empties it, where it lies: a
/// symlink stays a symlink, a device a device.
private func createOrTruncate(_ path: String, truncate: Bool) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | (truncate ? O_TRUNC : 0), 0o666)
    guard fd >= 0 else { return false }
    close(fd)
    return true
}

/// `open(path, mode)` for text files: read whole on open, written on `close()` (or leaving `with`).
extension Runtime {
    static let fileClass = nativeClass("TextIOWrapper", module: "_io")

    /// An open text file.
    final class TextFile {
        let path: String
        let writing: Bool
        var text: [Character] = []
        var pos = 0
        var out = ""
        var closed = false
        init(path: String, writing: Bool) { self.path = path; self.writing = writing }
    }

    static let fileReady: Bool = {
        let F = fileClass
        func file(_ v: Value) throws -> TextFile {
            guard let f = state(v, F, as: TextFile.self) else { throw PyError.type("descriptor requires a file object") }
            if f.closed { throw PyError.value("I/O operation on closed file.") }
            return f
        }
        func readLine(_ f: TextFile) -> String? {
            guard f.pos < f.text.count else { return nil }
            var line = ""
            while f.pos < f.text.count {
                let c = f.text[f.pos]
                f.pos += 1
                line.append(c)
                if c == "\n" || c == "\r\n" { break }
            }
            return line
        }
        func close(_ v: Value) throws {
            guard let f = state(v, F, as: TextFile.self), !f.closed else { return }
            f.closed = true
            if f.writing {
                let h = FileHandle(forWritingAtPath: f.path)
                h?.seekToEndOfFile()
                h?.write(Data(f.out.utf8))
                h?.closeFile()
            }
        }
        methods(F, [
            ("read", { _, s, a, _ in
                let f = try file(s)
                if f.writing { throw PyError(BuiltinTypes.osError, "not readable") }
                let n = a.first.flatMap { v -> Int? in if case .int(let i) = v, i >= 0 { return i }; return nil }
                let end = n.map { min(f.text.count, f.pos + $0) } ?? f.text.count
                defer { f.pos = end }
                return .str(String(f.text[f.pos..<end]))
            }),
            ("readline", { _, s, _, _ in .str(readLine(try file(s)) ?? "") }),
            ("readlines", { _, s, _, _ in
                let f = try file(s)
                var out: [Value] = []
                while let l = readLine(f) { out.append(.str(l)) }
                return .object(PyList(out))
            }),
            ("write", { _, s, a, _ in
                try Args.count("write", a, 1, 1)
                let f = try file(s)
                if !f.writing { throw PyError(BuiltinTypes.osError, "not writable") }
                let t = try Args.str(a[0], "write() argument must be str, not \(a[0].typeName)")
                f.out += t
                return .int(t.unicodeScalars.count)
            }),
            ("close", { _, s, _, _ in try close(s); return .none }),
            ("__enter__", { _, s, _, _ in _ = try file(s); return s }),
            ("__exit__", { _, s, _, _ in try close(s); return .none }),
            ("__iter__", { _, s, _, _ in
                let f = try file(s)
                return .object(PyIterator(kind: BuiltinTypes.iterator) { readLine(f).map { .str($0) } })
            }),
        ])
        attribute(F, "closed") { v in .bool(state(v, F, as: TextFile.self)?.closed ?? true) }
        attribute(F, "name") { v in .str(state(v, F, as: TextFile.self)?.path ?? "") }
        return true
    }()

    /// `open(file, mode='r', encoding=None)`.
    func openFile(_ a: [Value], _ kw: Kwargs) throws -> Value {
        _ = Runtime.fileReady
        try Args.count("open", a, 1, 3)
        guard let path = Runtime.pathString(a[0]) else {
            throw PyError.type("expected str, bytes or os.PathLike object, not \(a[0].typeName)")
        }
        let mode = try Args.str(a.count > 1 ? a[1] : (Args.kw(kw, "mode") ?? .str("r")), "open() argument 'mode' must be str")
        let fm = FileManager.default
        let m = mode.replacingOccurrences(of: "t", with: "")
        guard ["r", "w", "a"].contains(m) else { throw PyError.value("nn's open() supports text modes 'r', 'w' and 'a', not \(stringRepr(mode))") }
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw PyError(BuiltinTypes.isADirectoryError, "[Errno 21] Is a directory: \(stringRepr(path))")
        }
        let f = TextFile(path: path, writing: m != "r")
        if m == "r" {
            // Read through a handle, not `contents(atPath:)`: that gives nothing for a device or a
            // pipe (`/dev/null`, `/dev/stdin`).
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw PyError(BuiltinTypes.fileNotFoundError, "[Errno 2] No such file or directory: \(stringRepr(path))")
            }
            defer { try? h.close() }
            let data: Data
            do { data = try h.readToEnd() ?? Data() } catch {
                throw PyError(BuiltinTypes.osError, "cannot read \(stringRepr(path)): \(error.localizedDescription)")
            }
            guard let s = String(data: data, encoding: .utf8) else { throw PyError(BuiltinTypes.unicodeError, "'utf-8' codec can't decode \(stringRepr(path))") }
            f.text = Array(s)
            noteFileRead(path)  // the run cache keys the notebook on what it read
        } else {
            // Created or truncated in place, as Python's open does: `createFile` writes a new file
            // and renames it over the path, which replaces a symlink or a device (`/dev/null`).
            guard createOrTruncate(path, truncate: m == "w") else {
                throw PyError(BuiltinTypes.fileNotFoundError, "[Errno 2] No such file or directory: \(stringRepr(path))")
            }
        }
        return Runtime.native(Runtime.fileClass, f)
    }
}
