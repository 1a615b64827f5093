# Container and context-manager protocols on user classes.
class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        print("contains", x)
        return x in self.items
s = Seq(1, 2, 3)
s[0] = 10
del s[1]
print(len(s), s[0], s[-1], 3 in s, 7 in s, list(s), bool(Seq()), s[0:1])
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
c = Countdown(3)
print(list(c), list(c), next(Countdown(5)), next(iter(Countdown(0)), "done"))
print(sum(Countdown(4)), sorted(Countdown(3)), [x * 2 for x in Countdown(3)], dict(zip(Countdown(2), "ab")))
class Managed:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.swallow
with Managed("a") as v:
    print("inside", v)
with Managed("b", swallow=True):
    raise KeyError("k")
try:
    with Managed("c"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
with Managed("x") as x, Managed("y") as y:
    print(x, y)
