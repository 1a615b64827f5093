class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)))
for v in Countdown(2):
    print("tick", v)
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __contains__(self, x):
        return x in self.items
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __str__(self):
        return "Bag(" + ", ".join(map(str, self.items)) + ")"
b = Bag(1, 2, 3)
b[0] = 10
print(2 in b, 5 in b, len(b), b[0], str(b), b, [x for x in b])
class Money:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __eq__(self, o):
        return self.v == o.v
    def __repr__(self):
        return f"${self.v}"
    def __format__(self, spec):
        return format(self.v, spec) + " USD"
print(sorted([Money(3), Money(1), Money(2)]), max([Money(5), Money(9)]), Money(1) == Money(1), f"{Money(2.5):.2f}")
print(Money(1) in [Money(1)], [Money(1)] == [Money(1)], Money(1) != Money(2))
