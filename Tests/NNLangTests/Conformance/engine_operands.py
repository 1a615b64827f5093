# Instructions that read variables and constants in place: each fused form must behave as the
# loads followed by the generic instruction - errors, fallbacks, evaluation order.

def arith(a, b):
    return a * 2, a - 1.5, a + b, a * b, a - b, a / 4, a // 3, a % 3, a ** 2


print(arith(7, 3))
print(arith(2.5, 4))
print(arith(2 ** 30, 2 ** 20))
print(arith(True, False))
print(arith("ab", "cd") if False else "skip")


def unbound_in_binary(flag):
    if flag:
        x = 1
    return x + 1


try:
    unbound_in_binary(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def unbound_in_return(flag):
    try:
        if flag:
            y = 2
        return y
    except UnboundLocalError as e:
        return "caught: " + str(e)


print(unbound_in_return(True), unbound_in_return(False))


def compare_jumps(a, b):
    out = []
    if a < 3:
        out.append("a<3")
    if a >= 2.5:
        out.append("a>=2.5")
    if a == b:
        out.append("a==b")
    if a != b:
        out.append("a!=b")
    while a > 0:
        a -= 1
    out.append(a)
    return out


print(compare_jumps(2, 2), compare_jumps(5.5, 1), compare_jumps(True, 1))
try:
    compare_jumps("x", 1)
except TypeError as e:
    print("TypeError:", e)


class Box:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        print("get", k)
        return self.d.get(k, 0)

    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v


def subscripts(xs, i, j):
    grid = [[1, 2, 3], [4, 5, 6]]
    b = Box()
    r = [xs[i], xs[j], grid[i][j], grid[j + 1][i]]
    grid[i][j] += 10
    grid[i][j] *= 2
    xs[i] = 100
    xs[j] += 1
    b[i] = 7
    b[i] += 1
    b[i, j] = 3
    b[i, j] += 4
    k = (i, j)
    return r, grid, xs, b.d, b[k]


print(subscripts([10, 20, 30], 1, -1))
try:
    subscripts([1], 1, 0)
except IndexError as e:
    print("IndexError:", e)


def items(d, key):
    return d[key]


print(items({"a": 1}, "a"), items("hello", 1), items((4, 5), -2))
try:
    items({"a": 1}, "b")
except KeyError as e:
    print("KeyError:", e)


def loops():
    out = []
    for i in range(5):
        if i == 1:
            continue
        if i == 4:
            break
        out.append(i)
    else:
        out.append("no else after break")
    for a, b in [(1, 2), (3, 4)]:
        out.append(a + b)
    else:
        out.append("else ran")
    for i in []:
        out.append("never")
    else:
        out.append("empty else")
    n = 0
    for i in range(3):
        for j in range(3):
            if j == i:
                continue
            n += i * 10 + j
    out.append(n)
    return out


print(loops())

total = 0
for g in range(4):
    total += g * 2
print(total, g)
for name in ["x", "y"]:
    pass
print(name)
len_before = 3
len_before += 0.5
print(len_before)


def uses_builtin(xs):
    return len(xs) - 1


print(uses_builtin([1, 2, 3]))


def gen(n):
    for i in range(n):
        yield i * 2
    return "done"


print(list(gen(4)), sum(x * x for x in range(5)))
