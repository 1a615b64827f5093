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
    case .object, .tensor:
        // One release of the object word (the enum's outlined destroy is a call and a switch).
        let w = UnsafeRawPointer(p).load(as: UInt.self)
        Unmanaged<AnyObject>.fromOpaque(UnsafeRawPointer(bitPattern: w)!).release()
    case .str: p.deinitialize(count: 1)
    default: break
    }
}

/// Makes every borrowed row in `from..<to` (a frame's stack) an `object` with a reference of its
/// own: the loop calls it before a step that may run code (a user `__mul__` could unbind the
/// row from its parent list), so a borrowed row never outlives its owner. Borrowed callees stay
/// borrowed: `Runtime.retired` keeps those alive.
@inline(never) func materializeRows(_ from: UnsafeMutablePointer<Value>, _ to: UnsafeMutablePointer<Value>) {
    var p = from
    while p < to {
        if case .row(let r) = p.pointee { p.initialize(to: .object(r.takeUnretainedValue())) }
        p += 1
    }
}

/// Stores into a slot; an old value holding no reference needs no destroy call.
@inline(__always) func setSlot(_ p: UnsafeMutablePointer<Value>, _ v: __owned Value) {
    dropSlot(p)
    p.initialize(to: v)
}

/// A caller suspended while a function it called runs in the same loop: where it resumes,
/// and the size of the callee's frame. Places are pointers, not indices: an index costs a
/// division by the element's size at every call.
struct InlineFrame {
    let code: Unmanaged<Bytecode>
    /// The caller's next instruction.
    let ip: UnsafeMutablePointer<Instr>
    /// The caller's stack top under the function it called (the function and its arguments
    /// became the callee's slots 0...a); the result goes there.
    let top: UnsafeMutablePointer<Value>
    let l: Frame
    let nslots: Int
    /// The callee's code object (kept alive by the function in the callee's slot 0, or by the
    /// global a borrowed callee came from).
    let callee: Unmanaged<CodeObject>
    /// The engine stack's top before the call (its top again when the callee ends).
    let base: UnsafeMutablePointer<Value>
}

/// Where the engine stack ends: the first free value place, and the place of the next caller
/// suspended (pointers: an index into frames of 7 words costs a multiply per call).
struct EngineTops {
    var values: UnsafeMutablePointer<Value>
    var frames: UnsafeMutablePointer<InlineFrame>
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

/// Moves the top `n` stack values out, in order (`top` is the next free place).
@inline(__always) func take(_ top: inout UnsafeMutablePointer<Value>, _ n: Int) -> [Value] {
    if n == 0 { return [] }
    top -= n
    let out = Array(UnsafeBufferPointer(start: top, count: n))
    top.deinitialize(count: n)
    return out
}

/// The running instruction, read field by field where the loop uses one (a copy of the whole
/// `Instr` at dispatch loads every field on every instruction).
struct InstrRef {
    let p: UnsafeMutablePointer<Instr>
    var op: Opcode { @inline(__always) get { p.pointee.op } }
    var o: UInt8 { @inline(__always) get { p.pointee.o } }
    var m: UInt8 { @inline(__always) get { p.pointee.m } }
    var a: Int32 { @inline(__always) get { p.pointee.a } }
    var b: Int32 { @inline(__always) get { p.pointee.b } }
    var c: Int32 { @inline(__always) get { p.pointee.c } }
}

/// A `Value`'s bytes (payload words and tag), for moves the loop makes without a value-witness
/// call: moving a value is copying its bytes, and the optimizer does not inline the generic
/// `initialize(to:)`/`move()` into a function the size of the loop.
struct ValueBits {
    var w0: UInt64
    var w1: UInt64
    var tag: UInt8
}

/// The tag byte of a value's bytes for the cases the loop tests without a `switch` (a switch
/// over several cases becomes a jump table): checked against the compiler's layout when a
/// Runtime starts (`ValueTag.check`).
enum ValueTag {
    static let object: UInt8 = 4
    static let callee: UInt8 = 7

    /// The tag of the value at `p`.
    @inline(__always) static func of(_ p: UnsafeMutablePointer<Value>) -> UInt8 {
        UnsafeRawPointer(p).load(fromByteOffset: 16, as: UInt8.self)
    }

    static func check() {
        let o = PyObject()
        precondition(bitsOf(.object(o)).tag == object, "Value's tag layout changed: update ValueTag")
        // A callee's payload is never read here: any aligned address shows the tag.
        let f = Unmanaged<PyFunction>.fromOpaque(UnsafeRawPointer(bitPattern: 0x1000)!)
        precondition(bitsOf(.callee(f)).tag == callee, "Value's tag layout changed: update ValueTag")
    }
}

/// Moves the value at `src` into uninitialised `dst` (`src` is left uninitialised).
@inline(__always) func moveValue(_ dst: UnsafeMutablePointer<Value>, _ src: UnsafeMutablePointer<Value>) {
    UnsafeMutableRawPointer(dst).storeBytes(of: UnsafeRawPointer(src).load(as: ValueBits.self), as: ValueBits.self)
}

/// Initialises `dst` with a value's bytes (a value holding no reference, such as `undefined`).
@inline(__always) func storeBits(_ dst: UnsafeMutablePointer<Value>, _ bits: ValueBits) {
    UnsafeMutableRawPointer(dst).storeBytes(of: bits, as: ValueBits.self)
}

/// The bytes of a value that holds no reference.
func bitsOf(_ v: Value) -> ValueBits {
    withUnsafeBytes(of: v) { $0.load(as: ValueBits.self) }
}

/// Initialises `dst` with a copy of the value at `src`: numbers bit for bit, objects and
/// tensors with one retain (no outlined copy call).
@inline(__always) func copyValue(_ dst: UnsafeMutablePointer<Value>, _ src: UnsafeMutablePointer<Value>) {
    switch src.pointee {
    case .object, .tensor:
        let bits = UnsafeRawPointer(src).load(as: ValueBits.self)
        storeBits(dst, bits)
        _ = Unmanaged<AnyObject>.fromOpaque(UnsafeRawPointer(bitPattern: UInt(bits.w0))!).retain()
    case .str(let t): dst.initialize(to: .str(t))
    default: storeBits(dst, UnsafeRawPointer(src).load(as: ValueBits.self))
    }
}
