# float64 through torch.nn / torch.utils.data: parameters, functional losses, and collating
# Python floats (PyTorch's default_collate makes float64 tensors of them).
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader

p = nn.Parameter(torch.tensor([0.5, -1.5, 2.0], dtype=torch.float64))
t = torch.tensor([1.0, 0.0, 0.25], dtype=torch.float64)
loss = F.mse_loss(p, t)
loss.backward()
print(loss, p.grad, p.grad.dtype)
p.grad = None
F.relu(p).sum().backward()
print(F.relu(p), F.softmax(p, dim=0).dtype, p.grad)
print(torch.sigmoid(p).dtype, torch.exp(t).tolist(), torch.sqrt(t).tolist())
data = [(0.5, 1), (1.25, 2), (0.1, 3)]
for xb, yb in DataLoader(data, batch_size=2):
    print(xb, yb)
print(torch.tensor([0.1, 0.2], dtype=torch.float64).numel(), torch.zeros(3, dtype=torch.float64).stride())
