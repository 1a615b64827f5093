# A call whose callee is a global function: the function is read before the arguments, and stays
# the one called even when the arguments rebind or delete the global.

def twice(x):
    return 2 * x

def rebind():
    global twice
    old = twice
    twice = lambda x: -x
    return 5

print(twice(rebind()))      # the old function runs
print(twice(3))             # the new one
twice = lambda x: 2 * x

def vanish():
    global helper
    del helper
    return 7

def helper(x):
    return x + 1

print(helper(vanish()))
try:
    helper(1)
except NameError as e:
    print("NameError:", e)

# recursion through a global that the recursion rebinds part way
def count(n):
    global count
    if n == 3:
        saved = count
        count = lambda n: 100
        r = saved(n - 1)
        count = saved
        return r
    if n == 0:
        return 0
    return 1 + count(n - 1)

print(count(5))

# an exception while the arguments are evaluated leaves the function usable
def boom():
    raise ValueError("boom")

for _ in range(3):
    try:
        twice(boom())
    except ValueError as e:
        print("caught", e)
print(twice(21))

# wrong argument counts, keyword calls and non-function globals through the same call sites
try:
    twice(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(twice(x=4))
n = 10
try:
    n(1)
except TypeError as e:
    print("TypeError:", e)
print(len([1, 2, 3]), max(3, 9), str(12))

class Box:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v

print(Box(4).get())

# a generator that calls a global function around a yield, resumed after the global is rebound
def gen():
    yield twice(1)
    r = twice((yield 2))
    yield r

g = gen()
print(next(g), next(g))
twice = lambda x: x * 100
print(g.send(3))

# a function bound to a global, called from another function after being deleted and redefined
def caller():
    return target(2)

def target(x):
    return x * 3

print(caller())
del target
try:
    caller()
except NameError as e:
    print("NameError:", e)
def target(x):
    return x * 4
print(caller())
print(bool(twice), callable(twice))
