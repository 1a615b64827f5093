def bubble(xs):
    xs = list(xs)
    for i in range(len(xs)):
        for j in range(len(xs) - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
    return xs
def quick(xs):
    if len(xs) <= 1:
        return xs
    p, *rest = xs
    return quick([x for x in rest if x < p]) + [p] + quick([x for x in rest if x >= p])
def bsearch(xs, t):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == t:
            return mid
        if xs[mid] < t:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
data = [5, 3, 8, 1, 9, 2, 7]
print(bubble(data), quick(data), data)
s = sorted(data)
print(bsearch(s, 7), bsearch(s, 4))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(17, 5))
sieve = [True] * 50
sieve[0] = sieve[1] = False
for i in range(2, 8):
    if sieve[i]:
        for j in range(i * i, 50, i):
            sieve[j] = False
print([i for i, p in enumerate(sieve) if p])
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
print(matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]))
words = "the cat and the hat and the bat".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
