# Tensor.cpu(): a CPU tensor is returned as it is (the same object), as PyTorch does.
import torch

t = torch.tensor([1.0, 2.0, 3.0])
print(t.cpu() is t)
print(t.cpu())
w = torch.ones(2, 2, requires_grad=True)
print(w.detach().cpu())
print(w.cpu() is w, w.cpu().requires_grad)
