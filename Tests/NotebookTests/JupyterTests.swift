import Foundation
import Notebook
import NotebookTestSupport
import Testing

let jupyterFixtures = "\(fixtures)/jupyter"


func readJupyter(_ path: String) throws -> JupyterNotebook {
    try JupyterNotebook(json: JSONReader.parse(read(path)))
}

/// The text a cell's outputs show in an output block: stdout and the text of results/displays.
func textOutputs(_ cell: JupyterCell) -> String {
    var out = ""
    for o in cell.outputs {
        switch o {
        case .stream("stdout", let t): out += t.replacingOccurrences(of: "\r\n", with: "\n")
        case .stream: continue
        case .error(let ename, let evalue, _): out += evalue.isEmpty ? ename : "\(ename): \(evalue)"
        default:
            if o.data.keys.contains(where: { $0.hasPrefix("image/") }) { continue }
            if let t = o.data["text/plain"] { out += t.hasSuffix("\n") ? t : t + "\n" }
        }
    }
    return out.filter { !$0.isWhitespace }
}

// MARK: - JSON

@Test func jsonReaderReportsLineAndColumn() {
    func failure(_ text: String) -> String {
        do { _ = try JSONReader.parse(text); return "parsed" } catch { return error.description }
    }
    #expect(failure("{\n \"cells\": [1, 2,]\n}") == "2:17: expected a value but found ']'")
    #expect(failure("{\"a\": 1 \"b\": 2}") == "1:9: expected ',' or '}' after an object member but found '\"'")
    #expect(failure("{\"a\": \"x\ny\"}") == "1:9: control character in a string (write it as an escape)")
    #expect(failure("[1, 2") == "1:6: expected ',' or ']' after a list element but found the end of the file")
    #expect(failure("{\"é\": tru}") == "1:7: expected a value but found 'tru'")
    #expect(failure("{} x") == "1:4: extra data after the JSON value")
    #expect(failure("") == "1:1: expected a value but found the end of the file")
    #expect(failure("\"\\q\"") == "1:2: invalid escape '\\q' in a string")
    #expect(failure(String(repeating: "[", count: 100_000)) == "1:501: JSON nested more than 500 levels deep")
}

@Test func jsonReaderDecodesEscapesAndNumbers() throws {
    let v = try JSONReader.parse(#"{"s": "a\"\\\/\n\u00e9\ud83d\ude00", "i": -12, "d": 2.5e3, "n": null, "b": [true, false]}"#)
    #expect(v["s"] == .string("a\"\\/\né😀"))
    #expect(v["i"] == .int(-12) && v["d"] == .double(2500) && v["n"] == .null)
    #expect(v["b"] == .array([.bool(true), .bool(false)]))
}

/// Reading a notebook saved by real Jupyter and writing it again gives the same bytes:
/// the model keeps everything and the writer lays it out as nbformat does.
@Test func realJupyterFileRoundTripsThroughTheModel() throws {
    for name in ["fixture.ipynb", "fixture_v44.ipynb"] {
        let text = try read("\(jupyterFixtures)/\(name)")
        let nb = try readJupyter("\(jupyterFixtures)/\(name)")
        #expect(nb.json.written == text, "\(name)")
    }
}

// MARK: - import

@Test func importsTheRealJupyterFixture() throws {
    let nb = try readJupyter("\(jupyterFixtures)/fixture.ipynb")
    #expect(nb.minor == 5 && nb.cells.allSatisfy { $0.id != nil })
    let r = JupyterImport.convert(nb, markdownPath: "out/fixture.md")
    let md = r.markdown
    // Markdown cells are prose; MathJax math becomes GitHub's form.
    #expect(md.hasPrefix("# Squares, from Jupyter\n\nThe sum $`\\sum_i x_i^2`$ of a list, and its mean:\n\n```math\n\\bar{x} = \\frac{1}{n} \\sum_i x_i\n```\n\n```nn\n"))
    // Harmless magics go, %time stays; printed text and the final repr form the output block.
    #expect(md.contains("```nn\nxs = [1, 2, 3, 4]\nprint(sum(x * x for x in xs))\nsum(xs) / len(xs)\n```\n\n```output\n30\n2.5\n```\n"))
    #expect(!md.contains("%load_ext"))
    #expect(md.contains("```nn\n%time total = sum(xs)\n```\n\n```output\nCPU times: "))
    #expect(md.contains("```nn\n[x * 10 for x in xs]\n```\n\n```output\n[10, 20, 30, 40]\n```\n"))
    // Attachments and image outputs become files beside the lesson.
    #expect(md.contains("![a red diagonal](fixture_files/diagonal.png)"))
    #expect(md.contains("```output\nshown\n```\n\n![output](fixture_files/cell5_1.png)\n"))
    #expect(r.files.map(\.path).sorted() == ["fixture_files/cell5_1.png", "fixture_files/diagonal.png"])
    #expect(r.files.allSatisfy { $0.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) })
    // Shell lines become skipped cells; stderr is reported, not kept.
    #expect(md.contains("```nn skip\n!echo from the shell\n```\n\n```output\nfrom the shell\n```\n"))
    #expect(md.contains("```nn\nimport sys\nprint('to stderr', file=sys.stderr)\nprint('to stdout')\n```\n\n```output\nto stdout\n```\n"))
    #expect(md.hasSuffix("\n\nThe end.\n"))
    #expect(r.warnings == [
        "cell 2: `%load_ext autoreload` dropped (IPython set-up, not needed by nnbook)",
        "cell 8: shell command `!echo from the shell`; the cell is kept as `nn skip`",
        "cell 9: stderr output not kept (nnbook compares only what a cell prints to stdout)",
        "cell metadata `execution` not kept (cells 2, 3, 4, 5, 7, 8, 9)",
    ])
    // The imported lesson is a valid nnbook notebook.
    #expect(Notebook(path: "fixture.md", text: md).diagnostics.isEmpty)
}

