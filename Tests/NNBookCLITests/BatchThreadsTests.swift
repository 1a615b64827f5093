import Foundation
import Notebook
import NotebookTestSupport
import Testing

// Notebooks running side by side share the cores: each gets cores / jobs BLAS threads, unless
// the user chose a count.

@Test func blasThreadsAreTheCoresSharedByTheJobs() {
    let none: [String: String] = [:]
    #expect(NotebookBatch.blasThreadsPerJob(jobs: 2, cores: 2, environment: none) == 1)
    #expect(NotebookBatch.blasThreadsPerJob(jobs: 2, cores: 8, environment: none) == 4)
    #expect(NotebookBatch.blasThreadsPerJob(jobs: 3, cores: 8, environment: none) == 2)
    #expect(NotebookBatch.blasThreadsPerJob(jobs: 4, cores: 2, environment: none) == 1)  // never 0
    #expect(NotebookBatch.blasThreadsPerJob(jobs: 1, cores: 8, environment: none) == nil)  // one job: all of BLAS
}

@Test func blasThreadsTheUserChoseAreKept() {
    for name in ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"] {
        #expect(NotebookBatch.blasThreadsPerJob(jobs: 2, cores: 2, environment: [name: "2"]) == nil)
        #expect(NotebookBatch.blasThreadsPerJob(jobs: 2, cores: 2, environment: [name: " "]) == 1)  // blank: unset
    }
}

@Test func notebooksRunningTogetherSeeTheirShare() throws {
    var files: [String: String] = [:]
    for i in 1...4 { files["0\(i).md"] = "```nn\nblas\nsleep 0.05\n```\n" }
    let dir = try tempFolder(files)
    let paths = try NotebookPaths.expand([dir])
    let runs = NotebookBatch(runner: NotebookRunner(makeExecutor: fakeFactory), jobs: 2).run(paths)
    let seen = runs.map { $0.cells.first?.output ?? "" }
    let env = ProcessInfo.processInfo.environment
    guard let share = NotebookBatch.blasThreadsPerJob(jobs: 2, cores: processorCount, environment: env) else {
        return  // the environment chose the count: nothing to see
    }
    // Other tests' batches may run at the same time; BLAS then takes the smallest share.
    for text in seen {
        #expect(Int(text.filter(\.isNumber)).map { $0 >= 1 && $0 <= share } == true, "\(text)")
    }
}
