# Imports as PyTorch code writes them, with CPython's binding rules.
import torch
print(type(torch).__name__, torch.__name__)
print(torch.tensor([1., 2.]) * 2)
print(torch.zeros(2, 3).shape, torch.Size([2, 3]), torch.Size([2, 3]) == (2, 3))
print(torch.float32, torch.float, torch.int64, torch.long, torch.bool)
print(torch.arange(6).view(2, 3).dtype == torch.int64, torch.is_tensor(torch.ones(1)), torch.is_tensor(3))
print(isinstance(torch.ones(2), torch.Tensor))
torch.manual_seed(1)
a = torch.randn(3)
torch.manual_seed(1)
print(torch.equal(a, torch.randn(3)))
with torch.no_grad():
    w = torch.ones(2, requires_grad=True)
    print((w * 2).requires_grad)

import torch as t
print(t is torch, t.ones(2))

import torch.nn
print(torch.nn.functional.relu(torch.tensor([-1., 1.])))
import torch.nn.functional as F
print(F is torch.nn.functional, F.relu(torch.tensor([-2., 3.])))
from torch import nn, optim, tensor
print(nn is torch.nn, optim is torch.optim, tensor([1, 2]))
from torch.nn import init
print(init is torch.nn.init, nn.init is init, nn.functional is F)
import torch.nn as nn2
print(nn2 is nn)
from torch.nn import functional as F2
print(F2 is F)
import torch.utils.data
print(torch.utils.data is torch.utils.data)
from torch.nn.functional import cross_entropy, softmax
print(softmax(torch.tensor([0., 0.]), dim=0))

try:
    import torch.nosuch
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", str(e).replace(".", "/"))
try:
    from torch import nosuch
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import torch.nn.nosuch.sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", str(e).replace(".", "/"))
try:
    import nosuchpkg.sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
import math, torch.nn.functional
print(math.pi > 3, torch.nn.functional is F)
import nosuch_module
