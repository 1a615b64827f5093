total = 0
def add(n):
    global total
    total += n
add(5)
add(7)
print(total)
def make():
    global created
    created = "yes"
make()
print(created)
x = 1
def outer():
    x = 2
    def inner():
        nonlocal x
        x = 3
    inner()
    return x
print(outer(), x)
counter = [0]
def bump():
    counter[0] += 1
bump(); bump()
print(counter)
def uses_builtin():
    return len([1, 2])
len = lambda s: 99
print(uses_builtin())
del len
print(uses_builtin())
