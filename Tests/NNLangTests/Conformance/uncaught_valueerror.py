def parse(s):
    return int(s)
print(parse("12"))
print(parse("abc"))
