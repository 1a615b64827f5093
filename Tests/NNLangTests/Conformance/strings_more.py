text = "The quick brown fox"
words = text.split()
print(words, len(words), " ".join(reversed(words)), text.lower().count("o"))
print(text.replace(" ", "_"), text[4:9].upper(), text.find("quick"), "fox" in text)
print([w[0] for w in words], "".join(sorted(set(text.lower().replace(" ", "")))))
print("a\tb\\n", r"raw\n", "multi" "part", """triple
quoted""")
print("%-10s|%5.2f|" % ("left", 2.345), "{:08.3f}".format(-3.14159), f"{'x' * 3}")
print("  lots   of   space  ".split(), "a b c".split(" ", 1), "x".split(","), "".split(","), "".split())
print("CSV,line,here".split(",")[1], "key=value".partition("="), "a.b.c".rsplit(".", 1))
print(str(123).zfill(6), "abc".endswith(("x", "c")), "Mixed Case".swapcase(), "title case words".title())
for ch in "hi!":
    print(ord(ch), end=" ")
print()
s = ""
for i in range(5):
    s += str(i)
print(s, s[::-1], int(s) + 1)