@Test func nbformat44WithoutIdsImportsTheSame() throws {
    let v45 = JupyterImport.convert(try readJupyter("\(jupyterFixtures)/fixture.ipynb"), markdownPath: "fixture.md")
    let old = try readJupyter("\(jupyterFixtures)/fixture_v44.ipynb")
    #expect(old.minor == 4 && old.cells.allSatisfy { $0.id == nil })
    #expect(JupyterImport.convert(old, markdownPath: "fixture.md") == v45)
}

@Test func ipynbToMarkdownToIpynbKeepsSourcesAndTextOutputs() throws {
    let original = try readJupyter("\(jupyterFixtures)/fixture.ipynb")
    let imported = JupyterImport.convert(original, markdownPath: "fixture.md")
    var files: [String: [UInt8]] = [:]
    for f in imported.files { files[f.path] = f.bytes }
    let again = JupyterExport(readFile: { files[$0] }).export(Notebook(path: "fixture.md", text: imported.markdown))
    let cells = Array(again.cells.dropFirst())  // the prelude
    #expect(again.cells.first?.metadata["nnbook"]?["prelude"] == .bool(true))
    try #require(cells.count == original.cells.count)
    for (a, b) in zip(original.cells, cells) {
        #expect(a.kind == b.kind)
        // The one dropped line is the harmless magic.
        let source = a.source.replacingOccurrences(of: "%load_ext autoreload\n", with: "")
        #expect(source == b.source)
        #expect(textOutputs(a) == textOutputs(b), "\(a.source)")
        #expect(a.attachments.mapValues { $0.mapValues { $0.filter { !$0.isWhitespace } } } == b.attachments)
    }
    // The image output came back as an image output.
    #expect(cells[6].outputs.contains { $0.data["image/png"] != nil })
}

@Test func malformedStructureIsAnError() throws {
    func failure(_ text: String) -> String {
        do { _ = try JupyterNotebook(json: JSONReader.parse(text)); return "read" } catch { return "\(error)" }
    }
    #expect(failure(#"{"nbformat": 3, "cells": []}"#).hasPrefix("nbformat: version 3 is not supported"))
    #expect(failure(#"{"nbformat": 4, "nbformat_minor": 5}"#) == "cells: missing or not a list")
    #expect(failure(#"{"nbformat": 4, "cells": [{"cell_type": "code", "source": 3}]}"#)
            == "cells[0].source: expected a string or a list of strings, found a number")
    #expect(failure(#"{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "outputs": [{"output_type": "x"}]}]}"#)
            == "cells[0].outputs[0].output_type: unknown output type 'x'")
}

