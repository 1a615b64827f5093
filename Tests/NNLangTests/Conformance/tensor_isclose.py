# isclose / allclose / equal: infinities, NaNs, broadcasting, strided views, dtype rules
inf, nan = float("inf"), float("nan")
a = tensor([inf, inf, 1., -inf, 1., nan, 0.])
b = tensor([-inf, inf, inf, -inf, 1.0001, nan, 1e-9])
print(a.isclose(b), a.isclose(b, rtol=1e-3), a.isclose(b, equal_nan=True))
print(torch.isclose(b, a), a.allclose(a), a.allclose(a, equal_nan=True))
m = tensor([[1., 2., 3.], [4., 5., 6.]])
print(m.t().isclose(m.t().contiguous() + 1e-4, atol=1e-3), m.isclose(tensor([1., 2.1, 3.])))
print(m[:, ::2].isclose(tensor([[1.], [4.00001]])), m.t().allclose(m.t() * 1.0000001))
print(m.double().isclose(m.double() + 1e-9), tensor([1, 2, 3]).isclose(tensor([1, 3, 3])))
print(tensor([True, False]).isclose(tensor([True, True])), torch.allclose(tensor(2.), tensor([2., 2.])))
print(zeros(0).isclose(zeros(0)), zeros(0, 3).allclose(zeros(0, 3)))
print(m.equal(m.clone()), m.equal(m.t()), tensor([nan]).equal(tensor([nan])), tensor([1, 2]).equal(tensor([1., 2.])))
x = randn(400, 700)
y = x.clone()
y[-1, -1] += 1
print(x.allclose(y), x.isclose(y).sum(), y.allclose(x), x.t().isclose(y.t()).sum())
print(x.allclose(x + 1e-7, atol=1e-6), x.isclose(x * 1.01).float().mean())
print(x.t().allclose(x.t().contiguous()), x[::3, 1:].isclose(x[::3, 1:] + 1e-7, atol=1e-6).all())
try:
    tensor([1., 2.]).isclose(tensor([1, 2]))
except RuntimeError as e:
    print("RuntimeError:", e)
tensor([1., 2.]).allclose(tensor([1, 2]))
