import NNLang
import Testing

// The per-cell deadline holds: no `except` and no `__exit__` swallows its TimeoutError, and long native
// operations (elementwise kernels, einsum's general loop, random fills, string work) stop.

private func run(_ source: String, timeout: Double = 0.3) -> CellResult {
    Interpreter(file: "a.nn").run(cell: source, firstLine: 1, echoResult: false, timeout: timeout)
}

private let timeout = "TimeoutError: cell exceeded the time limit"

@Test
func exitAndBareExceptCannotSwallowTheDeadline() {
    let swallow = """
    class Quiet:
        def __enter__(self): return self
        def __exit__(self, *a): return True
    with Quiet():
        while True:
            pass
    print('swallowed')
    """
    let r = run(swallow)
    #expect(r.error?.summary == timeout && r.items.isEmpty, "\(r)")
    let bare = "try:\n    while True:\n        pass\nexcept:\n    print('caught')\n"
    #expect(run(bare).error?.summary == timeout)
    let named = "try:\n    while True:\n        pass\nexcept TimeoutError:\n    print('caught')\nprint('after')\n"
    #expect(run(named).items.isEmpty)
    // A kernel stopped by the deadline: the same.
    let kernel = "with Quiet():\n    x = ones(1).expand(10**11).sum()\nprint('swallowed')\n"
    #expect(run(swallow.split(separator: "with")[0] + kernel).error?.summary == timeout)
    // A TimeoutError the program raises itself is an ordinary exception.
    #expect(run("try:\n    raise TimeoutError('mine')\nexcept:\n    print('ok')\n").items == [.stdout("ok\n")])
}

@Test
func longNativeOperationsStop() {
    // einsum's general loop (mixed dtypes): 10^10 products with almost no memory.
    #expect(run("einsum('i,j->', arange(100000), ones(100000))").error?.summary == timeout)
    // The int matrix product (no BLAS): 3000^3 multiply-adds.
    #expect(run("a = ones(3000, 3000).long()\nb = a @ a").error?.summary == timeout)
}

@Test
func longStringWorkIsStillRight() {
    // Past the size where the work is split into polled pieces: the same results as CPython.
    let src = """
    s = 'ab' * 600000
    print(len(s), s[:5])
    r = s.replace('b', 'xyz')
    print(len(r), r[:8], r.count('xyz'))
    print(len(s.replace('ab', '', 3)), s.replace('ab', 'Q', 2)[:6])
    j = '-'.join(['ab'] * 400000)
    print(len(j), j[:7])
    print(len('é' * 700000), ('é' * 700000).replace('é', 'e')[:3])
    """
    let r = run(src, timeout: 60)
    #expect(r.error == nil, "\(String(describing: r.error))")
    #expect(r.items == [.stdout("1200000 ababa\n2400000 axyzaxyz 600000\n1199994 QQabab\n1199999 ab-ab-a\n700000 eee\n")])
}
