# Issue 12: recursive fib(27) in at most 0.6x CPython's time.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def bench():
    return fib(27)


if __name__ == "__main__":
    print(bench())
