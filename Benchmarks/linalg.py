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


# A fresh numpy process runs small sgemm slowly until one large GEMM has run: prime it.
_p = np.ones((2048, 2048), dtype=np.float32)
_p @ _p

run([
    ("sgemm_1024", 7, square(1024)),
    ("sgemm_2048", 5, square(2048)),
    ("matmul_5x784_784x10", 11, forward),
])
