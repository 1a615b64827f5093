"""Reference for the `reductions` group: numpy on a 50000x784 float32 matrix."""
import numpy as np

from benchlib import run


def matrix(op):
    def prepare():
        x = np.random.default_rng(0).random((50000, 784), dtype=np.float32)
        return op(x)
    return prepare


def sub_rowvec(x):
    m = x.mean(0)
    return lambda: x - m


def gather_rows(x):
    idx = np.arange(0, 50000, 7)
    return lambda: x[idx]


run([
    ("sum_dim0_50000x784", 5, matrix(lambda x: lambda: x.sum(0))),
    ("mean_dim1_50000x784", 5, matrix(lambda x: lambda: x.mean(1))),
    ("std_all_50000x784", 5, matrix(lambda x: lambda: x.std(ddof=1))),
    ("amax_all_50000x784", 5, matrix(lambda x: lambda: x.max())),
    ("argmax_dim0_50000x784", 5, matrix(lambda x: lambda: x.argmax(0))),
    ("sub_rowvec_50000x784", 5, matrix(sub_rowvec)),
    ("add_transposed_50000x784", 5, matrix(lambda x: lambda: x.T + x.T)),
    ("gather_rows_50000x784", 5, matrix(gather_rows)),
])