@Test func magicsShellLinesAndErrorsImport() {
    let nb = JupyterNotebook(cells: [
        JupyterCell(kind: .code, source: "%matplotlib inline"),
        JupyterCell(kind: .code, source: "%%bash\necho hi"),
        JupyterCell(kind: .code, source: "%timeit -n 3 f()\nx = 1"),
        JupyterCell(kind: .code, source: "%cd /tmp"),
        JupyterCell(kind: .code, source: "1 / 0", metadata: ["tags": .array(["raises-exception", "slow"])],
                    outputs: [.error(ename: "ZeroDivisionError", evalue: "division by zero", traceback: [])]),
        JupyterCell(kind: .code, source: "boom()",
                    outputs: [.error(ename: "NameError", evalue: "name 'boom' is not defined", traceback: [])]),
        JupyterCell(kind: .raw, source: "raw text"),
    ], metadata: ["colab": .object([:])])
    let r = JupyterImport.convert(nb, markdownPath: "x.md")
    #expect(r.markdown == """
        ```nn skip
        %%bash
        echo hi
        ```

        ```nn
        %timeit -n 3 f()
        x = 1
        ```

        ```nn skip
        %cd /tmp
        ```

        ```nn raises
        1 / 0
        ```

        ```output
        ZeroDivisionError: division by zero
        ```

        ```nn raises=NameError
        boom()
        ```

        ```output
        NameError: name 'boom' is not defined
        ```

        ```raw
        raw text
        ```

        """)
    #expect(r.warnings == [
        "cell 1: `%matplotlib inline` dropped (IPython set-up, not needed by nnbook)",
        "cell 1: nothing left after dropping magics; cell not imported",
        "cell 2: cell magic `%%bash` is not supported; the cell is kept as `nn skip`",
        "cell 4: unknown magic `%cd`; the cell is kept as `nn skip`",
        "cell 6: raised NameError in Jupyter; imported as `nn raises=NameError`",
        "cell 7: raw cell kept as a ```raw block (nnbook does not run or render raw cells)",
        "cell metadata `tags` not kept (cell 5)",
        "notebook metadata not kept: colab",
    ])
}

// MARK: - export

/// What `python3 ARGS` prints (stdout), for checking the Python tools.
func pythonOutput(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "python3 \(arguments)")
    return String(decoding: data, as: UTF8.self)
}

@Test func exportedLessonIsNbformat45WithOutputsAndPrelude() throws {
    let path = try lessonPaths().first { $0.hasSuffix("01_matmul.md") }!
    let nb = JupyterExport().export(try Notebook(contentsOf: path))
    #expect(nb.major == 4 && nb.minor == 5)
    #expect(nb.metadata["kernelspec"]?["name"] == .string("python3"))
    #expect(nb.metadata["language_info"]?["name"] == .string("python"))
    let ids = nb.cells.compactMap(\.id)
    #expect(ids.count == nb.cells.count && Set(ids).count == ids.count)
    // The prelude defines the names nn cells use, from the one text tools/torch_prelude.py runs
    // too (it reads TorchPrelude.swift): what that loader finds is what the export holds.
    let prelude = try pythonOutput(["\(packageRoot)/tools/torch_prelude.py"])
    #expect(prelude.hasPrefix("\"\"\"The nn names and lesson helpers") && prelude.contains("def stats(t):"))
    #expect(nb.cells[0].source == prelude + "\n_ = torch.manual_seed(0)  # nnbook seeds every lesson with 0\n")
    let code = nb.cells.dropFirst().filter { $0.kind == .code }
    #expect(code.map(\.executionCount) == (1...code.count).map { $0 })
    // Math in MathJax's form.
    let prose = nb.cells.filter { $0.kind == .markdown }.map(\.source).joined()
    #expect(prose.contains("$784 \\times 10$") && prose.contains("$$\n") && !prose.contains("$`"))
    // A bare expression is an execute_result; a raises cell ends with an error output.
    #expect(code.contains { $0.outputs.contains { if case .executeResult(let n, let d, _) = $0 { n != nil && d["text/plain"] != nil } else { false } } })
    #expect(code.contains { $0.outputs.contains { if case .error("RuntimeError", _, _) = $0 { true } else { false } } && $0.metadata["tags"] == .array(["raises-exception"]) })
}

@Test func markdownToIpynbToMarkdownIsByteIdenticalForEveryLesson() throws {
    let paths = try lessonPaths()
    #expect(!paths.isEmpty)
    for path in paths {
        let lesson = try Notebook(contentsOf: path)
        let exported = JupyterExport().export(lesson)
        // Through the file format, as the CLI does.
        let reread = try JupyterNotebook(json: JSONReader.parse(exported.json.written))
        let back = JupyterImport.convert(reread, markdownPath: path)
        #expect(back.markdown == lesson.text, "\(path)")
        #expect(back.warnings.isEmpty && back.files.isEmpty)
        // Exact without the fallback copy of the Markdown: every cell converts both ways.
        #expect(exported.cells.allSatisfy { $0.metadata["nnbook"]?["markdown"] == nil }, "\(path)")
    }
}

@Test func markdownImagesAreEmbeddedAndComeBack() throws {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]
    let text = "# Pictures\n\nA dot: ![dot](lesson_files/dot.png) and $`x^2`$.\n\n```nn\nprint(1)\n```\n\n```output\n1\n```\n\n![output](lesson_files/cell1_1.png)\n"
    let files = ["dir/lesson_files/dot.png": png, "dir/lesson_files/cell1_1.png": png]
    let nb = JupyterExport(readFile: { files[$0] }).export(Notebook(path: "dir/lesson.md", text: text))
    #expect(nb.cells[1].source == "# Pictures\n\nA dot: ![dot](attachment:dot.png) and $x^2$.")
    #expect(nb.cells[1].attachments == ["dot.png": ["image/png": "iVBORwECAw=="]])
    #expect(nb.cells[2].outputs == [.stream(name: "stdout", text: "1\n"), .displayData(data: ["image/png": "iVBORwECAw=="], metadata: [:])])
    let back = JupyterImport.convert(nb, markdownPath: "dir/lesson.md")
    #expect(back.markdown == text)
    #expect(back.files.map(\.path).sorted() == ["lesson_files/cell1_1.png", "lesson_files/dot.png"])
}

@Test func unusualLayoutSurvivesThroughTheKeptMarkdown() throws {
    // Two blank lines, a four-backtick fence, trailing spaces, no final newline.
    let text = "Intro  \n\n\n````nn hide\nx = 1\nx\n````\n\n```output\n1\n```\nEnd"
    let nb = JupyterExport().export(Notebook(path: "t.md", text: text))
    #expect(JupyterImport.convert(nb, markdownPath: "t.md").markdown == text)
    // A cell edited in Jupyter is rebuilt from its new source, not from the stale copy.
    var edited = nb
    edited.cells[2].source = "x = 2\nx"
    let md = JupyterImport.convert(edited, markdownPath: "t.md").markdown
    #expect(md.contains("```nn hide\nx = 2\nx\n```\n\n```output\n1\n```\n"))
    #expect(md.hasPrefix("Intro  \n\n\n```nn") && md.hasSuffix("End"))
}

@Test func mathConvertsBothWaysOutsideCode() {
    let md = "Inline $`a_1`$, code `$x$` stays, price $5 and $6.\n\n```math\n\\sum x\n```\n\n```python\n$`not math`$\n```\n"
    let nb = JupyterExport().export(Notebook(path: "m.md", text: md))
    #expect(nb.cells[1].source == "Inline $a_1$, code `$x$` stays, price $5 and $6.\n\n$$\n\\sum x\n$$\n\n```python\n$`not math`$\n```")
    #expect(JupyterImport.convert(nb, markdownPath: "m.md").markdown == md)
    let jupyter = JupyterNotebook(cells: [JupyterCell(kind: .markdown, source: "Mass $$E = mc^2$$ and $\\alpha$.\n$$x = 1$$")])
    #expect(JupyterImport.convert(jupyter, markdownPath: "j.md").markdown == "Mass $`E = mc^2`$ and $`\\alpha`$.\n```math\nx = 1\n```\n")
}

/// Found by fuzzing: IPython clean-up applies to Jupyter's code, never to cells nnbook exported.
@Test func exportedCellsWithIPythonSyntaxComeBackUnchanged() {
    let text = "```nn\n!ls\n%cd x\n%matplotlib inline\n```\n"
    let nb = JupyterExport().export(Notebook(path: "t.md", text: text))
    let back = JupyterImport.convert(nb, markdownPath: "t.md")
    #expect(back.markdown == text && back.warnings.isEmpty)
}

@Test func richOutputsKeepTheirTextAndAreReported() {
    let nb = JupyterNotebook(cells: [
        JupyterCell(kind: .code, source: "df", outputs: [
            .executeResult(count: 1, data: ["text/plain": "   a\n0  1", "text/html": "<table></table>"], metadata: [:]),
            .displayData(data: ["application/vnd.widget+json": "{}"], metadata: [:]),
        ]),
    ])
    let r = JupyterImport.convert(nb, markdownPath: "r.md")
    #expect(r.markdown == "```nn\ndf\n```\n\n```output\n   a\n0  1\n```\n")
    #expect(r.warnings == ["cell 1: text/html output not kept (its text or image form is)",
                           "cell 1: application/vnd.widget+json output not kept (it has no text or image form)"])
}

@Test func unreadableImagesAreReportedOnExport() {
    var warnings: [String] = []
    let nb = JupyterExport(readFile: { _ in nil }).export(Notebook(path: "a/l.md", text: "![x](pics/x.png) ![y](https://e.org/y.png)\n"), warnings: &warnings)
    #expect(nb.cells[1].source == "![x](pics/x.png) ![y](https://e.org/y.png)" && nb.cells[1].attachments.isEmpty)
    #expect(warnings == ["image pics/x.png cannot be read; it stays a link, not embedded"])
}
