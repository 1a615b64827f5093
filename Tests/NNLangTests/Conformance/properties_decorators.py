# @property with setter and deleter, property(), staticmethod, classmethod, decorators with arguments.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        """Degrees Celsius."""
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    def _get_k(self):
        return self._c + 273.15
    def _set_k(self, v):
        self._c = v - 273.15
    kelvin = property(_get_k, _set_k, doc="Kelvin.")
t = Temp(100)
print(t.celsius, t.fahrenheit, t.kelvin)
t.celsius = 0
t.kelvin = 300.0
print(round(t.celsius, 2), Temp.celsius.__doc__, Temp.kelvin.__doc__, type(Temp.celsius).__name__)
try:
    t.celsius = -500
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"), hasattr(t, "celsius"))
class NoGet:
    x = property(None, lambda self, v: print("set", v))
n = NoGet()
n.x = 1
try:
    n.x
except AttributeError as e:
    print("AttributeError:", e)
print(Temp.celsius.fget.__name__, Temp.celsius.fset is not None, Temp.fahrenheit.fset)

class Shape:
    count = 0
    def __init__(self):
        Shape.count += 1
    @staticmethod
    def area_of(w, h):
        return w * h
    @classmethod
    def make(cls, *args):
        return cls(*args)
    @classmethod
    def name(cls):
        return cls.__name__
class Square(Shape):
    pass
print(Shape.area_of(2, 3), Shape().area_of(4, 5), Square.make().name(), Square.name(), Shape.count)

def repeat(times):
    def deco(f):
        def wrapper(*args, **kwargs):
            return [f(*args, **kwargs) for _ in range(times)]
        return wrapper
    return deco
def tag(name, *, upper=False):
    def deco(f):
        def wrapper(*a):
            r = f"<{name}>{f(*a)}</{name}>"
            return r.upper() if upper else r
        return wrapper
    return deco
@repeat(3)
def hello(who):
    return "hi " + who
@tag("b")
@tag("i", upper=True)
def text(s):
    return s
print(hello("ann"), text("x"))
def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        return cls
    return deco
reg = {}
@register(reg)
class Plugin:
    pass
print(list(reg), reg["Plugin"] is Plugin)
class Meta(Shape, flavour="x"):
    pass
