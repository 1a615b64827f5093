def trace(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
def repeat(n):
    def deco(fn):
        def inner():
            return [fn() for _ in range(n)]
        return inner
    return deco
@repeat(3)
def hi():
    return "hi"
print(hi())
def memo(fn):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapped
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
