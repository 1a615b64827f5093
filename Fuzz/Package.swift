// swift-tools-version:6.0
// libFuzzer targets for nnbook (STYLE.md 15): one per input kind, built with
// `-sanitize=fuzzer,address` by `make fuzz` / `make fuzz-short` (see Fuzz/README.md).
import PackageDescription

let openblasRpath: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", "-rpath", "-Xlinker", "/usr/lib/x86_64-linux-gnu/openblas-pthread"])
]
// libFuzzer supplies `main`; the targets only define LLVMFuzzerTestOneInput.
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "nnbook-fuzz",
    dependencies: [.package(name: "nnbook", path: "..")],
    targets: [
        .executableTarget(name: "FuzzParser", dependencies: [.product(name: "Notebook", package: "nnbook")],
                          swiftSettings: fuzzer, linkerSettings: openblasRpath),
        .executableTarget(name: "FuzzNotebook", dependencies: [.product(name: "Notebook", package: "nnbook")],
                          swiftSettings: fuzzer, linkerSettings: openblasRpath),
        .executableTarget(name: "FuzzVM", dependencies: [.product(name: "Notebook", package: "nnbook")],
                          swiftSettings: fuzzer, linkerSettings: openblasRpath),
    ]
)
