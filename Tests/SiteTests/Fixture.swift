import NNLang
import Site
import Notebook

/// A hand-built notebook with one of everything a page shows: prose with headings and inline
/// math, display math, code, printed text, a result, a plot, a histogram, an image, a stats
/// table, an expected error, an unexpected error, a cell not run, a skipped and a hidden cell.
enum Fixture {
    static let digit: [UInt8] = (0..<(28 * 28)).map { i in
        let (y, x) = (i / 28, i % 28)
        let dx = Double(x) - 13.5, dy = Double(y) - 13.5
        let r = (dx * dx / 49 + dy * dy / 100).squareRoot()  // an ellipse: a zero
        return r > 0.75 && r < 1.15 ? 255 : (r > 0.65 && r < 1.25 ? 120 : 0)
    }

    static let notebook = SiteNotebook(
        path: "Notebooks/01_matmul.md", title: "Matrix multiplication from scratch",
        blocks: [
            .prose(html: """
                <h1>Matrix multiplication from scratch</h1>
                <p>We multiply $<code>A \\in \\mathbb{R}^{m \\times k}</code>$ by $<code>B</code>$ &amp; check it &lt;fast&gt;.</p>
                <h2>The loop</h2>
                <p>Each entry is a dot product:</p>
                <pre><code class="language-math">C_{ij} = \\sum_{k=1}^{K} A_{ik} B_{kj}</code></pre>
                """),
            .cell(SiteCell(
                source: "def matmul(a, b):\n    # three loops\n    return a @ b\nprint(\"<b>hi</b>\")\nmatmul(x, w).shape",
                line: 12, state: .ran(CellResult(items: [.stdout("<b>hi</b>\n"), .result("Size([5, 10])")]), seconds: 0.0123),
                spans: [.init(start: 0, end: 3, kind: .keyword), .init(start: 4, end: 10, kind: .function),
                         .init(start: 22, end: 35, kind: .comment), .init(start: 40, end: 46, kind: .keyword),
                         .init(start: 49, end: 50, kind: .operator), .init(start: 53, end: 58, kind: .builtin),
                         .init(start: 59, end: 70, kind: .string)])),
            .prose(html: "<h2>Gradients</h2>\n<p>The loss is $<code>L = \\frac{1}{N}\\sum_i (y_i - \\hat{y}_i)^2</code>$.</p>\n"),
            .math(tex: "\\frac{\\partial L}{\\partial W} = \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix} \\quad \\sqrt[3]{\\alpha + \\beta}"),
            .cell(SiteCell(
                source: "plot(losses)", line: 30,
                state: .ran(CellResult(items: [.display(.plot(Plot(kind: .line, title: "Training loss", xLabel: "step", yLabel: "loss",
                    series: [Plot.Series(label: "train", xs: (0..<50).map(Double.init), ys: (0..<50).map { 2.3 * exp(-Double($0) / 12) + 0.1 }),
                             Plot.Series(label: "valid", xs: (0..<50).map(Double.init), ys: (0..<50).map { 2.3 * exp(-Double($0) / 15) + 0.25 })]),
                    text: "<plot>"))]), seconds: 0.2))),
            .cell(SiteCell(
                source: "hist(t)", line: 34,
                state: .ran(CellResult(items: [.display(.plot(Plot(kind: .bars, title: "Activations",
                    series: [Plot.Series(xs: (-5...5).map { Double($0) * 0.5 }, ys: (-5...5).map { 100 * exp(-Double($0 * $0) / 8) })]),
                    text: "<hist>"))]), seconds: 0.05))),
            .cell(SiteCell(
                source: "show_image(x_train[0].view(28, 28))\nstats(x)", line: 38,
                state: .ran(CellResult(items: [
                    .display(.image(width: 28, height: 28, pixels: digit, text: "<image 28x28>")),
                    .display(.table(header: ["shape", "mean", "std", "min", "max"], rows: [["[50000, 784]", "0.2860", "0.3530", "0", "1"]], text: "stats")),
                ]), seconds: 1.5))),
            .cell(SiteCell(
                source: "1 / 0", line: 42, state: .ran(CellResult(error: CellError(typeName: "ZeroDivisionError", message: "division by zero",
                    traceback: [.init(location: SourceLocation(file: "Notebooks/01_matmul.md", line: 42, column: 1), function: "<cell>", sourceLine: "1 / 0")])), seconds: 0.001),
                options: { var o = CellOptions(); o.raises = .type("ZeroDivisionError"); return o }())),
            .cell(SiteCell(
                source: "y = f(x)", line: 46, state: .ran(CellResult(items: [.stdout("before\n")], error: CellError(typeName: "RuntimeError", message: "shape '[3, <4>]' is invalid",
                    traceback: [.init(location: SourceLocation(file: "Notebooks/01_matmul.md", line: 46, column: 5), function: "<cell>", sourceLine: "y = f(x)"),
                                .init(location: SourceLocation(file: "Notebooks/01_matmul.md", line: 20, column: 12), function: "f", sourceLine: "return x.view(3, 4)")])),
                    seconds: 0.003))),
            .cell(SiteCell(source: "z = y + 1", line: 50, state: .notRun)),
            .cell(SiteCell(source: "%timeit matmul(x, w)", line: 54, state: .skipped)),
            .cell(SiteCell(source: "setup()", line: 58, state: .notRun, options: { var o = CellOptions(); o.hide = true; return o }())),
        ],
        passed: false, seconds: 3.25)

    static let second = SiteNotebook(
        path: "Notebooks/02_broadcasting.md", title: "Broadcasting",
        blocks: [.prose(html: "<h1>Broadcasting</h1>\n<p>Shapes line up from the right: $<code>(5, 1) \\to (5, 3)</code>$.</p>\n")],
        passed: true, seconds: 0.5)
}

import Foundation
