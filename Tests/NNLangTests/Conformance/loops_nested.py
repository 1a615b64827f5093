for i in range(1, 4):
    row = ""
    for j in range(1, 4):
        row += f"{i * j:4d}"
    print(row)
count = 0
for a in range(5):
    for b in range(5):
        if (a + b) % 2:
            continue
        if a * b > 6:
            break
        count += 1
print(count)
found = None
for x in range(10):
    for y in range(10):
        if x * y == 42:
            found = (x, y)
            break
    if found:
        break
print(found)
total = 0
for i in range(100):
    total += i if i % 3 else -i
print(total)
for i, ch in enumerate("abc", 1):
    for k in range(i):
        print(ch, end="")
    print()
