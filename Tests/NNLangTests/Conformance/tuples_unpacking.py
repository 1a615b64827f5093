t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, t.index(2), t.count(3), (), (5,), tuple([1, 2]))
a, b, c = t
print(a, b, c)
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
x, *mid, y = range(5)
print(x, mid, y)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
s = 1, 2
print(s, type(s).__name__)
x = y = z = 0
print(x, y, z)
d = {"a": 1}
k, = d
print(k)
print([*t, *"ab"], (*t,), {**{"a": 1}, "b": 2})
def f(*args):
    return args
print(f(*t, *[9]))
