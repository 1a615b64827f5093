def f(a, b):
    return a + b
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=2), lambda: f(), lambda: (lambda x=1: x)(1, 2)]:
    try:
        call()
    except TypeError as e:
        print(e)
def g(a, b, c):
    pass
try:
    g()
except TypeError as e:
    print(e)
def h(*, k):
    pass
try:
    h()
except TypeError as e:
    print(e)
class A:
    def m(self, x):
        return x
try:
    A().m()
except TypeError as e:
    print(e)
try:
    A().m(1, 2)
except TypeError as e:
    print(e)
try:
    5()
except TypeError as e:
    print(e)
try:
    "abc"()
except TypeError as e:
    print(e)
f(1)
