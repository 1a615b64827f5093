# Issue 3: recursive fib(27) at least 1.5x faster than CPython.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def bench():
    return fib(27)


if __name__ == "__main__":
    print(bench())
