class Base:
    greeting = "base"
    def __init__(self):
        self.trail = ["Base"]
    def hello(self):
        return f"hello from {self.greeting}"
    def who(self):
        return type(self).__name__
class Mid(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Mid")
    def hello(self):
        return "mid+" + super().hello()
class Leaf(Mid):
    greeting = "leaf"
    def __init__(self):
        super().__init__()
        self.trail.append("Leaf")
leaf = Leaf()
print(leaf.trail, leaf.hello(), leaf.who(), Mid().hello())
print(isinstance(leaf, Base), isinstance(leaf, (int, Mid)), issubclass(Leaf, Base), issubclass(Base, Leaf))
print([c.__name__ for c in Leaf.__mro__])
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
for s in [Circle(1), Square(2)]:
    print(s.describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
