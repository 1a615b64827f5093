# `import a.b` loads a.b but binds the top package `a`; `import a.b as x` binds a.b. The fast.ai
# notebooks rely on it: after `import torch.nn`, `torch` is still the package, so `torch.randn`
# and the names defined before it keep working.
import torch
def model(xb):
    return xb * 2
import torch.nn
print(torch.randn(2, 3).shape, torch.nn is not torch, model(torch.ones(1)))
import torch.nn.functional
print(torch.nn.functional.relu(torch.tensor([-1., 2.])), torch.zeros(1))
import torch.nn as tnn, torch.nn.init
print(tnn is torch.nn, torch.nn.init is tnn.init)

def inside():
    import torch.utils.data
    return torch.utils.data is not None, torch.tensor([3]).item()
print(inside())

class Holder:
    import torch.nn.functional
    bound = torch.ones(2).sum().item()
print(Holder.bound, Holder.torch is torch)

from torch.nn import functional, init
print(functional is torch.nn.functional, init is torch.nn.init)
from torch import nn
print(nn is torch.nn, nn.functional is functional)

# The class rebinds `model`; the call goes to the instance's __call__, not the old function.
class Model:
    def __call__(self, x, targ):
        return (x - targ).abs().sum().item()
model = Model()
print(model(torch.ones(3), torch.zeros(3)))
