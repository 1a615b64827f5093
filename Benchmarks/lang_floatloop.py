# Issue 12: at most 0.25x CPython's time (was issue 3: at least 2x faster).
def bench():
    s = 0.0
    for i in range(10_000_000):
        s += i * 0.5
    return s


if __name__ == "__main__":
    print(bench())
