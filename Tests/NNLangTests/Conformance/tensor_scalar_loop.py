# the lesson's naive matmul with scalar indexing
def matmul(a, b):
    ar, ac = a.shape
    br, bc = b.shape
    assert ac == br
    c = zeros(ar, bc)
    for i in range(ar):
        for j in range(bc):
            for k in range(ac):
                c[i, j] += a[i, k] * b[k, j]
    return c

a = tensor([[1., 2., 3.], [4., 5., 6.]])
b = tensor([[1., 0.], [0., 1.], [1., 1.]])
print(matmul(a, b))
print(matmul(a, b) == a @ b)
x = a[0, 1]
print(x, x * 2, x + x, x.item(), float(x) * 3, type(x).__name__)
print(a[1, 2] - a[0, 0], a[0, 0] / 3, -a[1, 1], a[0, 2] ** 2)
v = arange(5.)
t = 0.
for i in range(5):
    t += v[i] * v[i]
print(t)
c = zeros(2, 2)
c[0, 1] = a[1, 1] * 2
c[1, 0] += 3
c[-1, -1] -= 1.5
print(c)
