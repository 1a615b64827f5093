# str searches and case changes on code points, with CPython's start/end rules.
s = "héllo wörld, héllo"
print(s.find("llo"), s.rfind("llo"), s.find("llo", 5), s.find("llo", 5, 10), s.find("llo", -5), s.find("z"))
print(s.find("h", -100), s.rfind("h", None, 5), s.find("", 3), s.find("", 18), s.find("", 19), s.rfind(""), s.rfind("", 2, 1))
print(s.index("ö"), s.rindex("é"), s.index("l", -4, -1), s.count("l"), s.count("l", 4), s.count("l", 2, -3))
print(s.count(""), s.count("", 5), s.count("", 5, 2), s.count("", 30), "aaaa".count("aa"), "".count(""), "".find(""))
for bad in [lambda: s.index('z'), lambda: s.rindex('llo', 0, 4), lambda: s.find(1), lambda: s.find('a', 'b'),
            lambda: 'ab'.startswith(('a', 1))]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(s.startswith("hé"), s.startswith("é", 1), s.startswith("", 18), s.startswith("", 19), s.startswith(("x", "wö"), 6))
print(s.endswith("llo"), s.endswith("wörld", 0, 11), s.endswith(("x", "d,"), None, 12), s.endswith("", 5, 4), "".endswith(""))
print("" in "", "" in s, "ö" in s, "wörld," in s, "x" in s)
t = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l\n\nm\r"
print(t.splitlines())
print(t.splitlines(True))
print(t.splitlines(keepends=True)[-3:], "".splitlines(), "\n".splitlines(), "x".splitlines(), "\r\n\r\n".splitlines(True))
print(s.partition("llo"), s.rpartition("llo"), s.partition("z"), s.rpartition("z"))
u = "Ünïcödé ÄND ascii, ǆ ǅ ǈ 1st 2nd ß ﬁ they're"
print(u.upper())
print(u.lower())
print(u.swapcase())
print(u.title())
print(u.capitalize(), "ǆemal".capitalize(), "".capitalize(), "1ABC".capitalize())
print("ABC".isupper(), "ABc".isupper(), "A1 ".isupper(), "123".isupper(), "ǅ".isupper(), "abc".islower(), "aBc".islower(), "ǅ".islower())
print("٣".isdigit(), "²".isdigit(), "½".isnumeric(), "½".isdigit(), "ab".isalpha(), "".isalpha(), " \t\x1c".isspace())
