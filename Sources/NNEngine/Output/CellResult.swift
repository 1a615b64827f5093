import NNSyntax
import Tensors

/// One item of a cell's output, in the order the cell produced it.
public enum OutputItem: Sendable, Equatable, Codable {
    /// Text the cell printed (`print`, `%time`, ...), exactly as written, newlines included.
    case stdout(String)
    /// A rich display (`show_image`, `plot`, `hist`, `stats`, `show`).
    case display(RichDisplay)
    /// The repr of the cell's final expression statement (Jupyter's `Out[n]`), when not None.
    case result(String)
}

/// What a display builtin produced: data for the Site to draw, plus the short text form used in
/// expected-output blocks and on the terminal.
public enum RichDisplay: Sendable, Equatable, Codable {
    /// A grayscale image, row-major, values 0...255 (`show_image`).
    case image(width: Int, height: Int, pixels: [UInt8], text: String)
    /// A line plot or histogram: one or more series of (x, y) points (`plot`, `hist`).
    case plot(Plot, text: String)
    /// A small table: header row then rows (`stats`).
    case table(header: [String], rows: [[String]], text: String)
    /// Math to typeset (TeX subset) (`show` of a math string).
    case math(tex: String, text: String)
    /// A matplotlib-style figure (`plt.plot`, `plt.imshow`, `plt.subplots`, ...).
    case figure(Figure)

    /// The text form written into `output` blocks.
    public var text: String {
        switch self {
        case .image(_, _, _, let t), .plot(_, let t), .table(_, _, let t), .math(_, let t): t
        case .figure(let f): f.text
        }
    }
}

/// Data for a plot; the Site turns it into SVG.
public struct Plot: Sendable, Equatable, Codable {
    public enum Kind: Sendable, Equatable, Codable { case line, bars }
    public struct Series: Sendable, Equatable, Codable {
        public var label: String?
        public var xs: [Double]
        public var ys: [Double]
        public init(label: String? = nil, xs: [Double], ys: [Double]) {
            self.label = label; self.xs = xs; self.ys = ys
        }
    }
    public var kind: Kind
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var series: [Series]
    /// Axis limits set by the lesson (`xlim`, `ylim`); nil: fitted to the data.
    public var xLimits: ClosedRange<Double>?
    public var yLimits: ClosedRange<Double>?
    /// Draw a legend even for a single labelled series (`legend()`).
    public var showLegend: Bool
    public init(kind: Kind, title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, series: [Series],
                xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil, showLegend: Bool = false) {
        self.kind = kind; self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.series = series
        self.xLimits = xLimits; self.yLimits = yLimits; self.showLegend = showLegend
    }
}

/// An uncaught nn exception (or syntax error) that ended a cell.
public struct CellError: Error, Sendable, Equatable, Codable {
    /// The Python exception class name: `ValueError`, `SyntaxError`, `TimeoutError`, ...
    public var typeName: String
    public var message: String
    /// Where it was raised, innermost last, as Python's traceback orders frames.
    public var traceback: [TraceFrame]
    public struct TraceFrame: Sendable, Equatable, Codable {
        public var location: SourceLocation
        /// The function name, or `<cell>` / `<module>` at top level.
        public var function: String
        /// The source line, stripped, when known.
        public var sourceLine: String?
        public init(location: SourceLocation, function: String, sourceLine: String?) {
            self.location = location; self.function = function; self.sourceLine = sourceLine
        }
    }
    public init(typeName: String, message: String, traceback: [TraceFrame]) {
        self.typeName = typeName; self.message = message; self.traceback = traceback
    }
    /// `ValueError: bad value`, or just the type name when the message is empty (as Python prints).
    public var summary: String { message.isEmpty ? typeName : "\(typeName): \(message)" }
}

/// The result of running one cell.
public struct CellResult: Sendable, Equatable, Codable {
    public var items: [OutputItem]
    /// Set when the cell ended with an uncaught exception.
    public var error: CellError?
    /// True when the output contains something that differs run to run (`%time`, `%timeit`).
    public var volatile: Bool
    public init(items: [OutputItem] = [], error: CellError? = nil, volatile: Bool = false) {
        self.items = items; self.error = error; self.volatile = volatile
    }
}
