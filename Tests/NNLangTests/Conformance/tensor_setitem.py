# assignment through every index form, and += on slices
m = zeros(4, 4)
m[0] = 1.
m[1, 2] = 5
m[2, :] = tensor([1., 2., 3., 4.])
m[:, 3] = 9.
print(m)
m[1:3, 1:3] += 100.
print(m)
m[m > 50] = -1.
print(m)
m[[0, 3], [0, 3]] = 7.
print(m)
m[..., 0] = arange(4.)
m[None, 3] = 2.
print(m)
i = zeros(3, dtype=int64)
i[1] = 5
i += 2
print(i)
i *= 3
print(i)
f = ones(3)
f -= 0.5
f /= 2
print(f)
try:
    i += 0.5
except RuntimeError as e:
    print("RuntimeError:", e)
