import Foundation

/// What a finished `nnbook` child printed, and how it ended.
struct Result {
    var status: Int32
    var out: String
    var err: String
}

/// The built `nnbook` binary started by a test: the one place the end-to-end, Ctrl-C and sweep
/// tests spawn it. Its stdout and stderr go to pipes unless handles are given.
struct NnbookChild {
    let process = Process()
    let out: Pipe?, err: Pipe?

    /// Starts `nnbook ARGUMENTS` in `directory`.
    init(_ arguments: [String], in directory: String, stdout: FileHandle? = nil, stderr: FileHandle? = nil) throws {
        process.executableURL = URL(fileURLWithPath: nnbookBinary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        out = stdout == nil ? Pipe() : nil
        err = stderr == nil ? Pipe() : nil
        process.standardOutput = out ?? stdout
        process.standardError = err ?? stderr
        try process.run()
    }

    /// Reads the pipes to their end (before waiting, so a full pipe cannot block the child),
    /// waits for the exit and returns what it printed.
    func finish() -> Result {
        let outData = out?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        let errData = err?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self))
    }

    /// Ends a wedged child with SIGKILL (it may ignore SIGTERM, or block it in the kernel) and
    /// waits for it.
    func kill() {
        if process.isRunning { _ = Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// Runs the built binary in `directory` and collects its output.
func nnbook(_ arguments: [String], in directory: String) throws -> Result {
    try NnbookChild(arguments, in: directory).finish()
}
