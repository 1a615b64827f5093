# Arithmetic and comparisons in the VM's fast paths with mixed operand types.
def mix(a, b):
    return [a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, a < b, a <= b, a == b, a != b, a > b, a >= b]


for a, b in [(7, 2), (7.5, 2), (7, 2.5), (True, 2), (3, True), (-7, 2), (7, -2.0), (0.1, 0.2)]:
    print(a, b, mix(a, b))


def strs(n):
    s = ""
    for i in range(n):
        s += str(i)
        s = s + "-"
    return s, s * 2, s < "1", "ab" + "cd"


print(strs(4))


def inplace_list():
    a = [1]
    b = a
    for i in range(3):
        a += [i]
        a *= 1
    return a, b, a is b


print(inplace_list())


def accumulate(n):
    s = 0
    f = 0.0
    k = 1
    for i in range(n):
        s += i
        f += i * 0.5
        f -= 0.25
        k *= 3
        s -= 1
    return s, f, k


print(accumulate(30))


def cmp_chain(xs):
    out = []
    for x in xs:
        if 0 < x < 10:
            out.append("small")
        elif x >= 10 and x != 42:
            out.append("big")
        elif not x:
            out.append("zero")
        else:
            out.append("other")
    return out


print(cmp_chain([5, 15, 0, 42, -3, 10, 9.5, True]))


def divide(a, b):
    return a / b


for a, b in [(1, 0), (1.0, 0), (1, 0.0)]:
    try:
        divide(a, b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


def bad_add(a, b):
    return a + b


for a, b in [(1, "x"), ("x", 1), ([1], (2,)), (None, 1)]:
    try:
        bad_add(a, b)
    except TypeError as e:
        print("TypeError:", e)


def bad_cmp(a, b):
    if a < b:
        return 1
    return 0


try:
    bad_cmp(1, "2")
except TypeError as e:
    print("TypeError:", e)
print(bad_cmp([1, 2], [1, 3]), bad_cmp("b", "a"), bad_cmp(1.5, 2))
print(-7 // 2, -7 % 2, 7 // -2.0, -(3), -(2.5))
