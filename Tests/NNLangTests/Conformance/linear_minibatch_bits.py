# A minibatch's float32 Linear forward to the last bit, as PyTorch's x86 build computes it (MKL's
# AVX2 sgemm: k summed in 192-deep multiply-add chains added up in order, addmm's bias first).
# Each value below is a running checksum over every element's exact value: one differing bit in
# one element changes it.
# requires: avx2-kernels (x86-64 with AVX2 and FMA: our medium kernel; BLAS elsewhere sums otherwise)
import torch
import torch.nn.functional as F

def ck(t):
    s = 0.0
    for v in t.detach().double().flatten().tolist():
        s = s * 0.9990234375 + v
    return repr(s)

torch.manual_seed(0)
for rows, k, n in [(64, 784, 50), (128, 784, 50), (64, 500, 30), (64, 1000, 50), (50, 64, 784)]:
    x = torch.randn(rows, k)
    w = torch.randn(n, k) * 0.05
    b = torch.randn(n)
    print(rows, k, n, ck(x @ w.T), ck(F.linear(x, w, b)), ck(x @ w.T + b))
lin = torch.nn.Linear(784, 50)
x = torch.rand(64, 784)
print(ck(lin(x)), ck(torch.mm(x, lin.weight.t())))
