# requires_grad, grad_fn, backward, accumulation, no_grad, detach
x = tensor([1., 2., 3.], requires_grad=True)
y = (x * x).sum()
print(y, y.requires_grad, y.is_leaf, x.is_leaf, x.grad)
y.backward()
print(x.grad)
z = (x * 2).mean()
z.backward()
print(x.grad)
x.grad = None
print(x.grad)
w = tensor([[1., 2.], [3., 4.]]).requires_grad_()
print(w)
out = (w @ tensor([1., 0.5])).relu().pow(2).sum()
print(out)
out.backward()
print(w.grad)
with no_grad():
    q = w * 2
print(q.requires_grad, q.grad_fn)
d = (w * 3).detach()
print(d.requires_grad, d.is_leaf)
try:
    w += 1
except RuntimeError as e:
    print("RuntimeError:", e)
with no_grad():
    w -= 0.5 * w.grad
print(w)
try:
    (w * 2).backward()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    tensor([1.]).backward()
except RuntimeError as e:
    print("RuntimeError:", e)
g = tensor([1., 2.], requires_grad=True)
h = g * 3
h.backward(tensor([1., 1.]))
print(g.grad)
print(g.clone(), g.mean(), g.std(), g[0], g.sum(0), g.view(2, 1).shape, g.float())
