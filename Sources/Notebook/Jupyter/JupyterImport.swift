import NNLang

/// `nnbook import`: a Jupyter notebook as an nnbook lesson.
///
/// Markdown cells become prose (MathJax math rewritten to GitHub's form, attachments written
/// beside the lesson), code cells become `nn` cells with their text outputs as
/// ```` ```output ```` blocks and their images as files in `X_files/`. What nnbook cannot express
/// (stderr, HTML outputs, unknown metadata, shell lines, unknown magics) is reported in
/// `warnings`, never dropped silently.
public struct JupyterImport {
    /// What importing produced.
    public struct Result: Sendable, Equatable {
        /// The lesson's Markdown.
        public var markdown: String
        /// Files to write, paths relative to the lesson's folder (`X_files/cell3_1.png`).
        public var files: [ImportedFile]
        /// One line per thing that was changed or could not be kept.
        public var warnings: [String]
    }

    /// A file written beside the lesson.
    public struct ImportedFile: Sendable, Equatable {
        /// The path relative to the lesson's folder.
        public var path: String
        /// The contents.
        public var bytes: [UInt8]
    }

    /// Converts `notebook` into the lesson to be written at `markdownPath`.
    public static func convert(_ notebook: JupyterNotebook, markdownPath: String) -> Result {
        let folder = JupyterPaths.imageFolder(forMarkdown: markdownPath)
        var state = ImportState()
        let isPrelude: (JupyterCell) -> Bool = { $0.metadata["nnbook"]?["prelude"] == .bool(true) }
        // A notebook nnbook exported holds nn code already: its cells come back unchanged
        // (IPython syntax in them is nnbook's to report when the lesson runs).
        let fromNNBook = notebook.cells.contains(where: isPrelude)
        let numbered = notebook.cells.enumerated().filter { !isPrelude($0.element) }
        var pieces: [(text: String, original: Bool)] = []
        var number = 0
        for (k, (index, var cell)) in numbered.enumerated() {
            let label = "cell \(index + 1)"
            state.noteMetadata(cell, label: label)
            if cell.kind == .code, fromNNBook {
                number += 1
            } else if cell.kind == .code {
                guard let cleaned = state.cleanCode(cell.source, label: label) else { continue }
                cell.source = cleaned.source
                if cleaned.skip {
                    var meta = cell.metadata["nnbook"]?.objectValue ?? [:]
                    let old = meta["options"]?.stringValue ?? ""
                    if !old.split(separator: " ").contains("skip") { meta["options"] = .string((old.isEmpty ? "" : old + " ") + "skip") }
                    cell.metadata["nnbook"] = .object(meta)
                }
                number += 1
            }
            let isLast = k == numbered.count - 1
            if let original = keptOriginal(cell, markdownPath: markdownPath) {
                pieces.append((original, true))
                continue
            }
            let rendered = render(cell, cellNumber: number, isLast: isLast, imageFolder: folder, label: label)
            state.warnings += rendered.warnings
            state.files += rendered.files
            pieces.append((rendered.text, false))
        }
        // A kept original may have been the file's last line, without a newline: when a cell
        // now follows it, it needs one (and a blank line) to stay a block of its own.
        var markdown = ""
        for (k, piece) in pieces.enumerated() {
            var text = piece.text
            if k < pieces.count - 1, piece.original, !text.hasSuffix("\n") { text += "\n\n" }
            markdown += text
        }
        state.reportMetadata(notebook.metadata)
        return Result(markdown: markdown, files: state.files, warnings: state.warnings + state.metadataWarnings())
    }

    /// The Markdown `nnbook export` kept for this cell, when the cell is still what that
    /// Markdown exports to (it was not edited in Jupyter).
    static func keptOriginal(_ cell: JupyterCell, markdownPath: String) -> String? {
        guard let original = cell.metadata["nnbook"]?["markdown"]?.stringValue else { return nil }
        let again = JupyterExport().export(Notebook(path: markdownPath, text: original)).cells.dropFirst()
        if original.allSatisfy({ $0 == "\n" || $0 == " " }) { return again.isEmpty ? original : nil }
        guard again.count == 1, let fresh = again.first, fresh.kind == cell.kind, fresh.source == cell.source,
              fresh.outputs.map(\.withoutCount) == cell.outputs.map(\.withoutCount) else { return nil }
        return original
    }

    /// The canonical Markdown of one cell (what `nnbook export` checks its cells against).
    static func markdown(for cell: JupyterCell, cellNumber: Int, isLast: Bool, imageFolder: String) -> String {
        render(cell, cellNumber: cellNumber, isLast: isLast, imageFolder: imageFolder, label: "").text
    }

    struct Rendered { var text: String; var files: [ImportedFile] = []; var warnings: [String] = [] }

