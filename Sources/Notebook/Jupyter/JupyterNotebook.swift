/// A Jupyter notebook (nbformat 4): the cells and outputs nnbook reads and writes.
///
///     let nb = try JupyterNotebook(json: JSONReader.parse(text))
///     nb.cells[0].kind      // .markdown
///     nb.json.written       // the .ipynb text, as nbformat writes it
public struct JupyterNotebook: Sendable, Equatable {
    /// The cells, in order.
    public var cells: [JupyterCell]
    /// Notebook metadata (`kernelspec`, `language_info`, ...).
    public var metadata: [String: JSONValue]
    /// `nbformat` (4).
    public var major: Int
    /// `nbformat_minor` (0...5; cell ids came with 4.5).
    public var minor: Int

    /// A notebook of `cells`.
    public init(cells: [JupyterCell], metadata: [String: JSONValue] = [:], major: Int = 4, minor: Int = 5) {
        self.cells = cells; self.metadata = metadata; self.major = major; self.minor = minor
    }
}

/// One cell of a Jupyter notebook.
public struct JupyterCell: Sendable, Equatable {
    /// `markdown`, `code` or `raw`.
    public enum Kind: String, Sendable { case markdown, code, raw }

    /// The cell type.
    public var kind: Kind
    /// The cell id (nbformat 4.5), nil in older notebooks.
    public var id: String?
    /// The source text, joined from nbformat's list of lines.
    public var source: String
    /// The cell's metadata.
    public var metadata: [String: JSONValue]
    /// Markdown/raw cells: attached files by name, each a MIME type -> base64 (or text) map.
    public var attachments: [String: [String: String]]
    /// Code cells: the outputs.
    public var outputs: [JupyterOutput]
    /// Code cells: the `In [n]` number, nil when not run.
    public var executionCount: Int?

    /// A cell.
    public init(kind: Kind, id: String? = nil, source: String, metadata: [String: JSONValue] = [:],
                attachments: [String: [String: String]] = [:], outputs: [JupyterOutput] = [], executionCount: Int? = nil) {
        self.kind = kind; self.id = id; self.source = source; self.metadata = metadata
        self.attachments = attachments; self.outputs = outputs; self.executionCount = executionCount
    }
}

/// One output of a code cell.
public enum JupyterOutput: Sendable, Equatable {
    /// Printed text; `name` is `stdout` or `stderr`.
    case stream(name: String, text: String)
    /// The value of the cell's last expression (`Out[n]`): MIME type -> text (base64 for
    /// binary types).
    case executeResult(count: Int?, data: [String: String], metadata: [String: JSONValue])
    /// A rich display (`display(...)`, a plot).
    case displayData(data: [String: String], metadata: [String: JSONValue])
    /// An uncaught exception.
    case error(ename: String, evalue: String, traceback: [String])

    /// The MIME bundle of a result or display (empty for streams and errors).
    public var data: [String: String] {
        switch self {
        case .executeResult(_, let d, _), .displayData(let d, _): d
        default: [:]
        }
    }
}

/// A notebook whose JSON is valid but whose structure is not nbformat 4.
public struct JupyterFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the notebook (`cells[3].outputs[0]`).
    public var path: String
    /// What is wrong there.
    public var message: String
    /// `cells[3].outputs[0]: message`.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension JupyterNotebook {
    /// Reads a notebook from parsed JSON: nbformat 4.0-4.5, sources and texts as strings or
    /// lists of strings. Unknown output types and cell types are errors, not silently dropped.
    public init(json: JSONValue) throws(JupyterFormatError) {
        guard let root = json.objectValue else { throw JupyterFormatError(path: "", message: "a notebook is a JSON object, not \(json.kindName)") }
        guard let major = root["nbformat"]?.intValue else { throw JupyterFormatError(path: "nbformat", message: "missing: this is not a Jupyter notebook") }
        guard major == 4 else {
            throw JupyterFormatError(path: "nbformat", message: "version \(major) is not supported (nnbook reads nbformat 4; `jupyter nbconvert --to notebook` upgrades older files)")
        }
        self.major = major
        minor = root["nbformat_minor"]?.intValue ?? 0
        metadata = root["metadata"]?.objectValue ?? [:]
        guard let cellValues = root["cells"]?.arrayValue else { throw JupyterFormatError(path: "cells", message: "missing or not a list") }
        var cells: [JupyterCell] = []
        for (n, value) in cellValues.enumerated() {
            cells.append(try JupyterCell(json: value, path: "cells[\(n)]"))
        }
        self.cells = cells
    }

    /// The notebook as nbformat 4.5 JSON (write it with `.written`).
    public var json: JSONValue {
        .object(["cells": .array(cells.map(\.json)), "metadata": .object(metadata),
                 "nbformat": .int(major), "nbformat_minor": .int(minor)])
    }
}

/// nbformat's multiline strings: a string or a list of strings, joined.
func multiline(_ value: JSONValue?, _ path: String) throws(JupyterFormatError) -> String {
    switch value {
    case .string(let s)?: return s
    case .array(let items)?:
        var out = ""
        for (i, item) in items.enumerated() {
            guard let s = item.stringValue else { throw JupyterFormatError(path: "\(path)[\(i)]", message: "expected a string, found \(item.kindName)") }
            out += s
        }
        return out
    case nil: throw JupyterFormatError(path: path, message: "missing")
    case let other?: throw JupyterFormatError(path: path, message: "expected a string or a list of strings, found \(other.kindName)")
    }
}

