import Testing
import Notebook

/// Compares a notebook's dump with a golden text, reporting at the caller's line.
func expectDump(_ markdown: String, _ golden: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let dump = Notebook(path: "t.md", text: markdown).dump()
    #expect(dump == golden, sourceLocation: sourceLocation)
}

@Test func titleProseCellAndOutput() {
    expectDump("""
        # Matrix *multiplication*

        Some $`x^2`$ and `code`.
        Second line.

        ```nn
        a = 1
        a
        ```

        ```output
        1
        ```

        ```math
        \\frac{1}{2}
        ```
        """, """
        title "Matrix multiplication"
        heading1 @1 [text "Matrix ", emph [text "multiplication"]]
        paragraph @3-4 [text "Some ", math "x^2", text " and ", code "code", text ".", softbreak, text "Second line."]
        cell 1 @6-9 fence@6 first@7 options[] bytes 66..<84
          | a = 1
          | a
        output @11-13 bytes 85..<101
          | 1
        math @15-17 "\\\\frac{1}{2}\\n"

        """)
}

@Test func cellOptionsAndUnknownOption() {
    expectDump("""
        ```nn hide volatile
        x
        ```
        ```nn raises=ValueError skip
        y
        ```
        ```nn  raises hid
        z
        ```
        """, """
        title -
        cell 1 @1-3 fence@1 first@2 options[hide volatile] bytes 0..<26
          | x
        cell 2 @4-6 fence@4 first@5 options[skip raises=ValueError] bytes 26..<61
          | y
        cell 3 @7-9 fence@7 first@8 options[raises] bytes 61..<84
          | z
        t.md:7:15: error: unknown cell option 'hid'

        """)
}

@Test func outputMustFollowItsCell() {
    // Prose between a cell and an output fence: the output fence is prose, not expected output.
    expectDump("""
        ```nn
        1
        ```
        text
        ```output
        1
        ```
        """, """
        title -
        cell 1 @1-3 fence@1 first@2 options[] bytes 0..<12
          | 1
        paragraph @4 [text "text"]
        code @5-7 info "output" "1\\n"

        """)
}

@Test func unclosedCellAndNestedCell() {
    expectDump("""
        > ```nn
        > 1
        > ```

        ````nn
        2
        """, """
        title -
        quote @1-3
          code @1-3 info "nn" "1\\n"
        cell 1 @5-6 fence@5 first@6 options[] bytes 19..<27
          | 2
        t.md:1: warning: nn block inside a list or quote is shown but not run
        t.md:5:1: error: code cell is not closed: add a closing ```` line

        """)
}

@Test func markdownStructure() {
    expectDump("""
        - a
        - b

        1. *x* [l](u "t")
        ***
        <div>raw</div>

        ~~~python
        print(1)
        ~~~
        """, """
        title -
        list @1-3 bullet tight
          item
            paragraph @1 [text "a"]
          item
            paragraph @2 [text "b"]
        list @4 ordered(1) tight
          item
            paragraph @4 [emph [text "x"], text " ", link "u" "t" [text "l"]]
        break @5
        html @6 "<div>raw</div>\\n"
        code @8-10 info "python" "print(1)\\n"

        """)
}

@Test func emptyFile() {
    expectDump("", "title -\n")
}

@Test func deepNestingIsCutWithAWarning() {
    let quotes = String(repeating: "> ", count: 100_000) + "x\n"
    let nb = Notebook(path: "t.md", text: quotes + "\n```nn\n1\n```\n")
    #expect(nb.cells.count == 1)
    #expect(nb.diagnostics.map(\.description) == ["t.md:1: warning: Markdown nested more than 64 levels deep; the deeper content is not shown"])
    let emphasis = Notebook(path: "t.md", text: String(repeating: "*a _", count: 5000) + "x" + String(repeating: "_ a*", count: 5000))
    #expect(emphasis.elements.count == 1)
}
