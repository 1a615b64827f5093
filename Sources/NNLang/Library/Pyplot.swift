import NNEngine
import NNSyntax
import Autograd
import Tensors

// `import matplotlib.pyplot as plt` and `import matplotlib as mpl`, mapped onto nnbook's own
// figures (Figure.swift): the calls lesson code makes build a grid of axes, which `plt.show()`
// - or, in a notebook, the end of the cell, as Jupyter's inline backend does - turns into one
// `.figure` display. The Site draws it as SVG/PNG; tests compare its text form.

/// One axes while it is being drawn on.
final class PyAxes: PyObject, @unchecked Sendable {
    var lines: [Plot.Series] = []
    var bars: [Plot.Series] = []
    var image: FigureImage?
    var title: String?
    var xLabel: String?
    var yLabel: String?
    var xLimits: ClosedRange<Double>?
    var yLimits: ClosedRange<Double>?
    var legend = false

    override var pyType: PyClass { PyplotTypes.axes }

    /// What the Site draws for these axes.
    var panel: Figure.Panel {
        if var im = image { im.title = title; return .image(im) }
        if lines.isEmpty && bars.isEmpty { return title == nil ? .empty : .plot(Plot(kind: .line, title: title, series: [])) }
        return .plot(Plot(kind: lines.isEmpty ? .bars : .line, title: title, xLabel: xLabel, yLabel: yLabel,
                          series: lines.isEmpty ? bars : lines, xLimits: xLimits, yLimits: yLimits, showLegend: legend))
    }
}

/// A figure while it is being drawn on: its axes, row-major.
final class PyFigure: PyObject, @unchecked Sendable {
    let rows: Int, columns: Int
    let axes: [PyAxes]
    var title: String?
    init(rows: Int, columns: Int) {
        self.rows = rows; self.columns = columns
        axes = (0..<(rows * columns)).map { _ in PyAxes() }
    }
    override var pyType: PyClass { PyplotTypes.figure }

    var figure: Figure { Figure(rows: rows, columns: columns, title: title, panels: axes.map(\.panel)) }
}

/// The classes of pyplot's objects (shared by every interpreter; their state is per object).
enum PyplotTypes {
    static let axes = PyClass(name: "Axes", base: BuiltinTypes.object, isBuiltin: true)
    static let figure = PyClass(name: "Figure", base: BuiltinTypes.object, isBuiltin: true)
}

/// pyplot's state in one interpreter: the current figure and axes.
final class PyplotState {
    var figure: PyFigure?
    var current: PyAxes?

    /// The current axes, making a 1x1 figure first when there is none (as `plt.plot` does).
    func axes() -> PyAxes {
        if let a = current { return a }
        let f = figure ?? PyFigure(rows: 1, columns: 1)
        figure = f
        current = f.axes[0]
        return f.axes[0]
    }

    /// Shows the open figure, if anything was drawn, and closes it.
    func show(_ rt: Runtime) {
        defer { figure = nil; current = nil }
        guard let f = figure, f.axes.contains(where: { $0.panel != .empty }) else { return }
        rt.display(.figure(f.figure))
    }
}

