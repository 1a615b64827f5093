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

@Test func extraOutputBlocksAreRemoved() {
    let text = "```nn\na\n```\n```output\n1\n```\n\n```output\nleftover\n```\nEnd.\n"
    let nb = Notebook(path: "t.md", text: text)
    #expect(nb.diagnostics.map(\.description) == ["t.md:8: warning: cell 1 has more than one output block; `nnbook update` removes the extra ones"])
    #expect(rewritten(text, [1: "1\n"]) == "```nn\na\n```\n```output\n1\n```\nEnd.\n")
    #expect(rewritten(text, [1: ""]) == "```nn\na\n```\nEnd.\n")
    #expect(rewritten(text, [:]) == text)
}

@Test func blocksWithinToleranceAreKept() {
    let text = "```nn\na\n```\n```output\n0.3\nloss 1.0000  \n```\n"
    #expect(rewritten(text, [1: "0.30000000000000004\nloss 1.00001\n"]) == text)
    #expect(rewritten(text, [1: "0.31\nloss 1.0\n"]) == "```nn\na\n```\n```output\n0.31\nloss 1.0\n```\n")
    let (bytes, _) = OutputRewriter.rewrite(Notebook(path: "t.md", text: text), outputs: [1: "0.3\nloss 1.0\n"], comparison: nil)
    #expect(String(decoding: bytes, as: UTF8.self) == "```nn\na\n```\n```output\n0.3\nloss 1.0\n```\n")
}
