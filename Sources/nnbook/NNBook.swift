import ArgumentParser
import NNBookCLI
import Notebook
import Site

/// `nnbook`: render, test, update, run and scaffold lessons.
/// Thin by design: argument parsing here, the work in `NNBookCLI.Commands` (ARCHITECTURE.md).
@main
struct NNBook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnbook",
        abstract: "Run literate deep-learning lessons written in Markdown.",
        subcommands: [Render.self, Test.self, Update.self, Run.self, New.self, Import.self, Export.self, Watch.self, Dis.self])

    /// Usage errors exit 2, not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console().err(fullMessage(for: error) + "\n")
                Self.exit(withError: ExitCode(2))
            }
            Self.exit(withError: error)
        }
    }
}

/// Options shared by the commands that run notebooks.
struct RunOptions: ParsableArguments {
    @Option(help: "Notebooks to run at once (default: the number of cores).")
    var jobs: Int = processorCount

    @Option(help: "Seconds a cell may run before it stops with a TimeoutError (0: no limit).")
    var timeout: Double = NotebookRunner.defaultTimeout

    @Option(name: .customLong("max-memory"),
            help: "Memory one notebook may hold, e.g. 4G or 512M (default: 3/4 of RAM shared by the jobs).")
    var maxMemory: String?

    func validate() throws {
        guard jobs >= 1, jobs <= 4096 else { throw ValidationError("--jobs must be between 1 and 4096") }
        try checkTimeout(timeout)
        try checkMaxMemory(maxMemory)
    }

    /// The per-cell deadline to run with (nil: none).
    var cellTimeout: Double? { timeout == 0 ? nil : timeout }

    /// Commands whose interpreters are capped at `--max-memory`.
    var commands: Commands {
        Commands(makeExecutor: interpreterFactory(memoryLimit: maxMemory.flatMap(MemorySize.parse)
                                                    ?? defaultMemoryLimit(jobs: jobs)))
    }
}

/// `--timeout` is 0 (no limit) or a positive number of seconds.
func checkTimeout(_ timeout: Double?) throws {
    if let timeout, !(timeout >= 0 && timeout.isFinite) {
        throw ValidationError("--timeout must be 0 (no limit) or a positive number of seconds")
    }
}

/// `--max-memory` is a size such as 4G, 512M or 1000000 (bytes).
func checkMaxMemory(_ text: String?) throws {
    if let text, MemorySize.parse(text) == nil {
        throw ValidationError("--max-memory must be a size such as 4G, 512M or 1000000 (bytes), not '\(text)'")
    }
}

/// Ends the process with `status` unless it is 0.
func finish(_ status: Int32) throws {
    if status != 0 { throw ExitCode(status) }
}

extension NNBook {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run notebooks and write them as HTML.")

        @Argument(help: "Notebook files or folders (default: Notebooks).")
        var paths: [String] = []

        @Option(help: "The folder the HTML goes to.")
        var out: String = "site"

        @OptionGroup var options: RunOptions

        @Flag(help: "Keep raw HTML written in the Markdown prose.")
        var unsafeHTML = false

        @OptionGroup var cache: CacheOptions

        func validate() throws {
            guard !out.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--out must name a folder (it is empty)")
            }
        }

        func run() throws {
            var commands = options.commands
            commands.cache = cache.runCache
            Interrupt.install(console: commands.console)
            try finish(Interrupt.status(commands.render(paths: paths, jobs: options.jobs, timeout: options.cellTimeout) { runs in
                try SiteWriter.write(runs, to: out, unsafeHTML: unsafeHTML, console: commands.console)
            }))
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run notebooks and compare every output with its expected block.")

        @Argument(help: "Notebook files or folders (default: Notebooks).")
        var paths: [String] = []

        @OptionGroup var options: RunOptions

        @OptionGroup var ci: CIOptions
        @OptionGroup var cache: CacheOptions

        func run() throws {
            var commands = options.commands
            commands.cache = cache.runCache
            Interrupt.install(console: commands.console)
            try finish(Interrupt.status(commands.test(paths: paths, jobs: options.jobs, timeout: options.cellTimeout,
                                                      shard: ci.parsedShard, junit: ci.junit)))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run notebooks and rewrite their expected output blocks.")

        @Argument(help: "Notebook files or folders (default: Notebooks).")
        var paths: [String] = []

        @OptionGroup var options: RunOptions

        func run() throws {
            let commands = options.commands
            Interrupt.install(console: commands.console)
            try finish(Interrupt.status(commands.update(paths: paths, jobs: options.jobs, timeout: options.cellTimeout)))
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a notebook (.md) or an nn script (.nn) and print its output.")

        @Argument(help: "A .md notebook or an .nn script.")
        var file: String

        @Option(help: "Seconds a cell (or the script) may run before it stops with a TimeoutError (0: no limit).")
        var timeout: Double = NotebookRunner.defaultTimeout

        @Option(name: .customLong("max-memory"), help: "Memory the run may hold, e.g. 4G or 512M (default: 3/4 of RAM).")
        var maxMemory: String?

        func validate() throws {
            try checkTimeout(timeout)
            try checkMaxMemory(maxMemory)
        }

        func run() throws {
            let limit = maxMemory.flatMap(MemorySize.parse) ?? defaultMemoryLimit(jobs: 1)
            let commands = Commands(makeExecutor: interpreterFactory(memoryLimit: limit))
            Interrupt.install(console: commands.console)
            try finish(Interrupt.status(commands.run(file: file, timeout: timeout == 0 ? nil : timeout)))
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the next numbered lesson from a scaffold.")

        @Argument(help: "The lesson's title.")
        var title: String

        @Option(help: "The folder of lessons.")
        var dir: String = "Notebooks"

        func run() throws {
            try finish(Commands().new(title: title, directory: dir))
        }
    }
}
