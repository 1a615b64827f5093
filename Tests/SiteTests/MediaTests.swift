import Foundation
import NNLang
import Site
import Testing

// MARK: PNG, CRC-32, base64

@Test func crc32KnownValues() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
    #expect(CRC32.checksum([]) == 0)
}

@Test func base64RFC4648Vectors() {
    let cases = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
    for (plain, encoded) in cases { #expect(Base64.encode(Array(plain.utf8)) == encoded) }
    #expect(Base64.encode([0xFF, 0xEE, 0x3F]) == "/+4/")
}

/// A 2x2 image scaled 2x, stored (zlib level 0, so the bytes do not depend on zlib's version).
/// Checked once with Python: CRCs match `zlib.crc32`, IDAT inflates to the scaled scanlines.
@Test func pngBytesOfATinyImage() throws {
    let png = try PNG.encodeGrayscale(width: 2, height: 2, pixels: [0, 255, 128, 64], scale: 2, level: 0)
    let hex = png.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    #expect(hex == "89504e470d0a1a0a0000000d49484452000000040000000408000000008c9ac1a20000001f494441547801011400ebff000000ffff000000ffff0080804040008080404047dc06fdef3135fa0000000049454e44ae426082")
}

@Test func pngOfADigitIsSmallAndWellFormed() throws {
    let png = try PNG.encodeGrayscale(width: 28, height: 28, pixels: Fixture.digit, scale: 8)
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(Array(png[16..<24]) == [0, 0, 0, 224, 0, 0, 0, 224])  // IHDR width, height
    #expect(png.count < 2000)  // repeated scanlines deflate to almost nothing
    // Every chunk's CRC covers its type and data.
    var i = 8
    while i + 12 <= png.count {
        let n = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
        let crc = UInt32(png[i + 8 + n]) << 24 | UInt32(png[i + 9 + n]) << 16 | UInt32(png[i + 10 + n]) << 8 | UInt32(png[i + 11 + n])
        #expect(CRC32.checksum(Array(png[(i + 4)..<(i + 8 + n)])) == crc)
        i += 12 + n
    }
    #expect(i == png.count)
    #expect(PNG.dataURI(png).hasPrefix("data:image/png;base64,iVBORw0KGgo"))
}

@Test func pngRejectsBadSizes() {
    #expect(throws: PNG.EncodeError.badSize(width: 3, height: 3, pixels: 4)) {
        try PNG.encodeGrayscale(width: 3, height: 3, pixels: [1, 2, 3, 4])
    }
    #expect(throws: PNG.EncodeError.badSize(width: -1, height: 0, pixels: 0)) {
        try PNG.encodeGrayscale(width: -1, height: 0, pixels: [])
    }
    #expect(throws: PNG.EncodeError.tooLarge(width: 1000, height: 1000)) {
        try PNG.encodeGrayscale(width: 1000, height: 1000, pixels: [UInt8](repeating: 0, count: 1_000_000), scale: 8)
    }
    #expect(PNG.displayScale(width: 28, height: 28) == 8)
    #expect(PNG.displayScale(width: 1000, height: 10) == 1)
}

// MARK: Charts

@Test func ticksAreNiceNumbers() {
    #expect(Ticks(lo: 0, hi: 2.3).values == [0, 1, 2, 3])
    #expect(Ticks(lo: 0, hi: 1.3).values == [0, 0.5, 1, 1.5])
    #expect(Ticks(lo: 0, hi: 49).values == [0, 10, 20, 30, 40, 50])
    #expect(Ticks(lo: -0.013, hi: 0.021).values == [-0.02, -0.01, 0, 0.01, 0.02, 0.03])
    let flat = Ticks(lo: 3, hi: 3)
    #expect(flat.lo < 3 && flat.hi > 3)
    #expect(Ticks(lo: 0, hi: 1.3).label(0.5) == "0.5")
    #expect(Ticks(lo: 0, hi: 1.3).label(1) == "1.0")
    #expect(Ticks(lo: 0, hi: 49).label(20) == "20")
    #expect(Ticks(lo: 0, hi: 3e7).label(1e7) == "1e7")
    #expect(Ticks(lo: .nan, hi: .infinity).values.count >= 2)
}

@Test func lineChartStructure() {
    let plot = Plot(kind: .line, title: "Loss <train>", xLabel: "step", yLabel: "loss",
                    series: [.init(label: "a", xs: [0, 1, 2, 3], ys: [1, 0.5, .nan, 0.2]),
                             .init(label: "b & c", xs: [0, 1, 2, 3], ys: [2, 1, 0.5, 0.4])])
    let svg = SVGChart.render(plot)
    #expect(svg.hasPrefix("<svg class=\"nn-plot\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 400\""))
    #expect(svg.hasSuffix("</svg>"))
    #expect(svg.contains("<title>Loss &lt;train&gt;</title>"))
    // Series a breaks at the NaN: one polyline and a lone dot; series b is one polyline.
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
    #expect(svg.components(separatedBy: "<circle").count - 1 == 1)
    #expect(svg.contains(">b &amp; c</text>"))  // legend, escaped
    #expect(svg.contains(">step</text>") && svg.contains(">loss</text>"))
    #expect(svg.contains("stroke=\"#0072B2\"") && svg.contains("stroke=\"#E69F00\""))
    #expect(!svg.contains("NaN") && !svg.contains("nan") && !svg.contains("inf"))
}

