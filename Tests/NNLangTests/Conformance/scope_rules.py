x = "global"
def f():
    print(x)
f()
def g():
    x = "local"
    def h():
        return x
    return h()
print(g(), x)
def loop_var():
    for i in range(3):
        pass
    return i
print(loop_var())
fs = []
for i in range(3):
    fs.append(lambda: i)
print([fn() for fn in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([fn() for fn in fs2])
def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    def peek():
        return n
    return bump, peek
b, p = counter()
b(); b()
print(p())
y = 1
def mutate_list(lst=None):
    lst = lst or []
    lst.append(y)
    return lst
print(mutate_list(), mutate_list([0]))
class K:
    attr = 5
    doubled = attr * 2
print(K.doubled)
