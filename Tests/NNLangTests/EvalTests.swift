import NNLang
import Testing

/// The Interpreter contract (Interpreter.swift / Session.swift) and the limits of issue 3.
struct EvalTests {
    func texts(_ r: CellResult) -> String {
        r.items.map { item -> String in
            switch item {
            case .stdout(let s): return s
            case .result(let s): return "Out: " + s + "\n"
            case .display(let d): return d.text
            }
        }.joined()
    }

    @Test func echoesTheLastExpressionAndKeepsState() {
        let interp = Interpreter(file: "nb.md")
        let r1 = interp.run(cell: "x = 1\nx + 1", firstLine: 12)
        #expect(r1.items == [.result("2")])
        let r2 = interp.run(cell: "print('hi')\nx * 10", firstLine: 20)
        #expect(r2.items == [.stdout("hi\n"), .result("10")])
        let r3 = interp.run(cell: "None", firstLine: 30)
        #expect(r3.items.isEmpty)
        let r4 = interp.run(cell: "x + 1", firstLine: 40, echoResult: false)
        #expect(r4.items.isEmpty && r4.error == nil)
    }

    @Test func errorsCarryAFileTraceback() throws {
        let interp = Interpreter(file: "lesson.md")
        let src = "def f(a):\n    return a / 0\nprint('before')\nf(1)\n"
        let r = interp.run(cell: src, firstLine: 10)
        #expect(r.items == [.stdout("before\n")])
        let e = try #require(r.error)
        #expect(e.summary == "ZeroDivisionError: division by zero")
        #expect(e.traceback.map(\.location.line) == [13, 11])
        #expect(e.traceback.map(\.function) == ["<cell>", "f"])
        #expect(e.traceback.last?.sourceLine == "return a / 0")
        #expect(e.traceback.first?.location.file == "lesson.md")
    }

    @Test func syntaxErrorsBecomeCellErrors() throws {
        let r = Interpreter(file: "a.md").run(cell: "x = (1,\n", firstLine: 5)
        let e = try #require(r.error)
        #expect(e.typeName == "SyntaxError")
        #expect(e.traceback.first?.location.line == 5)
    }

    @Test func indentationAndTabErrorsKeepTheirType() throws {
        let r = Interpreter(file: "a.md").run(cell: "if x:\npass\n", firstLine: 1)
        #expect(try #require(r.error).summary == "IndentationError: expected an indented block after 'if' statement on line 1")
        let t = Interpreter(file: "a.md").run(cell: "def f():\n\tif x:\n        pass\n", firstLine: 1)
        #expect(try #require(t.error).typeName == "TabError")
    }

    @Test func deepRecursionRaisesRecursionError() throws {
        let r = Interpreter(file: "a.nn").run(cell: "def f(n):\n    return f(n + 1)\nf(0)", firstLine: 1)
        let e = try #require(r.error)
        #expect(e.summary == "RecursionError: maximum recursion depth exceeded")
        let ok = Interpreter(file: "a.nn").run(cell: "def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nd(990)", firstLine: 1)
        #expect(ok.items == [.result("990")])
    }

    @Test func intOverflowRaisesOverflowError() throws {
        for src in ["9223372036854775807 + 1", "2 ** 64", "-(-9223372036854775807 - 1)", "3037000500 * 3037000500", "1 << 63"] {
            let r = Interpreter(file: "a.nn").run(cell: src, firstLine: 1)
            #expect(r.error?.typeName == "OverflowError", "\(src)")
        }
    }

    @Test func timeoutStopsRunawayLoops() throws {
        let r = Interpreter(file: "a.nn").run(cell: "while True:\n    pass", firstLine: 1, timeout: 0.2)
        #expect(r.error?.typeName == "TimeoutError")
        let r2 = Interpreter(file: "a.nn").run(cell: "def f():\n    while True:\n        try:\n            pass\n        except Exception:\n            pass\nf()", firstLine: 1, timeout: 0.2)
        #expect(r2.error?.typeName == "TimeoutError")
    }

    @Test func magicsPrintIPythonFormatsAndAreVolatile() throws {
        let interp = Interpreter(file: "a.md")
        let r = interp.run(cell: "%time y = sum(range(1000))\ny", firstLine: 1)
        #expect(r.volatile)
        let out = texts(r)
        #expect(out.hasPrefix("CPU times: user "))
        #expect(out.contains(", sys: ") && out.contains(", total: ") && out.contains("\nWall time: "))
        #expect(out.hasSuffix("Out: 499500\n"))
        let t = interp.run(cell: "%timeit -n 3 -r 2 y + 1", firstLine: 3)
        #expect(t.volatile)
        let line = texts(t)
        #expect(line.contains(" \u{b1} ") && line.hasSuffix(" per loop (mean \u{b1} std. dev. of 2 runs, 3 loops each)\n"))
    }

    @Test func onOutputStreamsPrintedText() {
        var seen = ""
        _ = Interpreter(file: "a.nn").run(cell: "print(1)\nprint(2, end='')", firstLine: 1) { seen += $0 }
        #expect(seen == "1\n2")
    }

    @Test func tensorScalarIndexingFastPath() {
        let interp = Interpreter(file: "a.nn")
        let src = """
        a = tensor([[1.0, 2.0], [3.0, 4.0]])
        c = zeros(2, 2)
        for i in range(2):
            for j in range(2):
                for k in range(2):
                    c[i, j] += a[i, k] * a[k, j]
        print(c[0, 0].item(), c[1, 1].item(), c[-1, -2].item())
        """
        let r = interp.run(cell: src, firstLine: 1)
        #expect(r.error == nil)
        #expect(texts(r) == "7.0 22.0 15.0\n")
    }

    @Test func reprsOfFloatsMatchCPython() {
        let cases: [(Double, String)] = [(1e-5, "1e-05"), (1e16, "1e+16"), (1e15, "1000000000000000.0"), (0.1, "0.1"),
                                         (-0.0, "-0.0"), (.infinity, "inf"), (.nan, "nan"), (1.5e-7, "1.5e-07"), (123.0, "123.0")]
        for (d, s) in cases { #expect(formatFloatRepr(d) == s) }
    }
}
