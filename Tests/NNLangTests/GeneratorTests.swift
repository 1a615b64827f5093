import NNLang
import Testing

/// Generators on the bytecode engine: tracebacks through generator frames point at the
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
        let r = Interpreter(file: "lesson.md", engine: true).run(cell: source, firstLine: 20)
        let frames = r.error?.traceback.map { "\($0.function):\($0.location.line)" } ?? []
        #expect(r.error?.summary == "ZeroDivisionError: integer division or modulo by zero")
        #expect(frames == ["<cell>:27", "outer:25", "inner:22"])
    }

    @Test func generatorStateSurvivesBetweenCells() {
        let interp = Interpreter(file: "lesson.md", engine: true)
        _ = interp.run(cell: "def g():\n    yield 1\n    yield 2\nit = g()\nnext(it)", firstLine: 1)
        let r = interp.run(cell: "next(it), next(it, 'end')", firstLine: 10)
        #expect(r.error == nil)
        #expect(r.items == [.result("(2, 'end')")])
    }
}
