g = (x * x for x in range(4))
print(next(g), next(g), list(g), list(g))
print(sum(i for i in range(10) if i % 2), tuple(c.upper() for c in "ab"), sorted((v for v in [3, 1, 2]), reverse=True))
print(dict((k, len(k)) for k in ["a", "bb"]), set(x % 2 for x in range(5)), "".join(str(d) for d in range(5)))
print(min((abs(v), v) for v in [-3, 2, -1]), max(x for x in "hello"))
it = iter(range(3))
for x in it:
    print("got", x)
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
