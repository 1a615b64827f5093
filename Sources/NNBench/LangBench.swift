import Foundation
import NNLang

/// `NNBench nn FILE`: runs an nn program as `python3 FILE` would (stdout only, the error's
/// `Type: message` on stderr, exit 1), so Benchmarks/run.sh can time it against CPython.
enum LangBench {
    static func run(_ path: String) -> Int32 {
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            FileHandle.standardError.write("cannot read \(path)\n".data(using: .utf8)!)
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
            msg += e.summary + "\n"
            FileHandle.standardError.write(msg.data(using: .utf8)!)
            return 1
        }
        return 0
    }
}
