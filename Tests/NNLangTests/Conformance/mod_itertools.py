import itertools
from itertools import count, cycle, repeat, chain, islice, zip_longest, product, permutations, combinations
from itertools import accumulate, groupby, starmap, takewhile, dropwhile, tee
import operator
print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(0.5, 0.25), 3)))
print(list(islice(cycle("ab"), 5)), list(repeat("x", 3)), list(islice(repeat(0), 2)), list(cycle([])))
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable([[1], [], [2, 3]])), list(chain()))
print(list(islice(range(10), 2, 8, 3)), list(islice("abcdef", None)), list(islice(range(10), 4, None)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
print(list(zip_longest("ab", [1, 2, 3])), list(zip_longest([1], [2, 3], fillvalue=0)))
print(list(product("ab", repeat=2)), list(product([1, 2], [3])), list(product()), list(product([], [1])))
print(list(permutations("abc")), list(permutations(range(3), 1)), list(permutations([1, 2], 3)))
print(list(combinations(range(4), 3)), list(combinations("ab", 0)), list(combinations("ab", 3)))
print(list(itertools.combinations_with_replacement("ab", 2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], operator.mul, initial=10)))
data = sorted(["apple", "avocado", "banana", "blueberry", "cherry"])
for k, g in groupby(data, key=lambda w: w[0]):
    print(k, list(g))
print([(k, len(list(g))) for k, g in groupby([1, 1, 2, 2, 2, 1])])
print(list(starmap(pow, [(2, 3), (3, 2)])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
a, b = tee(iter([1, 2, 3]))
print(next(a), list(a), list(b))
print(list(itertools.filterfalse(lambda x: x % 2, range(6))), list(itertools.compress("abcd", [1, 0, 1, 0])), list(itertools.pairwise("abc")))
gen = map(lambda x: x * x, count(1))
print(list(islice(gen, 4)), sum(islice(count(), 101)))
try:
    islice(range(3), -1)
except ValueError as e:
    print("ValueError:", e)
