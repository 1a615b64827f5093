import Foundation
import NNSyntax

/// A matplotlib-style figure: a grid of axes drawn by the Site, compared in tests by its text.
///
/// `plt.plot`, `plt.imshow`, `plt.subplots` and friends build one (Library/Pyplot.swift); it is
/// shown by `plt.show()` or, in a notebook, when the cell ends (as Jupyter's inline backend does).
public struct Figure: Sendable, Equatable, Codable {
    /// One axes of the grid.
    public enum Panel: Sendable, Equatable, Codable {
        /// Axes nothing was drawn on.
        case empty
        /// Lines or bars (`plot`, `hist`).
        case plot(Plot)
        /// A 2-D array drawn as an image (`imshow`).
        case image(FigureImage)
    }

    public var rows: Int
    public var columns: Int
    /// The figure's own title (`suptitle`).
    public var title: String?
    /// Row-major, `rows * columns` of them.
    public var panels: [Panel]

    public init(rows: Int, columns: Int, title: String? = nil, panels: [Panel]) {
        self.rows = rows; self.columns = columns; self.title = title; self.panels = panels
    }

    /// The text form: `<figure: plot "loss": 1 series, 10 points, y in [0.1000, 2.3000]>`, and
    /// for a grid `<figure 2x2: ... | ... | ...>` - the data a test compares (not the pixels).
    public var text: String {
        let grid = rows == 1 && columns == 1 ? "" : " \(rows)x\(columns)"
        let name = title.map { " \"\($0)\"" } ?? ""
        return "<figure\(grid)\(name): " + panels.map(\.text).joined(separator: " | ") + ">\n"
    }
}

/// An image panel: values as given, mapped through `colormap` when drawn.
public struct FigureImage: Sendable, Equatable, Codable {
    public var width: Int
    public var height: Int
    /// Row-major values, `width * height` of them.
    public var values: [Float]
    /// A matplotlib colormap name (`gray`, `viridis`, ...).
    public var colormap: String
    public var title: String?

    public init(width: Int, height: Int, values: [Float], colormap: String, title: String? = nil) {
        self.width = width; self.height = height; self.values = values; self.colormap = colormap; self.title = title
    }
}

extension Figure.Panel {
    /// One panel's part of the figure's text form.
    public var text: String {
        switch self {
        case .empty: return "empty"
        case .image(let im):
            let finite = im.values.filter(\.isFinite)
            let lo = finite.min().map(Double.init) ?? 0, hi = finite.max().map(Double.init) ?? 0
            let name = im.title.map { " \"\($0)\"" } ?? ""
            return "image\(name) \(im.height)x\(im.width) \(im.colormap), values in [\(Figure.number(lo)), \(Figure.number(hi))]"
        case .plot(let p):
            let name = p.title.map { " \"\($0)\"" } ?? ""
            let kind = p.kind == .bars ? "bars" : "plot"
            let points = p.series.map(\.ys.count).max() ?? 0
            let ys = p.series.flatMap(\.ys).filter(\.isFinite)
            var s = "\(kind)\(name): \(p.series.count) series, \(points) points"
            if let lo = ys.min(), let hi = ys.max() { s += ", y in [\(Figure.number(lo)), \(Figure.number(hi))]" }
            let labels = p.series.compactMap(\.label)
            if !labels.isEmpty { s += ", labels " + labels.map { "\"\($0)\"" }.joined(separator: ", ") }
            return s
        }
    }
}

extension Figure {
    /// `{:.4f}` with `-0.0000` written `0.0000` (the other displays' number format).
    static func number(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        let s = String(format: "%.4f", v)
        return s == "-0.0000" ? "0.0000" : s
    }
}
