# generator expressions are lazy: items are computed when asked for
log = []

def f(x):
    log.append(x)
    return x * 10

g = (f(x) for x in range(4))
print(log)
print(next(g), log)
print(list(g), log)
print(list(g))
print(sum(x * x for x in range(10)))
print(list(x + y for x in range(3) for y in range(2) if x != y))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "end"))
print(type(x for x in []).__name__)
print(any(x > 2 for x in [1, 2, 3, 4]), all(x > 0 for x in [1, 0]))
print(sorted((x % 3, x) for x in range(6)))
print(dict((k, len(k)) for k in ["a", "bb"]))
print(", ".join(str(n) for n in range(5)))
k = 5
gen = (k * i for i in range(3))
print(list(gen))
