class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Ctx("a") as v:
    print("body", v)
with Ctx("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Ctx("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with Ctx("x") as p, Ctx("y") as q:
    print(p, q)
def early():
    with Ctx("ret"):
        return "returned"
print(early())
try:
    with 5:
        pass
except TypeError as e:
    print(e)
