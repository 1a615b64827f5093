x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x **= 3; print(x)
x %= 5; print(x)
y = 7
y <<= 2; y >>= 1; y |= 1; y &= 14; y ^= 5
print(y)
s = "a"
s += "b"
s *= 3
print(s)
l = [1]
alias = l
l += [2]
print(l, alias, l is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias)
d = {"k": 1}
d["k"] += 10
print(d)
class O:
    v = 1
o = O()
o.v += 1
print(o.v, O.v)
m = [[1, 2], [3, 4]]
m[1][0] *= 10
print(m)
f = 1.5
f += 1
print(f)
