#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NNLang
import Tensors

extension Notebook {
    /// Reads the notebook at `path`; an unreadable file becomes a notebook with no content
    /// and one error diagnostic, so a batch reports it like any other failure.
    public static func loadOrDiagnose(_ path: String) -> Notebook {
        do {
            return try Notebook(contentsOf: path)
        } catch {
            var nb = Notebook(path: path, text: "")
            nb.diagnostics.append(Diagnostic(.error, "cannot read notebook: \(error.reason)",
                                             at: SourceLocation(file: path, line: 1, column: 0)))
            return nb
        }
    }
}

/// Runs many notebooks, `jobs` at a time, reporting each as it finishes.
public struct NotebookBatch: Sendable {
    /// The runner each notebook goes through.
    public var runner: NotebookRunner
    /// How many notebooks run at once.
    public var jobs: Int
    /// The run cache consulted before running and filled after (nil: always run).
    public var cache: RunCache?

    /// Creates a batch.
    public init(runner: NotebookRunner, jobs: Int = processorCount, cache: RunCache? = nil) {
        self.runner = runner; self.jobs = max(1, jobs); self.cache = cache
    }

    /// Loads and runs `paths`; results come back in the order of `paths`. `onFinish` is called
    /// (serialised) as each notebook finishes; `events` see every cell.
    public func run(_ paths: [String], events: RunEvents = RunEvents(),
                    onFinish: (@Sendable (NotebookRun) -> Void)? = nil) -> [NotebookRun] {
        final class State: @unchecked Sendable {
            let lock = Lock()
            var next = 0
            var results: [NotebookRun?]
            init(_ n: Int) { results = Array(repeating: nil, count: n) }
        }
        let state = State(paths.count)
        let runner = runner, cache = cache
        let work: @Sendable (Int) -> Void = { _ in
            while true {
                let index: Int? = state.lock.withLock {
                    guard state.next < paths.count else { return nil }
                    defer { state.next += 1 }
                    return state.next
                }
                guard let index else { return }
                let notebook = Notebook.loadOrDiagnose(paths[index])
                let run: NotebookRun
                if let hit = cache?.lookup(notebook, runner: runner) {
                    run = hit
                } else {
                    run = runner.run(notebook, events: events)
                    cache?.store(run, runner: runner)
                }
                state.lock.withLock {
                    state.results[index] = run
                    onFinish?(run)
                }
            }
        }
        let threads = min(jobs, paths.count)
        if threads <= 1 {
            work(0)
        } else {
            // Each running notebook gets its share of the cores for its matrix products.
            let share = NotebookBatch.blasThreadsPerJob(jobs: threads, cores: processorCount,
                                                        environment: ProcessInfo.processInfo.environment)
            if let share { BLASShares.shared.enter(share) }
            onThreads(threads, work)
            if let share { BLASShares.shared.leave(share) }
        }
        return state.results.compactMap { $0 }
    }

    /// The BLAS threads each notebook's matrix products should use while `jobs` notebooks run
    /// at once on `cores` cores: `cores / jobs`, at least 1. Nil (leave BLAS as it is) for a
    /// single job, or when the user chose a count with `OPENBLAS_NUM_THREADS` (or
    /// `GOTO_NUM_THREADS` / `OMP_NUM_THREADS`, which OpenBLAS reads too).
    ///
    /// Without this, two notebooks on two cores each asked OpenBLAS for two threads, and its
    /// one shared thread pool made them wait on each other: `nnbook test Notebooks` took 37 s
    /// here, 11 s with one BLAS thread per notebook.
    public static func blasThreadsPerJob(jobs: Int, cores: Int, environment: [String: String]) -> Int? {
        for name in ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"] {
            if let value = environment[name], !value.allSatisfy(\.isWhitespace) { return nil }
        }
        guard jobs > 1 else { return nil }
        return max(1, cores / jobs)
    }
}

/// The process has one BLAS thread setting, and batches may overlap (the watcher, tests): while
/// any batch runs, BLAS uses the smallest share any of them asked for, and the setting from
/// before the first comes back when the last one ends.
private final class BLASShares: @unchecked Sendable {
    static let shared = BLASShares()
    private let lock = Lock()
    private var active: [Int] = []
    private var saved = 1

    func enter(_ share: Int) {
        lock.withLock {
            if active.isEmpty { saved = BLAS.threads }
            active.append(share)
            BLAS.setThreads(active.min() ?? share)
        }
    }

    func leave(_ share: Int) {
        lock.withLock {
            if let i = active.firstIndex(of: share) { active.remove(at: i) }
            BLAS.setThreads(active.min() ?? saved)
        }
    }
}

/// `12 ms`, `4.25 s`, `2 min 05 s`.
public func formatSeconds(_ s: Double) -> String {
    guard s.isFinite, s >= 0 else { return "?" }
    if s < 1 { return "\(Int((s * 1000).rounded())) ms" }
    if s < 60 {
        let hundredths = Int((s * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac) s"
    }
    let whole = Int(s.rounded())
    let sec = whole % 60
    return "\(whole / 60) min \(sec < 10 ? "0" : "")\(sec) s"
}
