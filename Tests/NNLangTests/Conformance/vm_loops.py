# Loops compiled to registers: range forms, lists, else clauses, break/continue, returns.
def ranges():
    out = []
    for i in range(3):
        out.append(i)
    for i in range(2, 5):
        out.append(i)
    for i in range(10, 0, -3):
        out.append(i)
    for i in range(5, 5):
        out.append("never")
    for i in range(True, 3):
        out.append(i)
    return out, i


print(ranges())


def bad_ranges():
    for args in [(0, 5, 0), (1.5,), ("a", 3)]:
        try:
            for i in range(*args):
                pass
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        for i in range(2.5):
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        for i in range(0, 10, 0):
            pass
    except ValueError as e:
        print("ValueError:", e)


bad_ranges()


def shadow():
    out = []
    for i in range(3):
        out.append(i * 10)
    return out


range = lambda n: [n, n + 1]
print(shadow())
del range
print(shadow())


def loop_else(xs, stop):
    for x in xs:
        if x == stop:
            break
    else:
        return "no break"
    return "broke at " + str(x)


print(loop_else([1, 2, 3], 2), loop_else([1, 2, 3], 9), loop_else([], 1))


def while_loops(n):
    i = 0
    seen = []
    while i < n:
        i += 1
        if i % 2:
            continue
        if i > 7:
            break
        seen.append(i)
    else:
        seen.append("else")
    return seen, i


print(while_loops(5), while_loops(20))


def nested(n):
    pairs = []
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            if (i + j) % 2:
                continue
            pairs.append((i, j))
        else:
            pairs.append("row")
    return pairs


print(nested(4))


def find(grid, target):
    for r in range(len(grid)):
        for c in range(len(grid[r])):
            if grid[r][c] == target:
                return r, c
    return None


print(find([[1, 2], [3, 4], [5, 6]], 4), find([[1]], 7))


def try_in_loop(xs):
    out = []
    for x in xs:
        try:
            if x == 0:
                continue
            if x < 0:
                break
            out.append(10 // x)
        except TypeError:
            out.append("bad")
        finally:
            out.append("f")
    return out


print(try_in_loop([1, 2, 0, "a", 5, -1, 9]))


def with_return_in_try(xs):
    for x in xs:
        try:
            if x > 1:
                return x
        finally:
            pass
    return -1


print(with_return_in_try([0, 1, 5, 7]), with_return_in_try([]))


def mutate(xs):
    for x in xs:
        if len(xs) < 6:
            xs.append(x * 2)
    return xs


print(mutate([1, 2]))


def iterate_kinds():
    out = []
    for ch in "abc":
        out.append(ch)
    for t in (1, 2):
        out.append(t)
    for k in {"x": 1, "y": 2}:
        out.append(k)
    for r in range(3)[1:]:
        out.append(r)
    try:
        for z in 5:
            pass
    except TypeError as e:
        out.append(str(e))
    return out


print(iterate_kinds())


def counter_big():
    n = 0
    for i in range(9223372036854775800, 9223372036854775807, 3):
        n += 1
    return n, i


print(counter_big())
