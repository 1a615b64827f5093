d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    d[(1, 2)]
except KeyError as e:
    print(e)
try:
    {}.pop("x")
except KeyError as e:
    print("pop", e)
try:
    d[[1]] = 2
except TypeError as e:
    print(e)
print(d[3])
