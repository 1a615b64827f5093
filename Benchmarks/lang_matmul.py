def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0.0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            for k in range(m):
                c[i][j] += a[i][k] * b[k][j]
    return c
n = 64
a = [[(i * n + j) % 7 * 0.5 for j in range(n)] for i in range(n)]
b = [[(i + j) % 5 * 0.25 for j in range(n)] for i in range(n)]
c = matmul(a, b)
print(sum(sum(r) for r in c))
