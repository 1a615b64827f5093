calls = []
def f(x, items=[]):
    items.append(x)
    return items
print(f(1), f(2), f(3, []), f(4))
def g(a, b=2, *, c=3, **rest):
    return a, b, c, rest
print(g(1), g(1, 5), g(1, c=9), g(1, z=0, y=1), g(b=0, a=1))
n = 5
def h(x=n):
    return x
n = 10
print(h())
def kw(**kwargs):
    return list(kwargs.items())
print(kw(b=1, a=2, c=3))
def star(a, *rest, last=None):
    return a, rest, last
print(star(1), star(1, 2, 3), star(1, 2, last=9))
print(g(*[1, 2], **{"c": 4, "d": 5}))
