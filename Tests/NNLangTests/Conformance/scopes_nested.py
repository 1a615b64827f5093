def outer():
    def inner():
        return later
    later = "set after"
    return inner()
print(outer())
def make_class(v):
    class K:
        attr = v
        def get(self):
            return v * 2
    return K
K = make_class(21)
print(K.attr, K().get())
def rec():
    def walk(n):
        return 0 if n == 0 else 1 + walk(n - 1)
    return walk(10)
print(rec())
class Tree:
    def __init__(self, kids=()):
        self.kids = list(kids)
    def size(self):
        return 1 + sum(k.size() for k in self.kids)
print(Tree([Tree(), Tree([Tree()])]).size())
def gen_adders():
    out = {}
    for name, inc in [("one", 1), ("two", 2)]:
        out[name] = (lambda inc: lambda x: x + inc)(inc)
    return out
a = gen_adders()
print(a["one"](1), a["two"](1))
x = 10
class C:
    x = 5
    y = [x for _ in range(1)]
print(C.y)
def f():
    total = 0
    items = [1, 2, 3]
    return sum(v * total for v in items), [total + v for v in items]
print(f())
def counter_gen():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c = counter_gen(); c(); print(c())
