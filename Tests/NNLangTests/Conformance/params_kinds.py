# Keyword-only and positional-only parameters, with CPython's errors.
def f(a, b=2, /, c=3, *, d, e=5, **rest):
    return (a, b, c, d, e, rest)
print(f(1, d=4), f(1, 20, 30, d=40, e=50, z=6), f(1, c=9, d=0))
def g(x, /, y):
    return x, y
print(g(1, 2), g(1, y=2))
def h(*, key):
    return key
print(h(key="k"))
def k(a, *args, flag=False, **kw):
    return a, args, flag, kw
print(k(1, 2, 3, flag=True, other=4), k(a=1))
for call in [lambda: f(1), lambda: f(1, 2, 3, 4, d=1), lambda: g(x=1, y=2), lambda: h(1), lambda: h()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def pos_kw(a, /, **kw):
    return a, kw
print(pos_kw(1, a=2))
lam = lambda x, /, *, y=1: x + y
print(lam(1), lam(1, y=5))
