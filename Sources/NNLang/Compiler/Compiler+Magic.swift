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

extension Compiler {
    func magic(_ m: Magic) -> Exec {
        let rt = self.rt
        // `%time expr` shows the value as the cell's result, as IPython does.
        var bodyStmts = m.body
        var resultExpr: Eval?
        if m.kind == .time, echoLast, let last = bodyStmts.last, case .expr(let e) = last.kind {
            bodyStmts.removeLast()
            resultExpr = expr(e)
        }
        let saved = echoLast
        echoLast = false
        let body = block(bodyStmts)
        echoLast = saved
        switch m.kind {
        case .time:
            return { l in
                let c0 = cpuTimes(), w0 = wallClock()
                var value: Value = .undefined
                _ = try body(l)
                if let r = resultExpr { value = try r(l) }
                let c1 = cpuTimes(), w1 = wallClock()
                let user = c1.user - c0.user, sys = c1.sys - c0.sys
                rt.write("CPU times: user \(formatTimespan(user)), sys: \(formatTimespan(sys)), total: \(formatTimespan(user + sys))\n")
                rt.write("Wall time: \(formatTimespan(w1 - w0))\n")
                rt.markVolatile()
                if case .undefined = value {} else { rt.lastResult = value }
                return .normal
            }
        case .timeit:
            let fixedN = m.number, repeats = max(m.repeatCount ?? 7, 1)
            return { l in
                func timeLoops(_ n: Int) throws -> Double {
                    let t0 = wallClock()
                    for _ in 0..<n { _ = try body(l); try rt.tick() }
                    return wallClock() - t0
                }
                var n = fixedN ?? 1
                if fixedN == nil {
                    // IPython's autorange: 1, 2, 5, 10, 20, 50, ... until a run takes >= 0.2 s.
                    var k = 1
                    outer: while true {
                        for f in [1, 2, 5] {
                            n = k * f
                            if try timeLoops(n) >= 0.2 { break outer }
                        }
                        k *= 10
                    }
                }
                var per: [Double] = []
                for _ in 0..<repeats { per.append(try timeLoops(n) / Double(n)) }
                let mean = per.reduce(0, +) / Double(per.count)
                let std = Foundation.sqrt(per.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(per.count))
                let loops = formatValue0(n)
                rt.write("\(formatTimespan(mean)) \u{b1} \(formatTimespan(std)) per loop (mean \u{b1} std. dev. of \(repeats) run\(repeats == 1 ? "" : "s"), \(loops) loop\(n == 1 ? "" : "s") each)\n")
                rt.markVolatile()
                return .normal
            }
        }
    }
}

private func formatValue0(_ n: Int) -> String { group(String(n), ",", every: 3) }
