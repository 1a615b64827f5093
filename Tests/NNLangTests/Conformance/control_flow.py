for i in range(3):
    if i == 0:
        print("zero")
    elif i == 1:
        print("one")
    else:
        print("other")
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("while", i)
else:
    print("no else after break")
for i in range(2):
    pass
else:
    print("for-else ran", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
for x in []:
    print("never")
else:
    print("empty for else")
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
print(list(range(10, 0, -3)), list(range(-2, 2)), list(range(0)), list(range(5, 1)))
result = "big" if n > 2 else "small"
print(result)
