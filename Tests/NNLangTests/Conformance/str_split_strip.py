# split, rsplit, strip and replace at their edges (the walks behind them poll the deadline).
s = "  a b\t\tc \n d  "
for m in [-1, 0, 1, 2, 3, 4, 10]:
    print(m, s.split(None, m), s.rsplit(None, m), s.split(maxsplit=m), s.rsplit(maxsplit=m))
print("".split(), " ".split(), " ".rsplit(None, 0), " x ".split(None, 0), " x ".rsplit(None, 0), "x".split())
print("a\x1cb\x1dc\x1ed\x1fe\x85f\xa0g\u2028h\u3000i\u2003j\u180ek".split())
print("aaa".split("aa"), "aaa".rsplit("aa"), "aaaa".split("aa"), "aaaa".rsplit("aa", 1), "aaaaa".rsplit("aa"))
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 2), ",".split(","), "".split(","), "".rsplit(","))
print("a::b::c".split("::", 1), "a::b::c".rsplit("::", 1), "a::b::c".split("::", 0), "a::b::c".rsplit("::", -5))
print("héllo wörld ✓ ok".split(), "héllo✓wörld✓".split("✓"), "é✓é✓é".rsplit("✓", 1))
print(repr("  x y  ".strip()), repr("  x y  ".lstrip()), repr("  x y  ".rstrip()), repr("   ".strip()), repr("".strip()))
print(repr("xxhixyx".strip("xy")), repr("xxhixyx".lstrip("x")), repr("xxhixyx".rstrip("yx")), repr("abc".strip("")), repr("éaé".strip("é")))
print(repr("\u3000\x85 hi \xa0\u2028".strip()), repr("hi".strip(None)))
for c in [-1, 0, 1, 2, 3, 4, 5]:
    print(c, repr("abc".replace("", "-", c)), repr("".replace("", "-", c)), repr("é✓".replace("", "<>", c)))
print(repr("abc".replace("", "")), repr("ab".replace("", "xyz")))
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".rsplit("")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".split(1)
except TypeError as e:
    print("TypeError:", e)
