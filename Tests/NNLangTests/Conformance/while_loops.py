n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
a, b = 0, 1
fibs = []
while len(fibs) < 10:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
i = 10
while True:
    i -= 3
    if i < 0:
        break
print(i)
def primes(limit):
    out = []
    k = 2
    while k < limit:
        for p in out:
            if k % p == 0:
                break
        else:
            out.append(k)
        k += 1
    return out
print(primes(50))