@Test func histogramIsBarsFromZero() {
    let plot = Plot(kind: .bars, series: [.init(xs: [0.5, 1.5, 2.5], ys: [3, 7, 1])])
    let svg = SVGChart.render(plot)
    #expect(svg.components(separatedBy: "<rect").count - 1 == 3)
    #expect(!svg.contains("nn-legend"))  // one unlabelled series: no legend
    #expect(svg.contains(">0</text>"))
    #expect(SVGChart.render(Plot(kind: .line, series: [])).contains("no data"))
}

// MARK: Escaping and highlighting

@Test func escapeEverythingThatMatters() {
    #expect(HTML.escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    #expect(HTML.escape("tensor([1., 2.])") == "tensor([1., 2.])")
    #expect(HTML.slug("2. Matrix multiplication!") == "2-matrix-multiplication")
    #expect(HTML.slug("Über α-β") == "über-α-β")
    #expect(HTML.slug("!!!") == "section")
}

@Test func highlightWrapsTokensInSpans() {
    let src = "for i in range(3): # <loop>\n    s = \"a<b\""
    let tokens: [HighlightSpan] = [
        .init(start: 0, end: 3, kind: .keyword), .init(start: 6, end: 8, kind: .keyword),
        .init(start: 9, end: 14, kind: .builtin), .init(start: 15, end: 16, kind: .number),
        .init(start: 19, end: 27, kind: .comment), .init(start: 34, end: 35, kind: .operator),
        .init(start: 36, end: 41, kind: .string),
    ]
    #expect(Highlight.html(src, spans: tokens) == """
        <span class="k">for</span> i <span class="k">in</span> <span class="b">range</span>(<span class="n">3</span>): <span class="c"># &lt;loop&gt;</span>
            s <span class="o">=</span> <span class="s">&quot;a&lt;b&quot;</span>
        """)
}

@Test func highlightDropsBadTokensButKeepsText() {
    let src = "é = 1"  // é is two UTF-8 bytes
    let bad: [HighlightSpan] = [.init(start: 1, end: 2, kind: .keyword), .init(start: 0, end: 99, kind: .string),
                                 .init(start: 5, end: 6, kind: .number), .init(start: 5, end: 6, kind: .number),
                                 .init(start: 3, end: 2, kind: .operator)]
    #expect(Highlight.html(src, spans: bad) == "é = <span class=\"n\">1</span>")
    #expect(Highlight.html("a<b", spans: []) == "a&lt;b")
}

@Test func longSeriesAreDecimatedPerPixelColumn() {
    let n = 100_000
    let xs = (0..<n).map(Double.init)
    let ys: [Double] = (0..<n).map { i in
        let wave: Double = sin(Double(i) / 50)
        return i == 51_234 ? wave + 10 : wave  // one spike must survive
    }
    let svg = SVGChart.render(Plot(kind: .line, series: [.init(xs: xs, ys: ys)]))
    #expect(svg.utf8.count < 60_000)
    // The spike is drawn: the highest point is above the "10" tick.
    let points = svg.components(separatedBy: "points=\"")[1].prefix { $0 != "\"" }
    let topY = points.split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }.min() ?? .infinity
    let tick = svg.components(separatedBy: "\">10</text>")[0].components(separatedBy: " y=\"").last!
    let tickY = Double(tick.prefix { $0 != "\"" })! - 4
    #expect(topY < tickY)
}

/// Spans from the nn lexer's highlighter, as the page uses them.
@Test func nnSourceIsHighlightedByTheLexer() {
    let src = "def f(x):  # é\n    return print(x ** 2, \"s\")\n%timeit f(1)\n"
    #expect(Highlight.html(src, spans: Highlight.spans(src)) == """
        <span class="k">def</span> <span class="f">f</span>(x):  <span class="c"># é</span>
            <span class="k">return</span> <span class="b">print</span>(x <span class="o">**</span> <span class="n">2</span>, <span class="s">&quot;s&quot;</span>)
        <span class="m">%timeit</span> f(<span class="n">1</span>)

        """)
    // Broken code is still shown whole.
    let broken = "x = \"unterminated\nclass 1 $ <b>"
    let html = Highlight.html(broken, spans: Highlight.spans(broken))
    #expect(html.replacingOccurrences(of: #"<span class="[a-z]">|</span>"#, with: "", options: .regularExpression)
        == HTML.escape(broken))
}

@Test func extremeDataNeverBreaksAChart() {
    let cases: [[Double]] = [
        [1e308, -1e308], [.leastNonzeroMagnitude, 0], [.infinity, -.infinity, .nan], [42], [3, 3, 3], [-5, -1, -2],
        [1e15, 1e15 + 1], [0.1, 0.1 + 1e-17],
    ]
    for ys in cases {
        for kind in [Plot.Kind.line, .bars] {
            let svg = SVGChart.render(Plot(kind: kind, series: [.init(xs: ys.indices.map(Double.init), ys: ys),
                                                                .init(label: "x", xs: ys, ys: ys)]))
            #expect(svg.hasSuffix("</svg>"))
            #expect(!svg.contains("nan") && !svg.contains("inf"), "\(ys)")
        }
    }
}
