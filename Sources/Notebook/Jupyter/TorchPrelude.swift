/// The Python side of nnbook's built-in names, run as the first cell of every exported
/// notebook so its `nn` cells run unchanged under CPython + PyTorch.
///
/// This is the only copy of the text: `tools/torch_prelude.py` (the conformance recorder's and
/// `torch_check.py`'s prelude) reads it from this file and runs it as its own body, so keep the
/// `#"""` and `"""#` lines as they are (a test runs that loader and compares).
enum TorchPrelude {
    /// The prelude's Python source.
    static let source = #"""
"""The nn names and lesson helpers, for running nn cells under CPython + PyTorch.

This is the oracle side of the contract in DESIGN.md section 3: an nn cell runs unchanged with
these names in scope and prints the same text as nnbook. The display helpers print the text
forms described in tools/README.md (nnbook also draws them in HTML; here text is all there is).
"""
import gzip
import math
import os
import struct

import torch
from torch import (tensor, zeros, ones, full, zeros_like, ones_like, full_like, rand_like,
                   randn_like, arange, linspace, eye, randn, rand, randint, randperm, manual_seed,
                   matmul, mm, einsum, cat, stack, where, no_grad)
from torch.nn.init import kaiming_normal_
from torch import nn, optim
import torch.nn.functional as F

try:  # in a notebook with matplotlib; the checkers' stand-in comes through __getattr__ below
    import matplotlib as mpl
    import matplotlib.pyplot as plt
except ImportError:
    pass

__all__ = ["tensor", "zeros", "ones", "full", "zeros_like", "ones_like", "full_like", "rand_like",
           "randn_like", "arange", "linspace", "eye", "randn", "rand", "randint", "randperm", "manual_seed",
           "matmul", "mm", "einsum", "cat", "stack", "where", "no_grad", "kaiming_normal_", "math",
           "test_eq", "test_near", "test_near_zero", "get_data", "read_idx",
           "show", "show_image", "hist", "plot", "stats",
           "torch", "nn", "F", "optim", "plt", "mpl"]


def __getattr__(name):
    """`plt` and `mpl` without matplotlib installed: the stand-in tools/nn_pyplot.py installs."""
    if name in ("plt", "mpl"):
        import importlib
        return importlib.import_module("matplotlib.pyplot" if name == "plt" else "matplotlib")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- tests -------------------------------------------------------------------------------------

def test_eq(a, b):
    """Equal values (tensors: same shape and every element equal)."""
    if isinstance(a, torch.Tensor) or isinstance(b, torch.Tensor):
        a, b = torch.as_tensor(a), torch.as_tensor(b)
        ok = a.shape == b.shape and bool((a == b).all())
    else:
        ok = a == b
    if not ok:
        raise AssertionError(f"test_eq failed:\n{a!r}\n!=\n{b!r}")


def _as_float_tensor(a):
    return a.detach().float() if isinstance(a, torch.Tensor) else torch.tensor(float(a))


def test_near(a, b):
    """Close values: allclose with rtol 1e-3, atol 1e-5 (shapes broadcast)."""
    a, b = _as_float_tensor(a), _as_float_tensor(b)
    if not torch.allclose(a, b, rtol=1e-3, atol=1e-5):
        raise AssertionError(f"test_near failed:\n{a!r}\n!~\n{b!r}")


def test_near_zero(a, tol=1e-3):
    """Every element of a has absolute value below tol."""
    a = _as_float_tensor(a)
    if not bool((a.abs() < tol).all()):
        raise AssertionError(f"test_near_zero failed: {a!r} (tolerance {tol})")


# --- data --------------------------------------------------------------------------------------

_IDX_TYPES = {0x08: torch.uint8, 0x09: torch.int8, 0x0B: torch.int16, 0x0C: torch.int32,
              0x0D: torch.float32, 0x0E: torch.float64}


def read_idx(path):
    """Read an IDX file (gzipped or not): integer data as int64, float data as float32."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: no such file (install the apt package "
                                "dataset-fashion-mnist, or set NNBOOK_DATA)") from None
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] not in _IDX_TYPES:
        raise ValueError(f"{path}: not an IDX file")
    ndim, dtype = raw[3], _IDX_TYPES[raw[2]]
    size, header = torch.empty(0, dtype=dtype).element_size(), 4 + 4 * ndim
    dims = struct.unpack(f">{ndim}I", raw[4:header]) if len(raw) >= header else None
    count = math.prod(dims) if dims is not None else 0
    body = raw[header:]
    if dims is None or len(body) < count * size:
        raise ValueError(f"{path}: truncated IDX file")
    t = torch.frombuffer(bytearray(body[:count * size]), dtype=torch.uint8)
    if size > 1:  # IDX stores big-endian numbers
        t = t.view(-1, size).flip(1).contiguous()
    t = t.view(dtype).reshape(dims)
    return t.float() if dtype.is_floating_point else t.long()


def get_data():
    """Fashion-MNIST: (x_train, y_train, x_valid, y_valid), 50,000 + 10,000 images."""
    root = os.environ.get("NNBOOK_DATA") or "/usr/share/datasets/fashion-mnist"
    x = read_idx(os.path.join(root, "train-images-idx3-ubyte.gz"))
    y = read_idx(os.path.join(root, "train-labels-idx1-ubyte.gz"))
    x = x.reshape(x.shape[0], -1).float() / 255
    y = y.long()
    return x[:50000], y[:50000], x[50000:], y[50000:]


# --- displays (text forms) ---------------------------------------------------------------------

def _num(v):
    s = f"{float(v):.4f}"
    return "0.0000" if s == "-0.0000" else s


def show(x):
    """Math strings ($$...$$) display as math; anything else is printed."""
    if isinstance(x, str) and len(x) >= 4 and x.startswith("$$") and x.endswith("$$"):
        print(f"<math: {x[2:-2].strip()}>")
    else:
        print(x)


def show_image(t):
    """A grayscale image: a 2-D tensor, or a 784-vector seen as 28x28."""
    if t.dim() == 1 and t.numel() == 784:
        t = t.reshape(28, 28)
    if t.dim() != 2:
        raise ValueError(f"show_image expects a 2-D tensor or a 784-vector, got shape {list(t.shape)}")
    print(f"<image {t.shape[0]}x{t.shape[1]}>")


def hist(t, bins=40):
    """A histogram of every element of t."""
    t = t.detach().float()
    print(f"<histogram: {t.numel()} values, {bins} bins, range [{_num(t.min())}, {_num(t.max())}]>")


def _is_series(v):
    return isinstance(v, (list, tuple, torch.Tensor))


def plot(*args, title=None, xlabel=None, ylabel=None, labels=None):
    """plot(ys) or plot(xs, ys); ys is one series or a list of series."""
    if len(args) == 1:
        xs, ys = None, args[0]
    elif len(args) == 2:
        xs, ys = args
    else:
        raise TypeError(f"plot() takes 1 or 2 positional arguments but {len(args)} were given")
    series = list(ys) if isinstance(ys, (list, tuple)) and len(ys) > 0 and _is_series(ys[0]) else [ys]
    points = max(len(s) for s in series)
    name = f' "{title}"' if title is not None else ""
    print(f"<plot{name}: {len(series)} series, {points} points>")


def stats(t):
    """Activation stats: shape, mean, std, min, max as a two-line table."""
    t = t.detach().float()
    header = ["shape", "mean", "std", "min", "max"]
    row = ["[" + ", ".join(str(d) for d in t.shape) + "]",
           _num(t.mean()), _num(t.std()), _num(t.min()), _num(t.max())]
    widths = [max(len(h), len(r)) for h, r in zip(header, row)]

    def line(cells):
        first = cells[0].ljust(widths[0])
        return "  ".join([first] + [c.rjust(w) for c, w in zip(cells[1:], widths[1:])])
    print(line(header))
    print(line(row))
"""#
}
