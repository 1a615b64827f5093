big = 9223372036854775807
print(big, -big - 1, big - 1, -big)
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
try:
    int(float("nan"))
except ValueError as e:
    print(e)
print(2 ** 62, 3 ** 39, 1 << 62, (2 ** 31) * (2 ** 31), 10 ** 18)
