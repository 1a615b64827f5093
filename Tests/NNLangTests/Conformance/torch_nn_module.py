# nn.Module, Linear (PyTorch's initialisation, bit for bit), Sequential, parameters, repr.
import torch
from torch import nn
import torch.nn.functional as F

torch.manual_seed(0)
lin = nn.Linear(3, 2)
print(lin)
print(lin.weight.tolist())
print(lin.bias.tolist())
print(lin.weight.shape, lin.bias.requires_grad, lin.in_features, lin.out_features)
print(lin.weight)
y = lin(torch.ones(4, 3))
print(y.shape)


class Model(nn.Module):
    def __init__(self, n_in, nh, n_out):
        super().__init__()
        self.l1 = nn.Linear(n_in, nh)
        self.relu = nn.ReLU()
        self.l2 = nn.Linear(nh, n_out)
        self.note = "not a module"

    def forward(self, x):
        return self.l2(self.relu(self.l1(x)))


torch.manual_seed(1)
m = Model(4, 5, 3)
print(m)
for name, p in m.named_parameters():
    print(name, p.shape)
print([c.__class__.__name__ for c in m.children()])
print([n for n, _ in m.named_children()])
print(len(list(m.parameters())), len(list(m.modules())))
x = torch.randn(6, 4)
out = m(x)
print(out.shape, out.requires_grad)
loss = F.cross_entropy(out, torch.tensor([0, 1, 2, 0, 1, 2]))
loss.backward()
print(m.l1.weight.grad.shape, m.l2.bias.grad)
m.zero_grad()
print(m.l1.weight.grad, m.training, m.eval() is m, m.training, m.l1.training)
m.train()
print(m.l2.training)

torch.manual_seed(2)
seq = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
print(seq)
print(len(seq), seq[0], seq[-1].out_features)
print(seq(torch.ones(1, 4)))
print([n for n, _ in seq.named_parameters()])
layers = nn.ModuleList([nn.Linear(2, 2), nn.ReLU()])
print(len(layers), [type(l).__name__ for l in layers])
p = nn.Parameter(torch.ones(2))
print(p)
print(p.requires_grad)
m2 = nn.Module()
m2.add_module("lin", nn.Linear(1, 1, bias=False))
print(m2, m2.lin.bias)
print(nn.Flatten()(torch.ones(2, 3, 4)).shape)
try:
    lin(torch.ones(2, 4))
except RuntimeError as e:
    print("RuntimeError:", e)
d = nn.ModuleDict({"a": nn.ReLU(), "b": nn.Linear(2, 1)})
d["c"] = nn.Flatten()
print(len(d), list(d), "b" in d, "z" in d, type(d["b"]).__name__)
print([k for k, v in d.items()], len(list(d.parameters())))
print(d)
