# Printing float64 tensors: PyTorch's formats, then dtype=float64 before grad fields.
import torch

print(torch.tensor([1.0, 2.5, 3.1234567891234], dtype=torch.float64))
print(torch.tensor([1.0, 2.0], dtype=torch.float64))
print(torch.tensor([1e-5, 1.0], dtype=torch.float64))
print(torch.tensor([1e10, 2.5e10], dtype=torch.float64))
print(torch.tensor(0.1, dtype=torch.float64), torch.tensor(-3.0, dtype=torch.float64))
print(torch.tensor([float("nan"), float("inf"), -1.5], dtype=torch.float64))
print(torch.zeros(2, 0, dtype=torch.float64), torch.tensor([], dtype=torch.float64))
print(torch.arange(12, dtype=torch.float64).view(3, 4) / 3)
print(torch.arange(2000, dtype=torch.float64) / 7)
print(torch.arange(3, dtype=torch.float64).requires_grad_())
w = torch.ones(2, dtype=torch.float64, requires_grad=True)
print(w * 2, (w * 2).sum())
print(torch.arange(30, dtype=torch.float64).view(1, 30) * 1.5 + 100, )
print(repr(torch.tensor([0.1], dtype=torch.float64)), str(torch.tensor([0.25], dtype=torch.float64)))
print(f"{torch.tensor(0.1, dtype=torch.float64):.20f}", float(torch.tensor(0.1, dtype=torch.float64)))
print(torch.tensor([1.0, 2.0], dtype=torch.float64).dtype, torch.float64)
