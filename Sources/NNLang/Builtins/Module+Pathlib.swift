import NNEngine
import NNSyntax
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `pathlib.Path`: POSIX paths (`/`, name, stem, suffix, parent, ...) and the file-system
/// queries lessons use (exists, is_file, is_dir, read_text, glob, iterdir, mkdir, rmdir).
extension Runtime {
    static let pathClass = nativeClass("Path", module: "pathlib")
    static let posixPathClass = nativeClass("PosixPath", module: "pathlib", base: pathClass)

    /// A normalised path string (no `.` parts, no doubled or trailing slashes).
    final class PathState {
        let path: String
        init(_ p: String) { path = PathState.normalise(p) }
        static func normalise(_ p: String) -> String {
            if p.isEmpty { return "." }
            let absolute = p.hasPrefix("/")
            let parts = p.split(separator: "/").filter { $0 != "." }.map(String.init)
            let body = parts.joined(separator: "/")
            if absolute { return "/" + body }
            return body.isEmpty ? "." : body
        }
        var parts: [String] {
            var out: [String] = path.hasPrefix("/") ? ["/"] : []
            out += path.split(separator: "/").map(String.init)
            return path == "." ? [] : out
        }
        var name: String { path == "/" || path == "." ? "" : String(path.split(separator: "/").last ?? "") }
        var suffix: String {
            let n = name
            guard let dot = n.lastIndex(of: "."), dot != n.startIndex, n.index(after: dot) != n.endIndex else { return "" }
            return String(n[dot...])
        }
        var stem: String { let n = name, s = suffix; return s.isEmpty ? n : String(n.dropLast(s.count)) }
        var parent: String {
            if path == "/" || path == "." { return path }
            guard let slash = path.lastIndex(of: "/") else { return "." }
            return slash == path.startIndex ? "/" : String(path[..<slash])
        }
        func join(_ other: String) -> String {
            if other.hasPrefix("/") { return other }
            if path == "." { return other }
            return path == "/" ? "/" + other : path + "/" + other
        }
    }

    static func pathString(_ v: Value) -> String? {
        if case .str(let s) = v { return s }
        return state(v, pathClass, as: PathState.self)?.path
    }

    static func makePath(_ s: String) -> Value { native(posixPathClass, PathState(s)) }

    /// Shell-style matching of one name (`*.py`, `img_?.png`, `[ab]*`).
    static func fnmatchName(_ pattern: String, _ name: String) -> Bool {
        if name.hasPrefix(".") && !pattern.hasPrefix(".") { return false }
        return pattern.withCString { p in name.withCString { n in fnmatch(p, n, 0) == 0 } }
    }

    static func listDir(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    static func isDir(_ p: String) -> Bool {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: p, isDirectory: &d) && d.boolValue
    }

    /// `Path.glob`: each pattern part matches one level; `**` matches any number of levels.
    static func glob(_ base: PathState, _ pattern: String) -> [String] {
        var current = [base.path]
        for part in pattern.split(separator: "/").map(String.init) {
            var next: [String] = []
            for dir in current {
                let b = PathState(dir)
                if part == "**" {
                    var stack = [dir]
                    while let d = stack.popLast() {
                        next.append(d)
                        for n in listDir(d).reversed() where !n.hasPrefix(".") {
                            let child = PathState(d).join(n)
                            if isDir(child) { stack.append(child) }
                        }
                    }
                    continue
                }
                for n in listDir(dir) where fnmatchName(part, n) { next.append(b.join(n)) }
            }
            current = next
        }
        return current
    }

