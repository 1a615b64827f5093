s = "Hello World Hello"
print(s.count("Hello"), s.find("World", 3), s.find("Hello", 1), s.rfind("Hello"), s.index("o"), s.split("Hello"))
print(s.replace("Hello", "Bye", 1), s.lower().startswith("hello"), s.upper().endswith("LLO"), s[6:11].center(11, "-"))
print("1,2,3".split(",", maxsplit=1), "a  b".split(" "), " a ".strip() == "a", "x".ljust(3, "0"), "abc".rjust(2))
print("a" * 0, "ab".join("xyz"), "Python"[1:-1], "spam"[::-2], "".join(reversed("stressed")))
print("%s has %d items costing %.2f" % ("cart", 3, 9.5), "%5s|%-5s|" % ("r", "l"), "%3d%%" % 50)
print("{:^10}|{:<4}|{:>4}".format("mid", "l", "r"), "{0}{1}{0}".format("a", "b"), "{:.3e}".format(12345.678))
print("isdigit", "42".isdigit(), "4.2".isdigit(), "".isdigit(), "ABC".isupper(), "abc".islower(), "Abc".islower())
print(str(3.0), str(-2), str(10 ** 10), str(1e-3), repr(str(1e22)), len(str(2 ** 40)))
