import NNLang
import Notebook
import Synchronization
import Tensors
#if canImport(Glibc)
import Glibc
#endif

/// A stand-in for the interpreter, driven by one directive per source line:
/// `print TEXT`, `show TEXT` (a display), `value TEXT` (final expression repr),
/// `raise Type message`, `volatile`, `sleep SECONDS`, `count` (prints how many cells this executor ran),
/// `read PATH` (records that the cell read the file, as `read_idx` does), `blas` (prints the
/// BLAS thread count matrix products would use now).
public final class FakeExecutor: CellExecutor {
    public let file: String
    public var cellsRun = 0
    public var filesRead: [String] = []
    public static let created = Atomic<Int>(0)

    public init(file: String) {
        self.file = file
        Self.created.add(1, ordering: .relaxed)
    }

    public func run(cell source: String, firstLine: Int, echoResult: Bool, timeout: Double?,
             onOutput: ((String) -> Void)?) -> CellResult {
        cellsRun += 1
        var result = CellResult()
        for (offset, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(separator: " ", maxSplits: 1)
            guard let head = words.first else { continue }
            let rest = words.count > 1 ? String(words[1]) : ""
            switch head {
            case "print":
                onOutput?(rest + "\n")
                result.items.append(.stdout(rest + "\n"))
            case "show": result.items.append(.display(.math(tex: rest, text: rest)))
            case "value": result.items.append(.result(rest))
            case "volatile": result.volatile = true
            case "sleep": usleep(UInt32((Double(rest) ?? 0) * 1e6))
            case "count": result.items.append(.stdout("\(cellsRun)\n"))
            case "blas": result.items.append(.stdout("\(BLAS.threads)\n"))
            case "read": if !filesRead.contains(rest) { filesRead.append(rest) }
            case "timeout":
                result.items.append(.stdout("\(timeout.map { String($0) } ?? "none")\n"))
            case "raise":
                let parts = rest.split(separator: " ", maxSplits: 1)
                let frame = CellError.TraceFrame(
                    location: NNLang.SourceLocation(file: file, line: firstLine + offset, column: 1),
                    function: "<cell>", sourceLine: String(line))
                result.error = CellError(typeName: String(parts[0]), message: parts.count > 1 ? String(parts[1]) : "",
                                         traceback: [frame])
                return result
            default:
                break
            }
        }
        return result
    }
}

public let fakeFactory: ExecutorFactory = { FakeExecutor(file: $0) }
