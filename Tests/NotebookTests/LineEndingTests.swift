import Foundation
import Notebook
import NotebookTestSupport
import Testing

// Notebooks saved with CRLF (Windows) or bare CR (old Mac) line endings read and run like LF
// ones, and `update` writes its blocks with the file's own line ending.

private let lf = "# T\n\n```nn\nx = 1\nprint(x + 1)\n```\n\n```output\n2\n```\n\nText.\n\n```nn\nprint('b')\n```\n"

@Test(arguments: ["\r", "\r\n"])
func otherLineEndingsReadLikeLF(_ ending: String) throws {
    let text = lf.replacing("\n", with: ending)
    let plain = Notebook(path: "n.md", text: lf), odd = Notebook(path: "n.md", text: text)
    #expect(!odd.hasErrors, "\(odd.diagnostics)")
    #expect(odd.cells.count == 2)
    #expect(odd.cells.map(\.source) == plain.cells.map(\.source))
    #expect(odd.cells.map(\.fenceLine) == plain.cells.map(\.fenceLine))
    #expect(odd.cells.map(\.firstLine) == plain.cells.map(\.firstLine))
    #expect(odd.cells[0].expected?.text == "2\n")
    #expect(odd.cells[0].expected?.lines == plain.cells[0].expected?.lines)
    #expect(odd.title == "T")
}

@Test(arguments: ["\r", "\r\n"])
func updateKeepsTheFilesLineEnding(_ ending: String) throws {
    let text = lf.replacing("\n", with: ending)
    let notebook = Notebook(path: "n.md", text: text)
    let (bytes, changes) = OutputRewriter.rewrite(notebook, outputs: [1: "3\n", 2: "b\n"], comparison: nil)
    #expect(changes.replaced == 1 && changes.inserted == 1)
    let written = String(decoding: bytes, as: UTF8.self)
    let want = lf.replacing("```output\n2\n```", with: "```output\n3\n```")
        .replacing("print('b')\n```\n", with: "print('b')\n```\n```output\nb\n```\n")
    #expect(written == want.replacing("\n", with: ending))
    let again = Notebook(path: "n.md", text: written)
    #expect(again.cells.map { $0.expected?.text } == ["3\n", "b\n"])
}

@Test func crOnlyAndCRLFNotebooksRunLikeLF() throws {
    guard evaluatorWorks else { return }
    let dir = try tempFolder(["cr.md": lf.replacing("\n", with: "\r"), "crlf.md": lf.replacing("\n", with: "\r\n")])
    for name in ["cr.md", "crlf.md"] {
        let r = try nnbook(["test", name, "--no-cache"], in: dir)
        // Cell 2 prints `b` with no block yet: one pass, one failure naming its fence line.
        #expect(r.status == 1 && r.out.hasSuffix("1 passed, 1 failed\n"), "\(name): \(r.out)\(r.err)")
        #expect(r.err.contains("\(name):14: error: cell 2 has output but no expected output block"), "\(r.err)")
        let u = try nnbook(["update", name], in: dir)
        #expect(u.status == 0, "\(u.out)\(u.err)")
        #expect(try nnbook(["test", name, "--no-cache"], in: dir).out.hasSuffix("2 passed, 0 failed\n"))
        let ending = name == "cr.md" ? "\r" : "\r\n"
        let bytes = try read("\(dir)/\(name)")
        #expect(bytes == lf.replacing("print('b')\n```\n", with: "print('b')\n```\n```output\nb\n```\n").replacing("\n", with: ending))
    }
}
