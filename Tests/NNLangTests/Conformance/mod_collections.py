from collections import OrderedDict, defaultdict, namedtuple, Counter, deque
import collections
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.update(c=3)
print(od, list(od), od["a"], isinstance(od, dict), type(od).__name__)
od.move_to_end("b")
print(list(od.items()), od.popitem(), od.popitem(last=False), od)
print(OrderedDict([("x", 1)]), OrderedDict(), OrderedDict(a=1) == {"a": 1})
dd = defaultdict(list)
for w in ["apple", "avocado", "banana"]:
    dd[w[0]].append(w)
print(dd, dd["z"], len(dd), dict(dd), dd.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), defaultdict(lambda: "?")["k"])
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError", e)
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x, y, p._asdict(), p._replace(y=5), Point._fields, Point._make([7, 8]), Point, type(p).__name__)
Rec = namedtuple("Rec", "name age city", defaults=["?"])
print(Rec("ann", 3), Rec._field_defaults, Rec("bob", 4, "nyc").city, p[:1], hash(p) == hash((1, 2)))
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    namedtuple("Bad", "a a")
except ValueError as e:
    print("ValueError:", e)
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), sorted(c.elements())[:4], c.total())
c.update("aaz")
c.update({"b": 10})
print(c.most_common(3), Counter(), Counter([1, 1, 2]), Counter(cats=2, dogs=1), isinstance(c, dict))
c.subtract("aaaa")
print(c["a"], len(c))
dq = deque([1, 2, 3])
dq.append(4)
dq.appendleft(0)
print(dq, dq.pop(), dq.popleft(), dq, len(dq), dq[0], dq[-1], 2 in dq, list(reversed(list(dq))))
dq.extend([7, 8])
dq.extendleft([-1, -2])
dq.rotate(2)
print(dq, dq.count(7), dq.index(1))
dq.rotate(-3)
print(dq)
bounded = deque(range(5), maxlen=3)
bounded.append(9)
print(bounded, bounded.maxlen, deque(), list(deque("abc")))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
print(collections.OrderedDict.__name__, collections.Counter("aab") == Counter({"a": 2, "b": 1}))
