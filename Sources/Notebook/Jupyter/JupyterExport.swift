import NNLang

/// `nnbook export`: a lesson as a Jupyter notebook (nbformat 4.5).
///
/// Prose between cells becomes one markdown cell (math in MathJax's `$...$` / `$$` form, local
/// images as attachments); each `nn` cell becomes a code cell whose outputs come from its
/// expected-output block, so exporting never runs the lesson. A first code cell (the prelude)
/// defines the names nn cells use without `torch.`, so the notebook runs under CPython + PyTorch.
/// Whatever `nnbook import` could not rebuild byte for byte from a cell is kept in the cell's
/// `nnbook.markdown` metadata, which makes `.md -> .ipynb -> .md` exact.
public struct JupyterExport {
    /// Reads an image referenced by the lesson (a path relative to the lesson's folder).
    public var readFile: (String) -> [UInt8]?

    /// An exporter reading images with `readFile` (by default from disk).
    public init(readFile: ((String) -> [UInt8]?)? = nil) {
        self.readFile = readFile ?? { try? FileIO.readBytes($0) }
    }

    /// The notebook for `lesson`; `imageFolder` is the `X_files` folder `nnbook import` uses
    /// for this lesson (relative to the lesson's folder).
    public func export(_ lesson: Notebook) -> JupyterNotebook {
        var warnings: [String] = []
        return export(lesson, warnings: &warnings)
    }

    /// The notebook for `lesson`, adding to `warnings` a line per local image that could not
    /// be read (it stays a link to the file).
    public func export(_ lesson: Notebook, warnings: inout [String]) -> JupyterNotebook {
        let source = SourceText(lesson.text)
        let baseDir = JupyterPaths.directory(of: lesson.path)
        let imageFolder = JupyterPaths.imageFolder(forMarkdown: lesson.path)
        let chunks = Self.chunks(of: lesson, source: source)
        var cells: [JupyterCell] = [Self.preludeCell]
        var count = 0
        for (n, chunk) in chunks.enumerated() {
            let isLast = n == chunks.count - 1
            let lines = n == 0 ? 1...chunk.end : chunk.start...chunk.end
            let nextStart = isLast ? source.lineCount + 1 : chunks[n + 1].start
            let original = String(decoding: source.bytes[source.byteRange(ofLine: lines.lowerBound).lowerBound..<source.byteRange(ofLine: nextStart - 1).upperBound], as: UTF8.self)
            var cell: JupyterCell
            switch chunk.kind {
            case .prose:
                let content = Self.trimBlankLines(String(decoding: source.bytes[source.byteRange(of: chunk.start...chunk.end)], as: UTF8.self))
                cell = markdownCell(content, baseDir: baseDir, imageFolder: imageFolder, warnings: &warnings)
            case .cell(let c, let images):
                if !c.options.skip { count += 1 }
                cell = codeCell(c, images: images, baseDir: baseDir, count: c.options.skip ? nil : count)
            }
            cell.id = "cell-\(n + 1)"
            let rebuilt = JupyterImport.markdown(for: cell, cellNumber: 0, isLast: isLast, imageFolder: imageFolder)
            if rebuilt != original {
                var meta = cell.metadata["nnbook"]?.objectValue ?? [:]
                meta["markdown"] = .string(original)
                cell.metadata["nnbook"] = .object(meta)
            }
            cells.append(cell)
        }
        if chunks.isEmpty, !lesson.text.isEmpty {
            var cell = JupyterCell(kind: .markdown, id: "cell-1", source: "")
            cell.metadata["nnbook"] = .object(["markdown": .string(lesson.text)])
            cells.append(cell)
        }
        return JupyterNotebook(cells: cells, metadata: Self.notebookMetadata)
    }

    /// The notebook metadata Jupyter needs to pick a kernel.
    static let notebookMetadata: [String: JSONValue] = [
        "kernelspec": .object(["display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"]),
        "language_info": .object([
            "codemirror_mode": .object(["name": "ipython", "version": .int(3)]),
            "file_extension": ".py", "mimetype": "text/x-python", "name": "python",
            "nbconvert_exporter": "python", "pygments_lexer": "ipython3", "version": "3",
        ]),
    ]

