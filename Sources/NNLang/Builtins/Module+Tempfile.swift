import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `tempfile`: `gettempdir()` and `mkdtemp(suffix, prefix, dir)`, so a program can work in a
/// folder of its own (two runs at once never share one). Names come from the system's random
/// source, never from the program's seeded generator, so a seeded run still gets a fresh one.
extension Runtime {
    func tempfileModule() -> [String: Value] {
        [
            "gettempdir": Runtime.fn("gettempdir") { _, a, _ in
                try Args.count("gettempdir", a, 0, 0)
                return .str(Runtime.tempDirectory)
            },
            "mkdtemp": Runtime.fn("mkdtemp") { _, a, kw in
                let b = try BoundArgs("mkdtemp", a, kw, ["suffix", "prefix", "dir"])
                func text(_ name: String, _ fallback: String) throws -> String {
                    guard let v = b[name], !v.isNone else { return fallback }
                    return try Args.str(v, "Can't mix strings and bytes in path components")
                }
                let suffix = try text("suffix", ""), prefix = try text("prefix", "tmp")
                let dir = try text("dir", Runtime.tempDirectory)
                let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789_")
                var rng = SystemRandomNumberGenerator()
                for _ in 0..<100 {
                    let name = String((0..<8).map { _ in letters[Int(rng.next(upperBound: UInt64(letters.count)))] })
                    var path = dir + "/" + prefix + name + suffix
                    if !path.hasPrefix("/") { path = FileManager.default.currentDirectoryPath + "/" + path }
                    if mkdir(path, 0o700) == 0 { return .str(path) }
                    let code = errno
                    if code == EEXIST { continue }
                    throw PyError(code == ENOENT ? BuiltinTypes.fileNotFoundError : BuiltinTypes.osError,
                                  "[Errno \(code)] \(String(cString: strerror(code))): \(stringRepr(path))")
                }
                throw PyError(BuiltinTypes.fileExistsError, "[Errno 17] No usable temporary directory name found")
            },
        ]
    }

    /// `$TMPDIR` when set, else `/tmp` (as CPython finds it on Linux).
    static var tempDirectory: String {
        let env = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        return env.isEmpty ? "/tmp" : (env.count > 1 && env.hasSuffix("/") ? String(env.dropLast()) : env)
    }
}
