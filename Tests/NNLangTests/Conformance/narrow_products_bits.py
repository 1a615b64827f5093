# Small float32 products with few columns or few rows to the last bit, as PyTorch's x86 build
# computes them (MKL): with at most 11 columns every element is a chain of separate multiplies
# and adds (the first ones of a row of C not on a 16-byte boundary, when 4 columns or more
# follow it, in blocks of 4 + 4); with more columns but at most 11 rows, the rows in whole
# groups of 4 are fused multiply-add chains and the rest as above; else all fused. `g.t() @ h`
# is a Linear's weight gradient. Each value below is a running checksum over every element's
# exact value: one differing bit changes it.
# requires: avx2-kernels (x86-64 with AVX2 and FMA: our small kernel; BLAS elsewhere sums otherwise)
import torch

def ck(t):
    s = 0.0
    for v in t.detach().double().flatten().tolist():
        s = s * 0.9990234375 + v
    return repr(s)

torch.manual_seed(0)
for m, k, n in [(64, 50, 10), (5, 784, 10), (7, 21, 6), (10, 64, 50), (11, 37, 30), (50, 64, 10),
                (13, 64, 50), (2, 64, 50), (9, 13, 17), (8, 64, 50), (3, 50, 3), (64, 50, 5),
                (64, 50, 2), (33, 40, 7), (40, 5, 10), (9, 7, 6)]:
    a = torch.randn(m, k)
    b = torch.randn(k, n)
    g = torch.randn(k, m)
    print(m, k, n, ck(a @ b), ck(g.t() @ b))
lin = torch.nn.Linear(50, 10)
h = torch.relu(torch.randn(64, 50))
lin(h).pow(2).sum().backward()
print(ck(lin.weight.grad))
