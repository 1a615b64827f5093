class A:
    def __init__(self):
        self.x = 1
a = A()
try:
    a.y
except AttributeError as e:
    print(e)
try:
    A.zz
except AttributeError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    (1).bar
except AttributeError as e:
    print(e)
try:
    A(1)
except TypeError as e:
    print(e)
class B:
    pass
try:
    B(1)
except TypeError as e:
    print(e)
print(a.x)
a.missing_method()
