"""The oracle side of nnbook's pyplot: `matplotlib` and `matplotlib.pyplot` stand-ins that
record what lesson code draws and print the figure's text form where nnbook shows the figure
(`plt.show()`, or the end of a notebook cell, as Jupyter's inline backend does).

The text form is nnbook's (Sources/NNLang/Figure.swift): `<figure: plot "t": 2 series, 3 points,
y in [1.0000, 7.0000], labels "a", "b">`. Installed by torch_prelude.install_pyplot().
"""
import math
import sys
import types

import torch


def _number(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "-inf" if v < 0 else "inf"
    s = f"{v:.4f}"
    return "0.0000" if s == "-0.0000" else s


def _numbers(v):
    if isinstance(v, torch.Tensor):
        return [float(x) for x in v.detach().float().reshape(-1).tolist()]
    return [float(x.item()) if isinstance(x, torch.Tensor) else float(x) for x in v]


class Axes:
    def __init__(self):
        self.lines, self.bars, self.image = [], [], None
        self.title = None

    def plot(self, *args, label=None, **kw):
        data = [a for a in args if not isinstance(a, str)]
        ys = _numbers(data[-1])
        xs = _numbers(data[0]) if len(data) == 2 else list(range(len(ys)))
        if len(xs) != len(ys):
            raise ValueError(f"x and y must have same first dimension, but have shapes ({len(xs)},) and ({len(ys)},)")
        self.lines.append((label, ys))

    def hist(self, x, bins=10, range=None, **kw):
        vals = _numbers(x)
        finite = [v for v in vals if math.isfinite(v)]
        lo, hi = (min(finite), max(finite)) if finite else (0.0, 0.0)
        counts = [0.0] * bins
        width = (hi - lo) / bins if hi > lo else 1.0
        for v in finite:
            f = (v - lo) / width if hi > lo else 0.0
            k = min(bins - 1, max(0, int(min(f, float(bins))))) if math.isfinite(f) else 0
            counts[k] += 1
        self.bars.append((None, counts))

    def imshow(self, X, cmap=None, **kw):
        if X.dim() != 2:
            raise TypeError(f"Invalid shape {tuple(X.shape)} for image data")
        cmap = cmap or _rc.get("image.cmap", "viridis")
        self.image = (X.shape[0], X.shape[1], _numbers(X), cmap)

    def set_title(self, label, **kw): self.title = str(label)
    def set_xlabel(self, label, **kw): pass
    def set_ylabel(self, label, **kw): pass
    def set_xlim(self, *a, **kw): pass
    def set_ylim(self, *a, **kw): pass
    def legend(self, *a, **kw): pass
    def set_axis_off(self): pass
    def axis(self, *a, **kw): pass
    def grid(self, *a, **kw): pass

    def text(self):
        name = f' "{self.title}"' if self.title is not None else ""
        if self.image is not None:
            h, w, vals, cmap = self.image
            finite = [v for v in vals if math.isfinite(v)]
            lo, hi = (min(finite), max(finite)) if finite else (0.0, 0.0)
            return f"image{name} {h}x{w} {cmap}, values in [{_number(lo)}, {_number(hi)}]"
        series = self.lines or self.bars
        if not series:
            return "empty" if self.title is None else f"plot{name}: 0 series, 0 points"
        kind = "plot" if self.lines else "bars"
        points = max(len(ys) for _, ys in series)
        s = f"{kind}{name}: {len(series)} series, {points} points"
        ys = [y for _, y_list in series for y in y_list if math.isfinite(y)]
        if ys:
            s += f", y in [{_number(min(ys))}, {_number(max(ys))}]"
        labels = [label for label, _ in series if label is not None]
        if labels:
            s += ", labels " + ", ".join(f'"{label}"' for label in labels)
        return s


class Figure:
    def __init__(self, rows, cols):
        self.rows, self.cols, self.title = rows, cols, None
        self.axes = [Axes() for _ in range(rows * cols)]

    def suptitle(self, t, **kw): self.title = str(t)
    def tight_layout(self, *a, **kw): pass

    def text(self):
        grid = "" if self.rows == 1 and self.cols == 1 else f" {self.rows}x{self.cols}"
        name = f' "{self.title}"' if self.title is not None else ""
        return f"<figure{grid}{name}: " + " | ".join(a.text() for a in self.axes) + ">"


_rc = {}
_state = {"figure": None, "axes": None}


def _axes():
    if _state["axes"] is None:
        if _state["figure"] is None:
            _state["figure"] = Figure(1, 1)
        _state["axes"] = _state["figure"].axes[0]
    return _state["axes"]


def show(*a, **kw):
    f = _state["figure"]
    _state["figure"] = _state["axes"] = None
    if f is not None and any(ax.text() != "empty" for ax in f.axes):
        print(f.text())


def figure(*a, **kw):
    show()
    f = Figure(1, 1)
    _state["figure"], _state["axes"] = f, f.axes[0]
    return f


def subplots(nrows=1, ncols=1, figsize=None, **kw):
    show()
    f = Figure(nrows, ncols)
    _state["figure"], _state["axes"] = f, f.axes[0]
    if nrows == 1 and ncols == 1:
        return f, f.axes[0]
    if nrows == 1 or ncols == 1:
        return f, list(f.axes)
    return f, [[f.axes[r * ncols + c] for c in range(ncols)] for r in range(nrows)]


def suptitle(t, **kw):
    _axes()
    _state["figure"].title = str(t)


def close(*a, **kw):
    _state["figure"] = _state["axes"] = None


def _install():
    pyplot = types.ModuleType("matplotlib.pyplot")
    for name in ["plot", "hist", "imshow", "legend"]:
        setattr(pyplot, name, (lambda n: lambda *a, **kw: getattr(_axes(), n)(*a, **kw))(name))
    for name in ["title", "xlabel", "ylabel", "xlim", "ylim"]:
        setattr(pyplot, name, (lambda n: lambda *a, **kw: getattr(_axes(), "set_" + n)(*a, **kw))(name))
    for name, fn in [("show", show), ("figure", figure), ("subplots", subplots), ("suptitle", suptitle),
                     ("close", close), ("gca", _axes), ("gcf", lambda: (_axes(), _state["figure"])[1])]:
        setattr(pyplot, name, fn)
    for name in ["tight_layout", "grid", "savefig", "axis", "xticks", "yticks", "colorbar", "subplots_adjust"]:
        setattr(pyplot, name, lambda *a, **kw: None)
    mpl = types.ModuleType("matplotlib")
    mpl.pyplot, mpl.rcParams = pyplot, _rc
    sys.modules["matplotlib"], sys.modules["matplotlib.pyplot"] = mpl, pyplot
    return pyplot
