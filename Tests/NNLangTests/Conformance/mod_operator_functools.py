import operator
import functools
from functools import partial, reduce, wraps
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(2, 3), operator.mul("ab", 2), operator.sub(5, 7), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(4), operator.not_(0), operator.truth([1]), operator.eq(1, 1.0))
print(operator.lt(1, 2), operator.ge(1, 2), operator.contains([1, 2], 2), operator.getitem({"a": 1}, "a"), operator.is_(None, None))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.invert(5), operator.lshift(1, 4), operator.concat([1], [2]))
l = [1, 2, 3]
operator.setitem(l, 0, 9)
operator.delitem(l, 1)
print(l, operator.iadd([1], [2]), operator.index(True), operator.countOf([1, 2, 1], 1))
rows = [("b", 2, 9), ("a", 3, 1), ("c", 1, 5)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 2)(rows[0]), itemgetter(slice(1, None))("hello"))
class P:
    def __init__(self, name, inner=None):
        self.name, self.inner = name, inner
    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"
ps = [P("zed", P("x")), P("amy", P("y"))]
print([p.name for p in sorted(ps, key=attrgetter("name"))], attrgetter("inner.name")(ps[0]), attrgetter("name", "inner.name")(ps[1]))
print(methodcaller("greet", "Hi")(ps[0]), methodcaller("greet", "Yo", punct="?")(ps[1]), methodcaller("upper")("abc"))
print(itemgetter(1), itemgetter(1, "a"), attrgetter("x.y"), methodcaller("f", 1, k=2))
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(operator.add, [], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
def power(base, exp, *, mod=None):
    r = base ** exp
    return r % mod if mod else r
square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=5)
print(square(7), cube_mod(4), partial(power, 2)(5), square.func is power, square.args, square.keywords)
p2 = partial(partial(power, 3), mod=4)
print(p2(2), p2.args, p2.keywords, repr(partial(max)).startswith("functools.partial(<built-in function max>"))
def logged(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        """Wrapper doc."""
        print("calling", f.__name__)
        return f(*args, **kwargs)
    return wrapper
@logged
def area(w, h):
    """Area of a rectangle."""
    return w * h
print(area(3, 4), area.__name__, area.__doc__, area.__wrapped__(2, 2))
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls))
@functools.lru_cache
def sq(x):
    calls.append(x)
    return x * x
calls.clear()
print(sq(3), sq(3), calls)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
