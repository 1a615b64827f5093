def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(5), c2())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def late():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(late())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
g = 10
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)
def read_global():
    return g * 2
print(read_global())
def shadow():
    g = 5
    return g
print(shadow(), g)
def cell_param(a):
    def get():
        return a
    a += 1
    return get
print(cell_param(1)())
x = 0
def unbound():
    print(x)
    x = 1
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def fact():
    def f(n):
        return 1 if n == 0 else n * f(n - 1)
    return f(5)
print(fact())