extension NNTensorBinding {
    func installPyplot(_ rt: Runtime) {
        _ = Self.pyplotMethodsInstalled
        let state = PyplotState()
        rt.cellEndHooks.append { rt in state.show(rt) }
        var d: [String: Value] = [:]
        func def(_ name: String, _ fn: @escaping PyBuiltin.Fn) { d[name] = .object(PyBuiltin(name, acceptsTScalar: false, fn)) }
        // Drawing on the current axes: the same functions as the Axes methods.
        for (name, m) in Self.axesMethods {
            let plain = name.hasPrefix("set_") ? String(name.dropFirst(4)) : name
            def(plain) { rt, args, kw in try m(rt, state.axes(), args, kw) }
        }
        def("figure") { rt, args, kw in
            _ = try BoundArgs("figure", args, kw, ["num", "figsize", "dpi", "facecolor", "edgecolor", "frameon"])
            state.show(rt)
            let f = PyFigure(rows: 1, columns: 1)
            state.figure = f
            state.current = f.axes[0]
            return .object(f)
        }
        def("subplots") { rt, args, kw in
            let a = try BoundArgs("subplots", args, kw.filter { !["sharex", "sharey", "squeeze", "subplot_kw", "gridspec_kw", "constrained_layout", "layout"].contains($0.0) },
                                  ["nrows", "ncols", "figsize", "dpi"])
            let rows = try a.int("nrows") ?? 1, cols = try a.int("ncols") ?? 1
            guard rows >= 1, cols >= 1, rows <= 64, cols <= 64 else {
                throw PyError.value("Number of rows and columns must be positive integers (at most 64 here), not \(rows) and \(cols)")
            }
            state.show(rt)
            let f = PyFigure(rows: rows, columns: cols)
            state.figure = f
            state.current = f.axes[0]
            let axes: Value
            if rows == 1 && cols == 1 {
                axes = .object(f.axes[0])
            } else if rows == 1 || cols == 1 {
                axes = .object(PyList(f.axes.map { .object($0) }))
            } else {
                axes = .object(PyList((0..<rows).map { r in .object(PyList((0..<cols).map { .object(f.axes[r * cols + $0]) })) }))
            }
            return .object(PyTuple([.object(f), axes]))
        }
        def("gca") { _, _, _ in .object(state.axes()) }
        def("gcf") { _, _, _ in _ = state.axes(); return state.figure.map { .object($0) } ?? .none }
        def("suptitle") { rt, args, kw in
            let a = try BoundArgs("suptitle", args, kw, ["t"], required: 1)
            _ = state.axes()
            state.figure?.title = try rt.str(a["t"] ?? .none)
            return .none
        }
        def("show") { rt, _, _ in state.show(rt); return .none }
        def("close") { _, _, _ in state.figure = nil; state.current = nil; return .none }
        for ignored in ["tight_layout", "grid", "savefig", "axis", "xticks", "yticks", "colorbar", "subplots_adjust"] {
            def(ignored) { _, _, _ in .none }
        }
        rt.modules["matplotlib.pyplot"] = PyModule(name: "matplotlib.pyplot", dict: d)
        let rc = PyDict()
        rt.modules["matplotlib"] = PyModule(name: "matplotlib", dict: [
            "pyplot": .object(rt.modules["matplotlib.pyplot"]!), "rcParams": .object(rc),
        ])
    }

    typealias AxesMethod = (Runtime, PyAxes, [Value], Kwargs) throws -> Value

    /// The drawing calls, as `Axes` methods (`ax.plot`) and pyplot functions (`plt.plot`).
    nonisolated(unsafe) static let axesMethods: [(String, AxesMethod)] = [
        ("plot", { rt, ax, args, kw in
            let label = try Args.kw(kw, "label").flatMap { $0.isNone ? nil : try rt.str($0) }
            let positional = args.filter { if case .str = $0 { return false }; return true }  // format strings
            guard positional.count == 1 || positional.count == 2 else {
                throw PyError.type("plot() takes 1 or 2 data arguments (x and y) here, got \(positional.count)")
            }
            let ys = try NNTensorBinding.numbers(rt, positional[positional.count - 1], "plot")
            let xs = positional.count == 2 ? try NNTensorBinding.numbers(rt, positional[0], "plot") : ys.indices.map(Double.init)
            guard xs.count == ys.count else {
                throw PyError.value("x and y must have same first dimension, but have shapes (\(xs.count),) and (\(ys.count),)")
            }
            ax.lines.append(.init(label: label, xs: xs, ys: ys))
            return .none
        }),
        ("hist", { rt, ax, args, kw in
            let a = try BoundArgs("hist", args, kw.filter { !["alpha", "color", "density", "histtype", "label"].contains($0.0) }, ["x", "bins", "range"], required: 1)
            let bins = try a.int("bins") ?? 10
            let values: Tensor
            if case .tensor(let t) = a["x"]! { values = t.data } else {
                let xs = try NNTensorBinding.numbers(rt, a["x"]!, "hist").map { Float($0) }
                values = try Grad.wrap { try Tensor(floats: xs, shape: [xs.count]) }
            }
            guard case .plot(let p, _) = try Displays.histogram(values, bins: bins), let s = p.series.first else { return .none }
            ax.bars.append(s)
            return .none
        }),
        ("imshow", { rt, ax, args, kw in
            let a = try BoundArgs("imshow", args, kw.filter { !["interpolation", "aspect", "vmin", "vmax", "alpha", "origin"].contains($0.0) }, ["X", "cmap"], required: 1)
            guard case .tensor(let t) = a["X"]! else { throw PyError.type("Image data of type \(a["X"]!.typeName) cannot be converted to float") }
            guard t.data.ndim == 2 else { throw PyError.type("Invalid shape \(Tensor.describe(t.data.shape)) for image data") }
            let cmap = try a["cmap"].map { try rt.str($0) } ?? NNTensorBinding.defaultColormap(rt)
            let vals = try t.data.to(.float32).scalars().map { Float($0) }
            ax.image = FigureImage(width: t.data.shape[1], height: t.data.shape[0], values: vals, colormap: cmap)
            return .none
        }),
        ("set_title", { rt, ax, args, kw in ax.title = try NNTensorBinding.text(rt, "title", args, kw); return .none }),
        ("set_xlabel", { rt, ax, args, kw in ax.xLabel = try NNTensorBinding.text(rt, "xlabel", args, kw); return .none }),
        ("set_ylabel", { rt, ax, args, kw in ax.yLabel = try NNTensorBinding.text(rt, "ylabel", args, kw); return .none }),
        ("set_xlim", { rt, ax, args, kw in ax.xLimits = try NNTensorBinding.limits(rt, "xlim", args, kw); return .none }),
        ("set_ylim", { rt, ax, args, kw in ax.yLimits = try NNTensorBinding.limits(rt, "ylim", args, kw); return .none }),
        ("legend", { _, ax, _, _ in ax.legend = true; return .none }),
        ("set_axis_off", { _, _, _, _ in .none }),
    ]

