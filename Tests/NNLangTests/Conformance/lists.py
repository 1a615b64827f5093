a = [3, 1, 2]
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
a.insert(-1, 9)
a.insert(100, 7)
print(a, len(a), a.pop(), a.pop(0), a)
a.remove(9)
print(a, a.index(2), a.count(1), 2 in a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a, a.copy(), a[:], a[1:3], a[::-1], a[-2:], a[::2], a[5:1:-1], a[10:], a[-100:2])
b = a
b[0] = 100
print(a)
a[1:3] = ["x", "y", "z"]
print(a)
del a[0]
del a[1:3]
print(a)
a[::2] = [0, 0]
print(a)
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m, [1, 2] + [3], [0] * 4, [[1]] * 2)
c = [1, 2]
c += [3]
c *= 2
print(c, list(range(5)), list("abc"), list((1, 2)))
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][0], len(nested))
c.clear()
print(c)
l = [1, 2, 3]
l.append(l)
print(l)
