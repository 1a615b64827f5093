s = {3, 1, 2}
s.add(4)
s.add(1)
print(len(s), 1 in s, 5 in s, sorted(s))
s.discard(10)
s.remove(3)
print(sorted(s), set(), set([1, 1, 2]), {1} | {2}, sorted({1, 2} & {2, 3}), {1, 2} - {2}, {1, 2} <= {1, 2, 3})
print(sorted({x % 3 for x in range(10)}), len(set("hello")))
