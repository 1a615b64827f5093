print(repr(1), repr(1.0), repr("s"), repr(None), repr(True), repr([]), repr({}), repr(()), repr((1,)), repr((1, 2)))
print([1, "a", (2,)], {"a": [1, {"b": None}]}, [[], [[]]], ("x", ["y"]), [True, None, 1.5, -0.0])
print(str("s"), str([ "s" ]), [1.0, 2.50, 1e-10], {1: "1", "1": 1}, [print])
print(repr("\n"), ["a'b", 'a"b', "a'b\"c"], ["\\"], "\u00e9", ["\u00e9"], ["\x01"])
class P:
    pass
print(str(P)[:17], repr(len), repr(int))
print(set([1]), {1: {2: {3: []}}}, [range(2)], (None, ...))
