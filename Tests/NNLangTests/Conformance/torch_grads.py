# Gradients of the functions PyTorch code uses, checked against PyTorch's.
import torch
import torch.nn.functional as F

x = torch.tensor([[1., 2., 3.], [1., -1., 0.5]], requires_grad=True)
target = torch.tensor([2, 0])
loss = F.cross_entropy(x, target)
print(loss)
loss.backward()
print(x.grad)
x.grad = None
F.softmax(x, 1)[:, 0].sum().backward()
print(x.grad)
x.grad = None
(x.logsumexp(1) * torch.tensor([1., 2.])).sum().backward()
print(x.grad)
x.grad = None
x.gather(1, torch.tensor([[0, 0], [2, 1]])).sum().backward()
print(x.grad)
x.grad = None
(x.cumsum(1) * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)
x.grad = None
x.sort(1).values[:, 0].sum().backward()
print(x.grad)
x.grad = None
F.mse_loss(x, torch.zeros(2, 3)).backward()
print(x.grad)
x.grad = None
torch.lerp(x, torch.ones(2, 3), 0.3).sum().backward()
print(x.grad)
x.grad = None
F.nll_loss(x, target, reduction='sum').backward()
print(x.grad)
x.grad = None
print(x[range(2), target].sum().grad_fn.name())
x[range(2), target].sum().backward()
print(x.grad)
a, b = x.split(2, dim=1)
print(b.grad_fn is not None, a.shape, b.shape)