    /// The first code cell: nnbook's built-in names for CPython + PyTorch (`nnbook import`
    /// drops it again).
    static var preludeCell: JupyterCell {
        JupyterCell(kind: .code, id: "nnbook-prelude", source: TorchPrelude.source + "\n\n_ = torch.manual_seed(0)  # nnbook seeds every lesson with 0\n",
                    metadata: ["nnbook": .object(["prelude": .bool(true)]),
                               "jupyter": .object(["source_hidden": .bool(true)])])
    }

    enum ChunkKind { case prose, cell(Cell, images: [String]) }
    struct Chunk { var kind: ChunkKind; var start: Int; var end: Int }

    /// The lesson's pieces in order: each cell with its output blocks (and the output images
    /// `nnbook import` put after it), and the prose between them.
    static func chunks(of lesson: Notebook, source: SourceText) -> [Chunk] {
        var result: [Chunk] = []
        var line = 1
        let elements = lesson.elements
        var i = 0
        func addProse(upTo end: Int) {
            if end >= line, (line...end).contains(where: { !source.isBlank(line: $0) }) {
                // Blank lines before the prose belong to the previous chunk's separator.
                var s = line
                while source.isBlank(line: s) { s += 1 }
                var e = end
                while source.isBlank(line: e) { e -= 1 }
                result.append(Chunk(kind: .prose, start: s, end: e))
            }
        }
        while i < elements.count {
            guard case .cell(let cell) = elements[i] else { i += 1; continue }
            addProse(upTo: cell.fenceLine - 1)
            var end = (cell.extraOutputs.last?.lines ?? cell.expected?.lines ?? cell.lines).upperBound
            var images: [String] = []
            if i + 1 < elements.count, case .prose(let next) = elements[i + 1],
               (end + 1..<next.lines.lowerBound).allSatisfy({ source.isBlank(line: $0) }),
               let found = outputImages(next) {
                images = found
                end = next.lines.upperBound
                i += 1
            }
            result.append(Chunk(kind: .cell(cell, images: images), start: cell.fenceLine, end: end))
            line = end + 1
            i += 1
        }
        addProse(upTo: source.lineCount)
        return result
    }

    /// A paragraph of nothing but `![output](path.png)` lines: images a cell displayed.
    static func outputImages(_ block: MarkdownBlock) -> [String]? {
        guard case .paragraph(let inlines) = block.kind else { return nil }
        var paths: [String] = []
        for inline in inlines {
            switch inline {
            case .image(let src, "", [.text("output")]) where src.hasSuffix(".png") || src.hasSuffix(".svg"): paths.append(src)
            case .softBreak: continue
            default: return nil
            }
        }
        return paths.isEmpty ? nil : paths
    }

