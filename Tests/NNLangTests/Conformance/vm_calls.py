# Calls through the register VM: rebinding, defaults, keywords, recursion, errors.
def twice(x):
    return x * 2


def use(n):
    total = 0
    for i in range(n):
        total += twice(i)
    return total


print(use(5))


def twice(x):
    return x * 3


print(use(5))
twice = len
try:
    print(use(3))
except TypeError as e:
    print("TypeError:", e)


def twice(x, y=10):
    return x + y


print(use(4))


def kw(a, b=2, *, c=3):
    return a * 100 + b * 10 + c


def call_kw(n):
    out = []
    for i in range(n):
        out.append(kw(i))
        out.append(kw(i, c=i))
        out.append(kw(a=i, b=i))
    return out


print(call_kw(3))


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


print(fact(20))


def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


print(down(500))
try:
    down(5000)
except RecursionError as e:
    print("RecursionError:", e)
print(down(10))


def inner(xs, i):
    return xs[i]


def middle(xs, i):
    v = inner(xs, i)
    return v + 1


def outer(xs):
    got = []
    for i in range(-4, 5):
        try:
            got.append(middle(xs, i))
        except IndexError as e:
            got.append(str(e))
    return got


print(outer([1, 2, 3]))


def local_fn(n):
    f = twice
    g = lambda x: x - 1
    return f(n) + g(n) + f(n, 1)


print(local_fn(5))


def unbound(flag):
    if flag:
        y = 1
    return y + 1


print(unbound(True))
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def not_defined():
    return missing_function(print("never printed"))


try:
    not_defined()
except NameError as e:
    print("NameError:", e)


def callee_unbound():
    if False:
        h = 1
    return h(print("never"))


try:
    callee_unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def apply(f, *args):
    return f(*args)


print(apply(max, 3, 9, 4), apply(fact, 5))
