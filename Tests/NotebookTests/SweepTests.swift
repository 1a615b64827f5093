import Foundation
import NNLang
import NotebookTestSupport
import Testing

// The no-trap sweep: every builtin, every `math` function and every method of each builtin type
// (enumerated from the runtime's own tables, so a new one is swept without editing this file) is
// called with no arguments and with one and two hostile values (None, extreme ints, NaN, inf,
// empty containers, odd tensors). Any call may raise - that is the point - but none may kill
// the process. The calls run in the built `nnbook` binary, a child process, so a Swift trap
// fails this test with the call that caused it instead of killing the test runner.

/// Hostile argument values, as nn source.
let sweepValues = [
    "None", "0", "1", "-1", "9223372036854775807", "(-9223372036854775807 - 1)", "2**62", "1e300", "-1e300", "float('nan')",
    "float('inf')", "-0.0", "''", "'a,b'", "'\\x00\\r\\u00e9'", "[]", "[1, None]", "()", "(2, 3)", "{}",
    "{'a': 1}", "True", "range(0)", "ones(2)", "zeros(0)", "tensor(2.0)", "tensor([1, 2])",
    "ones(2, 3)", "float32", "int",
]

/// Receivers for the methods of each builtin type, as nn source (fresh for every call).
let sweepReceivers: [String: [String]] = [
    "str": ["''", "'a,b c'"], "list": ["[]", "[3, 1, 2]"], "tuple": ["()", "(1, 2)"],
    "dict": ["{}", "{'a': 1}"], "int": ["0", "(-9223372036854775807 - 1)"], "float": ["0.0", "float('nan')", "1e300"],
    "bool": ["True"], "range": ["range(0)", "range((-9223372036854775807 - 1), 9223372036854775807)"], "set": ["set()"],
    "Tensor": ["ones(2, 3)", "zeros(0)", "tensor(5)", "tensor(float('nan'))", "arange(6).view(2, 3)"],
]

/// Names the sweep leaves out: they block, write files or change state later calls rely on.
let sweepSkipped: Set<String> = ["input", "open", "exit", "quit", "breakpoint", "globals", "vars", "print"]

/// The nn program that makes every call from index `start` on, printing `@@ i` before call i.
func sweepProgram(start: Int) -> String {
    let interp = Interpreter(file: "sweep.nn")
    let rt = interp.runtime
    var callables: [String] = []
    for name in rt.builtins.keys.sorted() where !sweepSkipped.contains(name) && !name.hasPrefix("_") {
        if case .object(let o) = rt.builtins[name]!, o is PyClass, (o as! PyClass).isSubclass(of: BuiltinTypes.baseException) { continue }
        callables.append("(\(quote(name)), lambda: \(name))")
    }
    for (mod, m) in rt.modules.sorted(by: { $0.key < $1.key }) {
        for name in m.dict.keys.sorted() {
            guard case .object(let o) = m.dict[name]!, o is PyBuiltin else { continue }
            callables.append("(\(quote("\(mod).\(name)")), lambda: \(mod).\(name))")
        }
    }
    let classes: [PyClass] = [BuiltinTypes.str, BuiltinTypes.list, BuiltinTypes.tuple, BuiltinTypes.dict,
                              BuiltinTypes.int, BuiltinTypes.float, BuiltinTypes.bool, BuiltinTypes.range,
                              BuiltinTypes.set, BuiltinTypes.tensor]
    for cls in classes {
        for name in cls.dict.keys.sorted() where !sweepSkipped.contains(name) {
            guard case .object(let o) = cls.dict[name]!, o is PyMethodDescr || o is PyBuiltin else { continue }
            for recv in sweepReceivers[cls.name] ?? [] {
                callables.append("(\(quote("(\(recv)).\(name)")), lambda: (\(recv)).\(name))")
            }
        }
    }
    return """
    import math
    _V = [\(sweepValues.joined(separator: ", "))]
    # Second arguments: a subset (every value against every value would be 900 calls each).
    _W = [0, 1, 3, 4, 5, 7, 9, 10, 12, 15, 16, 19, 21, 23, 25, 27, 28]
    _F = [
    \(callables.joined(separator: ",\n"))
    ]
    _i = 0
    for _name, _get in _F:
        _args = [()] + [(v,) for v in range(len(_V))] + [(v, w) for v in range(len(_V)) for w in _W]
        for _a in _args:
            if _i >= \(start):
                print('\\n@@', _i, _name, _a)
                try:
                    _get()(*[_V[k] for k in _a])
                except BaseException:
                    pass
            _i += 1
    print('\\n@@ done', _i)
    """
}

private func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'" }

/// Runs `nnbook run FILE`, killing it (SIGKILL) once it prints nothing for `stall` seconds (a hang);
/// nil status when it had to be killed.
func runChild(_ file: String, in dir: String, stall: Double) throws -> (status: Int32?, signaled: Bool, out: String) {
    let outFile = "\(dir)/child.out"
    _ = FileManager.default.createFile(atPath: outFile, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: outFile))
    let child = try NnbookChild(["run", file, "--timeout", "3000"], in: dir, stdout: handle, stderr: FileHandle.nullDevice)
    let process = child.process
    var lastSize: UInt64 = 0, lastChange = Date()
    var killed = false
    while process.isRunning {
        let size = (try? FileManager.default.attributesOfItem(atPath: outFile)[.size] as? UInt64) ?? 0
        if size != lastSize { lastSize = size; lastChange = Date() }
        if Date().timeIntervalSince(lastChange) > stall {
            child.kill(); killed = true; break
        }
        Thread.sleep(forTimeInterval: 0.05)
    }
    try handle.close()
    let out = String(decoding: FileManager.default.contents(atPath: outFile) ?? Data(), as: UTF8.self)
    if killed { return (nil, false, out) }
    return (process.terminationStatus, process.terminationReason == .uncaughtSignal, out)
}

@Test func noBuiltinOrMethodTrapsOnHostileArguments() throws {
    let dir = try tempFolder()
    var start = 0
    var failures: [String] = []
    var total = 0
    while failures.count < 60 {
        try sweepProgram(start: start).write(toFile: "\(dir)/sweep.nn", atomically: true, encoding: .utf8)
        let r = try runChild("sweep.nn", in: dir, stall: 30)
        let marks = r.out.split(separator: "\n").filter { $0.hasPrefix("@@ ") }
        if let last = marks.last, last.hasPrefix("@@ done"), r.status == 0 {
            total = Int(last.split(separator: " ")[2]) ?? 0
            break
        }
        guard let last = marks.last, let i = Int(last.split(separator: " ")[1]) else {
            failures.append("the sweep program did not start (status \(String(describing: r.status))): \(r.out.prefix(300))")
            break
        }
        let what = r.status == nil ? "hung" : r.signaled ? "died by signal \(r.status!)" : "exited \(r.status!)"
        failures.append("\(what): \(last.dropFirst(3))")
        start = i + 1
    }
    #expect(failures.isEmpty, "\(failures.count) calls killed the process:\n\(failures.joined(separator: "\n"))")
    #expect(failures.count > 0 || total > 10_000, "the sweep made only \(total) calls")
}
