# Tensor elements read and written one at a time inside functions (the interpreter reads them
# in place): views, negative indices, grads, wrong ranks and out-of-range indices behave as in
# PyTorch.
import torch


def matmul(a, b):
    n, m = a.shape
    p = b.shape[1]
    c = torch.zeros(n, p)
    for i in range(n):
        for j in range(p):
            for k in range(m):
                c[i, j] += a[i, k] * b[k, j]
    return c


a = torch.arange(6.0).reshape(2, 3)
b = torch.arange(12.0).reshape(3, 4) / 4
print(matmul(a, b))
print(matmul(a, b.t().contiguous().t()))
print(matmul(b.t(), a.t()))


def rows(t, i, j):
    return t[i][j], t[i, j], t[-1, -1], t[i]


print(rows(a, 1, 2))


def vec(v, i):
    x = v[i].item()
    v[i] = 7
    v[i] += 0.5
    return x, v


print(vec(torch.tensor([1.0, 2.0, 3.0]), -1))


def with_grad(w, i, j):
    y = w[i, j] * 2
    return y


w = torch.ones(2, 2, requires_grad=True)
y = with_grad(w, 0, 1)
print(y)
y.backward()
print(w.grad)


def write_grad(w, i, j):
    w[i, j] = 5.0


try:
    write_grad(w, 0, 0)
except RuntimeError as e:
    print("RuntimeError:", e)


def oob(t, i, j):
    return t[i, j]


try:
    oob(a, 2, 0)
except IndexError as e:
    print("IndexError:", e)
try:
    oob(a, 0, -4)
except IndexError as e:
    print("IndexError:", e)
try:
    oob(torch.zeros(3), 0, 0)
except IndexError as e:
    print("IndexError:", e)


def ints(t, i, j):
    t[i, j] = 3
    t[i, j] += 2
    return t[i, j], t


print(ints(torch.zeros(2, 2, dtype=torch.int64), 1, 0))
