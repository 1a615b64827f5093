import Notebook

/// libFuzzer's entry point: one input, see `FuzzTargets.parser`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.parser(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
