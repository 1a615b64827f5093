# str compares, hashes, orders and searches by code points, as CPython: "é" (U+00E9) and
# "e" + U+0301 (combining acute) look alike and are canonically equivalent, but are different
# strings of different lengths.
a = "\u00e9"
b = "e\u0301"
print(len(a), len(b), a == b, a != b, b == a, b != a, a == "\u00e9", b == "e" + "\u0301")
print(a < b, a <= b, a > b, a >= b, b < a, b > a)
print(ascii(sorted([a, b, "e", "f", "\u0301", "d"])), ascii(min(a, b)), ascii(max(a, b)))
print(ascii(sorted(["\u212b", "\u00c5", "A\u030a"])), "\u212b" == "\u00c5", "\u00c5" == "A\u030a")
print([a, b] == [b, a], (a,) == (b,), (a, 1) < (b, 1), [a] < [b], [a, b].count(b), [a, b].index(b))
# hashing: dict and set keys stay distinct
d = {a: 1}
d[b] = 2
print(len(d), d[a], d[b], a in d, b in d, ascii(list(d)), "e" in d)
print(d.get("e\u0301"), d.get("\u00e9"), d.get("e"), d.pop(b), len(d), b in d)
s = {a, b, a, "e\u0301"}
print(len(s), a in s, b in s, "e" in s, ascii(sorted(s)))
s.discard(b)
print(len(s), a in s, b in s, hash(a) == hash("\u00e9"), hash(b) == hash("e" + "\u0301"))
print(len({"\u212b": 1, "\u00c5": 2, "A\u030a": 3}), len(set(["\u212b", "\u00c5", "A\u030a", "\u212b"])))
print(len(dict.fromkeys([a, b, a])), {a: 1} == {b: 1}, {a} == {b}, {a, b} == {b, a})
# `in`, find/index/count, startswith/endswith, replace, split, partition, strip
w = "caf\u00e9 cafe\u0301 e\u0301t\u00e9"
print(len(w), a in w, b in w, "e" in w, "\u0301" in w, a in b, b in a, "e" in b, "\u0301" in b)
print(w.find(a), w.find(b), w.rfind(a), w.rfind(b), w.find("\u0301"), w.find("e"), w.rfind("e"))
print(w.index(b), w.rindex(a), w.count(a), w.count(b), w.count("e"), w.count("\u0301"), b.count("e"))
for bad in [lambda: a.index(b), lambda: b.index(a), lambda: "e\u0301".rindex("\u00e9")]:
    try:
        print(bad())
    except ValueError as e:
        print(type(e).__name__, e)
print(w.startswith("caf\u00e9"), w.startswith("cafe"), w.startswith("cafe\u0301"), b.startswith("e"), a.startswith("e"))
print(b.endswith("\u0301"), b.endswith(a), a.endswith(b), w.endswith("t\u00e9"), w.endswith("te\u0301"), w.endswith(("x", a)))
print(ascii(w.replace(a, "E")), ascii(w.replace(b, "E")), ascii(w.replace("e", "3")), ascii(w.replace("\u0301", "")))
print(ascii(w.split(a)), ascii(w.split(b)), ascii(w.split("e")), ascii(w.rsplit(b, 1)), ascii(w.split("\u0301")))
print(ascii(w.partition(b)), ascii(w.rpartition(a)), ascii(w.partition("\u0301")), ascii(b.partition(a)))
print(ascii(b.strip("e")), ascii(b.strip("\u0301")), ascii(b.strip(a)), ascii(a.strip("e\u0301")), ascii(b.rstrip("\u0301e")))
print(ascii(b.lstrip("e")), ascii(b.removeprefix("e")), ascii(b.removesuffix("\u0301")), ascii(a.removeprefix("e")))
print(ascii(" \u0301 ".strip()), ascii(b.center(5, "*")), ascii(b.ljust(3, "-")), ascii(b * 2), ascii(b + a))
# length, indexing and slicing are by code point; iteration and reversal too
print(len(w), ascii(w[3]), ascii(w[8]), ascii(w[9]), ascii(w[-1]), ascii(w[-2]), ascii(w[5:10]), ascii(w[::-1]))
print(ascii(b[0]), ascii(b[1]), ascii(b[-1]), ascii(b[:1]), ascii(b[1:]), ascii(list(b)), ascii(list(reversed(b))))
print([ord(c) for c in b], [ord(c) for c in a], ascii(chr(101) + chr(769)), chr(101) + chr(769) == b)
print(ascii("".join(reversed(b))), len(b[::-1]), ascii("\U0001F1FA\U0001F1F8"[1]), len("\U0001F1FA\U0001F1F8"))
# conversions, formatting and case changes keep the code points
print(ascii(str(b)), ascii(repr(b)), ascii(f"{b}|{a:>3}|{b:<3}|"), ascii("%s" % b))
print(ascii(b.upper()), ascii(a.upper()), b.isalpha(), b.isalnum())
# literals stay distinct in one code object (the compiler's constant pool)
def same():
    return "\u00e9", "e\u0301", "\u00e9" == "e\u0301"
x, y, eq = same()
ident = x is y
print(len(x), len(y), eq, ident, ascii(x), ascii(y))
k = ["\u00e9", "e\u0301"]
print(len(k[0]), len(k[1]), k[0] == k[1], ascii(k))
match_ = {"\u00e9": "precomposed", "e\u0301": "combining"}
print(len(match_), ascii(match_))
# ASCII and plain strings are unchanged
print("abc" == "abc", "abc" < "abd", "ab" < "abc", "B" < "a", sorted(["b", "a", "C"]), "bc" in "abcd", "x" * 0 == "")
print("\u00e9t\u00e9" < "\u00e9tz", "z" < "\u00e9", "\uffff" < "\U00010000", sorted(["\U00010000", "\uffff", "\u00e9"]) == ["\u00e9", "\uffff", "\U00010000"])
print(ascii("abc".removeprefix("ab")), ascii("abc".removesuffix("bc")), ascii("abc".removeprefix("")), ascii("abc".removesuffix("abcd")))
try:
    "abc".removeprefix(1)
except TypeError as e:
    print(type(e).__name__, e)
print(ascii(f"{b:.1}|{w:.5}|{b:^6}|{b:*>4}"), ascii("%-4s|%4s|%.1s" % (b, b, b)), ascii(format(b, ">3")), ascii(b.rjust(4)))
