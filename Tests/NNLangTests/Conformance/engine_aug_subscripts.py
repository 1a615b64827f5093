# Augmented assignments to items with local operands (the item read, then the value, then the
# operation and the store in one instruction): numbers, other types, errors, user classes and
# evaluation order as CPython's.


def grid_ops(c, i, j, v):
    c[i][j] += v
    c[i][j] -= 1
    c[i][j] *= 3
    c[i][j] /= 4
    c[i][j] //= 1
    c[i][j] %= 5
    c[i][j] **= 2
    c[i][j] += True
    return c


print(grid_ops([[1, 2], [3, 4]], 1, -1, 10))
print(grid_ops([[1.5, 2.5], [3.5, 4.5]], -2, 0, 0.25))


def flat_ops(xs, i, v):
    xs[i] += v
    xs[i] -= 2
    xs[i] *= v
    xs[i] <<= 3
    xs[i] |= 5
    xs[i] ^= 1
    xs[i] &= 0xFF
    xs[i] >>= 1
    return xs


print(flat_ops([1, 2, 3], -1, 7))


def top_ops(rows, i, j, v):
    # The container is not a local: o[local] op= value.
    rows[i][j][0] += v
    rows[i][j][-1] *= v
    return rows


print(top_ops([[[1, 2], [3, 4]]], 0, 1, 10))


def others(c, i, j):
    alias = c[i][j]
    c[i][j] += [9]
    c[i][j + 1] += "!"
    c[i][j + 2] += (3,)
    c[i][j + 2] *= 2
    return c, alias, alias is c[i][j]


print(others([[[1], "hi", (1, 2)]], 0, 0))


def errors(c, i, j, v):
    try:
        c[i][j] += v
    except Exception as e:
        print(type(e).__name__ + ":", e)
    return c


errors([[1, 2]], 0, 0, "s")
errors([[1, 2]], 1, 0, 1)
errors([[1, 2]], 0, 2, 1)
errors([[1, 2]], 0, -3, 1)
errors([[1.5, 2]], 0, 0, None)
errors([[1, 2]], 0, "0", 1)
errors([{"a": 1}], 0, "b", 1)
errors([(1, 2)], 0, 0, 1)


def zero_div(c, i, j):
    try:
        c[i][j] /= 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        c[i][j] //= 0.0
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    return c


print(zero_div([[1, 2.5]], 0, 0), zero_div([[1.5, 2]], 0, 1))


def unbound(c, flag):
    if flag:
        j = 0
    i = 0
    c[i][j] += 1
    return c


try:
    unbound([[1]], False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(unbound([[1]], True))


class Box:
    def __init__(self, name):
        self.name = name
        self.d = {}

    def __getitem__(self, k):
        print(self.name, "get", k)
        return self.d.get(k, 0)

    def __setitem__(self, k, v):
        print(self.name, "set", k, v)
        self.d[k] = v


def trace(x):
    print("value", x)
    return x


def order(g, i, j):
    g[i][j] += trace(5)
    g[i][j] *= trace(2)
    g[i, j] -= trace(3)
    return g


outer = Box("outer")
outer.d[0] = Box("row")
order(outer, 0, 1)
print(outer.d[0].d, outer.d[(0, 1)])


class Sneaky:
    """A value whose addition replaces the row being updated: the store still goes to the
    row read before the value (CPython keeps it on its stack)."""

    def __init__(self, target, i):
        self.target = target
        self.i = i

    def __radd__(self, other):
        print("radd", other)
        self.target[self.i] = [0, 0]
        return other + 100


def rebind(c, i, j, s):
    old = c[i]
    c[i][j] += s
    return c, old


c = [[1, 2], [3, 4]]
print(rebind(c, 1, 0, Sneaky(c, 1)))
c = [[1, 2], [3, 4]]
print(rebind(c, -1, -1, Sneaky(c, -1)))


def rows_of_dicts(c, i, k):
    c[i][k] += 1
    c[i][k] *= 10
    return c


print(rows_of_dicts([{"a": 1}, {"b": 2.5}], 1, "b"))


def loop(a, b):
    n = len(a)
    c = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            for k in range(n):
                c[i][j] += a[i][k] * b[k][j]
            c[i][j] -= 0.5
    return c


print(loop([[1.0, 2.0], [3.0, 4.0]], [[0.5, -1.0], [2.0, 0.25]]))
print(loop([[1, 2], [3, 4]], [[5, 6], [7, 8]]))
