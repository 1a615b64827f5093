"""Reference for the `elementwise` group: numpy over 10M float32 values."""
import numpy as np

from benchlib import run


def ten_million(op):
    def prepare():
        rng = np.random.default_rng(0)
        a = rng.random(10_000_000, dtype=np.float32)
        b = rng.random(10_000_000, dtype=np.float32)
        return lambda: op(a, b)
    return prepare


run([
    ("add_10M", 7, ten_million(lambda a, b: a + b)),
    ("mul_10M", 7, ten_million(lambda a, b: a * b)),
    ("sum_10M", 7, ten_million(lambda a, b: a.sum())),
    ("mean_10M", 7, ten_million(lambda a, b: a.mean())),
])
