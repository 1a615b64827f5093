import Notebook

/// libFuzzer's entry point: one input, see `FuzzTargets.vm`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.vm(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
