s = list(range(10))
print(s[2:8:2], s[::-2], s[-3:-1], s[-1:-4:-1], s[8:2:-2], s[::3], s[5:], s[:-7], s[3:3], s[-100:100])
t = tuple(s)
print(t[1:4], t[::-3])
st = "abcdefgh"
print(st[1:6:2], st[::-1], st[-3:], st[:0], st[6:1:-1])
sl = slice(1, 5, 2)
print(s[sl], sl, sl.start, sl.stop, sl.step, slice(3))
s[2:5] = []
print(s)
s[0:0] = [-1, -2]
print(s)
s[-2:] = ["x"]
print(s)
del s[::2]
print(s)
r = range(20)
print(r[::5], list(r[3:9:2]), r[-3:])
try:
    s[::0]
except ValueError as e:
    print(e)
