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

/// Runs `setup` without a deadline, then `cell` in the same interpreter with a deadline that
/// has passed before its first instruction: straight-line code reaches no check of the VM's
/// own, so a TimeoutError can only come from inside the operation the cell calls.
private func afterTheDeadline(_ setup: String, _ cell: String) -> CellResult {
    let interp = Interpreter(file: "a.nn")
    let ready = interp.run(cell: setup, firstLine: 1, echoResult: false)
    #expect(ready.error == nil, "\(String(describing: ready.error))")
    return interp.run(cell: cell, firstLine: 10, echoResult: false, timeout: 1e-9)
}

@Test
func longStringOperationsPollTheDeadline() {
    // Each walks 8 MB, polling every 1 MB; none may run to the end past the deadline.
    let setup = "s = 'ab ' * 2800000\nw = ' ' * 8400000\nc = 'a,' * 4200000\n"
    for cell in ["r = s.replace('', '-')", "r = s.replace('', '-', 5000000)", "r = s.split()",
                 "r = s.rsplit()", "r = c.split(',')", "r = c.rsplit(',')",
                 "r = s.split('zz')", "r = s.rsplit('zz')", "r = w.strip()", "r = w.lstrip()", "r = w.rstrip()",
                 "r = s.strip('ab ')"] {
        #expect(afterTheDeadline(setup, cell).error?.summary == timeout, "\(cell)")
    }
    // Without a deadline the same work ends, with CPython's results.
    let interp = Interpreter(file: "a.nn")
    let r = interp.run(cell: setup + """
    print(len(s.replace('', '-')), len(s.split()), len(c.split(',')), len(c.rsplit(',', 3)), len(w.strip()))
    print(s.rsplit(None, 1)[1], len(s.strip('ab ')), s.split('zz') == [s], s.replace('', '-', 3)[:9])
    """, firstLine: 1, echoResult: false)
    #expect(r.items == [.stdout("16800001 2800000 4200001 4 0\nab 0 True -a-b- ab \n")], "\(r)")
}

@Test
func oneHugeRowOfTheIntProductStops() {
    // A single dot product 10^11 long, and one row of 10^5 outputs each 10^5 long: both far
    // longer than the deadline, and neither has a row boundary to poll at.
    #expect(run("x = ones(1).long().expand(10**11)\ny = x @ x").error?.summary == timeout)
    #expect(run("y = ones(1, 10**5).long() @ ones(1, 1).long().expand(10**5, 10**5)").error?.summary == timeout)
}

@Test
func stringSearchesAndCaseChangesPollTheDeadline() {
    // Each walks 8 MB, polling every 1 MB: a search that finds nothing, a count with millions
    // of matches, bounds that must be walked to, affixes as long as the string, case changes.
    let setup = """
    s = 'ab ' * 2800000
    a = 'a' * 8400000
    u = 'AB ' * 2800000
    n = 'a\\n' * 4200000
    w = ' ' * 8400000
    """
    let cells = [
        "r = s.splitlines()", "r = n.splitlines()", "r = n.splitlines(True)",
        "r = s.find('zz')", "r = s.rfind('zz')", "r = s.index('zz')", "r = s.rindex('zz')",
        "r = s.find('b', -2)", "r = s.find('b', 8000000)", "r = s.find('ab', 0, 8000000)",
        "r = s.count('zz')", "r = a.count('a')", "r = s.count('', -1)",
        "r = 'zz' in s", "r = s.partition('zz')", "r = s.rpartition('zz')",
        "r = s.startswith(s)", "r = s.endswith(s)", "r = s.startswith(('x', s))", "r = s.endswith('b', 0, 8000000)",
        "r = s.upper()", "r = s.lower()", "r = s.swapcase()", "r = s.title()", "r = s.capitalize()",
        "r = a.isalpha()", "r = a.isalnum()", "r = w.isspace()", "r = s.islower()", "r = u.isupper()",
    ]
    for cell in cells {
        #expect(afterTheDeadline(setup, cell).error?.summary == timeout, "\(cell)")
    }
    // Without a deadline the same work ends, with CPython's results.
    let interp = Interpreter(file: "a.nn")
    let r = interp.run(cell: setup + """

    print(len(n.splitlines()), s.find('zz'), s.rfind('ab'), a.count('a'), 'zz' in s, s.endswith(s), len(s.upper()))
    print(u.isupper(), s.islower(), s.title()[:7], s.find('b', -2), n.splitlines(True)[-1] == 'a\\n')
    """, firstLine: 1, echoResult: false)
    #expect(r.items == [.stdout("4200000 -1 8399997 8400000 False True 8400000\nTrue True Ab Ab A 8399998 True\n")], "\(r)")
}

@Test
func bigCopiesPollTheDeadline() {
    // One concatenation or repetition of megabytes is as long as thousands of loop iterations,
    // between which the VM polls only every 4096 back-edges: `while True: s += 'x' * 10**6`
    // ran minutes past its deadline, `'a'.center(2 * 10**9)` 300 s. Each big copy now polls.
    let setup = "s = 'x' * 2000000\nl = [0] * 100000\nt = (0,) * 100000\n"
    for cell in ["r = s + s", "s += s", "r = l + l", "r = t + t", "r = 'ab' * 5000000", "r = s * 3",
                 "r = 'a'.center(20000000)", "r = 'a'.ljust(20000000, 'é')", "r = 'a'.rjust(20000000)", "r = 'a'.zfill(20000000)",
                 "r = f'{5:>20000000}'", "r = format('x', '^20000000')", "r = f'{-5:=20000000}'"] {
        #expect(afterTheDeadline(setup, cell).error?.summary == timeout, "\(cell)")
    }
    // Without a deadline: CPython's results.
    let r = Interpreter(file: "a.nn").run(cell: setup + """
    print(len(s + s), len(l + l), len(t + t), len('ab' * 5000000), ('ab' * 5000000)[-3:], len('é' * 3000001))
    print(len('a'.center(3000001, 'é')), repr('ab'.center(2000001)[999999:1000003]), len(f'{5:>3000000}'), '-5'.zfill(3000000)[:3], 'x'.rjust(2500000, 'é')[-2:])
    """, firstLine: 1, echoResult: false)
    #expect(r.items == [.stdout("4000000 200000 200000 10000000 bab 3000001\n3000001 ' ab ' 3000000 -00 éx\n")], "\(r)")
}

@Test
func recursionWithoutLoopsKeepsTheDeadline() {
    // fib(37) ran 4 s under a 2 s limit: a program of calls has no back-edge to poll at, so
    // calls check the clock too. fib(60) would run for days.
    let fib = "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nfib(60)\n"
    #expect(run(fib).error?.summary == timeout)
    // Not swallowed by an `except` around the call either.
    #expect(run(fib.replacingOccurrences(of: "fib(60)\n", with: "try:\n    fib(60)\nexcept BaseException:\n    print('caught')\n")).error?.summary == timeout)
}
