# generator functions: yield, return value -> StopIteration.value, send, close, yield from
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

g = count(3)
print(type(g).__name__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e.value))
print(next(g, "default"))
print(list(count(5)), sum(count(5)), sorted(count(4), reverse=True))
print(list(zip(count(3), "abc")), list(enumerate(count(2))))
a, b, c = count(3)
print(a, b, c)
print(max(count(7)), min(count(7)), any(count(2)), all(count(2)))
print([x * 2 for x in count(4)], {x: x * x for x in count(3)})

def echo():
    got = []
    while True:
        x = yield len(got)
        if x is None:
            break
        got.append(x)
    return got

e = echo()
print(next(e))
print(e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)

def inner():
    yield 1
    yield 2
    return "inner-result"

def outer():
    r = yield from inner()
    print("inner gave", r)
    yield from [10, 20]
    yield from range(2)

print(list(outer()))

def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

g = guarded()
print(next(g))
g.close()
print("closed")
g.close()
print(list(guarded()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)

def with_default(xs, key=lambda x: x):
    for x in xs:
        yield key(x)

print(list(with_default([3, 1, 2], key=lambda x: -x)))

def nested_loops():
    for i in range(3):
        for j in range(i):
            yield (i, j)

print(list(nested_loops()))

def fresh():
    yield 1
try:
    fresh().send(5)
except TypeError as t:
    print("TypeError:", t)

def throws():
    try:
        yield 1
    except ValueError as v:
        print("got", v)
        yield 2

t = throws()
print(next(t))
print(t.throw(ValueError("boom")))

def stops():
    yield 1
    raise StopIteration

try:
    list(stops())
except RuntimeError as r:
    print("RuntimeError:", r)
