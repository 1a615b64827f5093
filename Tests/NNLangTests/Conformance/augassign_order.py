# Augmented assignment runs in Python's order: target, index, the item, then the value, then
# the store; a value that changes the target is seen by the store.
log = []


def note(tag, v):
    log.append(tag)
    return v


class Box:
    def __init__(self):
        self.n = 1


def get_box(b):
    log.append("box")
    return b


def locals_and_items():
    try:
        x += note("rhs", 1)
    except UnboundLocalError as e:
        print("UnboundLocalError", e, log)
    c = [[0, 0], [0, 0]]
    try:
        c[0][5] += note("rhs", 1)
    except IndexError as e:
        print("IndexError", e, log)
    d = 5
    try:
        d[0][0] += [][3]
    except Exception as e:
        print(type(e).__name__, e)
    xs = [1, 2]
    try:
        xs[1] += xs.pop()
    except IndexError as e:
        print("IndexError", e, xs)
    rows = [[1, 2]]
    try:
        rows[0][1] += rows[0].pop()
    except IndexError as e:
        print("IndexError", e, rows)
    grid = [[1, 2], [3, 4]]
    grid[1][0] += note("grid", grid[0][1]) * 10
    print(grid, log)
    b = Box()
    get_box(b).n += note("attr", 41)
    print(b.n, log)
    m = {"a": 1}
    try:
        m["zz"] += note("dict", 1)
    except KeyError as e:
        print("KeyError", e, log)
    m["a"] += note("dict", 2)
    print(m)
    s = 0
    for i in range(4):
        s += note(i, i)
    print(s, log[-4:])


locals_and_items()

# The same at module level (another evaluator path).
log.clear()
xs = [1, 2]
try:
    xs[1] += xs.pop()
except IndexError as e:
    print("IndexError", e, xs)
c = [[0, 0], [0, 0]]
try:
    c[0][5] += note("rhs", 1)
except IndexError as e:
    print("IndexError", e, log)
c[1][1] += note("ok", 3)
print(c, log)
b = Box()
get_box(b).n *= note("attr", 5)
print(b.n, log)
