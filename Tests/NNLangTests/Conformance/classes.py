class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"Animal({self.name!r})"
class Dog(Animal):
    kind = "dog"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + " (woof)"
    def __str__(self):
        return f"Dog {self.name}"
a = Animal("cat")
d = Dog("rex", "lab")
print(a, d, repr(d), [d], a.speak(), d.speak(), d.kind, a.kind, Animal.count, d.breed)
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), type(d).__name__, d.__class__.__name__)
print(Dog.__name__, Dog.__base__.__name__, type(d) is Dog, hasattr(d, "breed"), hasattr(d, "wings"), getattr(d, "wings", None))
setattr(d, "age", 3)
print(d.age, getattr(d, "age"))
d.kind = "mine"
print(d.kind, Dog.kind)
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __call__(self, s):
        return self.x * s
v = Vec(1, 2) + Vec(3, 4)
print(v, v * 2, 3 * v, -v, v == Vec(4, 6), v != Vec(0, 0), len(v), v[0], list(v), v(10))
class Static:
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls):
        return cls.__name__
    @property
    def p(self):
        return 42
print(Static.s(2), Static().s(3), Static.c(), Static().c(), Static().p)
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, type(e).__name__)
print(repr(Empty)[:22], str(Empty))