/// Text split the way Jupyter saves it: one string per line, each keeping its newline.
func lines(_ text: String) -> JSONValue {
    var result: [JSONValue] = []
    var current = ""
    for ch in text {
        current.append(ch)
        if ch == "\n" { result.append(.string(current)); current = "" }
    }
    if !current.isEmpty { result.append(.string(current)) }
    return .array(result)
}

func mimeBundle(_ value: JSONValue?, _ path: String) throws(JupyterFormatError) -> [String: String] {
    guard let object = value?.objectValue else { throw JupyterFormatError(path: path, message: "missing or not an object") }
    var result: [String: String] = [:]
    for (mime, v) in object {
        // JSON-valued types (application/json, widgets) are kept as their JSON text.
        if mime.hasSuffix("json"), v.stringValue == nil, v.arrayValue == nil {
            result[mime] = v.written
        } else if case .array(let items) = v, items.contains(where: { $0.stringValue == nil }) {
            result[mime] = v.written
        } else {
            result[mime] = try multiline(v, "\(path).\(mime)")
        }
    }
    return result
}

/// A MIME bundle as nbformat writes it: text types (and SVG, JavaScript) as lists of lines,
/// base64 images as one string, JSON types as JSON.
func bundleJSON(_ data: [String: String]) -> JSONValue {
    var o: [String: JSONValue] = [:]
    for (mime, text) in data {
        if mime.hasSuffix("json"), let v = try? JSONReader.parse(text) {
            o[mime] = v
        } else if mime.hasPrefix("text/") || mime == "image/svg+xml" || mime == "application/javascript" {
            o[mime] = lines(text)
        } else {
            o[mime] = .string(text)
        }
    }
    return .object(o)
}

extension JupyterCell {
    init(json: JSONValue, path: String) throws(JupyterFormatError) {
        guard let object = json.objectValue else { throw JupyterFormatError(path: path, message: "a cell is an object, not \(json.kindName)") }
        guard let type = object["cell_type"]?.stringValue else { throw JupyterFormatError(path: "\(path).cell_type", message: "missing") }
        guard let kind = Kind(rawValue: type) else { throw JupyterFormatError(path: "\(path).cell_type", message: "unknown cell type '\(type)'") }
        self.kind = kind
        id = object["id"]?.stringValue
        source = try multiline(object["source"], "\(path).source")
        metadata = object["metadata"]?.objectValue ?? [:]
        attachments = [:]
        if let att = object["attachments"]?.objectValue {
            for (name, bundle) in att { attachments[name] = try mimeBundle(bundle, "\(path).attachments.\(name)") }
        }
        outputs = []
        executionCount = object["execution_count"]?.intValue
        guard kind == .code else { return }
        for (n, out) in (object["outputs"]?.arrayValue ?? []).enumerated() {
            outputs.append(try JupyterOutput(json: out, path: "\(path).outputs[\(n)]"))
        }
    }

    var json: JSONValue {
        var o: [String: JSONValue] = ["cell_type": .string(kind.rawValue), "metadata": .object(metadata), "source": lines(source)]
        if let id { o["id"] = .string(id) }
        if !attachments.isEmpty { o["attachments"] = .object(attachments.mapValues(bundleJSON)) }
        if kind == .code {
            o["outputs"] = .array(outputs.map(\.json))
            o["execution_count"] = executionCount.map { .int($0) } ?? .null
        }
        return .object(o)
    }
}

extension JupyterOutput {
    init(json: JSONValue, path: String) throws(JupyterFormatError) {
        guard let type = json["output_type"]?.stringValue else { throw JupyterFormatError(path: "\(path).output_type", message: "missing") }
        switch type {
        case "stream":
            self = .stream(name: json["name"]?.stringValue ?? "stdout", text: try multiline(json["text"], "\(path).text"))
        case "execute_result", "pyout":
            self = .executeResult(count: json["execution_count"]?.intValue, data: try mimeBundle(json["data"], "\(path).data"),
                                  metadata: json["metadata"]?.objectValue ?? [:])
        case "display_data":
            self = .displayData(data: try mimeBundle(json["data"], "\(path).data"), metadata: json["metadata"]?.objectValue ?? [:])
        case "error", "pyerr":
            var traceback: [String] = []
            for (i, line) in (json["traceback"]?.arrayValue ?? []).enumerated() {
                guard let s = line.stringValue else { throw JupyterFormatError(path: "\(path).traceback[\(i)]", message: "expected a string") }
                traceback.append(s)
            }
            self = .error(ename: json["ename"]?.stringValue ?? "Exception", evalue: json["evalue"]?.stringValue ?? "", traceback: traceback)
        default:
            throw JupyterFormatError(path: "\(path).output_type", message: "unknown output type '\(type)'")
        }
    }

    var json: JSONValue {
        switch self {
        case .stream(let name, let text):
            .object(["output_type": "stream", "name": .string(name), "text": lines(text)])
        case .executeResult(let count, let data, let metadata):
            .object(["output_type": "execute_result", "execution_count": count.map { .int($0) } ?? .null,
                     "data": bundleJSON(data), "metadata": .object(metadata)])
        case .displayData(let data, let metadata):
            .object(["output_type": "display_data", "data": bundleJSON(data), "metadata": .object(metadata)])
        case .error(let ename, let evalue, let traceback):
            .object(["output_type": "error", "ename": .string(ename), "evalue": .string(evalue),
                     "traceback": .array(traceback.map { .string($0) })])
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
}
