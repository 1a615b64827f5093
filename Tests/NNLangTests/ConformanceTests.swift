import Foundation
import NNLang
import Tensors
import Testing

/// Runs every `Conformance/NAME.py` through the interpreter as `python3 NAME.py` would and
/// compares its stdout (plus the final `Type: message` line of an uncaught error) with
/// `NAME.out`, which CPython 3.11 produced.
struct ConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Conformance")

    static var programs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }

    @Test func suiteIsLargeEnough() {
        #expect(ConformanceTests.programs.count >= 60)
    }

    @Test(arguments: ConformanceTests.programs)
    func program(_ name: String) throws {
        try check(name)
    }

    /// A program whose first lines carry `# requires: avx2-kernels` prints bits that only our
    /// AVX2 product kernels reproduce (PyTorch's MKL summation order); elsewhere BLAS computes
    /// those products in its own order, so the program is not run there.
    static func runsHere(_ source: String) -> Bool {
        let header = source.split(separator: "\n", omittingEmptySubsequences: false).prefix(12)
        if header.contains(where: { $0.hasPrefix("# requires: avx2-kernels") }) { return BLAS.hasSmallKernel }
        return true
    }

    func check(_ name: String) throws {
        let source = try String(contentsOf: ConformanceTests.folder.appendingPathComponent(name + ".py"), encoding: .utf8)
        guard ConformanceTests.runsHere(source) else { return }
        let expected = try String(contentsOf: ConformanceTests.folder.appendingPathComponent(name + ".out"), encoding: .utf8)
        let result = Interpreter(file: name + ".py").run(cell: source, firstLine: 1, echoResult: false, timeout: 60)
        var out = ""
        for item in result.items {
            if case .stdout(let s) = item { out += s }
        }
        if let e = result.error { out += e.summary + "\n" }
        #expect(out == expected, "\(name): output differs")
    }
}
