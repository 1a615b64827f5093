# A classifier's last Linear (x @ w.T with 2 to 11 outputs) to the last bit, as PyTorch's x86
# build computes it: MKL sums each element as a dot product, the terms before A's row reaches a
# 16-byte boundary first, then 4 lanes (8 for the n % 4 last columns) of multiplies and adds,
# the lanes as a tree, the rest one by one; addmm's bias added last. Each value below is a
# running checksum over every element's exact value: one differing bit changes it.
# requires: avx2-kernels (x86-64 with AVX2 and FMA: our dot kernel; BLAS elsewhere sums otherwise)
import torch
import torch.nn.functional as F

def ck(t):
    s = 0.0
    for v in t.detach().double().flatten().tolist():
        s = s * 0.9990234375 + v
    return repr(s)

torch.manual_seed(0)
for rows, k, n in [(64, 50, 10), (64, 50, 11), (64, 50, 2), (64, 50, 5), (3, 50, 10), (64, 3, 10),
                   (64, 51, 7), (1000, 50, 10), (64, 784, 10), (33, 129, 9)]:
    x = torch.randn(rows, k)
    w = torch.randn(n, k) * 0.1
    b = torch.randn(n)
    print(rows, k, n, ck(x @ w.T), ck(F.linear(x, w, b)), ck(torch.mm(x[1:], w.t())))
lin = torch.nn.Linear(50, 10)
h = torch.relu(torch.randn(64, 50))
print(ck(lin(h)), ck(lin(h[1:])))
