# `c[i][j] op= value`: c[i] is read before the value and stays the row stored into, whatever
# the value's computation does to c (the VM may keep the row without a reference of its own
# while nothing can run code).

# (The plain case, a list matmul's inner loop, is vm_lists.py's.)

saved = []

class Rebinder:
    """Multiplying by it replaces c[0] with a fresh row, keeping the old row in `saved`."""
    def __init__(self, c, keep):
        self.c, self.keep = c, keep
    def __mul__(self, other):
        if self.keep:
            saved.append(self.c[0])
        self.c[0] = [100, 100]
        return 7
    __rmul__ = __mul__

def update(c, r, k):
    i, j = 0, 1
    c[i][j] += r * k
    return c

c = [[1, 2], [3, 4]]
update(c, Rebinder(c, True), 2)
print(c, saved)

c = [[1, 2], [3, 4]]
update(c, Rebinder(c, False), 2)
print(c)

class Shrinker:
    def __init__(self, c):
        self.c = c
    def __getitem__(self, k):
        self.c[0] = []
        return 5

def update_items(c, s, k):
    i, j = 0, 1
    c[i][j] -= s[k] * 2
    return c

c = [[1, 2], [3, 4]]
row = c[0]
print(update_items(c, Shrinker(c), 0), row)

def divide(c, d):
    i, j = 1, 0
    try:
        c[i][j] += 10 / d
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    return c

print(divide([[1, 1], [2, 2]], 0), divide([[1, 1], [2, 2]], 4))

def floor_by(c, d):
    i, j = 0, 0
    try:
        c[i][j] //= d
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    return c

print(floor_by([[9]], 0), floor_by([[9]], 2))

def negate(c, x):
    i, j = 0, 0
    c[i][j] += -x
    c[i][j] *= c[i][j]
    return c

print(negate([[1.5]], 4))

def strings(c):
    i, j = 0, 0
    c[i][j] += "b" * 2
    return c

print(strings([["a"]]))

def not_lists(c, x):
    i, j = 0, 0
    try:
        c[i][j] += x
    except TypeError as e:
        print("TypeError:", e)
    return c

print(not_lists(((1, 2),), 3), not_lists([{0: 5}], 3), not_lists([[0]], 3))

def out_of_range(c):
    i, j = 0, 5
    try:
        c[i][j] += 1
    except IndexError as e:
        print("IndexError:", e)
    return c

print(out_of_range([[1, 2]]))

g = 3
def with_global(c):
    i, j = 0, 0
    for _ in range(4):
        c[i][j] += g * 2 - 1
    return c

print(with_global([[0]]))
