print([x * 2 for x in range(5)], [x for x in range(10) if x % 3 == 0], [(i, j) for i in range(3) for j in range(i)])
print({x: x ** 2 for x in range(4)}, sorted({c for c in "banana"}), [[j for j in range(i)] for i in range(3)])
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc"]), list(x + 1 for x in [1, 2]))
x = "outer"
print([x for x in "ab"], x)
print([y for y in range(3) if y if y > 1], [a + b for a, b in zip([1, 2], [10, 20])])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row])
def f():
    k = 10
    return [k + i for i in range(3)]
print(f())
print(any(v > 2 for v in [1, 3]), all(v > 0 for v in [1, 0]), any([]), all([]))
