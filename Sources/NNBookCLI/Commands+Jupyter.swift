import Notebook
import NNLang

extension Commands {
    /// `nnbook import X.ipynb [-o X.md]`: writes the lesson and its images (`X_files/`), and
    /// reports on stderr whatever could not be kept. 1 when the notebook cannot be read.
    public func importNotebook(path: String, output: String?) -> Int32 {
        let target = output ?? Self.replacingExtension(path, with: ".md")
        let notebook: JupyterNotebook
        do {
            notebook = try Self.readJupyter(path)
        } catch {
            console.err(error.text(formatter))
            return 1
        }
        let result = JupyterImport.convert(notebook, markdownPath: target)
        let dir = JupyterPaths.directory(of: target)
        do throws(NotebookFileError) {
            var made = Set<String>()
            for file in result.files {
                let full = JupyterPaths.join(dir, file.path)
                let folder = JupyterPaths.directory(of: full)
                if made.insert(folder).inserted { try FileIO.makeDirectory(folder) }
                try FileIO.replace(full, with: file.bytes)
            }
            try FileIO.replace(target, with: Array(result.markdown.utf8))
        } catch {
            console.err("nnbook: error: \(error)\n")
            return 1
        }
        for warning in result.warnings {
            console.err("\(path): warning: \(warning)\n")
        }
        let files = result.files.isEmpty ? "" : ", \(result.files.count) file\(result.files.count == 1 ? "" : "s") in \(JupyterPaths.imageFolder(forMarkdown: target))/"
        console.out("imported \(path) -> \(target)  (\(notebook.cells.count) cells\(files))\n")
        return 0
    }

    /// `nnbook export X.md [-o X.ipynb]`: writes the lesson as an nbformat 4.5 notebook.
    /// 1 when the lesson cannot be read or has errors.
    public func exportNotebook(path: String, output: String?) -> Int32 {
        let target = output ?? Self.replacingExtension(path, with: ".ipynb")
        let lesson: Notebook
        do {
            lesson = try Notebook(contentsOf: path)
        } catch {
            console.err("nnbook: error: \(error)\n")
            return 1
        }
        let text = lesson.diagnostics.map(formatter.format).joined()
        if !text.isEmpty { console.err(text) }
        if lesson.hasErrors { return 1 }
        var warnings: [String] = []
        let notebook = JupyterExport().export(lesson, warnings: &warnings)
        for warning in warnings { console.err("\(path): warning: \(warning)\n") }
        do throws(NotebookFileError) {
            try FileIO.replace(target, with: Array(notebook.json.written.utf8))
        } catch {
            console.err("nnbook: error: \(error)\n")
            return 1
        }
        console.out("exported \(path) -> \(target)  (\(notebook.cells.count) cells)\n")
        return 0
    }

    /// Reads and checks an `.ipynb`; malformed JSON is a diagnostic at its line and column.
    public static func readJupyter(_ path: String) throws(JupyterReadError) -> JupyterNotebook {
        let text: String
        do {
            text = try FileIO.readText(path)
        } catch {
            throw JupyterReadError(path: path, message: "cannot read notebook: \(error.reason)")
        }
        let json: JSONValue
        do {
            json = try JSONReader.parse(text)
        } catch {
            let source = SourceText(text)
            throw JupyterReadError(path: path, message: "malformed notebook JSON: \(error.message)", diagnostic: Diagnostic(
                .error, "malformed notebook JSON: \(error.message)", at: SourceLocation(file: path, line: error.line, column: error.column),
                sourceLine: error.line <= source.lineCount ? source.text(ofLine: error.line) : nil))
        }
        do {
            return try JupyterNotebook(json: json)
        } catch {
            throw JupyterReadError(path: path, message: "not a Jupyter notebook: \(error)")
        }
    }

    static func replacingExtension(_ path: String, with ext: String) -> String {
        let name = JupyterPaths.fileName(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path + ext }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex))) + ext
    }
}

/// An `.ipynb` that could not be read: unreadable, malformed JSON (with its position), or
/// not nbformat 4.
public struct JupyterReadError: Error, Sendable, CustomStringConvertible {
    /// The notebook's path.
    public var path: String
    /// What is wrong.
    public var message: String
    /// For malformed JSON: the error at its line and column, with the offending line.
    public var diagnostic: Diagnostic?

    /// `PATH:LINE:COL: error: message` when the place is known, else `PATH: error: message`.
    public var description: String { diagnostic?.description ?? "\(path): error: \(message)" }

    func text(_ formatter: DiagnosticFormatter) -> String {
        diagnostic.map(formatter.format) ?? description + "\n"
    }
}
