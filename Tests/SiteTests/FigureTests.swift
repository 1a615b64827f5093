import Foundation
import NNLang
import Site
import Testing

/// pyplot figures on a page: a grid of panels, charts as SVG, images as PNG through a colormap.
@Test func figureRendersAGridOfPanels() {
    let figure = Figure(rows: 1, columns: 3, title: "a <grid>", panels: [
        .plot(Plot(kind: .line, title: "loss", series: [.init(xs: [0, 1, 2], ys: [2, 1, 0.5])], yLimits: 0...3)),
        .image(FigureImage(width: 2, height: 2, values: [0, 1, 2, 3], colormap: "viridis")),
        .empty,
    ])
    let notebook = SiteNotebook(path: "n.md", title: "n", blocks: [
        .cell(SiteCell(source: "plt.show()", line: 3, state: .ran(CellResult(items: [.display(.figure(figure))]), seconds: 0), spans: [])),
    ], passed: true)
    let html = Site.page(notebook, options: SiteOptions(showTimes: false)).html
    #expect(html.contains("<figure class=\"nn-output nn-figure nn-cols-3\">"))
    #expect(html.contains("<figcaption class=\"nn-plot-title\">a &lt;grid&gt;</figcaption>"))
    #expect(html.contains("<svg class=\"nn-plot\""))
    #expect(html.contains("data:image/png;base64,"))
    #expect(html.contains("nn-panel nn-empty"))
}

@Test func rgbPNGHasColourTypeTwo() throws {
    let png = try PNG.encodeRGB(width: 1, height: 1, pixels: [255, 0, 0])
    // IHDR data starts at byte 16: width, height (4 bytes each), bit depth, colour type.
    #expect(png[24] == 8 && png[25] == 2)
    #expect(throws: PNG.EncodeError.self) { try PNG.encodeRGB(width: 2, height: 1, pixels: [1, 2, 3]) }
}
