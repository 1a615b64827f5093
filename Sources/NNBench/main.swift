// `NNBench --groups` lists the groups; `NNBench --blas` names the OpenBLAS build and kernel;
// `NNBench <group>` times our side of that group and prints one tab-separated line per figure:
// name, seconds per call, flops per call, target. NNBENCH_ONLY=text keeps the figures whose
// names contain it.
// Benchmarks/run.sh pairs these with the reference's lines and prints the ratios.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Tensors

/// Writes a line to standard error.
func printError(_ message: String) {
    let line = message + "\n"
    _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count == 2 && arguments[0] == "nn" {
    // `NNBench nn FILE`: run an nn program as `python3 FILE` would (LangBenches.swift).
    exit(LangBench.run(arguments[1]))
}
if arguments == ["--blas"] {
    let own = BLAS.hasOwnKernel ? "; big float32 products: nnbook's AVX-512 sgemm" : ""
    print("\(BLAS.configuration), core \(BLAS.coreName), \(BLAS.threads) threads\(own)")
    exit(0)
}
if arguments == ["--groups"] {
    for group in benchGroups { print(group.name) }
    exit(0)
}
guard arguments.count == 1, let group = benchGroups.first(where: { $0.name == arguments[0] }) else {
    printError("usage: NNBench --groups | NNBench <group>")
    exit(2)
}
// Every figure is timed on one thread with the deep stack nn code runs on (the lang figures
// call nn functions in place there; a thread started per call would be timed too).
// NNBENCH_ONLY=text times only the figures whose names contain it (for profiling one figure).
let only = ProcessInfo.processInfo.environment["NNBENCH_ONLY"]
let timing = Thread {
    for bench in group.benches where only.map({ bench.name.contains($0) }) ?? true {
        do {
            let call = try bench.prepare()
            let seconds = try measure(repeats: bench.repeats, call)
            print("\(bench.name)\t\(seconds)\t\(bench.flops)\t\(bench.target)")
        } catch {
            printError("\(bench.name): \(error)")
            exit(1)
        }
    }
    exit(0)
}
timing.stackSize = 1 << 29
timing.start()
while true { sleep(60) }
