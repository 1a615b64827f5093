import NNLang
import Testing

/// Generators: tracebacks through generator frames point at the
/// notebook's lines (the conformance programs check their behaviour against CPython).
struct GeneratorTests {
    @Test func tracebackThroughGeneratorFrames() {
        let source = """
            def inner(xs):
                for x in xs:
                    yield 10 // x

            def outer(xs):
                yield from inner(xs)

            total = sum(outer([1, 0]))
            """
        let r = Interpreter(file: "lesson.md").run(cell: source, firstLine: 20)
        let frames = r.error?.traceback.map { "\($0.function):\($0.location.line)" } ?? []
        #expect(r.error?.summary == "ZeroDivisionError: integer division or modulo by zero")
        #expect(frames == ["<cell>:27", "outer:25", "inner:22"])
    }

    /// A generator defined in one cell, started in another and failing in a third: each frame
    /// shows the .md line and source of its own cell (the generator's at its `yield`).
    @Test func tracebackLinesAcrossCells() {
        let interp = Interpreter(file: "lesson.md")
        let defs = """
            def helper(x):
                return 10 // x

            def gen(xs):
                for x in xs:
                    yield helper(x)
            """
        #expect(interp.run(cell: defs, firstLine: 10).error == nil)
        #expect(interp.run(cell: "g = gen([5, 0])\nnext(g)", firstLine: 30).error == nil)
        let r = interp.run(cell: "print(next(g))", firstLine: 40)
        #expect(r.error?.summary == "ZeroDivisionError: integer division or modulo by zero")
        let frames = r.error?.traceback.map { "\($0.function):\($0.location.line):\($0.sourceLine ?? "")" } ?? []
        #expect(frames == ["<cell>:40:print(next(g))", "gen:15:yield helper(x)", "helper:11:return 10 // x"])
        #expect(r.error?.traceback.allSatisfy { $0.location.file == "lesson.md" } == true)
    }

    @Test func tracebackThroughGeneratorExpressionAndThrow() {
        let interp = Interpreter(file: "lesson.md")
        let r = interp.run(cell: "xs = [1, 0]\ntotal = sum(10 // x for x in xs)", firstLine: 50)
        #expect(r.error?.traceback.map { "\($0.function):\($0.location.line)" } == ["<cell>:51", "<genexpr>:51"])
        let thrown = """
            def waiter():
                yield 1
            w = waiter()
            next(w)
            w.throw(KeyError("k"))
            """
        let t = interp.run(cell: thrown, firstLine: 60)
        #expect(t.error?.summary == "KeyError: 'k'")
        #expect(t.error?.traceback.map { "\($0.function):\($0.location.line)" } == ["<cell>:64", "waiter:61"])
        // The finished generator then stops plainly.
        let after = interp.run(cell: "next(w, 'done')", firstLine: 70)
        #expect(after.items == [.result("'done'")])
    }

    @Test func generatorStateSurvivesBetweenCells() {
        let interp = Interpreter(file: "lesson.md")
        _ = interp.run(cell: "def g():\n    yield 1\n    yield 2\nit = g()\nnext(it)", firstLine: 1)
        let r = interp.run(cell: "next(it), next(it, 'end')", firstLine: 10)
        #expect(r.error == nil)
        #expect(r.items == [.result("(2, 'end')")])
    }
}
