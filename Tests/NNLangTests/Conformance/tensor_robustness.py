# adversarial corners: empty index lists, integer pow, exact big ints, promotion in clamp,
# PyTorch's wording (no `torch.` prefix), retain_grad, writes into leaves through views
M = 2**62 - 1 + 2**62


def leaf():
    return tensor([1., 2.], requires_grad=True)


def set0(x):
    x[0] = 5.


def setlist(x):
    x[[0]] = 5.


def setall(x):
    x[:] = 5.


def setnone(x):
    x[None] = 5.


def setempty():
    a = zeros(3)
    a[[]] = 1.
    return a


def mulexp():
    y = leaf().exp()
    y.mul_(2)
    y.sum().backward()


cases = [
    ("zeros(5)[[]]", lambda: zeros(5)[[]]),
    ("arange(5)[[]]", lambda: arange(5)[[]]),
    ("a[[]] = 1.", setempty),
    ("int ** int tensor", lambda: tensor([2, 3, 1, -1, -1, 0]) ** tensor([-1, -2, -5, -3, -2, -1])),
    ("int ** 0-d tensor", lambda: tensor([2, 3]) ** tensor(-1)),
    ("2 ** int tensor", lambda: 2 ** tensor([-1])),
    ("3 ** 63 wraps", lambda: tensor([3]) ** 63),
    ("int ** -1", lambda: tensor([2]) ** -1),
    ("int.pow(-1)", lambda: tensor([2]).pow(-1)),
    ("full M", lambda: full((2,), M)),
    ("long + M", lambda: zeros(2, dtype=long) + M),
    ("M - 1 + 1", lambda: tensor([M - 1]) + 1),
    ("wrap", lambda: tensor([M]) + 1),
    ("int clamp(0.5, 1.5)", lambda: tensor([1, 2]).clamp(0.5, 1.5)),
    ("int clamp(max=2.5)", lambda: tensor([2, 3]).clamp(max=2.5)),
    ("bool clamp(0, 1)", lambda: tensor([True]).clamp(0, 1)),
    ("~float", lambda: ~tensor([1.])),
    ("bool argmax", lambda: tensor([True, False]).argmax()),
    ("bool argmin(0)", lambda: tensor([True, False]).argmin(0)),
    ("expand names the last dim", lambda: zeros(2, 3).expand(3, 4)),
    ("backward shape", lambda: (leaf() * 2).backward(tensor([1., 1., 1.]))),
    ("version", mulexp),
    ("cat([])", lambda: cat([])),
    ("x[0] = on leaf", lambda: set0(leaf())),
    ("x[[0]] = on leaf", lambda: setlist(leaf())),
    ("x[:] = on leaf", lambda: setall(leaf())),
    ("x[None] = on leaf", lambda: setnone(leaf())),
    ("retain_grad no grad", lambda: tensor([1.]).retain_grad()),
    ("float(2 elements)", lambda: float(tensor([1., 2.]))),
    ("int(empty)", lambda: int(zeros(0))),
    ("(2 elements).item()", lambda: tensor([1., 2.]).item()),
    ("zeros(2.5)", lambda: zeros(2.5)),
    ("zeros(2, 3, 'a')", lambda: zeros(2, 3, 'a')),
    ("view(2, -1, 0) of 4", lambda: zeros(4).view(2, -1, 0)),
    ("view(2, -1, 0) of 0", lambda: zeros(0).view(2, -1, 0)),
    ("where(long cond)", lambda: where(tensor([1, 0]), 1., 0.)),
    ("where(float cond)", lambda: where(tensor([1., 0.]), 1., 0.)),
    ("bool floor", lambda: tensor([True]).floor()),
    ("bool ceil", lambda: tensor([True]).ceil()),
    ("bool round", lambda: tensor([True]).round()),
    ("long floor", lambda: tensor([1]).floor()),
]
for name, f in cases:
    try:
        print(name, "->", f())
    except (RuntimeError, IndexError, ValueError, TypeError, NotImplementedError) as e:
        print(name, "->", type(e).__name__ + ":", e)

x = leaf()
y = x * x
y.retain_grad()
z = y * 3
z.retain_grad()
z.sum().backward()
print(y.grad, z.grad, x.grad)
x.retain_grad()
w = x * 2
w.retain_grad()
(w * w).sum().backward(retain_graph=True)
(w * w).sum().backward()
print(w.grad, x.grad)


# writes between views of one storage: PyTorch refuses a partial overlap of dense views
def w1(a):
    a[0:2] = a[1]


def w2(a):
    a[1:3] = a[0:2]


def w3(a):
    a[:] = a


def w4(a):
    b = a.view(2, 2)
    b[:, 0] = b[:, 1]


def w5(a):
    a[1:] += a[:-1]


def w6(a):
    a.copy_(a)


def w7(a):
    b = a.view(2, 2)
    b.copy_(b.t())


def w8(a):
    a[2:4] = a[0:2]


def w9(a):
    b = a.view(2, 2)
    b[:, 0] += b[:, 1]


def w10(a):
    b = a.view(2, 2)
    b[0] += b[:, 1]


def w12(a):
    b = a.view(2, 2)
    b += b.t()


for i, f in enumerate([w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w12]):
    a = arange(4.)
    try:
        f(a)
        print(i + 1, a)
    except RuntimeError as e:
        print(i + 1, type(e).__name__ + ":", e)