    static func trimBlankLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        while let f = lines.first, f.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeFirst() }
        while let l = lines.last, l.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    func markdownCell(_ content: String, baseDir: String, imageFolder: String, warnings: inout [String]) -> JupyterCell {
        var attachments: [String: [String: String]] = [:]
        var missing: [String] = []
        let text = JupyterMarkdown.rewriteImages(JupyterMarkdown.toJupyter(content)) { dest in
            guard let mime = JupyterPaths.imageType(dest), JupyterPaths.isLocal(dest) else { return nil }
            guard let bytes = readFile(JupyterPaths.join(baseDir, dest)) else { missing.append(dest); return nil }
            let name = JupyterPaths.fileName(dest)
            attachments[name] = [mime: mime == "image/svg+xml" ? String(decoding: bytes, as: UTF8.self) : Base64.encode(bytes)]
            return "attachment:" + name
        }
        warnings += missing.map { "image \($0) cannot be read; it stays a link, not embedded" }
        return JupyterCell(kind: .markdown, source: text, attachments: attachments)
    }

    func codeCell(_ cell: Cell, images: [String], baseDir: String, count: Int?) -> JupyterCell {
        var code = cell.source
        if code.hasSuffix("\n") { code.removeLast() }
        var metadata: [String: JSONValue] = [:]
        let options = cell.options.description
        if !options.isEmpty { metadata["nnbook"] = .object(["options": .string(options)]) }
        if cell.options.hide { metadata["jupyter"] = .object(["source_hidden": .bool(true)]) }
        if cell.options.raises != nil { metadata["tags"] = .array(["raises-exception"]) }
        var outputs = Self.outputs(text: cell.expected?.text ?? "", cell: cell, count: count)
        for path in images {
            guard let mime = JupyterPaths.imageType(path), let bytes = readFile(JupyterPaths.join(baseDir, path)) else { continue }
            let data = mime == "image/svg+xml" ? String(decoding: bytes, as: UTF8.self) : Base64.encode(bytes)
            outputs.append(.displayData(data: [mime: data], metadata: [:]))
        }
        return JupyterCell(kind: .code, source: code, metadata: metadata, outputs: outputs, executionCount: count)
    }

    /// Jupyter outputs for a cell's recorded text: an `error` for the last `Type: message` line
    /// of a `raises` cell, an `execute_result` when the text can only be the repr of the cell's
    /// final expression, else one `stdout` stream.
    static func outputs(text: String, cell: Cell, count: Int?) -> [JupyterOutput] {
        guard !text.isEmpty else { return [] }
        if let raises = cell.options.raises, let (before, ename, evalue) = errorSummary(text, raises) {
            var outs: [JupyterOutput] = before.isEmpty ? [] : [.stream(name: "stdout", text: before)]
            let line = evalue.isEmpty ? ename : "\(ename): \(evalue)"
            outs.append(.error(ename: ename, evalue: evalue, traceback: [line]))
            return outs
        }
        if onlyFinalRepr(cell.source) {
            return [.executeResult(count: count, data: ["text/plain": String(text.dropLast(text.hasSuffix("\n") ? 1 : 0))], metadata: [:])]
        }
        return [.stream(name: "stdout", text: text)]
    }

    /// Splits a raises cell's text at its last line that starts with an exception name.
    static func errorSummary(_ text: String, _ raises: RaisesExpectation) -> (String, String, String)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        for k in stride(from: lines.count - 1, through: 0, by: -1) {
            let line = lines[k]
            let name = String(line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
            guard !name.isEmpty, line == name || line.dropFirst(name.count).hasPrefix(": ") else { continue }
            let looksLikeError = raises.accepts(name) && (name.hasSuffix("Error") || name.hasSuffix("Exception")
                || name.hasSuffix("Interrupt") || name.hasSuffix("Warning") || raises != .any)
            guard looksLikeError else { continue }
            let before = lines[..<k].map { $0 + "\n" }.joined()
            let rest = lines[k...].joined(separator: "\n")
            let evalue = rest == name ? "" : String(rest.dropFirst(name.count + 2))
            return (before, name, evalue)
        }
        return nil
    }

    /// Whether a cell's whole output is the repr of its last expression: every earlier
    /// statement binds names (assignments, imports, defs) and the last is an expression
    /// that is not a display call. Anything else is shown as printed text.
    static func onlyFinalRepr(_ code: String) -> Bool {
        guard let module = try? Parser.parse(source: code), !module.endsWithSemicolon,
              let last = module.body.last, case .expr(let e) = last.kind else { return false }
        if case .call(let f, _) = e.kind, case .name(let n) = f.kind,
           ["print", "show", "show_image", "hist", "plot", "stats"].contains(n) { return false }
        for stmt in module.body.dropLast() {
            switch stmt.kind {
            case .assign, .augAssign, .annAssign, .import, .importFrom, .functionDef, .classDef, .pass: continue
            default: return false
            }
        }
        return true
    }
}

/// Paths beside a lesson: its folder, its `X_files` image folder, image types.
package enum JupyterPaths {
    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return path[..<slash].isEmpty ? "/" : String(path[..<slash])
    }

    package static func fileName(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    package static func stem(_ path: String) -> String {
        let name = fileName(path)
        return name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
    }

    /// `X_files`: where `nnbook import` puts the images of `X.md` (relative to its folder).
    package static func imageFolder(forMarkdown path: String) -> String { stem(path) + "_files" }

    package static func join(_ dir: String, _ path: String) -> String {
        path.hasPrefix("/") || dir == "." ? path : dir + "/" + path
    }

    package static func isLocal(_ dest: String) -> Bool {
        !dest.contains("://") && !dest.hasPrefix("attachment:") && !dest.hasPrefix("data:")
    }

    package static func imageType(_ path: String) -> String? {
        let lower = path.lowercased()
        if lower.hasSuffix(".png") { return "image/png" }
        if lower.hasSuffix(".svg") { return "image/svg+xml" }
        if lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") { return "image/jpeg" }
        if lower.hasSuffix(".gif") { return "image/gif" }
        return nil
    }

    package static func fileExtension(forType mime: String) -> String? {
        switch mime {
        case "image/png": "png"
        case "image/svg+xml": "svg"
        case "image/jpeg": "jpg"
        case "image/gif": "gif"
        default: nil
        }
    }
}
