import NNEngine
import NNSyntax
import Autograd
import Foundation
import Tensors

// The display builtins (`show`, `show_image`, `hist`, `plot`, `stats`): rich data for the Site
// plus the text forms of tools/README.md, which expected-output blocks and terminals show.

/// Builds the rich displays; public so the Site and tests can make the same items.
public enum Displays {
    /// `{:.4f}`, with `-0.0000` written `0.0000`.
    public static func number(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        let s = String(format: "%.4f", v)
        return s == "-0.0000" ? "0.0000" : s
    }

    /// `stats(t)`: shape, mean, std (Bessel), min, max of a float copy, as a two-line table.
    public static func stats(_ t: Tensor) throws -> RichDisplay {
        let x = try t.to(.float32)
        let mean = try x.mean().item(), std = try x.std().item()
        let lo = try x.amin().item(), hi = try x.amax().item()
        let header = ["shape", "mean", "std", "min", "max"]
        let row = ["[" + t.shape.map(String.init).joined(separator: ", ") + "]",
                   number(mean), number(std), number(lo), number(hi)]
        let widths = zip(header, row).map { max($0.count, $1.count) }
        func line(_ cells: [String]) -> String {
            var parts = [cells[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)]
            for i in 1..<cells.count {
                parts.append(String(repeating: " ", count: widths[i] - cells[i].count) + cells[i])
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        return .table(header: header, rows: [row], text: line(header) + "\n" + line(row) + "\n")
    }

    /// `show_image(t)`: a 2-D tensor (or a 784-vector as 28x28) as grayscale pixels 0...255.
    ///
    /// Values in [0, 1] map to 0...255; anything else is scaled from its min..max.
    public static func image(_ t: Tensor) throws -> RichDisplay {
        var x = t
        if x.ndim == 1 && x.numel == 784 { x = try x.reshape([28, 28]) }
        guard x.ndim == 2 else {
            throw TensorError.value("show_image expects a 2-D tensor or a 784-vector, got shape \(Tensor.describe(t.shape))")
        }
        let vals = try x.to(.float32).scalars()
        let lo = vals.min() ?? 0, hi = vals.max() ?? 0
        let unit = lo >= 0 && hi <= 1
        let pixels: [UInt8] = vals.map { v in
            let f = unit ? v : (hi > lo ? (v - lo) / (hi - lo) : 0)
            return UInt8(max(0, min(255, (f * 255).rounded())))
        }
        return .image(width: x.shape[1], height: x.shape[0], pixels: pixels, text: "<image \(x.shape[0])x\(x.shape[1])>\n")
    }

    /// `hist(t, bins)`: counts of every element in `bins` equal bins over [min, max].
    public static func histogram(_ t: Tensor, bins: Int = 40) throws -> RichDisplay {
        guard bins > 0 && bins <= 100_000 else { throw TensorError.value("hist(): bins must be between 1 and 100000, got \(bins)") }
        let vals = try t.to(.float32).scalars()
        let finite = vals.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 0
        var counts = [Double](repeating: 0, count: bins)
        let width = hi > lo ? (hi - lo) / Double(bins) : 1
        for v in finite {
            let f = hi > lo ? (v - lo) / width : 0
            let k = f.isFinite ? min(bins - 1, max(0, Int(min(f, Double(bins))))) : 0
            counts[k] += 1
        }
        let xs = (0..<bins).map { lo + (Double($0) + 0.5) * width }
        // The text form reports the true extremes (inf and nan included), as tools/README.md says.
        let tlo = try t.to(.float32).amin().item(), thi = try t.to(.float32).amax().item()
        let text = "<histogram: \(vals.count) values, \(bins) bins, range [\(number(tlo)), \(number(thi))]>\n"
        return .plot(Plot(kind: .bars, series: [.init(xs: xs, ys: counts)]), text: text)
    }

    /// `plot(...)`: line series (each with its xs; 0, 1, 2, ... when none were given).
    public static func plot(_ series: [(xs: [Double]?, ys: [Double])], labels: [String?] = [], title: String? = nil,
                            xLabel: String? = nil, yLabel: String? = nil) -> RichDisplay {
        let points = series.map(\.ys.count).max() ?? 0
        let s: [Plot.Series] = series.enumerated().map { k, p in
            .init(label: k < labels.count ? labels[k] : nil, xs: p.xs ?? p.ys.indices.map(Double.init), ys: p.ys)
        }
        let name = title.map { " \"\($0)\"" } ?? ""
        return .plot(Plot(kind: .line, title: title, xLabel: xLabel, yLabel: yLabel, series: s),
                     text: "<plot\(name): \(series.count) series, \(points) points>\n")
    }

    /// `show("$$...$$")`: TeX to typeset.
    public static func math(_ s: String) -> RichDisplay? {
        guard s.count >= 4, s.hasPrefix("$$"), s.hasSuffix("$$") else { return nil }
        let tex = String(s.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespacesAndNewlines)
        return .math(tex: tex, text: "<math: \(tex)>\n")
    }
}

extension NNTensorBinding {
    func installDisplays(_ rt: Runtime) {
        installPyplot(rt)
        rt.defineBuiltin("stats") { rt, args, kw in
            let a = try BoundArgs("stats", args, kw, ["t"], required: 1)
            rt.display(try Grad.wrap { try Displays.stats(try TensorArgs.tensor(a.given("t"), "stats")) })
            return .none
        }
        rt.defineBuiltin("show_image") { rt, args, kw in
            let a = try BoundArgs("show_image", args, kw, ["t", "title", "figsize", "cmap"], required: 1)
            rt.display(try Grad.wrap { try Displays.image(try TensorArgs.tensor(a.given("t"), "show_image")) })
            return .none
        }
        rt.defineBuiltin("hist") { rt, args, kw in
            let a = try BoundArgs("hist", args, kw, ["t", "bins"], required: 1)
            let bins = try a.int("bins") ?? 40
            rt.display(try Grad.wrap { try Displays.histogram(try TensorArgs.tensor(a.given("t"), "hist"), bins: bins) })
            return .none
        }
        rt.defineBuiltin("plot") { rt, args, kw in
            let a = try BoundArgs("plot", [], kw, ["title", "xlabel", "ylabel", "labels"])
            guard args.count == 1 || args.count == 2 else {
                throw PyError.type("plot() takes 1 or 2 positional arguments but \(args.count) were given")
            }
            func numbers(_ v: Value) throws -> [Double] {
                if case .tensor(let t) = v { return t.data.scalars() }
                guard let items = TensorArgs.sequence(v) else {
                    throw PyError.type("plot(): a series must be a list, tuple or tensor, not \(v.typeName)")
                }
                return try items.map { try TensorArgs.double($0, "plot", "ys") }
            }
            func seriesList(_ v: Value) throws -> [[Double]] {
                if case .object = v, let items = TensorArgs.sequence(v), let first = items.first,
                   first.isTensorValue || TensorArgs.sequence(first) != nil {
                    return try items.map(numbers)
                }
                return [try numbers(v)]
            }
            let ys = try seriesList(args[args.count - 1])
            var xs: [[Double]]? = nil
            if args.count == 2 { xs = try seriesList(args[0]) }
            let series = ys.enumerated().map { k, y in
                (xs: xs.map { $0.count == ys.count ? $0[k] : $0[0] }, ys: y)
            }
            var labels: [String?] = []
            if let l = a["labels"], let items = TensorArgs.sequence(l) { labels = try items.map { try rt.str($0) } }
            let title = try a["title"].map { try rt.str($0) }
            rt.display(Displays.plot(series, labels: labels, title: title,
                                     xLabel: try a["xlabel"].map { try rt.str($0) }, yLabel: try a["ylabel"].map { try rt.str($0) }))
            return .none
        }
        rt.defineBuiltin("show") { rt, args, kw in
            let a = try BoundArgs("show", args, kw, ["x"], required: 1)
            let x = a["x"] ?? .none
            if case .str(let s) = x, let d = Displays.math(s) {
                rt.display(d)
            } else {
                rt.write(try rt.str(x) + "\n")
            }
            return .none
        }
    }
}
