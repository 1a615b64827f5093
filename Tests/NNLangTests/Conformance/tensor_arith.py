# operators with broadcasting and scalar promotion
a = tensor([[1., 2., 3.], [4., 5., 6.]])
b = tensor([10., 20., 30.])
print(a + b, a - b, a * b, a / b)
print(a + 1, 1 + a, a - 1, 1 - a, 2 * a, a * 2, a / 2, 2 / a)
print(a ** 2, 2 ** a, a ** 0.5, -a, +a)
print(a // 2, a % 4, -a // 4, -a % 4)
i = tensor([1, 2, 3])
print(i + 1, i * 2, i / 2, i + 0.5, i // 2, i % 2, i ** 2, -i)
print(i + tensor([True, False, True]))
print(a @ a.T, b @ b, a @ b)
print(a.unsqueeze(2) * b.unsqueeze(0).unsqueeze(0) is not None)
c = tensor([[1.], [2.]])
print(c + b, (c * b).shape)
try:
    a + tensor([1., 2.])
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    a @ a
except RuntimeError as e:
    print("RuntimeError:", e)
