import NNLang
import Testing

/// The engine's fast paths (int/float arithmetic, list and tensor element access, calls run
/// in the caller's loop) keep the general path's edges. Output-only behaviour is in the
/// `Conformance/vm_*.py` programs; here are the nn-only limits (64-bit ints, the deadline)
/// and tracebacks through calls made inside the dispatch loop.
struct FastPathTests {
    func run(_ src: String, timeout: Double? = nil) -> CellResult {
        Interpreter(file: "a.nn").run(cell: src, firstLine: 1, echoResult: true, timeout: timeout)
    }

    @Test func intOverflowInsideFunctionsRaisesOverflowError() throws {
        let big = "4611686018427387904"
        let bodies = [
            "return x + x", "return x * 4", "return -x - x - x",
            "y = x\n    y += x\n    return y", "y = x\n    y *= 2\n    return y",
            "c = [[x]]\n    c[0][0] += x\n    return c", "c = [[x]]\n    c[0][0] += c[0][0] * 1\n    return c",
            "xs = [x]\n    xs[0] += x\n    return xs", "return g(x * 2)", "if x + x > 0:\n        return 1\n    return 0",
        ]
        for body in bodies {
            let src = "def g(v):\n    return v\ndef f(x):\n    \(body)\nf(\(big))"
            let r = run(src)
            #expect(r.error?.typeName == "OverflowError", "\(body)")
            #expect(r.error?.traceback.map(\.function) == ["<cell>", "f"], "\(body)")
        }
    }

    @Test func tracebacksNameEveryFrameAndLine() throws {
        let src = """
        def c(x):
            return [1][x]
        def b(x):
            if x > 100:
                return 0
            return c(x) * 2
        def a(x):
            y = 1
            return b(x) + y
        def outer():
            total = 0
            for k in range(2):
                total += a(k + 4)
            return total
        outer()
        """
        let e = try #require(run(src).error)
        #expect(e.summary == "IndexError: list index out of range")
        #expect(e.traceback.map(\.function) == ["<cell>", "outer", "a", "b", "c"])
        #expect(e.traceback.map(\.location.line) == [15, 13, 9, 6, 2])
        #expect(e.traceback.last?.sourceLine == "return [1][x]")
    }

    @Test func aFusedGuardReportsTheReturnLine() throws {
        let src = "def f(n):\n    if n < 2:\n        return m\n    m = 1\n    return f(n - 1)\nf(5)"
        let e = try #require(run(src).error)
        #expect(e.typeName == "UnboundLocalError")
        #expect(e.traceback.map(\.location.line) == [6, 5, 5, 5, 5, 3])
    }

    @Test func recursionLimitUnwindsAndCanBeReachedAgain() throws {
        let src = """
        def down(n):
            if n == 0:
                return 0
            return down(n - 1) + 1
        def forever(n):
            return forever(n + 1)
        caught = 0
        for _ in range(3):
            try:
                forever(0)
            except RecursionError:
                caught += 1
        (caught, down(990))
        """
        let r = run(src)
        #expect(r.error == nil)
        #expect(r.items == [.result("(3, 990)")])
    }

    @Test func timeoutStopsRunawayRecursion() throws {
        let src = "def g(n):\n    if n == 0:\n        return 0\n    return g(n - 1) + g(n - 1)\ng(60)"
        let r = run(src, timeout: 0.3)
        #expect(r.error?.typeName == "TimeoutError")
    }

    @Test func rebindingAFunctionWhileItRuns() throws {
        let src = """
        def f(n):
            global f
            if n == 0:
                f = lambda n: -1
                return 0
            return f(n - 1) + 10
        (f(3), f(3))
        """
        #expect(run(src).items == [.result("(30, -1)")])
    }
}
