import NNSyntax
/// Calls from register code: frames pushed on the runtime's value stack for register-form
/// callees (the dispatch loop continues in them), a Swift call for the others.

/// Pushes the caller and sets up `fn`'s frame on the value stack when `fn` is a plain
/// register-form function taking `argc` arguments; nil otherwise (the caller recurses).
@inline(__always) func vmEnter(_ rt: Runtime, _ u: Unmanaged<PyFunction>, _ base: Frame, _ argc: Int,
                               _ cur: Unmanaged<VMCode>, _ pc: Int, _ l: Frame) throws -> (Frame, Unmanaged<VMCode>)? {
    try u._withUnsafeGuaranteedRef { fn in
        let code = fn.code
        guard code.inlineArity == argc, let vm = code.vmRef else { return nil }
        let n = code.nslots
        let top = rt.vm[0], ftop = rt.vm[1]
        guard top + n <= Runtime.vmStackCapacity, ftop < Runtime.vmFramesCapacity else { return nil }
        rt.counters[0] &+= 1
        if rt.counters[0] > Runtime.maxDepth {
            rt.counters[0] &-= 1
            throw PyError(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
        }
        let stack = rt.vmStack + top
        rt.vm[0] = top + n
        // Slot 0, the locals and temporaries unbound, the constants: one copy of the body's
        // frame template (all trivial values); then the arguments moved in.
        vm._withUnsafeGuaranteedRef { c in vmCopyTrivial(stack, c.template, n) }
        var k = 0
        while k < argc {
            (stack + 1 + k).initialize(to: (base + k).move())
            (base + k).initialize(to: .undefined)
            k += 1
        }
        (rt.vmFrames + ftop).initialize(to: VMFrame(code: cur, pc: pc, l: l, fn: u, live: code.nlive, slots: n))
        rt.vm[1] = ftop + 1
        return (stack, vm)
    }
}

/// Copies `n` trivial values (no retains) into uninitialised or trivial slots; inline, as
/// frames are small.
@inline(__always) func vmCopyTrivial(_ dst: UnsafeMutablePointer<Value>, _ src: UnsafePointer<Value>, _ n: Int) {
    let d = UnsafeMutableRawPointer(dst)
    let s = UnsafeRawPointer(src)
    let bytes = n * MemoryLayout<Value>.stride
    var k = 0
    while k &+ 32 <= bytes {
        d.storeBytes(of: s.loadUnaligned(fromByteOffset: k, as: SIMD4<UInt64>.self), toByteOffset: k, as: SIMD4<UInt64>.self)
        k &+= 32
    }
    while k < bytes {
        d.storeBytes(of: s.loadUnaligned(fromByteOffset: k, as: UInt64.self), toByteOffset: k, as: UInt64.self)
        k &+= 8
    }
}

/// Tears down the running pushed frame and pops its caller.
@inline(__always) func vmPop(_ rt: Runtime, _ l: Frame) -> VMFrame {
    let ftop = rt.vm[1] &- 1
    rt.vm[1] = ftop
    let f = rt.vmFrames[ftop]
    deinitFrame(l, f.live)
    rt.vm[0] &-= f.slots
    rt.counters[0] &-= 1
    return f
}

/// A call made inside the loop: the suspended caller (code, pc, frame) and the callee
/// (function, live slots, frame size).
struct VMFrame {
    var code: Unmanaged<VMCode>
    var pc: Int
    var l: Frame
    var fn: Unmanaged<PyFunction>
    var live: Int
    var slots: Int
}

/// The plain user function in a register, unretained.
@inline(__always) func vmFunction(_ p: UnsafePointer<Value>, _ functionType: ObjectIdentifier) -> Unmanaged<PyFunction>? {
    if case .object(let o) = p.pointee, ObjectIdentifier(type(of: o)) == functionType {
        return .passUnretained(unsafeDowncast(o, to: PyFunction.self))
    }
    return nil
}

/// Calls a user function with the `argc` arguments in registers `base...` (moved out): a
/// frame filled in place when the parameters are plain, Python's binding rules otherwise.
@inline(__always) func vmCall(_ rt: Runtime, _ fn: PyFunction, _ base: Frame, _ argc: Int) throws -> Value {
    if fn.code.simple && fn.code.nparams == argc {
        let n = fn.code.nlive
        return try withUnsafeTemporaryAllocation(of: Value.self, capacity: fn.code.nslots) { buf in
            let nl = buf.baseAddress!
            nl.initialize(to: .undefined)
            var k = 0
            while k < argc {
                (nl + 1 + k).initialize(to: (base + k).move())
                (base + k).initialize(to: .undefined)
                k += 1
            }
            initFrame(nl + 1 + argc, n - 1 - argc)
            defer { deinitFrame(nl, n) }
            return try fn.run(rt, nl)
        }
    }
    return try fn.invoke(rt, takeArgs(base, argc), [])
}

/// The arguments in registers `base...` as an array (moved out).
func takeArgs(_ base: Frame, _ argc: Int) -> [Value] {
    var out: [Value] = []
    out.reserveCapacity(argc)
    for i in 0..<argc {
        out.append((base + i).move())
        (base + i).initialize(to: .undefined)
    }
    return out
}
