import Foundation
import NNLang

/// The `lang` group: nn programs in `Benchmarks/lang_*.py` (valid Python too) each define
/// `bench()`; we time `bench()` through the interpreter, `Benchmarks/lang.py` times the same
/// function under CPython. The tensor loop has no CPython twin: its reference is the same
/// triple loop on lists (`lang.py`), and the target is the absolute "under 2 ms".
let langBenches = BenchGroup(name: "lang", benches: [
    langBench("lang_floatloop", "lang_floatloop.py", .timeAtMost(0.25)),
    langBench("lang_fib", "lang_fib.py", .timeAtMost(0.6)),
    langBench("lang_matmul", "lang_matmul.py", .timeAtMost(1 / 1.5)),
    langBench("lang_tensor_matmul", "lang_tensor_matmul.nn", .secondsUnder(0.002)),
    langModuleBench("lang_module_loop", "lang_module_loop.py", .timeAtMost(0.3)),
])

/// A whole program run as module code (as lesson cells run): its loop variables are globals.
func langModuleBench(_ name: String, _ file: String, _ target: Target) -> Bench {
    Bench(name: name, target: target, repeats: 3) {
        let path = "Benchmarks/" + file
        let source = try String(contentsOfFile: path, encoding: .utf8)
        return {
            let r = Interpreter(file: path).run(cell: source, firstLine: 1, echoResult: false)
            if let e = r.error { throw LangBenchError(message: e.summary) }
        }
    }
}

func langBench(_ name: String, _ file: String, _ target: Target, repeats: Int = 5) -> Bench {
    Bench(name: name, target: target, repeats: repeats) {
        let path = "Benchmarks/" + file
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let interp = Interpreter(file: path)
        let r = interp.run(cell: source, firstLine: 1, echoResult: false)
        if let e = r.error { throw LangBenchError(message: e.summary) }
        // lang.py times `bench()` and drops its result; so do we (`callGlobal` returns the repr
        // of what it called, and the repr of lang_matmul's 64x64 list would be timed too).
        let w = interp.run(cell: "def bench_dropping_result():\n    bench()\n", firstLine: 1, echoResult: false)
        if let e = w.error { throw LangBenchError(message: e.summary) }
        // main.swift times every figure on one thread with a cell thread's deep stack.
        return { _ = try interp.callGlobalOnThisThread("bench_dropping_result") }
    }
}

struct LangBenchError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// `NNBench nn FILE`: runs an nn program as `python3 FILE` would (stdout only, the
/// traceback and `Type: message` on stderr, exit 1).
enum LangBench {
    static func run(_ path: String) -> Int32 {
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            printError("cannot read \(path)")
            return 2
        }
        let interp = Interpreter(file: path)
        let r = interp.run(cell: source, firstLine: 1, echoResult: false) { text in
            FileHandle.standardOutput.write(text.data(using: .utf8)!)
        }
        if let e = r.error {
            var msg = "Traceback (most recent call last):\n"
            for f in e.traceback {
                msg += "  File \"\(f.location.file)\", line \(f.location.line), in \(f.function)\n"
                if let s = f.sourceLine { msg += "    \(s)\n" }
            }
            msg += e.summary
            printError(msg)
            return 1
        }
        return 0
    }
}
