# next() on exhausted generators and user iterators raises StopIteration as CPython does:
# a generator's return value travels once, later calls carry none.
def counted():
    yield 1
    return "done"
g = counted()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("first stop:", repr(e), e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("second stop:", repr(e), e.value, e.args)
print(next(g, "default"), list(g))

def empty():
    return
    yield
e = empty()
print(list(e), next(e, None))
try:
    next(e)
except StopIteration as s:
    print("empty:", repr(s), s.value)

# A generator closed before it finishes is exhausted too.
c = counted()
print(next(c))
c.close()
try:
    next(c)
except StopIteration as s:
    print("closed:", repr(s), s.value)
try:
    c.send(None)
except StopIteration as s:
    print("send after close:", repr(s))

# A generator that raised is finished.
def boom():
    yield 1
    raise ValueError("bad")
b = boom()
print(next(b))
try:
    next(b)
except ValueError as v:
    print("raised:", v)
try:
    next(b)
except StopIteration as s:
    print("after raise:", repr(s))

# Generator expressions.
ge = (x * x for x in range(2))
print(next(ge), next(ge), next(ge, "end"))
try:
    next(ge)
except StopIteration as s:
    print("genexp:", repr(s))

# User iterators: StopIteration with and without a value, and after exhaustion.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration("finished", self.n)
        self.n -= 1
        return self.n
it = Countdown(2)
print(next(it), next(it), next(it, "none left"))
try:
    next(it)
except StopIteration as s:
    print("user:", repr(s), s.value, s.args)
print(list(Countdown(3)), sum(Countdown(4)), [x for x in Countdown(2)])

# StopIteration raised inside a generator becomes RuntimeError (PEP 479).
def leaky():
    yield 1
    next(iter([]))
lk = leaky()
print(next(lk))
try:
    next(lk)
except RuntimeError as r:
    print("RuntimeError:", r, type(r.__cause__).__name__)
try:
    next(lk)
except StopIteration as s:
    print("after RuntimeError:", repr(s))

# next() on something that is not an iterator.
try:
    next([1, 2])
except TypeError as t:
    print("TypeError:", t)
try:
    next(Countdown)
except TypeError as t:
    print("TypeError:", t)
