# PyTorch's x86 build computes a minibatch MLP's float32 arithmetic in MKL's and its own
# summation orders; nnbook's kernels follow them to the last bit. Each value below is a running
# checksum over every element's exact value: one differing bit in one element changes it.
# Sections, in the order a training step meets them:
#   1. Linear's forward, k summed in 192-deep fused multiply-add chains added in order, addmm's
#      bias first; from 193 to 383 terms two chains of k // 2 and an odd last term multiplied
#      and added on its own.
#   2. A classifier's last Linear (x @ w.T, 2 to 11 outputs): each element a dot product - the
#      terms before A's row reaches a 16-byte boundary first, then 4 lanes (8 for the n % 4 last
#      columns) of separate multiplies and adds, the lanes as a tree, the rest one by one.
#   3. Products with at most 11 columns (or, with more, at most 11 rows for the rows not in whole
#      groups of 4): chains of separate multiplies and adds; `g.t() @ h` is a weight gradient.
#   4. Column sums (a bias's gradient): chunks of 32 columns cascade the rows in sums of 16, the
#      other columns sum 4 interleaved rows.
#   5. Three SGD steps of Linear 784 -> 50, ReLU, Linear 50 -> 10 with the loss's gradient given
#      (log_softmax's own exp and log are not PyTorch's yet).
# requires: avx2-kernels (x86-64 with AVX2 and FMA: our kernels; BLAS elsewhere sums otherwise)
import torch
import torch.nn.functional as F
from torch import nn, optim

def ck(t):
    s = 0.0
    for v in t.detach().double().flatten().tolist():
        s = s * 0.9990234375 + v
    return repr(s)

# 1. Linear's forward, by depth
torch.manual_seed(0)
for rows, k, n in [(64, 784, 50), (128, 784, 50), (64, 500, 30), (64, 1000, 50), (50, 64, 784)]:
    x = torch.randn(rows, k)
    w = torch.randn(n, k) * 0.05
    b = torch.randn(n)
    print(rows, k, n, ck(x @ w.T), ck(F.linear(x, w, b)), ck(x @ w.T + b))
lin = torch.nn.Linear(784, 50)
x = torch.rand(64, 784)
print(ck(lin(x)), ck(torch.mm(x, lin.weight.t())))
torch.manual_seed(0)
for k in [150, 192, 193, 200, 251, 300, 383, 384, 385, 400, 600]:
    a = torch.randn(64, k)
    b = torch.randn(k, 50)
    w = torch.randn(50, k) * 0.1
    bias = torch.randn(50)
    g = torch.randn(k, 64)
    print(k, ck(a @ b), ck(F.linear(a, w, bias)), ck(g.t() @ b))

# 2. narrow x @ w.T
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

# 3. few columns or few rows
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

# 4. column sums
torch.manual_seed(0)
for rows, cols in [(64, 10), (64, 50), (64, 784), (16, 50), (37, 50), (18, 33), (100, 65), (3, 40),
                   (300, 10), (64, 64)]:
    g = torch.randn(rows, cols) * 0.01
    print(rows, cols, ck(g.sum(0)), ck(g.sum(0, keepdim=True)), ck(g.mean(0)))
lin = torch.nn.Linear(20, 50)
x = torch.randn(64, 20)
lin(x).pow(2).sum().backward()
print(ck(lin.bias.grad))

# 5. training steps
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(784, 50), nn.ReLU(), nn.Linear(50, 10))
opt = optim.SGD(model.parameters(), lr=0.5)
for step in range(3):
    x = torch.rand(64, 784)
    out = model(x)
    out.backward(torch.randn(64, 10) * 0.01)
    print(step, ck(out), *[ck(p.grad) for p in model.parameters()])
    opt.step()
    opt.zero_grad()
print(*[ck(p) for p in model.parameters()])
x = torch.rand(16, 784)
model(x).backward(torch.randn(16, 10) * 0.01)
print(*[ck(p.grad) for p in model.parameters()])
