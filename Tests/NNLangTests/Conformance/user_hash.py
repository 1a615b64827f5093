# User __eq__/__hash__ honoured by dict and set; __eq__ alone makes instances unhashable.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
d = {Point(1, 2): "a", Point(3, 4): "b"}
print(d[Point(1, 2)], Point(3, 4) in d, Point(5, 6) in d, d.get(Point(9, 9), "none"))
d[Point(1, 2)] = "A"
print(len(d), d)
s = {Point(0, 0), Point(0, 0), Point(1, 1)}
print(len(s), Point(1, 1) in s, sorted(s, key=lambda p: p.x))
s.discard(Point(0, 0))
print(s, hash(Point(1, 2)) == hash((1, 2)), Point(1, 2) == Point(1, 2), Point(1, 2) != Point(2, 1))
del d[Point(3, 4)]
print(d, list({Point(1, 1): 1, Point(1, 1): 2}.values()))
class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return 1
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
table = {Key("a"): 1}
table[Key("b")] = 2
print(len(table), table[Key("b")])
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__)
try:
    {EqOnly(): 1}
except TypeError as e:
    print("TypeError:", e)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
class Child(Point):
    pass
print({Child(1, 2): "c"}[Point(1, 2)])
class Identity:
    pass
a, b = Identity(), Identity()
print(len({a, b, a}), {a: 1}[a])
class BadHash:
    def __hash__(self):
        return "nope"
try:
    {BadHash()}
except TypeError as e:
    print("TypeError:", e)
class Raising:
    def __hash__(self):
        return 0
    def __eq__(self, other):
        raise RuntimeError("no comparing")
r = {Raising(): 1}
try:
    r[Raising()]
except RuntimeError as e:
    print("RuntimeError:", e)
