/// Every benchmark group `make bench` runs, in order. To add a group: write
/// `Sources/NNBench/<Name>Benches.swift` defining a `BenchGroup` named `<name>`, write
/// `Benchmarks/<name>.py` timing the reference for the same figure names, and list the group here.
let benchGroups: [BenchGroup] = [
    reductionBenches,
    linalgBenches,
    elementwiseBenches,
    autogradBenches,
    langBenches,
    torchBenches,
]
