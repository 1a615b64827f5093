ops = [lambda: 1 + "a", lambda: "a" + 1, lambda: [1] + (1,), lambda: None + 1, lambda: 2 ** "x", lambda: "a" * "b",
       lambda: -"x", lambda: len(5), lambda: 1 < "a", lambda: [] < 1, lambda: {}[[]], lambda: 3[0], lambda: iter(5),
       lambda: int(None), lambda: float([]), lambda: "abc"[1.5], lambda: [1, 2]["a"], lambda: sum(["a"]),
       lambda: "x".join([1]), lambda: abs("s"), lambda: 1 in 5, lambda: 1 in "abc", lambda: {}.get(),
       lambda: (1, 2)[5], lambda: "ab"[9], lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(5),
       lambda: int("1.5"), lambda: float("x"), lambda: range(1, 2, 0), lambda: max([]), lambda: "x".index("y")]
for op in ops:
    try:
        op()
    except Exception as e:
        print(type(e).__name__ + ":", e)
