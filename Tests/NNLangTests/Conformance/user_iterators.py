# user iterators (__iter__/__next__) in for, unpacking, list(), sum(), zip(), enumerate(), sorted()
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

for x in Countdown(3):
    print(x)
a, b = Countdown(2)
print(a, b)
print(list(Countdown(4)), sum(Countdown(5)), sorted(Countdown(3)))
print(list(zip(Countdown(3), Countdown(4))), list(enumerate(Countdown(2))))
print(max(Countdown(6)), tuple(Countdown(2)), [y * 2 for y in Countdown(3)])

class Bag:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        for it in self.items:
            yield it

print(list(Bag("xyz")), set(Bag([1, 1, 2])) == {1, 2})
it = iter(Bag([7, 8]))
print(next(it), next(it), next(it, None))
c = Countdown(1)
print(next(c))
try:
    next(c)
except StopIteration:
    print("StopIteration")
print(next(Countdown(0), "empty"))
