import Foundation
import NNLang

/// Draws a `Plot` (from `plot(...)` or `hist(...)`) as an inline SVG chart: axes, ticks at
/// nice numbers, axis labels, title, and a legend when there are several series.
///
/// Colours for axes and text are `currentColor`, so the chart follows the page (dark mode).
public enum SVGChart {
    /// Series colours (Okabe-Ito, readable for colour-blind readers and on dark backgrounds).
    public static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999"]

    static let width = 640.0
    static let height = 400.0

    /// The `<svg>` element for `plot`.
    public static func render(_ plot: Plot) -> String {
        let hasTitle = !(plot.title ?? "").isEmpty
        let left = 64.0, right = 16.0
        let top = hasTitle ? 40.0 : 16.0
        let bottom = (plot.xLabel ?? "").isEmpty ? 36.0 : 56.0
        let frame = (x0: left, x1: width - right, y0: height - bottom, y1: top)  // y0 is the bottom edge

        // Data ranges over finite points only.
        var xs: [Double] = [], ys: [Double] = []
        for s in plot.series {
            for (x, y) in zip(s.xs, s.ys) where x.isFinite && y.isFinite {
                xs.append(x); ys.append(y)
            }
        }
        let barWidth = plot.kind == .bars ? barSpacing(plot) : 0
        var xr = (lo: xs.min() ?? 0, hi: xs.max() ?? 1)
        var yr = (lo: ys.min() ?? 0, hi: ys.max() ?? 1)
        if plot.kind == .bars {
            xr = (xr.lo - barWidth / 2, xr.hi + barWidth / 2)
            yr = (min(0, yr.lo), max(0, yr.hi))
        }
        if let l = plot.xLimits, l.upperBound > l.lowerBound { xr = (l.lowerBound, l.upperBound) }
        if let l = plot.yLimits, l.upperBound > l.lowerBound { yr = (l.lowerBound, l.upperBound) }
        let xt = Ticks(lo: xr.lo, hi: xr.hi)
        let yt = Ticks(lo: yr.lo, hi: yr.hi)
        // Line plots span the data exactly in x (as matplotlib does); the y axis is padded to ticks.
        let xLo = plot.kind == .bars ? xr.lo : xt.lo, xHi = plot.kind == .bars ? xr.hi : xt.hi
        let sx = { (x: Double) in frame.x0 + (x - xLo) / (xHi - xLo) * (frame.x1 - frame.x0) }
        let sy = { (y: Double) in frame.y0 - (y - yt.lo) / (yt.hi - yt.lo) * (frame.y0 - frame.y1) }

        var out = "<svg class=\"nn-plot\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\""
        out += " role=\"img\" aria-label=\"\(HTML.escape(plot.title ?? "plot"))\">"
        if let t = plot.title, !t.isEmpty {
            out += "<title>\(HTML.escape(t))</title>"
            out += "<text class=\"nn-plot-title\" x=\"\(fmt(width / 2))\" y=\"24\" text-anchor=\"middle\">\(HTML.escape(t))</text>"
        }
        // Grid and ticks.
        out += "<g class=\"nn-axes\" fill=\"none\" stroke=\"currentColor\">"
        for v in yt.values {
            let y = sy(v)
            out += "<line class=\"nn-grid\" x1=\"\(fmt(frame.x0))\" y1=\"\(fmt(y))\" x2=\"\(fmt(frame.x1))\" y2=\"\(fmt(y))\" stroke-opacity=\"0.15\"/>"
        }
        out += "<path d=\"M\(fmt(frame.x0)) \(fmt(frame.y1))V\(fmt(frame.y0))H\(fmt(frame.x1))\"/>"
        for v in xt.values where v >= xLo - 1e-9 * abs(xHi - xLo) && v <= xHi + 1e-9 * abs(xHi - xLo) {
            let x = sx(v)
            out += "<line x1=\"\(fmt(x))\" y1=\"\(fmt(frame.y0))\" x2=\"\(fmt(x))\" y2=\"\(fmt(frame.y0 + 5))\"/>"
        }
        for v in yt.values {
            let y = sy(v)
            out += "<line x1=\"\(fmt(frame.x0 - 5))\" y1=\"\(fmt(y))\" x2=\"\(fmt(frame.x0))\" y2=\"\(fmt(y))\"/>"
        }
        out += "</g>"
        out += "<g class=\"nn-ticks\" fill=\"currentColor\" font-size=\"12\">"
        for v in xt.values where v >= xLo - 1e-9 * abs(xHi - xLo) && v <= xHi + 1e-9 * abs(xHi - xLo) {
            out += "<text x=\"\(fmt(sx(v)))\" y=\"\(fmt(frame.y0 + 18))\" text-anchor=\"middle\">\(xt.label(v))</text>"
        }
        for v in yt.values {
            out += "<text x=\"\(fmt(frame.x0 - 8))\" y=\"\(fmt(sy(v) + 4))\" text-anchor=\"end\">\(yt.label(v))</text>"
        }
        out += "</g>"
        if let l = plot.xLabel, !l.isEmpty {
            out += "<text class=\"nn-plot-label\" fill=\"currentColor\" x=\"\(fmt((frame.x0 + frame.x1) / 2))\" y=\"\(fmt(height - 12))\" text-anchor=\"middle\">\(HTML.escape(l))</text>"
        }
        if let l = plot.yLabel, !l.isEmpty {
            let cy = (frame.y0 + frame.y1) / 2
            out += "<text class=\"nn-plot-label\" fill=\"currentColor\" x=\"14\" y=\"\(fmt(cy))\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(fmt(cy)))\">\(HTML.escape(l))</text>"
        }
        // Data.
        for (i, s) in plot.series.enumerated() {
            let color = palette[i % palette.count]
            switch plot.kind {
            case .line:
                out += linePaths(s, color: color, sx: sx, sy: sy)
            case .bars:
                out += "<g fill=\"\(color)\" fill-opacity=\"\(plot.series.count > 1 ? "0.6" : "0.85")\">"
                for (x, y) in zip(s.xs, s.ys) where x.isFinite && y.isFinite {
                    let xa = sx(x - barWidth / 2), xb = sx(x + barWidth / 2)
                    let ya = sy(max(0, y)), yb = sy(min(0, y))
                    out += "<rect x=\"\(fmt(xa))\" y=\"\(fmt(ya))\" width=\"\(fmt(max(0, xb - xa)))\" height=\"\(fmt(max(0, yb - ya)))\"/>"
                }
                out += "</g>"
            }
        }
        // Legend, top right inside the frame.
        let labelled = plot.series.count > 1 || plot.series.contains { $0.label != nil }
        if labelled {
            let names = plot.series.enumerated().map { $0.element.label ?? "series \($0.offset + 1)" }
            let longest = Double(names.map(\.count).max() ?? 0)
            let boxW = 34 + 7 * longest
            let x = frame.x1 - boxW - 8
            var y = frame.y1 + 8
            out += "<g class=\"nn-legend\" font-size=\"12\">"
            out += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(boxW))\" height=\"\(fmt(Double(names.count) * 18 + 8))\" fill=\"Canvas\" fill-opacity=\"0.85\" stroke=\"currentColor\" stroke-opacity=\"0.3\"/>"
            y += 4
            for (i, name) in names.enumerated() {
                let color = palette[i % palette.count]
                let cy = y + 9 + Double(i) * 18
                if plot.kind == .bars {
                    out += "<rect x=\"\(fmt(x + 8))\" y=\"\(fmt(cy - 5))\" width=\"16\" height=\"10\" fill=\"\(color)\"/>"
                } else {
                    out += "<line x1=\"\(fmt(x + 6))\" y1=\"\(fmt(cy))\" x2=\"\(fmt(x + 26))\" y2=\"\(fmt(cy))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
                }
                out += "<text x=\"\(fmt(x + 30))\" y=\"\(fmt(cy + 4))\" fill=\"currentColor\">\(HTML.escape(name))</text>"
            }
            out += "</g>"
        }
        if xs.isEmpty {
            out += "<text fill=\"currentColor\" x=\"\(fmt((frame.x0 + frame.x1) / 2))\" y=\"\(fmt((frame.y0 + frame.y1) / 2))\" text-anchor=\"middle\">no data</text>"
        }
        out += "</svg>"
        return out
    }

    /// A series as polylines, broken where a value is NaN or infinite; lone points as dots.
    private static func linePaths(_ s: Plot.Series, color: String, sx: (Double) -> Double, sy: (Double) -> Double) -> String {
        var runs: [[(Double, Double)]] = [[]]
        for (x, y) in zip(s.xs, s.ys) {
            if x.isFinite && y.isFinite {
                runs[runs.count - 1].append((sx(x), sy(y)))
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        var out = ""
        for full in runs where !full.isEmpty {
            let run = full.count > 2000 ? decimate(full) : full
            if run.count == 1 {
                out += "<circle cx=\"\(fmt(run[0].0))\" cy=\"\(fmt(run[0].1))\" r=\"2.5\" fill=\"\(color)\"/>"
            } else {
                let pts = run.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " ")
                out += "<polyline class=\"nn-series\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.75\" stroke-linejoin=\"round\" points=\"\(pts)\"/>"
            }
        }
        return out
    }

    /// A long series reduced to what one pixel column can show: per column its first, lowest,
    /// highest and last point, in order (the drawn envelope is unchanged).
    static func decimate(_ pts: [(Double, Double)]) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        var i = 0
        while i < pts.count {
            let column = pts[i].0.rounded(.down)
            var j = i
            var lo = i, hi = i
            while j < pts.count, pts[j].0.rounded(.down) == column {
                if pts[j].1 < pts[lo].1 { lo = j }
                if pts[j].1 > pts[hi].1 { hi = j }
                j += 1
            }
            for k in Set([i, lo, hi, j - 1]).sorted() { out.append(pts[k]) }
            i = j
        }
        return out
    }

    /// Width of one bar: the smallest gap between neighbouring x values (1 for a single bar).
    private static func barSpacing(_ plot: Plot) -> Double {
        var best = Double.infinity
        for s in plot.series {
            let xs = s.xs.filter(\.isFinite).sorted()
            for i in xs.indices.dropFirst() where xs[i] > xs[i - 1] { best = min(best, xs[i] - xs[i - 1]) }
        }
        return best.isFinite ? best : 1
    }

    /// A coordinate with at most one decimal, without `-0` (deterministic, compact).
    static func fmt(_ v: Double) -> String {
        // Degenerate data can push a coordinate far off the canvas; keep it a finite number.
        guard v.isFinite else { return "0" }
        let r = (min(max(v, -1e7), 1e7) * 10).rounded() / 10
        if r == 0 { return "0" }
        if r == r.rounded() { return String(Int(r)) }
        return String(format: "%.1f", r)
    }
}

/// Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten), about five per axis.
public struct Ticks: Sendable, Equatable {
    /// The first tick (at or below the data).
    public let lo: Double
    /// The last tick (at or above the data).
    public let hi: Double
    /// The distance between ticks.
    public let step: Double
    /// Every tick from `lo` to `hi`.
    public let values: [Double]

    /// Ticks covering `lo...hi`; an empty range is widened so the axis still has a scale.
    public init(lo: Double, hi: Double, count: Int = 5) {
        var a = lo.isFinite ? lo : 0, b = hi.isFinite ? hi : 1
        if a > b { swap(&a, &b) }
        a = max(a, -1e300); b = min(b, 1e300)  // so b - a stays finite
        if b - a < 1e-12 * max(abs(a), abs(b), 1e-300) || b == a {
            let pad = a == 0 ? 1 : abs(a) * 0.5
            a -= pad; b += pad
        }
        let span = Ticks.nice(b - a, round: false)
        var step = Ticks.nice(span / Double(max(1, count - 1)), round: true)
        if !step.isFinite || step <= 0 { step = 1 }
        let first = (a / step).rounded(.down), last = (b / step).rounded(.up)
        self.step = step
        self.lo = first * step
        self.hi = last * step
        var vals: [Double] = []
        var k = first
        while k <= last, vals.count < 50 {
            let v = k * step
            vals.append(abs(v) < step * 1e-9 ? 0 : v)
            k += 1
        }
        self.values = vals
    }

    /// The nice number near `x`: rounded (for steps) or the next one up (for spans).
    static func nice(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let e = (log10(x)).rounded(.down)
        let f = x / pow(10, e)
        let n: Double
        if round {
            n = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10
        } else {
            n = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        }
        return n * pow(10, e)
    }

    /// The label of a tick: as many decimals as the step needs; exponent form for extremes.
    public func label(_ v: Double) -> String {
        if v == 0 { return "0" }
        let mag = max(abs(lo), abs(hi))
        if mag >= 1e6 || step < 1e-4 {
            return String(format: "%.3g", v).replacingOccurrences(of: "e+0", with: "e").replacingOccurrences(of: "e-0", with: "e-")
        }
        let decimals = max(0, Int((-log10(step)).rounded(.up)))
        return String(format: "%.\(min(decimals, 6))f", v)
    }
}
