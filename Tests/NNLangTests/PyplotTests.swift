import NNLang
import Testing

/// pyplot in notebook cells: figures appear when the cell ends (after its Out[n], as Jupyter's
/// inline backend draws them), and a trailing `;` hides the Out[n] as IPython does.
@Suite struct PyplotTests {
    func texts(_ r: CellResult) -> [String] {
        r.items.map { item in
            switch item {
            case .stdout(let s): "stdout " + s
            case .display(let d): "display " + d.text
            case .result(let s): "result " + s
            }
        }
    }

    @Test func figureIsShownWhenTheCellEndsAfterItsResult() {
        let interp = Interpreter(file: "t.md")
        let r = interp.run(cell: "import matplotlib.pyplot as plt\nplt.plot([1., 2.])\nprint('hi')\n3", firstLine: 1)
        #expect(r.error == nil)
        #expect(texts(r) == ["stdout hi\n", "result 3", "display <figure: plot: 1 series, 2 points, y in [1.0000, 2.0000]>\n"])
        // The figure was closed: the next cell starts with none.
        #expect(texts(interp.run(cell: "1", firstLine: 10)) == ["result 1"])
    }

    @Test func scriptsDrawOnlyAtShow() {
        let interp = Interpreter(file: "t.py")
        let r = interp.run(cell: "import matplotlib.pyplot as plt\nplt.plot([1., 2.])", firstLine: 1, echoResult: false)
        #expect(r.items.isEmpty)
    }

    @Test func trailingSemicolonHidesTheResult() {
        let interp = Interpreter(file: "t.md")
        #expect(texts(interp.run(cell: "x = 3\nx;", firstLine: 1)).isEmpty)
        #expect(texts(interp.run(cell: "x;  # quiet\n\n", firstLine: 5)).isEmpty)
        #expect(texts(interp.run(cell: "x  # not quiet;", firstLine: 9)) == ["result 3"])
        #expect(texts(interp.run(cell: "'a;'", firstLine: 12)) == ["result 'a;'"])
    }

    @Test func badImageDataIsATypeError() {
        let interp = Interpreter(file: "t.md")
        let r = interp.run(cell: "import matplotlib.pyplot as plt\nplt.imshow(ones(2, 2, 2))", firstLine: 1)
        #expect(r.error?.typeName == "TypeError")
        #expect(r.error?.traceback.last?.location.line == 2)
    }
}
