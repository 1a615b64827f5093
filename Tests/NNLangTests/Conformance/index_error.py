a = [1, 2, 3]
print(a[-3], a[2])
try:
    a[3]
except IndexError as e:
    print(e)
try:
    a[-4] = 0
except IndexError as e:
    print(e)
try:
    (1,)[1]
except IndexError as e:
    print(e)
print(a[10])
