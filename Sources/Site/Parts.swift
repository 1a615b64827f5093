import Foundation

/// The parts a course is divided into, read from `parts.txt` beside the notebooks.
///
/// Each line names the notebook a part starts with and the part's title; a notebook belongs
/// to the last part that starts at or before it in file-name order (the order of the site).
/// Blank lines and lines starting with `#` are ignored:
///
///     # notebook that starts the part: title of the part
///     01_matmul.md: Part 1: matmul to backprop
///     06_minibatch_training.md: Part 2: training
///
/// Like a Quarto book's `part:` entries, parts only group pages: the index shows a heading per
/// part, pages name their part, and prev/next run across parts in file order.
public struct Parts: Sendable, Equatable {
    /// The file looked for in a notebook's folder.
    public static let fileName = "parts.txt"

    /// `(first notebook's file name, part title)`, sorted by file name.
    public private(set) var starts: [(file: String, title: String)]

    /// Parts from the text of a `parts.txt`; lines without a `file.md: title` shape are skipped.
    public init(text: String) {
        var starts: [(String, String)] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { continue }
            let file = line[..<colon].trimmingCharacters(in: .whitespaces)
            let title = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !file.isEmpty, !title.isEmpty else { continue }
            starts.append((file, title))
        }
        self.starts = starts.sorted { $0.0 < $1.0 }
    }

    /// The `parts.txt` in the folder of the notebook at `path`, if there is a readable one.
    public static func beside(notebookAt path: String) -> Parts? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard let text = try? String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8) else { return nil }
        let parts = Parts(text: text)
        return parts.starts.isEmpty ? nil : parts
    }

    /// The title of the part the notebook at `path` belongs to (nil before the first part).
    public func part(of path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return starts.last { $0.file <= name }?.title
    }

    public static func == (a: Parts, b: Parts) -> Bool {
        a.starts.map(\.file) == b.starts.map(\.file) && a.starts.map(\.title) == b.starts.map(\.title)
    }
}
