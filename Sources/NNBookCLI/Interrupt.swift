#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import NNLang

/// Ctrl-C during `render`, `test`, `update` and `run`: the first SIGINT stops the running
/// cells through the runtime's cancellation (each fails with `KeyboardInterrupt` at its line,
/// the cells after it are not run, no other notebook starts) and the command ends with its
/// usual summary and exit status 130; a second SIGINT ends the process at once.
public enum Interrupt {
    /// The exit status after Ctrl-C (128 + SIGINT), as a shell reports it.
    public static let exitStatus: Int32 = 130

    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    /// Routes SIGINT to `Interpreter.interruptAll()` from now on; `console` gets one line
    /// saying so. Call once, before the run starts.
    public static func install(console: Console) {
        guard source == nil else { return }
        signal(SIGINT, SIG_IGN)
        let s = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "nnbook.interrupt"))
        s.setEventHandler {
            // The second Ctrl-C (two that came together arrive as one event of two): the user
            // wants out now.
            if Interpreter.isInterrupted || s.data > 1 { _exit(exitStatus) }
            Interpreter.interruptAll()
            // Off this queue and past the console's lock: a cell blocked writing to a full
            // stdout holds it, and this queue must stay free for the second Ctrl-C.
            DispatchQueue.global().async {
                console.errNow("\nnnbook: interrupted: stopping the running cells (Ctrl-C again to quit at once)\n")
            }
        }
        s.resume()
        source = s
    }

    /// The command's exit status, or 130 when the run was interrupted.
    public static func status(_ status: Int32) -> Int32 {
        Interpreter.isInterrupted ? exitStatus : status
    }
}
