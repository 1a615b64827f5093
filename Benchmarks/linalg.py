"""Reference for the `linalg` group: numpy's a @ b on the same shapes (float32)."""
import numpy as np

from benchlib import run


def square(n):
    def prepare():
        rng = np.random.default_rng(0)
        a = rng.standard_normal((n, n), dtype=np.float32)
        b = rng.standard_normal((n, n), dtype=np.float32)
        return lambda: a @ b
    return prepare


def forward():
    rng = np.random.default_rng(0)
    a = rng.standard_normal((5, 784), dtype=np.float32)
    b = rng.standard_normal((784, 10), dtype=np.float32)
    return lambda: a @ b


def linear(m, k, n):
    """nn.Linear's forward: x [m, k] @ W.T with W [n, k]."""
    def inner():
        rng = np.random.default_rng(0)
        x = rng.standard_normal((m, k), dtype=np.float32)
        w = rng.standard_normal((n, k), dtype=np.float32)
        return lambda: x @ w.T
    return inner


def minibatch(m, k, n, forward=True):
    """x [m, k] @ w [k, n], then g @ w.T and x.T @ g (the backward pass), as LinalgBenches.swift."""
    def prepare(call):
        def inner():
            rng = np.random.default_rng(0)
            x = rng.standard_normal((m, k), dtype=np.float32)
            w = rng.standard_normal((k, n), dtype=np.float32)
            g = rng.standard_normal((m, n), dtype=np.float32)
            return lambda: call(x, w, g)
        return inner
    out = []
    if forward:
        out.append((f"mm_{m}x{k}_{k}x{n}", 11, prepare(lambda x, w, g: x @ w)))
        out.append((f"mm_{m}x{k}_{n}x{k}.T", 11, linear(m, k, n)))
    out.append((f"mm_{m}x{n}_{k}x{n}.T", 11, prepare(lambda x, w, g: g @ w.T)))
    out.append((f"mm_{m}x{k}.T_{m}x{n}", 11, prepare(lambda x, w, g: x.T @ g)))
    return out


# A fresh numpy process runs small sgemm slowly until one large GEMM has run: prime it.
_p = np.ones((2048, 2048), dtype=np.float32)
_p @ _p

run([
    ("sgemm_1024", 7, square(1024)),
    ("sgemm_2048", 5, square(2048)),
    ("matmul_5x784_784x10", 11, forward),
] + minibatch(5, 784, 10, forward=False) + minibatch(64, 784, 50) + minibatch(64, 50, 10))
