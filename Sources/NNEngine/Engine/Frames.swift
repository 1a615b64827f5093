// The VM's frames and stack slots: where a frame stops and resumes, the callers suspended while
// a callee runs in the same loop, and slot moves that skip retains and destroy calls where the
// value holds no reference.

/// The object a stack or slot value holds, without a retain (the value keeps it alive).
@inline(__always) func peekObject(_ p: UnsafeMutablePointer<Value>) -> Unmanaged<PyObject>? {
    if case .object(let o) = p.pointee { return Unmanaged.passUnretained(o) }
    return nil
}

/// Destroys a stack or slot value; one holding no reference needs no destroy call.
@inline(__always) func dropSlot(_ p: UnsafeMutablePointer<Value>) {
    switch p.pointee {
    case .str, .object, .tensor: p.deinitialize(count: 1)
    default: break
    }
}

/// Stores into a slot; an old value holding no reference needs no destroy call.
@inline(__always) func setSlot(_ p: UnsafeMutablePointer<Value>, _ v: __owned Value) {
    switch p.pointee {
    case .str, .object, .tensor: p.pointee = v
    default: p.initialize(to: v)
    }
}

/// A caller suspended while a function it called runs in the same loop: where it resumes,
/// and the size of the callee's frame.
struct InlineFrame {
    let code: Unmanaged<Bytecode>
    let pc: Int
    let sp: Int
    let l: Frame
    let stack: UnsafeMutablePointer<Value>
    let nslots: Int
    /// The callee's code object (kept alive by the function on the caller's stack).
    let callee: Unmanaged<CodeObject>
}

/// Where a frame stopped: the next instruction and the stack height; `yielded` when it stopped
/// at a `yield` (it can be resumed) rather than returned.
struct ResumePoint {
    var pc = 0
    var sp = 0
    var yielded = false
    /// An exception to raise where the frame resumes (`gen.throw`, `gen.close`).
    var pendingThrow: PyError?
}

/// Moves the top `n` stack values out, in order.
@inline(__always) func take(_ stack: UnsafeMutablePointer<Value>, _ sp: inout Int, _ n: Int) -> [Value] {
    if n == 0 { return [] }
    sp -= n
    let out = Array(UnsafeBufferPointer(start: stack + sp, count: n))
    (stack + sp).deinitialize(count: n)
    return out
}
