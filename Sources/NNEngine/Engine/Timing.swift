// The clocks and the time format `%time` / `%timeit` use (VM+Ops.swift runs the magics).
import NNSyntax
import Foundation

/// IPython's `_format_time`: three significant digits in s, ms, µs or ns.
func formatTimespan(_ t: Double) -> String {
    if t >= 60 {
        var parts: [String] = []
        var left = t
        for (suffix, len) in [("d", 86400.0), ("h", 3600.0), ("min", 60.0), ("s", 1.0)] {
            let v = Int(left / len)
            if v > 0 {
                left = left.truncatingRemainder(dividingBy: len)
                parts.append("\(v)\(suffix)")
            }
            if left < 1 { break }
        }
        return parts.joined(separator: " ")
    }
    let units = ["s", "ms", "\u{b5}s", "ns"]
    let scale = [1.0, 1e3, 1e6, 1e9]
    var order = 3
    if t > 0 { order = min(-Int((Foundation.log10(t).rounded(.down) / 3).rounded(.down)), 3) }
    order = max(order, 0)
    return String(format: "%.3g", t * scale[order]) + " " + units[order]
}

func cpuTimes() -> (user: Double, sys: Double) {
    var u = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &u)
    let user = Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6
    let sys = Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
    return (user, sys)
}

func wallClock() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
