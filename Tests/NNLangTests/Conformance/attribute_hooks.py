# __getattr__ (fallback only), __setattr__, __delattr__, hasattr/getattr as CPython.
class Record:
    def __init__(self, **fields):
        super().__setattr__("_fields", dict(fields))
    def __getattr__(self, k):
        if k in self._fields:
            return self._fields[k]
        raise AttributeError(f"Record has no field {k!r}")
    def __setattr__(self, k, v):
        print("setattr", k)
        self._fields[k] = v
    def __delattr__(self, k):
        print("delattr", k)
        del self._fields[k]
r = Record(a=1)
r.b = 2
print(r.a, r.b, hasattr(r, "a"), hasattr(r, "zz"), getattr(r, "zz", "default"))
del r.a
print(hasattr(r, "a"), r._fields)
try:
    r.missing
except AttributeError as e:
    print("AttributeError:", e)
class Plain:
    cls_attr = 1
p = Plain()
try:
    p.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.nothing
except AttributeError as e:
    print("AttributeError:", e)
setattr(p, "dyn", 5)
print(getattr(p, "dyn"), hasattr(p, "cls_attr"), hasattr(Plain, "cls_attr"), hasattr(Plain, "dyn"))
delattr(p, "dyn")
print(hasattr(p, "dyn"))
print(hasattr(3, "real"), hasattr(3, "imag"), hasattr(3, "bit_length"), hasattr(3, "conjugate"), hasattr(3, "numerator"))
print(hasattr(2.5, "real"), hasattr(2.5, "is_integer"), hasattr(2.5, "as_integer_ratio"), hasattr(True, "real"))
print((7).real, (7).imag, (7).numerator, (7).denominator, (2.5).real, (2.5).imag, True.real, (5).bit_length(), (-6).bit_count())
print((3).conjugate(), (2.5).conjugate(), (4.0).is_integer(), (0.75).as_integer_ratio(), (6).as_integer_ratio())
print(hasattr("s", "upper"), hasattr([], "append"), hasattr(None, "x"), hasattr(len, "__name__"))

class Lazy:
    def __getattr__(self, name):
        if name.startswith("calc_"):
            return int(name[5:]) * 2
        raise AttributeError(name)
    @property
    def broken(self):
        return self.calc_x
lz = Lazy()
print(lz.calc_21, hasattr(lz, "other"))
try:
    lz.broken
except ValueError as e:
    print("ValueError:", e)
