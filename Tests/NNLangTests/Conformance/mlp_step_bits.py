# Three SGD steps of a minibatch MLP (Linear 784 -> 50, ReLU, Linear 50 -> 10, lr 0.5) to the
# last bit, as PyTorch's x86 build computes them, with the loss's gradient given (log_softmax's
# own exp and log are not PyTorch's yet): both forward products, the three backward products,
# the bias gradients' column sums and the fused step. Each value below is a running checksum
# over every element's exact value: one differing bit changes it.
# requires: avx2-kernels (x86-64 with AVX2 and FMA: our kernels; BLAS elsewhere sums otherwise)
import torch
from torch import nn, optim

def ck(t):
    s = 0.0
    for v in t.detach().double().flatten().tolist():
        s = s * 0.9990234375 + v
    return repr(s)

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
