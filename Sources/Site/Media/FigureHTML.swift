import NNLang

/// Draws a `Figure` (pyplot's grid of axes) as HTML: a CSS grid of SVG charts and PNG images.
enum FigureHTML {
    /// The `<figure>` element; image problems are added to `diagnostics`.
    static func render(_ f: Figure, diagnostics: inout [String]) -> String {
        var out = "<figure class=\"nn-output nn-figure nn-cols-\(min(max(f.columns, 1), 8))\">"
        if let t = f.title, !t.isEmpty { out += "<figcaption class=\"nn-plot-title\">\(HTML.escape(t))</figcaption>" }
        for panel in f.panels {
            switch panel {
            case .empty:
                out += "<div class=\"nn-panel nn-empty\"></div>"
            case .plot(let p):
                out += "<div class=\"nn-panel nn-plot\">\(SVGChart.render(p))</div>"
            case .image(let im):
                out += "<div class=\"nn-panel nn-image\">"
                if let t = im.title, !t.isEmpty { out += "<div class=\"nn-plot-title\">\(HTML.escape(t))</div>" }
                do {
                    let rgb = pixels(im)
                    let scale = PNG.displayScale(width: im.width, height: im.height)
                    let png = try PNG.encodeRGB(width: im.width, height: im.height, pixels: rgb, scale: scale)
                    out += "<img src=\"\(PNG.dataURI(png))\" width=\"\(im.width * scale)\" height=\"\(im.height * scale)\" alt=\"\(HTML.escape("image \(im.height)x\(im.width)"))\">"
                } catch {
                    diagnostics.append("image: \(error)")
                    out += "<pre class=\"nn-stdout\">\(HTML.escape(String(describing: error)))</pre>"
                }
                out += "</div>"
            }
        }
        return out + "</figure>\n"
    }

    /// The image's values scaled min..max (as matplotlib's default normalisation) through its colormap.
    static func pixels(_ im: FigureImage) -> [UInt8] {
        let finite = im.values.filter(\.isFinite)
        let lo = Double(finite.min() ?? 0), hi = Double(finite.max() ?? 0)
        let ramp = colormap(im.colormap)
        var out: [UInt8] = []
        out.reserveCapacity(im.values.count * 3)
        for v in im.values {
            let t = v.isFinite && hi > lo ? (Double(v) - lo) / (hi - lo) : 0
            let (r, g, b) = ramp(t)
            out += [r, g, b]
        }
        return out
    }

    /// Matplotlib's colormaps by name: the gray family exactly, viridis (the default) through its
    /// eleven published stops, anything else as viridis.
    static func colormap(_ name: String) -> (Double) -> (UInt8, UInt8, UInt8) {
        let base = name.hasSuffix("_r") ? String(name.dropLast(2)) : name
        let reversed = name.hasSuffix("_r")
        let f: (Double) -> (UInt8, UInt8, UInt8)
        switch base {
        case "gray", "grey", "Greys_r", "binary_r":
            f = { t in let g = byte(t); return (g, g, g) }
        case "Greys", "binary", "gray_r":
            f = { t in let g = byte(1 - t); return (g, g, g) }
        default:
            f = { t in interpolate(viridis, t) }
        }
        return reversed ? { f(1 - $0) } : f
    }

    static func byte(_ t: Double) -> UInt8 { UInt8(max(0, min(255, (t * 255).rounded()))) }

    /// Viridis at 0, 0.1, ..., 1.
    static let viridis: [(UInt8, UInt8, UInt8)] = [
        (0x44, 0x01, 0x54), (0x48, 0x24, 0x75), (0x41, 0x44, 0x87), (0x35, 0x5F, 0x8D), (0x2A, 0x78, 0x8E),
        (0x21, 0x91, 0x8C), (0x22, 0xA8, 0x84), (0x44, 0xBF, 0x70), (0x7A, 0xD1, 0x51), (0xBD, 0xDF, 0x26),
        (0xFD, 0xE7, 0x25),
    ]

    static func interpolate(_ stops: [(UInt8, UInt8, UInt8)], _ t: Double) -> (UInt8, UInt8, UInt8) {
        let x = max(0, min(1, t.isFinite ? t : 0)) * Double(stops.count - 1)
        let i = min(Int(x), stops.count - 2), f = x - Double(i)
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * f).rounded()) }
        let (a, b) = (stops[i], stops[i + 1])
        return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }
}