    static func render(_ cell: JupyterCell, cellNumber: Int, isLast: Bool, imageFolder: String, label: String) -> Rendered {
        var r: Rendered
        switch cell.kind {
        case .markdown:
            r = Rendered(text: "")
            let text = JupyterMarkdown.rewriteImages(JupyterMarkdown.fromJupyter(cell.source)) { dest in
                guard dest.hasPrefix("attachment:") else { return nil }
                let name = String(dest.dropFirst("attachment:".count))
                guard let bundle = cell.attachments[name] else { return nil }
                return bundle.isEmpty ? nil : imageFolder + "/" + name
            }
            for (name, bundle) in cell.attachments.sorted(by: { $0.key < $1.key }) {
                guard let (mime, data) = bundle.sorted(by: { $0.key < $1.key }).first else { continue }
                let bytes = mime.hasPrefix("text/") || mime == "image/svg+xml" ? Array(data.utf8) : Base64.decode(data)
                if let bytes { r.files.append(ImportedFile(path: imageFolder + "/" + name, bytes: bytes)) }
                else { r.warnings.append("\(label): attachment \(name) is not valid base64; not kept") }
            }
            r.text = text.isEmpty ? "" : text + "\n"
        case .raw:
            r = Rendered(text: fenced(cell.source, info: "raw"))
            r.warnings.append("\(label): raw cell kept as a ```raw block (nnbook does not run or render raw cells)")
            if !cell.attachments.isEmpty {
                r.warnings.append("\(label): attachments of a raw cell not kept (\(cell.attachments.keys.sorted().joined(separator: ", ")))")
            }
        case .code:
            r = Rendered(text: "")
            var output = ""
            func endLine() { if !output.isEmpty, !output.hasSuffix("\n") { output += "\n" } }
            var images: [String] = []
            var raised: String?
            for out in cell.outputs {
                switch out {
                case .stream(let name, let text):
                    // Terminal output of shell lines ends lines with \r\n; Jupyter shows \n.
                    if name == "stdout" { output += text.replacingCRLF }
                    else { r.warnings.append("\(label): \(name) output not kept (nnbook compares only what a cell prints to stdout)") }
                case .executeResult(_, let data, _), .displayData(let data, _):
                    if let mime = ["image/png", "image/svg+xml", "image/jpeg", "image/gif"].first(where: { data[$0] != nil }),
                       let ext = JupyterPaths.fileExtension(forType: mime) {
                        let path = "\(imageFolder)/cell\(cellNumber)_\(images.count + 1).\(ext)"
                        let payload = data[mime]!
                        if let bytes = mime == "image/svg+xml" ? Array(payload.utf8) : Base64.decode(payload) {
                            images.append(path)
                            r.files.append(ImportedFile(path: path, bytes: bytes))
                        } else {
                            r.warnings.append("\(label): \(mime) output is not valid base64; not kept")
                        }
                    } else if let text = data["text/plain"] {
                        endLine(); output += text; endLine()
                    }
                    let dropped = data.keys.filter { !$0.hasPrefix("image/") && $0 != "text/plain" }.sorted()
                    if !dropped.isEmpty {
                        let kept = data["text/plain"] != nil || data.keys.contains { $0.hasPrefix("image/") }
                        r.warnings.append("\(label): \(dropped.joined(separator: ", ")) output not kept"
                                          + (kept ? " (its text or image form is)" : " (it has no text or image form)"))
                    }
                case .error(let ename, let evalue, _):
                    endLine()
                    output += evalue.isEmpty ? "\(ename)\n" : "\(ename): \(evalue)\n"
                    raised = ename
                }
            }
            endLine()
            var options = codeOptions(cell, label: label, warnings: &r.warnings)
            if let raised, options.raises == nil {
                options.raises = .type(raised)
                r.warnings.append("\(label): raised \(raised) in Jupyter; imported as `nn raises=\(raised)`")
            }
            let info = options.description.isEmpty ? "nn" : "nn " + options.description
            var text = fenced(cell.source, info: info)
            if !output.isEmpty { text += "\n" + fenced(output, info: "output") }
            if !images.isEmpty { text += "\n" + images.map { "![output](\($0))\n" }.joined() }
            r.text = text
        }
        if !isLast, !r.text.isEmpty { r.text += "\n" }
        return r
    }

    /// The options of an imported code cell: nnbook's own (from an earlier export) or the
    /// Jupyter conventions for them (`raises-exception` tag, hidden source).
    static func codeOptions(_ cell: JupyterCell, label: String, warnings: inout [String]) -> CellOptions {
        var options = CellOptions()
        if let words = cell.metadata["nnbook"]?["options"]?.stringValue {
            for word in words.split(separator: " ") where options.set(String(word)) != nil {
                warnings.append("\(label): unknown nnbook option '\(word)' dropped")
            }
            return options
        }
        if cell.metadata["tags"]?.arrayValue?.contains("raises-exception") == true { options.raises = .any }
        if cell.metadata["jupyter"]?["source_hidden"] == .bool(true) { options.hide = true }
        return options
    }

