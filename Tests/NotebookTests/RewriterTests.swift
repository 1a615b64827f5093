import Notebook
import Testing

func rewritten(_ text: String, _ outputs: [Int: String]) -> String {
    let (bytes, _) = OutputRewriter.rewrite(Notebook(path: "t.md", text: text), outputs: outputs)
    return String(decoding: bytes, as: UTF8.self)
}

@Test func noCellsIsByteIdentical() {
    let text = "# Title\r\n\nSome *prose*  \n\n```python\nx\n```\n\n\tindented\n<div>\n"
    #expect(rewritten(text, [:]) == text)
    #expect(rewritten(text, [1: "x\n"]) == text)
}

@Test func insertReplaceRemove() {
    let text = """
        # T

        ```nn
        a
        ```

        Prose.

        ```nn
        b
        ```

        ```output
        old
        ```

        More.

        ```nn
        c
        ```
        ```output
        stale
        ```
        End.
        """
    let new = rewritten(text, [1: "1\n", 2: "two", 3: ""])
    #expect(new == """
        # T

        ```nn
        a
        ```
        ```output
        1
        ```

        Prose.

        ```nn
        b
        ```

        ```output
        two
        ```

        More.

        ```nn
        c
        ```
        End.
        """)
    // Running it again with the same outputs changes nothing.
    #expect(rewritten(new, [1: "1\n", 2: "two", 3: ""]) == new)
    let (_, changes) = OutputRewriter.rewrite(Notebook(path: "t.md", text: new), outputs: [1: "1\n", 2: "two", 3: ""])
    #expect(!changes.any)
}

@Test func untouchedCellsKeepTheirBlocks() {
    let text = "```nn\na\n```\n~~~~output\nkeep\n~~~~\n"
    #expect(rewritten(text, [:]) == text)
    #expect(rewritten(text, [1: "keep\n"]) == text)  // same text: the fence style stays
}

@Test func fenceLongerThanBackticksInOutput() {
    let new = rewritten("```nn\na\n```\n", [1: "```\nx ````` y\n"])
    #expect(new == "```nn\na\n```\n``````output\n```\nx ````` y\n``````\n")
    let nb = Notebook(path: "t.md", text: new)
    #expect(nb.cells[0].expected?.text == "```\nx ````` y\n")
}

@Test func cellAtEndOfFileWithoutNewline() {
    #expect(rewritten("```nn\na\n```", [1: "1"]) == "```nn\na\n```\n```output\n1\n```")
    #expect(rewritten("```nn\na\n```\n```output\n0\n```", [1: "1"]) == "```nn\na\n```\n```output\n1\n```")
}
