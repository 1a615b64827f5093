import NNLang
import Testing

/// IPython's `obj?` and `obj??` in cells: signature, docstring or source; volatile output.
@Suite struct HelpTests {
    func run(_ cells: [String]) -> [CellResult] {
        let interp = Interpreter(file: "lesson.md")
        return cells.enumerated().map { interp.run(cell: $1, firstLine: 10 * $0 + 1) }
    }

    func text(_ r: CellResult) -> String {
        r.items.map { if case .stdout(let s) = $0 { s } else { "" } }.joined()
    }

    @Test func oneQuestionMarkShowsSignatureAndDocstring() {
        let r = run(["def f(x, y=2):\n    \"Adds.\"\n    return x + y", "f?"])
        #expect(r[1].error == nil && r[1].volatile)
        #expect(text(r[1]) == "Signature: f(x, y=2)\nDocstring: Adds.\nFile:      lesson.md:1\nType:      function\n")
    }

    @Test func twoQuestionMarksShowTheSource() {
        let r = run(["class A:\n    def m(self, k):\n        return k\n", "A.m??"])
        #expect(text(r[1]).contains("Source:    \ndef m(self, k):\n    return k\n"))
    }

    @Test func builtinsAndValuesToo() {
        let r = run(["len?", "x = 3\nx ?"])
        #expect(text(r[0]).hasPrefix("Signature: len(...)\n"))
        #expect(text(r[1]) == "String form: 3\nType:        int\n")
    }

    @Test func questionMarksElsewhereAreNotHelp() {
        let r = run(["print('what?')", "x = 1 ? 2"])
        #expect(text(r[0]) == "what?\n" && !r[0].volatile)
        #expect(r[1].error?.typeName == "SyntaxError")
    }
}
