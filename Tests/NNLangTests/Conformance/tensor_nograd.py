# no_grad nests, restores grad mode after an exception, and covers in-place updates of leaves
w = tensor([1., 2.], requires_grad=True)
with no_grad():
    with no_grad():
        a = w * 2
    b = w * 2
c = w * 2
print(a.requires_grad, b.requires_grad, c.requires_grad, c.grad_fn.name())
try:
    with no_grad():
        raise ValueError("inside")
except ValueError as e:
    print("caught", e)
print((w * 3).requires_grad)
loss = (w * w).sum()
loss.backward()
with no_grad():
    w -= 0.1 * w.grad
    w.grad.zero_()
print(w, w.grad, w.is_leaf, w.requires_grad)
for step in range(3):
    loss = ((w - 5) ** 2).mean()
    loss.backward()
    with no_grad():
        w.sub_(w.grad * 0.5)
        w.grad = None
    print(step, loss)
print(w)
x = w.detach()
x += 1
print(w, x)
