# iterating yields rows; len; float/int/format of one-element tensors
x = tensor([[1., 2.], [3., 4.], [5., 6.]])
for row in x:
    print(row, row.shape)
print(len(x), len(x[0]), [r.sum().item() for r in x])
a, b, c = x
print(a, c)
s = tensor(2.5)
print(float(s), int(s), int(tensor(7)), float(tensor([3.])), s.item(), tensor(3).item(), tensor(True).item())
print(f"{s:.3f} {tensor(1.23456):.2f} {tensor(42):5d} {s}")
print(f"{x[0, 1]}", f"{tensor([1., 2.])}")
print(sum(x), max(tensor([1., 5., 2.])), abs(tensor(-3.)))
print(round(tensor(2.567).item(), 2), [float(v) for v in tensor([0.5, 1.5])])
try:
    len(tensor(1.))
except TypeError as e:
    print("TypeError:", e)
try:
    x.item()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for v in tensor(1.):
        pass
except TypeError as e:
    print("TypeError:", e)
