a = {1, 2, 3}
b = {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a > a, a.issubset({1, 2, 3, 4}), a.issuperset({1}), a.isdisjoint({7}), a.isdisjoint(b))
c = a.copy(); c.add(10); c.discard(99); c.discard(1); c.remove(2); print(sorted(c), sorted(a))
try:
    c.remove(42)
except KeyError as e:
    print("KeyError", e)
d = set(); d.update([1, 2], (3,)); print(sorted(d), d.pop() in {1, 2, 3}, len(d))
d.clear(); print(d, len(d), bool(d))
try:
    d.pop()
except KeyError as e:
    print("KeyError", e)
e = {1, 2, 3}; e |= {4}; e &= {1, 2, 4}; e -= {1}; e ^= {9}; print(sorted(e))
f = {1, 2, 3}; f.intersection_update({2, 3, 4}); print(sorted(f))
f.difference_update({2}); print(sorted(f))
f.symmetric_difference_update({3, 5}); print(sorted(f))
print({1, 2} == {2, 1}, {1} != {1, 2}, 2 in {1, 2})
print(sorted({x * x for x in range(5)}), set("aab") == {"a", "b"}, len({(1, 2), (1, 2)}))
