def f():
    s = 0.0
    for i in range(10_000_000):
        s += i * 0.5
    return s
print(f())
