# Minibatch products of every depth to the last bit, as PyTorch's x86 build computes them
# (MKL's AVX2 sgemm): up to 192 terms one fused multiply-add chain; from 193 to 383 two chains
# of k // 2 terms, the second added to the first, and an odd last term multiplied and added on
# its own; from 384 on chains of 192 added in order; addmm's bias first. Each value below is a
# running checksum over every element's exact value: one differing bit changes it.
# requires: avx2-kernels (x86-64 with AVX2 and FMA: our kernels; BLAS elsewhere sums otherwise)
import torch
import torch.nn.functional as F

def ck(t):
    s = 0.0
    for v in t.detach().double().flatten().tolist():
        s = s * 0.9990234375 + v
    return repr(s)

torch.manual_seed(0)
for k in [150, 192, 193, 200, 251, 300, 383, 384, 385, 400, 600]:
    a = torch.randn(64, k)
    b = torch.randn(k, 50)
    w = torch.randn(50, k) * 0.1
    bias = torch.randn(50)
    g = torch.randn(k, 64)
    print(k, ck(a @ b), ck(F.linear(a, w, bias)), ck(g.t() @ b))
