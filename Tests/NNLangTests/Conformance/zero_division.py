for op in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0, lambda: divmod(1, 0), lambda: 0 ** -1, lambda: 0.0 ** -1]:
    try:
        op()
    except ZeroDivisionError as e:
        print(e)
x = 0
print(5 / x)
