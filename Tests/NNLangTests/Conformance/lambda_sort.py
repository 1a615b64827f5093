people = [("alice", 30), ("bob", 25), ("carol", 35), ("dave", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: p[1]))
people.sort(key=lambda p: p[0], reverse=True)
print(people)
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(list(map(lambda p: p[0].upper(), people)))
print(sorted(["b10", "a2", "b1"], key=lambda s: (s[0], int(s[1:]))))
