import NNSyntax
/// Generators: a generator function's frame, kept on the heap and re-entered where it yielded.
///
/// Calling a generator function binds its arguments as any call does, then copies the frame into
/// a `GeneratorFrame`; each `next`/`send` re-enters the one VM loop on that frame
/// (`Bytecode.execute` from its `ResumePoint`), which returns at the next `yield`.
package final class GeneratorFrame {
    let code: Bytecode
    unowned(unsafe) let rt: Runtime
    let l: Frame
    let nslots: Int
    let stack: UnsafeMutablePointer<Value>
    var point = ResumePoint()
    var started = false, finished = false, running = false
    let name: String
    let location: SourceLocation
    /// The value of the `return` that ended the generator.
    var returnValue: Value = .none

    init(code: Bytecode, rt: Runtime, copying frame: Frame, nslots: Int, name: String, location: SourceLocation) {
        self.code = code; self.rt = rt; self.nslots = nslots; self.name = name; self.location = location
        l = .allocate(capacity: max(nslots, 1))
        l.initialize(from: frame, count: nslots)
        stack = .allocate(capacity: code.maxStack)
    }

    deinit {
        release()
        l.deinitialize(count: nslots)
        l.deallocate()
        stack.deallocate()
    }

    /// Drops the frame's values once the generator is done.
    private func release() {
        var k = 0
        while k < nslots { l[k] = .undefined; k += 1 }
        if point.sp > 0 { stack.deinitialize(count: point.sp); point.sp = 0 }
    }

    /// Runs to the next `yield` (its value) or to the end (nil; `returnValue` set). `throwing`
    /// raises that exception at the `yield` the generator stopped at.
    package func resume(_ sent: Value, throwing: PyError? = nil) throws -> Value? {
        if finished {
            if let e = throwing { throw e }
            // The return value travels with the first StopIteration only (CPython).
            returnValue = .none
            return nil
        }
        if running { throw PyError.value("generator already executing") }
        if started {
            if throwing == nil { (stack + point.sp).initialize(to: sent); point.sp += 1 }
        } else {
            if throwing == nil, !sent.isNone {
                throw PyError.type("can't send non-None value to a just-started generator")
            }
            started = true
            if let e = throwing { finished = true; release(); throw e }
        }
        point.pendingThrow = throwing
        running = true
        defer { running = false }
        rt.counters[0] &+= 1
        defer { rt.counters[0] &-= 1 }
        do {
            if rt.counters[0] > Runtime.maxDepth {
                throw PyError(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
            }
            let v = try code.execute(rt, l, stack, &point)
            if point.yielded { return v }
            finished = true
            returnValue = v
            release()
            return nil
        } catch {
            finished = true
            release()
            var e = asPyError(error)
            let loc = e.pending ?? location
            e.frames.append(CellError.TraceFrame(location: loc, function: name, sourceLine: rt.sourceLines[loc.line]))
            e.pending = nil
            if e.exc.cls.isSubclass(of: BuiltinTypes.stopIteration) && throwing !== e {
                let r = PyError(BuiltinTypes.runtimeError, "generator raised StopIteration")
                r.exc.attrs["__cause__"] = .object(e.exc)
                r.frames = e.frames
                e = r
            }
            throw e
        }
    }

    /// `gen.close()`: GeneratorExit raised at the `yield`; the generator must not yield again.
    func close() throws {
        guard started, !finished else { finished = true; release(); return }
        let exit = PyError(BuiltinTypes.generatorExit, "")
        do {
            if try resume(.none, throwing: exit) != nil {
                throw PyError.runtime("generator ignored GeneratorExit")
            }
        } catch let e as PyError where e === exit || e.exc.cls.isSubclass(of: BuiltinTypes.generatorExit)
                    || e.exc.cls.isSubclass(of: BuiltinTypes.stopIteration) {
            return
        }
    }

    /// StopIteration carrying the generator's return value (`StopIteration.value`).
    package func stopIteration() -> PyError {
        let v = returnValue
        let inst = PyError.instance(BuiltinTypes.stopIteration, args: v.isNone ? [] : [v])
        inst.attrs["value"] = v
        return PyError(inst)
    }
}

/// A generator object: an iterator whose items come from resuming its frame.
package final class PyGenerator: PyIterator, @unchecked Sendable {
    package let frame: GeneratorFrame

    init(_ frame: GeneratorFrame) {
        self.frame = frame
        super.init(kind: BuiltinTypes.generator) { try frame.resume(.none) }
    }
}

extension Bytecode {
    /// One step of `yield from`: a value to yield, or the delegate's return value when it ended.
    @inline(never) func yieldFromStep(_ rt: Runtime, _ o: PyObject, _ sent: Value) throws -> (Value, Bool) {
        if let g = o as? PyGenerator {
            if let v = try g.frame.resume(sent) { return (v, true) }
            return (g.frame.returnValue, false)
        }
        let it = unsafeDowncast(o, to: PyIterator.self)
        if let v = try it.next() { return (v, true) }
        return (.none, false)
    }
}

extension Runtime {
    /// `send`, `close`, `throw` and `__next__` on generator objects.
    package static func installGeneratorMethods() {
        func frame(_ s: Value) throws -> GeneratorFrame {
            guard case .object(let g as PyGenerator) = s else { throw PyError.type("descriptor requires a 'generator' object") }
            return g.frame
        }
        methods(BuiltinTypes.generator, [
            ("send", { _, s, args, _ in
                try Args.count("send", args, 1, 1)
                let f = try frame(s)
                if let v = try f.resume(args[0]) { return v }
                throw f.stopIteration()
            }),
            ("__next__", { _, s, args, _ in
                let f = try frame(s)
                if let v = try f.resume(.none) { return v }
                throw f.stopIteration()
            }),
            ("close", { _, s, _, _ in
                try frame(s).close()
                return .none
            }),
            ("throw", { rt, s, args, _ in
                try Args.count("throw", args, 1, 1)
                let f = try frame(s)
                let inst: PyInstance
                switch args[0] {
                case .object(let c as PyClass) where c.isException:
                    guard case .object(let i as PyInstance) = try rt.instantiate(c, [], []) else { throw PyError.type("bad exception") }
                    inst = i
                case .object(let i as PyInstance) where i.cls.isException: inst = i
                default: throw PyError.type("exceptions must be classes or instances deriving from BaseException, not \(args[0].typeName)")
                }
                if let v = try f.resume(.none, throwing: PyError(inst)) { return v }
                throw f.stopIteration()
            }),
            ("__iter__", { _, s, _, _ in s }),
        ])
        // `StopIteration(v).value` is v (None without arguments), as PyError.instance sets it.
        methods(BuiltinTypes.stopIteration, [
            ("__init__", { _, s, args, _ in
                if case .object(let i as PyInstance) = s {
                    i.attrs["args"] = .object(PyTuple(args))
                    i.attrs["value"] = args.first ?? .none
                }
                return .none
            }),
        ])
    }
}
