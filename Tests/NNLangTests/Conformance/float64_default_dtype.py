# torch.set_default_dtype(torch.float64): float factories and Python-float tensors become
# float64, integers stay int64; set back to float32 restores the old default.
import torch
from torch import nn

print(torch.get_default_dtype())
torch.set_default_dtype(torch.float64)
print(torch.get_default_dtype())
print(torch.tensor([1., 2.]), torch.tensor(0.1).dtype, torch.tensor([1, 2]).dtype)
torch.manual_seed(0)
print(torch.randn(3), torch.rand(2).dtype)
print(torch.zeros(2), torch.ones(2, 2).dtype, torch.empty(1).dtype, torch.full((2,), 0.1))
print(torch.arange(0., 1., 0.25), torch.arange(3).dtype, torch.arange(0, 1, 0.5).dtype)
print(torch.linspace(0, 1, 3), torch.eye(2).dtype)
print(torch.tensor([1, 2]).float().dtype, (torch.tensor([1, 2]) / 2).dtype, (torch.tensor([1, 2]) * 0.5).dtype)
print(torch.tensor([True]).dtype, torch.zeros(2, dtype=torch.float32), torch.zeros(2, dtype=float).dtype)
print(torch.tensor([]), torch.tensor([], dtype=torch.float32), torch.tensor([1, 2]) * 0.5)
lin = nn.Linear(2, 3)
print(lin.weight.dtype, lin.bias.dtype)
print(torch.tensor([1., 2.], requires_grad=True).sum().dtype)
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.]).dtype, torch.randn(2).dtype)
try:
    torch.set_default_dtype(torch.int64)
except TypeError as e:
    print(type(e).__name__, e)
