import Notebook

/// The seam between the runner and the HTML writer (the `Site` module).
enum SiteWriter {
    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the HTML writer (Site module) is not part of this build yet" }
    }

    /// Writes the rendered runs into `folder`.
    static func write(_ runs: [NotebookRun], to folder: String, unsafeHTML: Bool) throws {
        throw NotBuilt()
    }
}
