# float64 to the last digit where nnbook follows PyTorch's CPU order: var/std along a dim
# (Welford's update per output), the all-reduce var (two passes), and last-dim log_softmax
# (a row summed in 4-lane vector order, short rows here). softmax and longer rows are left
# out: PyTorch takes SLEEF's vector exp/log there, whose last bit differs now and then.
import torch

torch.manual_seed(0)
m = torch.randn(50, 37, dtype=torch.float64) * 3 + 1
print(m.var(1)[:5].tolist())
print(m.var(0)[:5].tolist(), m.std(0, keepdim=True).shape)
print(m.var(1, correction=0)[-3:].tolist(), m.std(1)[:3].tolist())
print(m.var(), m.std().item(), m[0].var().item())
c = torch.randn(4, 6, 5, dtype=torch.float64)
print(c.var((0, 2))[:3].tolist(), c.var(dim=1)[0].tolist())
print(torch.zeros(3, 0, dtype=torch.float64).var(1))
s = torch.tensor([[0.1, 0.2, 0.3], [1.0, 2.0, 3.0]], dtype=torch.float64)
print(s.log_softmax(1).tolist())
