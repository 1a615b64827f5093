vals = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {"a": 1}, None, True, False, range(0), range(3), set()]
for v in vals:
    print(repr(v), bool(v), "yes" if v else "no", not v)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" or [] or 0, 1 and "" and 3)
print([] or {}, (1, 2) and [3], not None, not 1)
class C:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
print(bool(C()), bool(L()), bool(object()))
