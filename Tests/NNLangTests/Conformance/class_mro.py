# Multiple inheritance: C3 MRO, super() through it, CPython's errors for a bad MRO.
class Base:
    def __init__(self):
        print("Base.__init__")
        self.log = ["Base"]
    def who(self):
        return "Base"
class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.log.append("Left")
    def who(self):
        return "Left>" + super().who()
class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.log.append("Right")
    def who(self):
        return "Right>" + super().who()
class Diamond(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Diamond")
    def who(self):
        return "Diamond>" + super().who()
d = Diamond()
print(d.log, d.who())
print([c.__name__ for c in Diamond.__mro__])
print(Diamond.__bases__, Left.__base__, Base.__bases__)
print(isinstance(d, (int, Right)), issubclass(Diamond, (Left, str)), issubclass(Diamond, Diamond), isinstance(d, object))

class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
class E(C, B): pass
print([k.__name__ for k in D.mro()] if hasattr(D, "mro") else None)
for bases in [(A, B), (D, E), (B, B)]:
    try:
        type("X", bases, {})
    except TypeError as e:
        print("TypeError:", e)
class F(D, E.__bases__[0]): pass
print([k.__name__ for k in F.__mro__])

class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class Top(K1, K2, K3): pass
print([k.__name__ for k in Top.__mro__])

# super() in classmethods, with explicit arguments, and reaching object.__setattr__.
class Tracked:
    def __setattr__(self, k, v):
        print("set", k, v)
        super().__setattr__(k, v)
    @classmethod
    def make(cls):
        return cls()
class Sub(Tracked):
    def __init__(self, n=0):
        self.n = n
    @classmethod
    def make(cls):
        print("Sub.make", cls.__name__)
        return super().make()
s = Sub(3)
print(s.n, type(Sub.make()).__name__, super(Sub, s).__setattr__("m", 1), s.m)
class Counter2(Tracked):
    def __setattr__(self, k, v):
        super().__setattr__(k, v * 10)
c = Counter2()
c.x = 2
print(c.x, vars(c))

# Class attributes of the class object.
class Outer:
    """Doc of Outer."""
    class Inner:
        pass
    def method(self):
        pass
print(Outer.__name__, Outer.Inner.__qualname__, Outer.method.__qualname__, Outer.__doc__, Outer.Inner.__doc__)
print(Outer.__module__, Outer.Inner, type(Outer), type(Outer()) is Outer, Outer().__class__.__name__)
T = type("T", (Base,), {"x": 5, "who": lambda self: "T"})
t = T()
print(T.__name__, T.x, t.who(), T.__mro__, isinstance(t, Base))
