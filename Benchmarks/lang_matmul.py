# Issue 3: a 64x64 list-of-lists triple-loop matmul at least 1.5x faster than CPython.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0.0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            for k in range(m):
                c[i][j] += a[i][k] * b[k][j]
    return c


N = 64
A = [[(i * N + j) % 7 * 0.5 for j in range(N)] for i in range(N)]
B = [[(i + j) % 5 * 0.25 for j in range(N)] for i in range(N)]


def bench():
    return matmul(A, B)


if __name__ == "__main__":
    print(sum(sum(r) for r in bench()))
