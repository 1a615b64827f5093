print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0 == True, 3 > 2 > 1 > 0, 1 < 2 > 1.5)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [1, 2] == [1, 2], (1,) == [1])
print("a" < "b", "Z" < "a", "abc" < "ab", None == None, None is None, 1 != 2)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, id(a) == id(b))
print(1 in [1, 2], 3 not in [1, 2], "a" in {"a": 1}, 1 in {"a": 1}, 2 in range(5), 5 in range(5), 4 in range(0, 10, 2), 3 in (1, 2, 3))
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1, 2} == {2, 1}, 2 == 2.0, 0.1 + 0.2 == 0.3)
print(max(1, 2.5), min([3, 1, 2]), max("abc"), min((4, 5), (4, 3)))
x = 5
print(0 < x < 10, 0 < x < 3, x == 5 != 6)
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(0) < noisy(2))
