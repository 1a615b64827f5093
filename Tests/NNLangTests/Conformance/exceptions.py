def risky(n):
    if n == 0:
        raise ValueError("zero!")
    if n == 1:
        raise TypeError
    return 10 / (n - 2)
for n in range(4):
    try:
        r = risky(n)
    except ValueError as e:
        print("ValueError", e)
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, repr(e))
    else:
        print("ok", r)
    finally:
        print("finally", n)
class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(7)
except Exception as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, MyError), isinstance(e, Exception))
class Sub(MyError):
    pass
try:
    raise Sub(1)
except MyError as e:
    print("caught subclass", e)
def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
    return i
print(g())
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as e:
    print("reraised", e)
try:
    raise KeyError("k")
except LookupError as e:
    print("lookup", e)
try:
    [][0]
except IndexError as e:
    print(e)
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert", e)
try:
    assert False
except AssertionError as e:
    print("empty assert", repr(e))
e = ValueError("a", 1)
print(e, repr(e), e.args, str(ValueError()), repr(ValueError()))
try:
    raise RuntimeError("x") from ValueError("y")
except RuntimeError as err:
    print(err)
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError), issubclass(OverflowError, ArithmeticError), issubclass(KeyError, LookupError))
try:
    raise NotImplementedError("todo")
except RuntimeError as e:
    print(type(e).__name__, e)
