import NNLang
import Notebook
import NotebookTestSupport
import Testing

func fakeRun(_ markdown: String, timeout: Double? = 300) -> NotebookRun {
    NotebookRunner(timeout: timeout, makeExecutor: fakeFactory).run(Notebook(path: "t.md", text: markdown))
}

func messages(_ run: NotebookRun) -> [String] {
    run.diagnostics.map(\.description)
}

@Test func passingNotebookSharesOneExecutor() {
    let run = fakeRun("""
        # T

        ```nn
        print hello
        value 2
        ```
        ```output
        hello
        2
        ```

        ```nn
        count
        ```
        ```output
        2
        ```
        """)
    #expect(run.cells.map(\.verdict) == [.passed, .passed])
    #expect(run.cells[0].output == "hello\n2\n")
    #expect(run.passedCount == 2 && run.failedCount == 0 && run.passed)
    #expect(run.seconds >= 0 && run.cells.allSatisfy { $0.seconds >= 0 })
}

@Test func outputOrderPrintDisplayResultError() {
    let result = CellResult(items: [.stdout("a"), .display(.math(tex: "x", text: "x")), .stdout("b\n"), .result("3")],
                            error: CellError(typeName: "ValueError", message: "bad", traceback: []))
    #expect(CellOutput.text(of: result) == "a\nx\nb\n3\nValueError: bad\n")
}

@Test func errorStopsTheNotebook() {
    let run = fakeRun("""
        ```nn
        print before
        raise ValueError bad value
        ```

        ```nn
        print after
        ```
        ```output
        after
        ```

        ```nn
        value 1
        ```
        """)
    #expect(run.cells.map(\.verdict.isFailure) == [true, true, true])
    #expect(run.cells[1].verdict == .notRun && run.cells[2].verdict == .notRun)
    #expect(run.failedCount == 3)
    #expect(messages(run) == ["t.md:3:1: error: cell 1 raised ValueError: bad value", "t.md:6: note: cells 2-3 were not run"])
    #expect(run.diagnostics[0].details == """
        Traceback (most recent call last):
          File "t.md", line 3, in <cell>
            raise ValueError bad value
        ValueError: bad value

        """)
}

@Test func raisesCells() {
    let run = fakeRun("""
        ```nn raises
        print x
        raise KeyError 'k'
        ```
        ```output
        x
        KeyError: 'k'
        ```
        ```nn raises=TypeError
        value 1
        ```
        ```nn raises=TypeError
        raise ValueError no
        ```
        ```nn
        value never
        ```
        """)
    #expect(run.cells[0].verdict == .passed)
    #expect(messages(run) == [
        "t.md:9: error: cell 2 should raise TypeError but did not",
        "t.md:13:1: error: cell 3 should raise TypeError but raised ValueError: no",
        "t.md:15: note: cell 4 was not run",
    ])
    #expect(run.passedCount == 1 && run.failedCount == 3)
}

@Test func skipVolatileAndMissingBlock() {
    let run = fakeRun("""
        ```nn skip
        raise ValueError never runs
        ```
        ```nn volatile
        print 12ms
        ```
        ```output
        99ms
        ```
        ```nn
        volatile
        print 3ms
        ```
        ```nn
        print unchecked
        ```
        ```nn
        value None-like
        ```
        ```output
        None-like
        ```
        ```nn
        ```
        """)
    #expect(run.cells.map(\.verdict).prefix(3) == [.skipped, .volatile, .volatile])
    #expect(run.cells[5].verdict == .passed)  // prints nothing, has no block: fine
    #expect(messages(run) == ["t.md:14: error: cell 4 has output but no expected output block"])
    #expect(run.diagnostics[0].details.contains("nnbook update t.md"))
    #expect(run.passedCount == 4 && run.failedCount == 1)
}

@Test func differingOutputShowsDiff() {
    let run = fakeRun("""
        ```nn
        print loss 0.30001
        print acc 0.5
        print done
        ```

        ```output
        loss 0.3
        acc 0.6
        done
        ```
        """)
    #expect(messages(run) == ["t.md:7: error: output of cell 1 differs"])
    #expect(run.diagnostics[0].details == """
        --- expected
        +++ actual
        @@ -1,3 +1,3 @@
         loss 0.30001
        -acc 0.6
        +acc 0.5
         done

        """)
}

@Test func timeoutIsPassedToTheExecutor() {
    #expect(fakeRun("```nn\ntimeout\n```\n", timeout: 2.5).cells[0].output == "2.5\n")
    #expect(fakeRun("```nn\ntimeout\n```\n", timeout: nil).cells[0].output == "none\n")
}

@Test func notebookWithErrorsDoesNotRun() {
    let run = fakeRun("```nn hidden\nprint x\n```\n")
    #expect(run.cells.map(\.verdict) == [.notRun])
    #expect(run.failedCount == 2)  // the diagnostic and the cell
    #expect(messages(run) == ["t.md:1:7: error: unknown cell option 'hidden'"])
}

@Test func diagnosticFormatting() {
    let run = fakeRun("```nn hide  bogus\nprint x\n```\n")
    #expect(DiagnosticFormatter(colored: false).format(run.diagnostics[0]) == """
        t.md:1:13: error: unknown cell option 'bogus'
         1 | ```nn hide  bogus
           |             ^

        """)
}

@Test func raisesAcceptsBaseClasses() {
    #expect(RaisesExpectation.type("LookupError").accepts("KeyError"))
    #expect(RaisesExpectation.type("Exception").accepts("ZeroDivisionError"))
    #expect(RaisesExpectation.type("ArithmeticError").accepts("ZeroDivisionError"))
    #expect(RaisesExpectation.type("MyError").accepts("MyError"))
    #expect(!RaisesExpectation.type("ValueError").accepts("TypeError"))
    #expect(!RaisesExpectation.type("LookupError").accepts("ValueError"))
    #expect(!RaisesExpectation.type("Exception").accepts("KeyboardInterrupt"))
    #expect(RaisesExpectation.type("BaseException").accepts("KeyboardInterrupt"))
    #expect(RaisesExpectation.any.accepts("Anything"))
}