    static let pathReady: Bool = {
        let P = pathClass
        func st(_ v: Value) throws -> PathState {
            guard let p = state(v, P, as: PathState.self) else { throw PyError.type("descriptor requires a 'pathlib.Path' object") }
            return p
        }
        func other(_ v: Value) throws -> String {
            guard let s = pathString(v) else {
                throw PyError.type("expected str, bytes or os.PathLike object, not \(v.typeName)")
            }
            return s
        }
        P.construct = { _, a, _ in
            var p = PathState(".")
            for x in a { p = PathState(p.join(try other(x))) }
            return native(posixPathClass, p)
        }
        posixPathClass.construct = P.construct
        let fm = FileManager.default
        methods(P, [
            ("__truediv__", { _, s, a, _ in
                guard let o = pathString(a[0]) else { return .object(notImplemented) }
                return makePath(try st(s).join(o))
            }),
            ("__rtruediv__", { _, s, a, _ in
                guard let o = pathString(a[0]) else { return .object(notImplemented) }
                return makePath(PathState(o).join(try st(s).path))
            }),
            ("joinpath", { _, s, a, _ in
                var p = try st(s)
                for x in a { p = PathState(p.join(try other(x))) }
                return native(posixPathClass, p)
            }),
            ("__str__", { _, s, _, _ in .str(try st(s).path) }),
            ("__fspath__", { _, s, _, _ in .str(try st(s).path) }),
            ("__repr__", { rt, s, _, _ in .str("PosixPath(" + stringRepr(try st(s).path) + ")") }),
            ("__eq__", { _, s, a, _ in
                guard let o = state(a[0], P, as: PathState.self) else { return .object(notImplemented) }
                return .bool(try st(s).path == o.path)
            }),
            ("__lt__", { _, s, a, _ in
                guard let o = state(a[0], P, as: PathState.self) else { return .object(notImplemented) }
                return .bool(try st(s).parts.lexicographicallyPrecedes(o.parts))
            }),
            ("exists", { _, s, _, _ in .bool(fm.fileExists(atPath: try st(s).path)) }),
            ("is_dir", { _, s, _, _ in .bool(isDir(try st(s).path)) }),
            ("is_file", { _, s, _, _ in
                let p = try st(s).path
                return .bool(fm.fileExists(atPath: p) && !isDir(p))
            }),
            ("is_absolute", { _, s, _, _ in .bool(try st(s).path.hasPrefix("/")) }),
            ("absolute", { _, s, _, _ in
                let p = try st(s)
                return p.path.hasPrefix("/") ? s : makePath(PathState(fm.currentDirectoryPath).join(p.path))
            }),
            ("resolve", { _, s, _, _ in
                let p = try st(s)
                let abs = p.path.hasPrefix("/") ? p.path : PathState(fm.currentDirectoryPath).join(p.path)
                return makePath(URL(fileURLWithPath: abs).standardizedFileURL.resolvingSymlinksInPath().path)
            }),
            ("with_suffix", { _, s, a, _ in
                try Args.count("with_suffix", a, 1, 1)
                let p = try st(s), suf = try Args.str(a[0], "with_suffix() argument must be str")
                if !suf.isEmpty && (!suf.hasPrefix(".") || suf == ".") { throw PyError.value("Invalid suffix \(stringRepr(suf))") }
                if p.name.isEmpty { throw PyError.value("\(stringRepr(p.path)) has an empty name") }
                return makePath(PathState(p.parent).join(p.stem + suf))
            }),
            ("with_name", { _, s, a, _ in
                try Args.count("with_name", a, 1, 1)
                let p = try st(s)
                if p.name.isEmpty { throw PyError.value("\(stringRepr(p.path)) has an empty name") }
                return makePath(PathState(p.parent).join(try Args.str(a[0], "with_name() argument must be str")))
            }),
            ("with_stem", { _, s, a, _ in
                try Args.count("with_stem", a, 1, 1)
                let p = try st(s)
                return makePath(PathState(p.parent).join(try Args.str(a[0], "with_stem() argument must be str") + p.suffix))
            }),
            ("relative_to", { _, s, a, _ in
                try Args.count("relative_to", a, 1, 1)
                let p = try st(s), base = PathState(try other(a[0]))
                let pp = p.parts, bp = base.parts
                guard pp.count >= bp.count, Array(pp.prefix(bp.count)) == bp else {
                    throw PyError.value("\(stringRepr(p.path)) is not in the subpath of \(stringRepr(base.path)) OR one path is relative and the other is absolute.")
                }
                return makePath(pp.dropFirst(bp.count).joined(separator: "/"))
            }),
            ("read_text", { rt, s, _, _ in
                let p = try st(s).path
                rt.noteFileRead(p)  // the run cache keys the notebook on what it read
                guard let data = fm.contents(atPath: p), !isDir(p) else {
                    throw PyError(BuiltinTypes.fileNotFoundError, "[Errno 2] No such file or directory: \(stringRepr(p))")
                }
                guard let text = String(data: data, encoding: .utf8) else { throw PyError(BuiltinTypes.unicodeError, "'utf-8' codec can't decode the file") }
                return .str(text)
            }),
            ("write_text", { _, s, a, _ in
                try Args.count("write_text", a, 1, 1)
                let p = try st(s).path, text = try Args.str(a[0], "data must be str, not \(a[0].typeName)")
                guard fm.createFile(atPath: p, contents: Data(text.utf8)) else {
                    throw PyError(BuiltinTypes.fileNotFoundError, "[Errno 2] No such file or directory: \(stringRepr(p))")
                }
                return .int(text.unicodeScalars.count)
            }),
            ("iterdir", { _, s, _, _ in
                let p = try st(s)
                guard isDir(p.path) else { throw PyError(BuiltinTypes.fileNotFoundError, "[Errno 2] No such file or directory: \(stringRepr(p.path))") }
                let items = listDir(p.path).map { makePath(p.join($0)) }
                var i = 0
                return .object(PyIterator(kind: BuiltinTypes.generator) { defer { i += 1 }; return i < items.count ? items[i] : nil })
            }),
            ("glob", { _, s, a, _ in
                try Args.count("glob", a, 1, 1)
                let items = glob(try st(s), try Args.str(a[0], "pattern must be str")).map(makePath)
                var i = 0
                return .object(PyIterator(kind: BuiltinTypes.generator) { defer { i += 1 }; return i < items.count ? items[i] : nil })
            }),
            ("rglob", { _, s, a, _ in
                try Args.count("rglob", a, 1, 1)
                let items = glob(try st(s), "**/" + (try Args.str(a[0], "pattern must be str"))).map(makePath)
                var i = 0
                return .object(PyIterator(kind: BuiltinTypes.generator) { defer { i += 1 }; return i < items.count ? items[i] : nil })
            }),
            ("mkdir", { rt, s, a, kw in
                let p = try st(s).path
                let parents = try (a.count > 1 ? a[1] : Args.kw(kw, "parents")).map { try rt.truth($0) } ?? false
                let existOk = try (a.count > 2 ? a[2] : Args.kw(kw, "exist_ok")).map { try rt.truth($0) } ?? false
                if fm.fileExists(atPath: p) {
                    if existOk && isDir(p) { return .none }
                    throw PyError(BuiltinTypes.fileExistsError, "[Errno 17] File exists: \(stringRepr(p))")
                }
                do { try fm.createDirectory(atPath: p, withIntermediateDirectories: parents) } catch {
                    throw PyError(BuiltinTypes.fileNotFoundError, "[Errno 2] No such file or directory: \(stringRepr(p))")
                }
                return .none
            }),
            ("unlink", { rt, s, a, kw in
                let p = try st(s).path
                let missingOk = try (a.first ?? Args.kw(kw, "missing_ok")).map { try rt.truth($0) } ?? false
                if !fm.fileExists(atPath: p) {
                    if missingOk { return .none }
                    throw PyError(BuiltinTypes.fileNotFoundError, "[Errno 2] No such file or directory: \(stringRepr(p))")
                }
                try? fm.removeItem(atPath: p)
                return .none
            }),
            ("rmdir", { _, s, a, _ in
                try Args.count("rmdir", a, 0, 0)
                let p = try st(s).path
                if rmdir(p) != 0 {
                    let code = errno
                    throw PyError(code == ENOENT ? BuiltinTypes.fileNotFoundError : BuiltinTypes.osError,
                                  "[Errno \(code)] \(String(cString: strerror(code))): \(stringRepr(p))")
                }
                return .none
            }),
            ("open", { rt, s, a, kw in
                try rt.call(rt.builtins["open"] ?? .none, [.str(try st(s).path)] + a, kw)
            }),
        ])
        P.dict["cwd"] = .object(PyStaticMethod(fn("cwd") { _, _, _ in makePath(fm.currentDirectoryPath) }, isClassMethod: false))
        P.dict["home"] = .object(PyStaticMethod(fn("home") { _, _, _ in makePath(NSHomeDirectory()) }, isClassMethod: false))
        attribute(P, "name") { v in .str((try? st(v))?.name ?? "") }
        attribute(P, "stem") { v in .str((try? st(v))?.stem ?? "") }
        attribute(P, "suffix") { v in .str((try? st(v))?.suffix ?? "") }
        attribute(P, "suffixes") { v in
            let n = (try? st(v))?.name ?? ""
            let pieces = n.split(separator: ".", omittingEmptySubsequences: false).dropFirst()
            return .object(PyList(n.hasSuffix(".") ? [] : pieces.map { .str("." + $0) }))
        }
        attribute(P, "parent") { v in makePath((try? st(v))?.parent ?? ".") }
        attribute(P, "parents") { v in
            var out: [Value] = []
            var p = (try? st(v)) ?? PathState(".")
            while p.parent != p.path { p = PathState(p.parent); out.append(native(posixPathClass, p)) }
            return .object(PyTuple(out))
        }
        attribute(P, "parts") { v in .object(PyTuple(((try? st(v))?.parts ?? []).map { .str($0) })) }
        return true
    }()

    func pathlibModule() -> [String: Value] {
        _ = Runtime.pathReady
        return ["Path": .object(Runtime.pathClass), "PosixPath": .object(Runtime.posixPathClass),
                "PurePath": .object(Runtime.pathClass), "PurePosixPath": .object(Runtime.pathClass)]
    }
}