    /// A fenced block whose fence is longer than any backtick run starting a line of `text`.
    static func fenced(_ text: String, info: String) -> String {
        var longest = 0
        for line in text.split(separator: "\n") {
            let run = line.drop { $0 == " " }.prefix { $0 == "`" }.count
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        var body = text
        if !body.isEmpty, !body.hasSuffix("\n") { body += "\n" }
        return fence + info + "\n" + body + fence + "\n"
    }
}

extension JupyterOutput {
    /// The output with its execution count removed (counts are renumbered on export).
    var withoutCount: JupyterOutput {
        if case .executeResult(_, let d, let m) = self { return .executeResult(count: nil, data: d, metadata: m) }
        return self
    }
}

/// What one import run has collected: files, warnings, and metadata it could not keep.
struct ImportState {
    var files: [JupyterImport.ImportedFile] = []
    var warnings: [String] = []
    /// Metadata key -> the cells that had it.
    var droppedMetadata: [String: [String]] = [:]
    var droppedNotebookMetadata: [String] = []

    /// IPython line magics nnbook runs.
    static let keptMagics: Set<String> = ["time", "timeit"]
    /// Magics that only set up the IPython session: nothing to do under nnbook.
    static let harmlessMagics: Set<String> = ["matplotlib", "load_ext", "reload_ext", "autoreload", "config",
                                              "precision", "pylab", "aimport", "xmode", "pdb", "env"]

    /// The code of a cell with harmless magics removed, and whether it must be skipped (shell
    /// lines, cell magics, unknown magics, help syntax); nil when nothing is left.
    mutating func cleanCode(_ source: String, label: String) -> (source: String, skip: Bool)? {
        var kept: [Substring] = []
        var skip = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let body = line.drop { $0 == " " || $0 == "\t" }
            if body.hasPrefix("%%") {
                skip = true
                warnings.append("\(label): cell magic `\(body.prefix { !$0.isWhitespace })` is not supported; the cell is kept as `nn skip`")
            } else if body.hasPrefix("%") {
                let name = String(body.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                if Self.harmlessMagics.contains(name) {
                    warnings.append("\(label): `\(body)` dropped (IPython set-up, not needed by nnbook)")
                    continue
                }
                if !Self.keptMagics.contains(name) {
                    skip = true
                    warnings.append("\(label): unknown magic `%\(name)`; the cell is kept as `nn skip`")
                }
            } else if body.hasPrefix("!") {
                skip = true
                warnings.append("\(label): shell command `\(body)`; the cell is kept as `nn skip`")
            } else if !body.hasPrefix("#"), body.hasSuffix("?"), !body.isEmpty {
                skip = true
                warnings.append("\(label): IPython help `\(body)`; the cell is kept as `nn skip`")
            }
            kept.append(line)
        }
        while let last = kept.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { kept.removeLast() }
        if kept.isEmpty {
            if source.contains(where: { !$0.isWhitespace }) { warnings.append("\(label): nothing left after dropping magics; cell not imported") }
            else { return (source: "", skip: false) }
            return nil
        }
        return (kept.joined(separator: "\n"), skip)
    }

    /// Notes the cell metadata nnbook does not carry over (it keeps its own, the
    /// `raises-exception` tag and a hidden source).
    mutating func noteMetadata(_ cell: JupyterCell, label: String) {
        for (key, value) in cell.metadata {
            switch key {
            case "nnbook": continue
            case "tags":
                let other = (value.arrayValue ?? []).filter { $0 != "raises-exception" }
                if !other.isEmpty { droppedMetadata["tags", default: []].append(label) }
            case "jupyter":
                let other = (value.objectValue ?? [:]).keys.filter { $0 != "source_hidden" }
                for k in other.sorted() { droppedMetadata["jupyter.\(k)", default: []].append(label) }
            default:
                droppedMetadata[key, default: []].append(label)
            }
        }
    }

    /// Notes metadata keys nnbook does not carry over.
    mutating func reportMetadata(_ notebookMetadata: [String: JSONValue]) {
        droppedNotebookMetadata = notebookMetadata.keys.filter { !["kernelspec", "language_info"].contains($0) }.sorted()
    }

    func metadataWarnings() -> [String] {
        var result = droppedMetadata.keys.sorted().map { key in
            "cell metadata `\(key)` not kept (cell\(droppedMetadata[key]!.count == 1 ? "" : "s") "
                + droppedMetadata[key]!.map { $0.dropFirst("cell ".count) }.joined(separator: ", ") + ")"
        }
        if !droppedNotebookMetadata.isEmpty {
            result.append("notebook metadata not kept: \(droppedNotebookMetadata.joined(separator: ", "))")
        }
        return result
    }
}

extension String {
    /// The text with every `\r\n` turned into `\n`.
    var replacingCRLF: String {
        // "\r\n" is one Character in Swift.
        String(map { $0 == "\r\n" ? "\n" : $0 })
    }
}
