def validate(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n
print(validate(1))
try:
    validate(-1)
except ValueError as e:
    print("handled", e)
raise RuntimeError("fatal")
