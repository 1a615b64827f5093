d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(d.keys(), d.values(), d.items(), list(d), list(d.items()))
for k, v in d.items():
    print(k, v)
print(d.pop("a"), d, d.pop("zz", "dflt"), d.setdefault("b", 9), d.setdefault("n", []), d)
d.update({"x": 1}, y=2)
d.update([("z", 0)])
print(d)
del d["x"]
print(d, dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict(zip("ab", [1, 2])), {})
e = {1: "int", 1.0: "float", True: "bool"}
print(e)
counts = {}
for ch in "hello":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print({(1, 2): "tuple key"}[(1, 2)], {None: 0}, {"k": [1, 2]})
c = d.copy()
c["new"] = 1
print(len(c), len(d))
print(sorted({3: "a", 1: "b"}.items()), {k: v for k, v in [("a", 1)]})
d.clear()
print(d, {"a": 1} | {"b": 2})
print(dict.fromkeys(["a", "b"], 0))
