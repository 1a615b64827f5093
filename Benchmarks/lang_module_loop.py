# Issue 12: module-level code (every lesson cell) at most 0.3x CPython's module-level time.
s = 0.0
for i in range(10_000_000):
    s += i * 0.5
