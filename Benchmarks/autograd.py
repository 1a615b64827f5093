"""Reference for the `autograd` group: the lesson's MLP (50000x784 -> 50 -> relu -> 1, MSE),
forward plus the hand-written backward of fast.ai lesson 8 in numpy (float32), on data of the
same sizes as Sources/NNBench/AutogradBenches.swift.

`mlp_forward_backward` is the lesson's forward_and_backward: lin_grad computes inp.g = out.g @ w.T
for both layers (the input's gradient too) and w.g = inp.T @ out.g. `mlp_forward_backward_params`
skips the first layer's input gradient, the work autograd does when the input needs no grad.
`mlp_nn_forward_backward` is the lesson's reference again, against the model written in nn
(Benchmarks/autograd_mlp.nn)."""
import numpy as np

from benchlib import run

N, M, H = 50000, 784, 50


def data():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((N, M), dtype=np.float32)
    y = rng.standard_normal(N, dtype=np.float32)
    w1 = rng.standard_normal((M, H), dtype=np.float32) / np.float32(np.sqrt(M))
    b1 = np.zeros(H, dtype=np.float32)
    w2 = rng.standard_normal((H, 1), dtype=np.float32) / np.float32(np.sqrt(H))
    b2 = np.zeros(1, dtype=np.float32)
    return x, y, w1, b1, w2, b2


def step(x, y, w1, b1, w2, b2, input_grad):
    l1 = x @ w1 + b1
    l2 = np.maximum(l1, 0)
    out = l2 @ w2 + b2
    loss = ((out[:, 0] - y) ** 2).mean()
    out_g = (2.0 * (out[:, 0] - y) / out.shape[0])[:, None].astype(np.float32)
    w2_g = l2.T @ out_g
    b2_g = out_g.sum(0)
    l2_g = out_g @ w2.T
    l1_g = (l1 > 0).astype(np.float32) * l2_g
    w1_g = x.T @ l1_g
    b1_g = l1_g.sum(0)
    x_g = l1_g @ w1.T if input_grad else None
    return loss, w1_g, b1_g, w2_g, b2_g, x_g


def bench(input_grad):
    def prepare():
        args = data()
        return lambda: step(*args, input_grad)
    return prepare


_p = np.ones((2048, 2048), dtype=np.float32)
_p @ _p

run([
    ("mlp_forward_backward", 5, bench(True)),
    ("mlp_forward_backward_params", 5, bench(False)),
    ("mlp_nn_forward_backward", 5, bench(True)),
])
