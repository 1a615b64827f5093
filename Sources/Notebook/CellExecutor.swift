import Foundation
import NNLang

/// Runs the cells of one notebook in one shared state. `Interpreter` is the real one; tests
/// substitute fakes, so the runner is tested without the evaluator.
public protocol CellExecutor: AnyObject {
    /// Runs one cell; see `Interpreter.run(cell:firstLine:echoResult:timeout:onOutput:)`.
    func run(cell source: String, firstLine: Int, echoResult: Bool, timeout: Double?,
             onOutput: ((String) -> Void)?) -> CellResult
    /// Paths of the files the cells read so far (for the run cache); none by default.
    var filesRead: [String] { get }
}

extension CellExecutor {
    /// Executors that read no files.
    public var filesRead: [String] { [] }
}

extension Interpreter: CellExecutor {
    /// The files `get_data()` and `read_idx` read.
    public var filesRead: [String] { runtime.filesRead }
}

/// Makes the executor for one notebook (one per notebook: state is never shared between them).
public typealias ExecutorFactory = @Sendable (_ file: String) -> any CellExecutor

/// The real executor: a fresh `Interpreter` seeded 0.
public let interpreterFactory: ExecutorFactory = { Interpreter(file: $0, seed: 0) }

/// The real executor with a cap on each notebook's memory (`--max-memory`), in bytes.
public func interpreterFactory(memoryLimit: Int?) -> ExecutorFactory {
    { Interpreter(file: $0, seed: 0, memoryLimit: memoryLimit) }
}

/// Sizes as the CLI takes them: `1000000`, `512M`, `2G`, `1.5GB`, `64KiB` (powers of 1024).
public enum MemorySize {
    /// The number of bytes `text` names, or nil when it is not a size (or overflows).
    public static func parse(_ text: String) -> Int? {
        var s = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where s.hasSuffix(suffix) && s.count > suffix.count {
            s.removeLast(suffix.count)
            break
        }
        var scale = 1.0
        if let last = s.last, let k = "KMGT".firstIndex(of: last) {
            scale = Foundation.pow(1024, Double("KMGT".distance(from: "KMGT".startIndex, to: k) + 1))
            s.removeLast()
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isNumber || $0 == "." }), let x = Double(s), x.isFinite else { return nil }
        let bytes = x * scale
        guard bytes >= 1, bytes < 0x1p62 else { return nil }
        return Int(bytes)
    }
}

/// The default `--max-memory` of one of `jobs` notebooks run at once (3/4 of RAM shared).
public func defaultMemoryLimit(jobs: Int) -> Int { Interpreter.defaultMemoryLimit(jobs: jobs) }
