// swift-tools-version:6.0
// nnbook: literate deep-learning lessons run against our own tensor + autograd runtime.
// Module layout and dependency direction: ARCHITECTURE.md (Floors).
import PackageDescription

/// Release builds of the interpreter and autograd skip Swift's dynamic exclusivity checks: they
/// dominated the scalar tensor loops (Variable.data, requiresGrad). Safe because nn programs
/// never reach overlapping accesses (they only see values, not inout Swift storage) and our own
/// code has no intended overlap; debug builds and tests keep the checks on.
let uncheckedExclusivity: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

/// The engine's dispatch loop is one function of several thousand blocks; past the optimizer's
/// default caller limit (400 blocks) nothing but `@inline(__always)` code is inlined into it,
/// and every generic helper it uses (a pointer's `initialize`, a closure) stays a call.
/// The tail-duplication limits let LLVM copy the loop's dispatch (next opcode, jump table) into
/// the end of every handler, as a computed-goto interpreter does: each handler's jump is then
/// predicted on its own (the default limit, 16 predecessors, leaves one shared jump for all).
let engineInlining: [SwiftSetting] = [
    .unsafeFlags(["-Xllvm", "-sil-inline-overall-caller-block-limit=100000",
                  "-Xllvm", "-sil-inline-block-limit-denominator=100000",
                  "-Xllvm", "-tail-dup-pred-size=1000", "-Xllvm", "-tail-dup-succ-size=1000"], .when(configuration: .release))
]

let package = Package(
    name: "nnbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nnbook", targets: ["nnbook"]),
        .library(name: "Tensors", targets: ["Tensors"]),
        .library(name: "NNLang", targets: ["NNLang"]),
        // For the libFuzzer package in Fuzz/.
        .library(name: "Notebook", targets: ["Notebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `nnbook watch`'s HTTP server: no dependencies of its own, so it adds little to a build.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // C boundaries: one system library each.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Our own float32 GEMMs: big products on AVX-512 CPUs (Debian's OpenBLAS must run its AVX2
        // kernels there), small and minibatch-sized ones on AVX2 CPUs.
        .target(name: "CGemm", cSettings: [.unsafeFlags(["-O3"])]),
        // MT19937 in bulk and PyTorch's AVX2 Box-Muller; no fused multiply-add but those written.
        .target(name: "CRandom", cSettings: [.unsafeFlags(["-O3", "-ffp-contract=off"])]),

        // The runtime, bottom up.
        .target(name: "Tensors", dependencies: ["CBLAS", "CGemm", "CRandom"]),
        .target(name: "Autograd", dependencies: ["Tensors"], swiftSettings: uncheckedExclusivity),
        // The nn language, in floors (ARCHITECTURE.md), each importing only those below it.
        // Syntax: tokens, lexer, AST, parser, source ranges, syntax diagnostics.
        .target(name: "NNSyntax"),
        // Engine: the compiler, the VM and the object model (values, classes, operators, calls,
        // errors, imports), plus a cell's output types. It names no builtin, module or tensor
        // function: the library registers those into a `Runtime` at start-up.
        .target(name: "NNEngine", dependencies: ["NNSyntax", "Tensors", "Autograd"],
                swiftSettings: uncheckedExclusivity + engineInlining),
        // Library: builtins, standard modules, `torch`/`nn`/`optim`/`data`, pyplot, the tensor
        // binding, displays, and `Interpreter`, the face Notebook and the CLI use.
        .target(name: "NNLang", dependencies: ["NNEngine", "NNSyntax", "Tensors", "Autograd", "CZlib"],
                swiftSettings: uncheckedExclusivity),
        .target(name: "Notebook", dependencies: ["CCmark", "NNLang"]),
        .target(name: "Site", dependencies: ["Notebook", "NNLang", "CZlib"]),
        // The CLI's work (commands, console, progress), kept out of Notebook so the model and the
        // runner are testable without a terminal; the executable only parses arguments.
        .target(name: "NNBookCLI", dependencies: ["Notebook", "NNLang"]),
        // `nnbook watch`: the preview server and the re-run loop (kept out of Notebook, which
        // stays testable without a network stack).
        .target(name: "Preview", dependencies: ["NNBookCLI", "Notebook", "Site", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(
            name: "nnbook",
            dependencies: [
                "NNBookCLI", "Notebook", "Site", "NNLang", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // `make bench`: our side of every benchmark; Benchmarks/*.py time the reference.
        .executableTarget(name: "NNBench", dependencies: ["Tensors", "Autograd", "NNLang"]),

        .testTarget(name: "TensorsTests", dependencies: ["Tensors"], exclude: ["Fixtures"]),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd", "Tensors", "NNLang"]),
        .testTarget(name: "NNLangTests", dependencies: ["NNLang", "Tensors"], exclude: ["Conformance"]),
        // A stand-in executor shared by the runner's and the CLI's tests.
        .target(name: "NotebookTestSupport", dependencies: ["Notebook", "NNLang"], path: "Tests/NotebookTestSupport"),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "NotebookTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "NNBookCLITests", dependencies: ["NNBookCLI", "Notebook", "NotebookTestSupport"]),
        .testTarget(name: "SiteTests", dependencies: ["Site"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "NNBookCLI", "Notebook", "Site"]),
        .testTarget(name: "LessonTests", dependencies: ["Notebook"]),
    ],
    swiftLanguageModes: [.v6]
)
