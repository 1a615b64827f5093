# Register code around the closure compiler: cells, nested defs, methods, globals, varargs.
counter = 0


def bump(k):
    global counter
    counter += k
    return counter


def make_adder(n):
    def add(x):
        return x + n
    return add


def use_closures(xs):
    add3 = make_adder(3)
    out = []
    for x in xs:
        out.append(add3(x))
    return out


print(use_closures([1, 2, 3]), [bump(i) for i in range(4)], counter)


def counter_cell():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    for _ in range(5):
        inc()
    return count


print(counter_cell())


def varargs(*args, **kw):
    return len(args), sorted(kw)


def kwonly(a, *, scale=2):
    return a * scale


def defaults(a, acc=[]):
    acc.append(a)
    return len(acc)


def calls():
    return [varargs(1, 2, x=3), varargs(), kwonly(4), kwonly(4, scale=3), defaults(1), defaults(2)]


print(calls())


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def scaled(self, k):
        return Point(self.x * k, self.y * k)


def points(n):
    total = 0
    for i in range(n):
        p = Point(i, i + 1)
        total += p.scaled(2).norm2()
    return total


print(points(4))


def conditions(xs):
    out = []
    for x in xs:
        if x is None or x == "":
            out.append("empty")
        elif not isinstance(x, int):
            out.append("str:" + x)
        elif x in (1, 2) and x != 2:
            out.append("one")
        elif 3 <= x < 10:
            out.append("small")
        else:
            out.append("other")
    return out


print(conditions([None, "", "ab", 1, 2, 5, 10]))


def strings(n):
    s = "x"
    parts = []
    i = 0
    while i < n:
        parts.append(s * i + "|")
        i += 1
    else:
        parts.append("done")
    return "".join(parts), f"{n}:{s!r}"


print(strings(3))


def deleting():
    a = 1
    del a
    try:
        return a
    except UnboundLocalError as e:
        return str(e)


print(deleting())


def finally_override():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return -1


print(finally_override())


def even(n):
    if n == 0:
        return True
    return odd(n - 1)


def odd(n):
    if n == 0:
        return False
    return even(n - 1)


print(even(10), odd(7), even(7))


def comprehension(n):
    squares = [i * i for i in range(n)]
    pairs = {i: i % 3 for i in range(n)}
    return sum(squares), sum(x for x in squares if x % 2), pairs


print(comprehension(6))


def builtins_and_classes(xs):
    return len(xs), max(xs), abs(-3), Point(1, 2).norm2(), int("7") + 1, str(3.5)


print(builtins_and_classes([3, 9, 4]))


def shadow_builtin(xs):
    len = 5
    return len + xs[0]


print(shadow_builtin([1]))


def nested_returns(grid):
    best = None
    for row in grid:
        for v in row:
            if best is None or v > best:
                best = v
    return best


print(nested_returns([[1, 5], [3], []]), nested_returns([]))


def raise_in_loop(xs):
    seen = []
    for x in xs:
        if x < 0:
            raise ValueError("negative: " + str(x))
        seen.append(x)
    return seen


try:
    raise_in_loop([1, 2, -3, 4])
except ValueError as e:
    print("ValueError:", e)


def float_loop(n):
    s = 0.0
    for i in range(n):
        s += i * 0.5
        s -= 0.25
    return s, s / n


print(float_loop(10))


def name_errors_first(x):
    try:
        return undefined_fn(x + "a")
    except NameError as e:
        print("NameError:", e)
    try:
        return undefined_fn(later, x)
    except NameError as e:
        print("NameError:", e)
    try:
        return undefined_fn(x - 1)
    except NameError as e:
        print("NameError:", e)
    if False:
        later = 1


name_errors_first(1)


class Box:
    def __init__(self, v):
        self.v = v


def f(x):
    return abs(x - 10), str(x * 2), Box(x + 1).v, float(x - 0.5), bool(x - x)


def g(n):
    if n <= 0:
        return "done"
    return g(n - 1.5)


def h(n):
    return n if n is None else h(None)


print(f(3), f(2.5), g(4), h(5), g(True))
try:
    f("a")
except TypeError as e:
    print("TypeError:", e)
