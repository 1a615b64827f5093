import ArgumentParser
import Notebook

/// nnbook's version: part of every run-cache key (with the binary's own stamp).
let nnbookVersion = "0.1.0"

/// `--cache DIR` / `--no-cache`, shared by `render`, `test` and `watch` (never `update`).
struct CacheOptions: ParsableArguments {
    @Option(name: .customLong("cache"), help: ArgumentHelp(
        "The run-cache folder (default: .nnbook-cache beside the notebooks).", valueName: "dir"))
    var directory: String?

    @Flag(help: "Run every notebook; neither read nor write the run cache.")
    var noCache = false

    func validate() throws {
        if noCache, directory != nil { throw ValidationError("--cache and --no-cache exclude each other") }
        if let directory, directory.isEmpty { throw ValidationError("--cache needs a folder") }
    }

    /// The cache these options ask for, or nil with `--no-cache`.
    var runCache: RunCache? {
        if noCache { return nil }
        return RunCache(location: directory.map { .directory($0) } ?? .besideNotebooks,
                        tool: RunCache.toolIdentity(version: nnbookVersion))
    }
}
