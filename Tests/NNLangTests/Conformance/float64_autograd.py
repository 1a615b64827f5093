# Autograd through float64: gradients come back in each input's dtype.
import torch

w = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64, requires_grad=True)
l = (w * w * 0.1).sum()
l.backward()
print(l, w.grad, w.grad.dtype)
w.grad = None
y = (w.exp() + w.log() + w.sqrt() + w.tanh() + w.sigmoid() + w.relu() + w ** 3 + 2 ** w + w.abs()).mean()
y.backward()
print(y.item(), w.grad.tolist())
w.grad = None
(w / (w + 1)).pow(2).sum().backward()
print(w.grad.tolist())
w.grad = None
w.softmax(0)[0].backward()
print(w.grad)
w.grad = None
w.log_softmax(0)[1].backward()
print(w.grad)
w.grad = None
w.logsumexp(0).backward()
print(w.grad.tolist())
w.grad = None
w.clamp(1.5, 2.5).sum().backward()
print(w.grad.tolist())
w.grad = None
(w.cumsum(0) * torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)).sum().backward()
print(w.grad.tolist())
w.grad = None
w[torch.tensor([0, 0, 2])].sum().backward()
print(w.grad.tolist())
w.grad = None
w.max().backward()
print(w.grad.tolist())

a = torch.ones(3, requires_grad=True)
w.grad = None
(a * w).sum().backward()
print(a.grad, a.grad.dtype, w.grad, w.grad.dtype)
a.grad = None
c = a.double()
print(c.dtype, c.grad_fn.name())
(c * w).sum().backward()
print(a.grad, a.grad.dtype)
m = torch.tensor([[0.5, -1.0], [2.0, 0.25]], dtype=torch.float64, requires_grad=True)
v = torch.tensor([1.0, 3.0], dtype=torch.float64, requires_grad=True)
out = (m @ v).sum() + (m @ m).mean()
out.backward()
print(out, m.grad, v.grad)
x = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
h = torch.randn(3, 2, dtype=torch.float64, requires_grad=True)
loss = ((x @ h).relu() - 0.5).pow(2).mean()
loss.backward()
# (BLAS may round products' last bit differently: printed at 4 digits)
print(loss, x.grad.dtype, h.grad)
with torch.no_grad():
    h -= 0.1 * h.grad
print(h)
