# Patterns of the fast.ai course notebooks (issue 13's port) beyond the plain API.
# `import a.b` with no earlier `import a` loads the package and binds it.
import torch.nn
print(type(torch).__name__, torch.__name__, torch.nn.Linear(3, 2).weight.shape)
import pickle, gzip, math
print(pickle.__name__, gzip.__name__, math.__name__)
from torch.utils import data
print(data is torch.utils.data)

# Patching torch.Tensor as 05_anneal does (`torch.Tensor.ndim = property(...)`).
torch.Tensor.ndim = property(lambda x: len(x.shape))
print(torch.ones(2, 3).ndim, torch.zeros(4).ndim)
torch.Tensor.rows = property(lambda x: x.shape[0])
torch.Tensor.twice = lambda self: self * 2
print(torch.ones(5, 2).rows, torch.tensor([1., 2.]).twice())

# super().__setattr__ from an nn.Module subclass: Module's dunders bind like methods.
from torch import nn


class Logged(nn.Module):
    def __init__(self, n_in, nh, n_out):
        super().__init__()
        self.l1 = nn.Linear(n_in, nh)
        self.l2 = nn.Linear(nh, n_out)
        self.note = 'hi'

    def __setattr__(self, k, v):
        print('set', k, type(v).__name__)
        super().__setattr__(k, v)

    def forward(self, x):
        return self.l2(self.l1(x).relu())


torch.manual_seed(0)
m = Logged(4, 3, 2)
print(m)
print([n for n, _ in m.named_parameters()], m.note)
print(m(torch.ones(1, 4)).shape)
m.__setattr__('extra', nn.Linear(2, 2))
nn.Module.__setattr__(m, 'tag', 5)
print([n for n, _ in m.named_children()], m.tag)
print(m.__repr__().splitlines()[0])

# Registered parameters are nn.Parameter; plain tensors are not.
print(all(isinstance(p, nn.Parameter) for p in m.parameters()))
print(isinstance(torch.ones(2), nn.Parameter), isinstance(m.l1.weight, torch.Tensor))
p = nn.Parameter(torch.zeros(2))
print(isinstance(p, nn.Parameter), isinstance(p, (int, nn.Parameter)), p.requires_grad)
print(isinstance(3, nn.Parameter), issubclass(nn.Parameter, torch.Tensor))
