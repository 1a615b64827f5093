import ArgumentParser
import NNBookCLI
import Notebook

/// `nnbook test`'s options for CI matrices: `--shard K/N` and `--junit FILE`.
struct CIOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run only the K-th of N equal shares of the notebooks (for a CI matrix of N jobs).",
                               valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Also write the results as JUnit XML to this file.", valueName: "FILE"))
    var junit: String?

    var parsedShard: Shard? { shard.flatMap(Shard.init(parsing:)) }

    func validate() throws {
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be K/N with 1 <= K <= N (for example 2/4), not '\(shard)'")
        }
    }
}

extension NNBook {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a Jupyter notebook (.ipynb) into a lesson (.md); images go to LESSON_files/.")

        @Argument(help: "The .ipynb file.")
        var notebook: String

        @Option(name: [.short, .long], help: "The lesson to write (default: the notebook's name with .md).")
        var output: String?

        func run() throws {
            try finish(Commands().importNotebook(path: notebook, output: output))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a lesson (.md) into a Jupyter notebook (.ipynb, nbformat 4.5).")

        @Argument(help: "The .md lesson.")
        var lesson: String

        @Option(name: [.short, .long], help: "The notebook to write (default: the lesson's name with .ipynb).")
        var output: String?

        func run() throws {
            try finish(Commands().exportNotebook(path: lesson, output: output))
        }
    }
}
