import ArgumentParser
import Foundation
import NNBookCLI
import Notebook
import NNLang

extension NNBook {
    /// `nnbook dis FILE.nn`: the engine's compiled code, body by body (as Python's `dis`).
    struct Dis: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the compiled code of an nn script.")

        @ArgumentParser.Argument(help: "An .nn (or .py) script.")
        var file: String

        func run() throws {
            guard let source = try? String(contentsOfFile: file, encoding: .utf8) else {
                Console().err("\(file): error: cannot read the file\n")
                throw ExitCode(1)
            }
            print(NNLang.disassemble(source: source, file: file), terminator: "")
        }
    }
}
