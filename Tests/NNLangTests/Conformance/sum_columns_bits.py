# Column sums of small float32 matrices (x.sum(0), a Linear bias's gradient over a minibatch)
# to the last bit, in PyTorch's CPU order: whole chunks of 32 columns run the rows down a
# cascade (sums of 16 rows added in order), the other columns sum 4 interleaved rows at a time,
# left-over rows going to the first of the 4 sums. Each value below is a running checksum over
# every element's exact value: one differing bit changes it.
import torch

def ck(t):
    s = 0.0
    for v in t.detach().double().flatten().tolist():
        s = s * 0.9990234375 + v
    return repr(s)

torch.manual_seed(0)
for rows, cols in [(64, 10), (64, 50), (64, 784), (16, 50), (37, 50), (18, 33), (100, 65), (3, 40),
                   (300, 10), (64, 64)]:
    g = torch.randn(rows, cols) * 0.01
    print(rows, cols, ck(g.sum(0)), ck(g.sum(0, keepdim=True)), ck(g.mean(0)))
lin = torch.nn.Linear(20, 50)
x = torch.randn(64, 20)
lin(x).pow(2).sum().backward()
print(ck(lin.bias.grad))
