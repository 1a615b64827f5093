import Foundation
import Notebook
import Testing

// Every input in Fuzz/Regressions/TARGET/ (crashes the fuzzers found, and hand-made cases of
// the bugs they stand for) replayed through the same code the libFuzzer target runs
// (`FuzzTargets`). A regression traps, failing the run.

let fuzzRegressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fuzz/Regressions").path

func regressionInputs(_ target: String) -> [String] {
    let dir = "\(fuzzRegressions)/\(target)"
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted().map { "\(dir)/\($0)" }
}

@Test func fuzzRegressionsReplay() throws {
    var replayed = 0
    for (target, run) in [("parser", FuzzTargets.parser), ("notebook", FuzzTargets.notebook), ("vm", FuzzTargets.vm)] as [(String, ([UInt8]) -> Void)] {
        for path in regressionInputs(target) {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            run(bytes)
            replayed += 1
        }
    }
    #expect(replayed >= 6, "no regression inputs found in \(fuzzRegressions)")
}
