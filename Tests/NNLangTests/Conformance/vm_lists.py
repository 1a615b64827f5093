# List indexing in the VM: nested lists, negative indices, errors, in-place updates.
def grid(n, m):
    return [[i * m + j for j in range(m)] for i in range(n)]


def reads(g):
    out = []
    for i in range(-3, 3):
        for j in range(-2, 2):
            out.append(g[i][j])
    return out


g = grid(3, 2)
print(reads(g))


def bad_reads(g):
    for i, j in [(3, 0), (0, 2), (-4, 0), (0, -3)]:
        try:
            print(g[i][j])
        except IndexError as e:
            print("IndexError:", e)
    try:
        print(g["a"][0])
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(g[0]["b"])
    except TypeError as e:
        print("TypeError:", e)
    h = [(1, 2), "ab", {0: "zero"}]
    print(h[0][1], h[1][0], h[2][0])


bad_reads(g)


def updates(g):
    for i in range(len(g)):
        for j in range(len(g[i])):
            g[i][j] += 0.5
            g[i][j] *= 2
            g[i][j] -= i
    return g


print(updates(grid(2, 3)))


def update_errors():
    t = [(1, 2)]
    try:
        t[0][0] += 1
    except TypeError as e:
        print("TypeError:", e)
    m = [[1]]
    try:
        m[0][5] += 1
    except IndexError as e:
        print("IndexError:", e)
    s = [["a"]]
    s[0][0] += "b"
    s[0][0] *= 2
    print(s)
    d = {"k": [0]}
    d["k"][0] += 5
    c = {"n": 1}
    c["n"] += 1
    try:
        c["missing"] += 1
    except KeyError as e:
        print("KeyError:", e)
    print(d, c)


update_errors()


def stores(n):
    xs = [0] * n
    for i in range(n):
        xs[i] = i * i
        xs[-1 - i] += 1
    try:
        xs[n] = 1
    except IndexError as e:
        print("IndexError:", e)
    ys = list(range(n))
    k = 0
    while k < n:
        ys[k] = ys[k] + xs[k]
        k += 1
    return xs, ys


print(stores(5))


def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0.0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            for k in range(m):
                c[i][j] += a[i][k] * b[k][j]
    return c


print(matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]), matmul([[1.5]], [[2]]))
print(matmul([[1, 2]], [[3], [4]]))


def int_matmul(a, b):
    c = [[0] * len(b[0]) for _ in a]
    for i in range(len(a)):
        for j in range(len(b[0])):
            for k in range(len(b)):
                c[i][j] += a[i][k] * b[k][j]
    return c


print(int_matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]))
