def greet(name, greeting="Hello", *args, punct="!", **kw):
    return f"{greeting}, {name}{punct} {args} {kw}"
print(greet("A"))
print(greet("B", "Hi", 1, 2, punct="?", x=1))
print(greet(greeting="Yo", name="C"))
args = ("D", "Hey")
kwargs = {"punct": ".", "z": 0}
print(greet(*args, **kwargs))
def f(a, b, /, c, *, d):
    return a + b + c + d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
def defaults(x, acc=[]):
    acc.append(x)
    return acc
print(defaults(1), defaults(2))
def noreturn():
    pass
print(noreturn())
def multi():
    return 1, 2
print(multi())
square = lambda x: x * x
print(square(4), (lambda *a, **k: (a, k))(1, b=2), list(map(lambda v: v + 1, [1, 2])))
def outer():
    def inner():
        return "inner"
    return inner()
print(outer(), greet.__name__, square.__name__)
def doc():
    "A docstring."
    return 1
print(doc.__doc__)
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(10))
def kwonly(*, a=1, b):
    return a, b
print(kwonly(b=2))
