// swift-tools-version:6.0
// nnbook: literate deep-learning lessons run against our own tensor + autograd runtime.
// Module layout and dependency direction: ../shared/DESIGN.md section 1.
import PackageDescription

/// OpenBLAS lives outside the default linker path on Debian (openblas-pthread/), so binaries
/// that link it carry an rpath to it.
let openblasRpath: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", "-rpath", "-Xlinker", "/usr/lib/x86_64-linux-gnu/openblas-pthread"])
]

/// Release builds of the interpreter and autograd skip Swift's dynamic exclusivity checks: they
/// dominated the scalar tensor loops (Variable.data, requiresGrad). Safe because nn programs
/// never reach overlapping accesses (they only see values, not inout Swift storage) and our own
/// code has no intended overlap; debug builds and tests keep the checks on.
let uncheckedExclusivity: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
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
    ],
    targets: [
        // C boundaries: one system library each.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Our own float32 GEMM for AVX-512 CPUs (Debian's OpenBLAS must run its AVX2 kernels there).
        .target(name: "CGemm", cSettings: [.unsafeFlags(["-O3"])]),

        // The runtime, bottom up.
        .target(name: "Tensors", dependencies: ["CBLAS", "CGemm"], linkerSettings: openblasRpath),
        .target(name: "Autograd", dependencies: ["Tensors"], swiftSettings: uncheckedExclusivity),
        .target(name: "NNLang", dependencies: ["Tensors", "Autograd", "CZlib"],
                swiftSettings: uncheckedExclusivity),
        .target(name: "Notebook", dependencies: ["CCmark", "NNLang"]),
        .target(name: "Site", dependencies: ["Notebook", "NNLang", "CZlib"]),
        .executableTarget(
            name: "nnbook",
            dependencies: [
                "Notebook", "Site", "NNLang",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: openblasRpath),
        // `make bench`: our side of every benchmark; Benchmarks/*.py time the reference.
        .executableTarget(name: "NNBench", dependencies: ["Tensors", "Autograd", "NNLang"],
                          linkerSettings: openblasRpath),

        .testTarget(name: "TensorsTests", dependencies: ["Tensors"], linkerSettings: openblasRpath),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd", "Tensors", "NNLang"],
                    linkerSettings: openblasRpath),
        .testTarget(name: "NNLangTests", dependencies: ["NNLang"], exclude: ["Conformance"],
                    linkerSettings: openblasRpath),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"], exclude: ["Fixtures"],
                    linkerSettings: openblasRpath),
        .testTarget(name: "SiteTests", dependencies: ["Site"], linkerSettings: openblasRpath),
        .testTarget(name: "LessonTests", dependencies: ["Notebook"], linkerSettings: openblasRpath),
    ],
    swiftLanguageModes: [.v6]
)
