#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a figure must satisfy against the reference (numpy) measured in the same run.
enum Target: Sendable, CustomStringConvertible {
    /// Our time per call at most `factor` times the reference's.
    case timeAtMost(Double)
    /// Our throughput (work / time) at least `factor` times the reference's.
    case throughputAtLeast(Double)
    /// Our time per call under `seconds`, whatever the reference takes (the ratio is still
    /// printed): for an issue that states an absolute figure.
    case secondsUnder(Double)

    /// The form `Benchmarks/report.py` parses: `time<=1.5`, `rate>=0.95`, `abs<=0.002`.
    var description: String {
        switch self {
        case .timeAtMost(let f): "time<=\(f)"
        case .throughputAtLeast(let f): "rate>=\(f)"
        case .secondsUnder(let s): "abs<=\(s)"
        }
    }
}

/// One named figure. `prepare` builds the inputs (untimed) and returns the timed call.
struct Bench: Sendable {
    let name: String
    let target: Target
    /// Floating-point operations per call (prints GFLOP/s), or 0.
    var flops: Double = 0
    /// Calls timed together in one sample; more repeats for short calls.
    var repeats = 7
    let prepare: @Sendable () throws -> () throws -> Void
}

/// A set of figures whose reference lives in `Benchmarks/<name>.py`, printing the same names.
struct BenchGroup: Sendable {
    let name: String
    let benches: [Bench]
}

/// Seconds on the monotonic clock.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Median seconds per call: one warm-up call, then enough calls per sample that a sample
/// lasts at least `minSample` seconds, `repeats` samples. `Benchmarks/benchlib.py` measures the
/// reference the same way.
func measure(repeats: Int, minSample: Double = 0.05, _ call: () throws -> Void) rethrows -> Double {
    try call()
    var calls = 1
    while true {
        let start = now()
        for _ in 0..<calls { try call() }
        let elapsed = now() - start
        if elapsed >= minSample || calls >= 1 << 20 { break }
        calls *= elapsed > 0 ? min(max(2, Int(minSample / elapsed * 1.2)), 64) : 64
    }
    var samples: [Double] = []
    for _ in 0..<repeats {
        let start = now()
        for _ in 0..<calls { try call() }
        samples.append((now() - start) / Double(calls))
    }
    samples.sort()
    return samples[samples.count / 2]
}
