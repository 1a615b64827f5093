# comparisons, bool ops, masks
a = tensor([1., 5., 3., 7.])
print(a > 3, a >= 3, a < 3, a <= 3, a == 3, a != 3)
print(3 < a, (a > 2) & (a < 7), (a < 2) | (a > 6), (a > 2) ^ (a > 4), ~(a > 3))
print(a[a > 2], a[(a > 2) & (a < 7)])
print((a > 2).sum(), (a > 2).float().mean())
print(a == tensor([1., 0., 3., 0.]))
print(3. in a, 4. in a)
print(a.eq(5), a.gt(2), a.lt(tensor(4.)))
print(a.equal(a.clone()), a.allclose(a + 1e-9), tensor([1., 2.]).isclose(tensor([1., 2.1])))
t = tensor([True, False])
print(t & tensor([True, True]), t | False, ~t)
try:
    bool(a > 2)
except RuntimeError as e:
    print("RuntimeError:", e)
print(bool(tensor([0.])), bool(tensor(1)))
