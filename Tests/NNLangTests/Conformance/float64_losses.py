# float64 through the loss chain: log_softmax, nll_loss and cross_entropy keep every digit,
# with their gradients, each reduction and ignore_index.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(5, 4, dtype=torch.float64, requires_grad=True)
y = torch.tensor([0, 3, 1, 1, 2])
ls = F.log_softmax(x, dim=1)
print(ls.dtype, ls[0].tolist())
loss = F.nll_loss(ls, y)
print(loss, loss.item())
loss.backward()
print(x.grad.dtype, x.grad[1].tolist())
x.grad = None
ce = F.cross_entropy(x, y)
print(ce.item(), ce.item() == loss.item())
ce.backward()
# 12 digits: log_softmax's backward takes exp of the output, and PyTorch's vectorised exp
# (SLEEF) and libm's differ in the last bit now and then.
print([round(v, 12) for v in x.grad[4].tolist()])
print(F.cross_entropy(x, y, reduction='sum').item())
print(F.cross_entropy(x, y, reduction='none').tolist())
print(F.nll_loss(x, y, ignore_index=1).item())
z = x.detach()
print(F.nll_loss(z[0], y[0]), F.nll_loss(z[0], y[0]).dtype)
print(torch.log_softmax(z, 0)[:, 0].tolist())
print(z.log_softmax(-1).exp().sum(1).tolist())
w = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
out = F.cross_entropy(w, torch.tensor([2, 0, 1]), reduction='sum')
out.backward()
print(out.item(), w.grad.sum(1).tolist())
print(F.nll_loss(z, y).dtype, F.cross_entropy(z.float(), y).dtype)
try:
    F.nll_loss(z, y.double())
except RuntimeError as e:
    print(type(e).__name__, e)
