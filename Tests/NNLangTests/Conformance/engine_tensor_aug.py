# Augmented assignments to tensor elements with local operands (the element read, the value,
# then the operation and the store in one instruction): float32 rounding per operation, views,
# grads, other dtypes and errors as PyTorch's.
import torch


def acc(c, i, j, x, y):
    c[i, j] += x * y
    return c


c = torch.zeros(1, 2)
acc(c, 0, 0, torch.tensor([[16777216.0]])[0, 0], torch.tensor([[1.0]])[0, 0])
for _ in range(3):
    acc(c, 0, 0, torch.tensor([[1.0]])[0, 0], torch.tensor([[1.0]])[0, 0])
print(c[0, 0].item())


def products(a, b):
    # Each product rounds to float32 before the sum does.
    c = torch.zeros(1, 1)
    for k in range(a.shape[1]):
        c[0, 0] += a[0, k] * b[k, 0]
    return c[0, 0].item()


a = torch.tensor([[1.0000001, 3.1415927, 0.1, 1e-8, 16777215.0]])
b = torch.tensor([[1.0000001], [2.7182817], [0.3], [1e-8], [1.0]])
print(products(a, b))


def mixed(c, i, j):
    c[i, j] += 0.1
    c[i, j] -= 1
    c[i, j] *= 3
    c[i, j] /= 7
    c[i, j] += True
    c[i, j] -= c[i, j - 1]
    return c


print(mixed(torch.ones(2, 2), 1, -1))
print(mixed(torch.ones(2, 2, dtype=torch.float64), -1, 1))


def ints(c, i, j):
    c[i, j] += 3
    c[i, j] *= -2
    c[i, j] -= c[i, j - 1]
    return c


print(ints(torch.arange(4).reshape(2, 2), 1, 1))


def vec(v, i):
    v[i] += 0.5
    v[i] *= v[i - 1]
    return v


print(vec(torch.tensor([1.0, 2.0, 3.0]), -1))


def through_views(c, i, j):
    v = c.t()
    v[i, j] += 10
    w = c[1:]
    w[0, j] -= 1
    r = c[i]
    r[j] += 100
    c[i][j] += 1000
    return c


print(through_views(torch.zeros(3, 2), 1, 0))


def grad_leaf(w, i, j):
    w[i, j] += 1


w = torch.ones(2, 2, requires_grad=True)
try:
    grad_leaf(w, 0, 0)
except RuntimeError as e:
    print("RuntimeError:", e)


def grad_nonleaf(w, i, j):
    h = w * 2
    h[i, j] += w[j, i] * 3
    return h


h = grad_nonleaf(w, 0, 1)
print(h)
h.sum().backward()
print(w.grad)


def flip(t, i, j):
    t[i, j] += 1
    return t[i, j]


t = torch.zeros(2, 2)
print(flip(t, 0, 0))
t.requires_grad_()
try:
    flip(t, 0, 0)
except RuntimeError as e:
    print("RuntimeError:", e)
with torch.no_grad():
    flip(t, 1, 1)
print(t)
t.requires_grad_(False)
print(flip(t, 1, 1), t)


def oob(c, i, j):
    try:
        c[i, j] += 1
    except IndexError as e:
        print("IndexError:", e)


oob(torch.zeros(2, 3), 2, 0)
oob(torch.zeros(2, 3), 0, -4)
oob(torch.zeros(3), 0, 0)


def wrong_value(c, i, j):
    try:
        c[i, j] += "s"
    except TypeError as e:
        print("TypeError:", e)


wrong_value(torch.zeros(2, 2), 0, 0)


def bump(t, i, j):
    t[i, j] += 1
    return t[i, j]


t = torch.zeros(2, 2)
print(bump(t, 0, 0))
t.data = torch.ones(3, 3)
print(bump(t, 2, 2), t)
v = t[1:]
print(bump(v, 1, 1), t)