    static let pyplotMethodsInstalled: Bool = {
        for (name, m) in axesMethods {
            PyplotTypes.axes.dict[name] = .object(PyMethodDescr(name) { rt, recv, args, kw in
                guard case .object(let o) = recv, let ax = o as? PyAxes else {
                    throw PyError.type("descriptor '\(name)' for 'Axes' objects doesn't apply to a '\(recv.typeName)' object")
                }
                return try m(rt, ax, args, kw)
            })
        }
        for ignored in ["axis", "grid", "set_xticks", "set_yticks", "tick_params"] {
            PyplotTypes.axes.dict[ignored] = .object(PyMethodDescr(ignored) { _, _, _, _ in .none })
        }
        PyplotTypes.figure.dict["suptitle"] = .object(PyMethodDescr("suptitle") { rt, recv, args, _ in
            guard case .object(let o) = recv, let f = o as? PyFigure, let t = args.first else { return .none }
            f.title = try rt.str(t)
            return .none
        })
        PyplotTypes.figure.dict["tight_layout"] = .object(PyMethodDescr("tight_layout") { _, _, _, _ in .none })
        return true
    }()

    /// A series as doubles: a tensor (any shape, flattened), or a list/tuple of numbers and 0-d tensors.
    static func numbers(_ rt: Runtime, _ v: Value, _ fname: String) throws -> [Double] {
        if case .tensor(let t) = v { return try t.data.to(.float32).scalars() }
        if case .tscalar(let f) = v { return [Double(f)] }
        guard let items = TensorArgs.sequence(v) else {
            throw PyError.type("\(fname)(): data must be a list, tuple or tensor, not \(v.typeName)")
        }
        return try items.map { item in
            if case .tensor(let t) = item, t.data.numel == 1 { return try t.data.to(.float32).item() }
            return try TensorArgs.double(item, fname, "data")
        }
    }

    static func text(_ rt: Runtime, _ fname: String, _ args: [Value], _ kw: Kwargs) throws -> String {
        let a = try BoundArgs(fname, args, kw.filter { !["fontsize", "loc", "pad", "color", "fontweight"].contains($0.0) }, ["label"], required: 1)
        return try rt.str(a["label"] ?? .none)
    }

    static func limits(_ rt: Runtime, _ fname: String, _ args: [Value], _ kw: Kwargs) throws -> ClosedRange<Double>? {
        let a = try BoundArgs(fname, args, kw, ["left", "right"])
        var lo = a["left"], hi = a["right"]
        if let l = lo, let pair = TensorArgs.sequence(l), pair.count == 2 { lo = pair[0]; hi = pair[1] }
        guard let l = lo, let h = hi else { return nil }
        let x = try TensorArgs.double(l, fname, "left"), y = try TensorArgs.double(h, fname, "right")
        guard x.isFinite, y.isFinite else { throw PyError.value("Axis limits cannot be NaN or Inf") }
        return min(x, y)...max(x, y)
    }

    /// `mpl.rcParams['image.cmap']` when a lesson set it, else matplotlib's default.
    static func defaultColormap(_ rt: Runtime) -> String {
        if case .object(let rc as PyDict)? = rt.modules["matplotlib"]?.dict["rcParams"],
           case .str(let s)? = try? rc.get(.str("image.cmap")) { return s }
        return "viridis"
    }
}
