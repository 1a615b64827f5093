# Containers changed while an operation holds an index, and integer/format edges:
# each printed the same as CPython or raised, none may crash the interpreter.
def probe(name, f):
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__ + ":", e)

class Clearing:
    def __init__(self, target):
        self.target = target
    def __eq__(self, o):
        self.target.clear()
        return False

def remove_mutating():
    xs = []
    xs.extend([Clearing(xs), Clearing(xs), 1])
    xs.remove(1)
    return xs

def count_mutating():
    xs = []
    xs.extend([Clearing(xs), Clearing(xs), 1])
    return xs.count(1), xs

def index_mutating():
    xs = []
    xs.extend([Clearing(xs), Clearing(xs), 1])
    return xs.index(1)

def dict_eq_mutating():
    a = {}
    b = {}
    a[1] = Clearing(a)
    a[2] = 2
    b[1] = 0
    b[2] = 2
    return a == b

def dict_del_in_loop():
    d = {1: 2, 3: 4}
    for k in d.keys():
        d.pop(k)

def dict_values_clear():
    d = {1: 2, 3: 4}
    for v in d.values():
        d.clear()

def dict_items_ok():
    d = {1: 2, 3: 4}
    for k, v in d.items():
        d[k] = v + 1
    return d

def set_add_in_loop():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 10)

def sort_key_appends():
    xs = [3, 1, 2]
    xs.sort(key=lambda v: xs.append(1) or v)

def sort_key_pops():
    xs = [3, 1, 2]
    def k(v):
        xs.pop()
        return v
    try:
        xs.sort(key=k)
    finally:
        print("after", xs)

def sort_key_sees_empty():
    xs = [3, 1, 2]
    seen = []
    xs.sort(key=lambda v: seen.append(len(xs)) or v)
    return xs, seen

def self_compare():
    a = []
    a.append(a)
    b = []
    b.append(b)
    return a == b

def deep_compare():
    x = []
    y = []
    for i in range(5000):
        x = [x]
        y = [y]
    return x == y

def self_repr():
    a = []
    a.append(a)
    d = {}
    d[1] = d
    return a, d, a == a, a is a

big = 2**62 - 1 + 2**62
small = -2**62 - 2**62

def main():
    probe("remove", remove_mutating)
    probe("count", count_mutating)
    probe("index", index_mutating)
    probe("dict eq", dict_eq_mutating)
    probe("dict del", dict_del_in_loop)
    probe("dict clear", dict_values_clear)
    probe("dict items", dict_items_ok)
    probe("set add", set_add_in_loop)
    probe("sort append", sort_key_appends)
    probe("sort pop", sort_key_pops)
    probe("sort len", sort_key_sees_empty)
    probe("self cmp", self_compare)
    probe("deep cmp", deep_compare)
    probe("self repr", self_repr)
    probe("pow mod", lambda: (pow(small, 1, -1), pow(5, 3, small), pow(-7, 3, small), pow(big, 2, small)))
    probe("round int", lambda: (round(small, -20), round(big, -20), round(7, big), round(4 * 10**18, -19)))
    probe("round float", lambda: (round(1.5, big), round(1.5, small), round(-2.5, small)))
    probe("float cmp", lambda: (float(big) == big, big < 9.3e18, small == -9.223372036854776e18, float(big) > big, 9.3e18 > big, -9.3e18 < small))
    probe("precision", lambda: f"{5.0:.99999999999f}")
    probe("digits", lambda: f"{5:99999999999999999999}")
    probe("% precision", lambda: "%.9999999999f" % 1.0)
    probe("partition", lambda: "abc".partition(""))
    probe("hash", lambda: (hash(-1), hash(-2), hash(big), hash(small), hash(2**61), hash(-2**61 + 1), hash(3.0), hash(-1.0)))
    probe("enumerate", lambda: list(enumerate("ab", big - 1)))

main()
print("at module level")
probe("remove", remove_mutating)
probe("sort pop", sort_key_pops)
probe("self cmp", self_compare)
probe("float cmp", lambda: (float(big) == big, big < 9.3e18, small == -9.223372036854776e18))
