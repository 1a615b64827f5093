import ArgumentParser
import Notebook
import Preview

extension NNBook {
    /// `nnbook watch`: live preview while writing a lesson.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the rendered site, re-run a notebook when it is saved, and reload open pages.")

        @Argument(help: "Notebook files or folders (default: Notebooks).")
        var paths: [String] = []

        @Option(help: "The folder the HTML goes to (and is served from).")
        var out: String = "site"

        @Option(help: "The port to listen on (0: any free port).")
        var port: Int = 8000

        @Option(help: "The address to listen on (default: this machine only).")
        var host: String = "127.0.0.1"

        @Flag(help: "Open the site in the desktop's browser.")
        var open = false

        @OptionGroup var options: RunOptions

        @OptionGroup var cache: CacheOptions

        @Flag(help: "Keep raw HTML written in the Markdown prose.")
        var unsafeHTML = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
            guard !host.isEmpty else { throw ValidationError("--host needs an address") }
        }

        func run() throws {
            let watch = WatchOptions(paths: paths, outDir: out, timeout: options.cellTimeout, jobs: options.jobs,
                                     cache: cache.runCache, unsafeHTML: unsafeHTML)
            try finish(WatchSession.run(watch, host: host, port: UInt16(port), open: open))
        }
    }
}
