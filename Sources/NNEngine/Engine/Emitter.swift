import NNSyntax
/// Compiles one body (module/cell, function, lambda, class body, magic) from the AST to a
/// `Bytecode`. Names are resolved by the `Resolver`'s scopes and the frame `Layout`; nested
/// bodies get their own emitter sharing the runtime and resolver.
final class Emitter {
    unowned(unsafe) let rt: Runtime
    let file: String
    let resolver: Resolver
    let layout: Layout
    let name: String
    var renameStack: [[String: String]] = []
    var qualPrefix = ""
    var comprehensionDepth = 0
    /// Set while compiling a cell's last expression statement.
    var echoLast = false

    var code: [Instr] = []
    var locs: [SourceLocation] = []
    var consts: [Value] = []
    var names: [String] = []
    var globals: [GlobalBox] = []
    var functions: [FunctionTemplate] = []
    var classes: [ClassTemplate] = []
    var magics: [MagicTemplate] = []
    var kwNames: [[String]] = []
    var shapes: [[CallPart]] = []
    var handlers: [Handler] = []
    var genexps: [GenExpTemplate] = []
    var loc: SourceLocation
    var depth = 0
    var maxDepth = 0

    /// A block of the statement being compiled that `return`, `break` and `continue` must
    /// leave properly; those owning a protected range suspend it while their exit code runs.
    final class Block {
        enum Kind {
            case loop(breaks: [Int], continueTarget: Int, depth: Int, iteratorOnStack: Bool)
            case finally([Stmt])
            case handler
            case with(Int)
            case tryBody
        }
        var kind: Kind
        var region: Region?
        init(_ kind: Kind, _ region: Region?) { self.kind = kind; self.region = region }
    }

    /// A protected range being built: its segments (split around inline exit code).
    final class Region {
        var segments: [(Int, Int)] = []
        var open: Int?
        let depth: Int
        let kind: Handler.Kind
        init(_ start: Int, _ depth: Int, _ kind: Handler.Kind) { open = start; self.depth = depth; self.kind = kind }
    }
    var blocks: [Block] = []

    init(rt: Runtime, file: String, resolver: Resolver, layout: Layout, name: String, location: SourceLocation) {
        self.rt = rt; self.file = file; self.resolver = resolver; self.layout = layout; self.name = name
        loc = location
    }

    func loc(_ r: SourceRange) -> SourceLocation { r.location(file: file) }

    /// The finished code.
    func finish() -> Bytecode {
        var slotNames = [String](repeating: "", count: layout.nslots)
        for (n, s) in layout.slots where s < slotNames.count { slotNames[s] = n }
        let b = Bytecode(name: name, code: code, consts: consts, names: names, globals: globals,
                         globalFallback: globals.map { rt.builtins[$0.name] }, handlers: handlers,
                         functions: functions, classes: classes, magics: magics, kwNames: kwNames, shapes: shapes,
                         locs: locs, maxStack: maxDepth + 1, slotNames: slotNames)
        b.genexps = genexps
        b.isGenerator = layout.info.kind == .function && layout.info.isGenerator && name != "<genexpr>" && name != "<magic>"
        return b
    }

    // MARK: Emission

    var here: Int { code.count }

    /// How an instruction changes the stack depth.
    func effect(_ op: Opcode, _ a: Int, _ b: Int, _ m: Int = 0) -> Int {
        switch op {
        case .nop, .jump, .jumpBack, .rotTwo, .rotThree, .unary, .not, .getIter, .loadAttr, .listConvert,
             .excCaught, .popExcept, .reraise, .withExit, .magic, .listToGenerator:
            return 0
        case .importFrom: return 1
        case .yieldValue, .getYieldFromIter, .makeGenerator, .forIterStore: return 0
        case .compareJump: return -2
        case .binaryVarConst, .binaryLocals, .subscrLocals, .subscrPairLocals: return 1
        case .subscrLocals2: return m != 0 ? 2 : 1
        case .inplaceStoreSubscrLocals, .inplaceStoreSubscrPairLocals: return -2
        case .inplaceStoreSubscrTopLocal: return -3
        case .subscrTopLocal: return m == 1 ? 1 : 0
        case .compareJumpVarConst, .compareJumpLocals, .returnLocal, .forIterBack: return 0
        case .storeSubscrLocals, .storeSubscrPairLocals: return -1
        case .storeSubscrTopLocal: return -2
        case .binaryConst: return 0
        case .inplaceLocal: return -1
        case .yieldFrom: return -1
        case .formatValue: return -b
        case .loadConst, .loadLocal, .loadCell, .loadGlobal, .loadGlobalCallee, .loadClassName, .dup, .loadExc, .importName: return 1
        case .storeLocal, .storeCell, .storeGlobal, .storeClassName, .pop, .jumpIfFalse, .jumpIfTrue,
             .binary, .inplace, .compare, .listAppend, .setAdd, .listExtend, .dictMerge, .setLast, .excMatch,
             .importStar, .makeSuper: return -1
        case .deleteLocal, .deleteCell, .deleteGlobal, .deleteClassName: return 0
        // The fall-through pops; jump targets account for the kept value themselves.
        case .jumpIfFalseOrPop, .jumpIfTrueOrPop: return -1
        case .dupTwo: return 2
        case .forIter: return 1
        case .storeAttr: return -2
        case .deleteAttr: return -1
        case .subscr: return -1
        case .subscrPair: return -2
        case .storeSubscrPair: return -4
        case .dupN: return a
        case .storeSubscr: return -3
        case .deleteSubscr: return -2
        case .buildList, .buildTuple, .buildSet, .buildString: return 1 - a
        case .buildMap: return 1 - 2 * a
        case .buildSlice: return 1 - a
        case .mapAdd: return -2
        case .call, .callKw: return -a
        case .callEx: return -shapes[a].count
        case .makeFunction: return 1 - functions[a].nDefaults - functions[a].kwDefaultNames.count
        case .buildClass: return 1 - b - classes[a].keywordNames.count
        case .returnValue: return -1
        case .raise: return -a
        case .withEnter: return 0
        case .withExitExc: return 0
        case .unpack: return a - 1
        case .assertFail: return -a
        }
    }

    @discardableResult
    func emit(_ op: Opcode, _ a: Int = 0, _ b: Int = 0, c: Int = 0, o: Int = 0, m: Int = 0) -> Int {
        var b = b
        // A return clears its frame's stack only when something is left under the result.
        if op == .returnValue || op == .returnLocal { b = depth > (op == .returnValue ? 1 : 0) ? 1 : 0 }
        depth += effect(op, a, b, m)
        maxDepth = max(maxDepth, depth)
        code.append(Instr(op: op, o: UInt8(o), m: UInt8(m), a: Int32(a), b: Int32(b), c: Int32(c)))
        locs.append(loc)
        return code.count - 1
    }

    func patch(_ at: Int, _ target: Int) { code[at].a = Int32(target) }

    func const(_ v: Value) -> Int {
        switch v {
        case .int(let n):
            if let k = consts.firstIndex(where: { if case .int(let m) = $0 { return m == n }; return false }) { return k }
        case .str(let s):
            if let k = consts.firstIndex(where: { if case .str(let t) = $0 { return pyStrEqual(t, s) }; return false }) { return k }
        case .none:
            if let k = consts.firstIndex(where: { if case .none = $0 { return true }; return false }) { return k }
        default: break
        }
        consts.append(v)
        return consts.count - 1
    }

    func loadConst(_ v: Value) { emit(.loadConst, const(v)) }

    func nameIndex(_ n: String) -> Int {
        if let k = names.firstIndex(of: n) { return k }
        names.append(n)
        return names.count - 1
    }

    func globalIndex(_ box: GlobalBox) -> Int {
        if let k = globals.firstIndex(where: { $0 === box }) { return k }
        globals.append(box)
        return globals.count - 1
    }

    // MARK: Regions

    func openRegion(_ kind: Handler.Kind) -> Region { Region(here, depth, kind) }

    func suspend(_ r: Region?) {
        guard let r, let s = r.open else { return }
        if here > s { r.segments.append((s, here)) }
        r.open = nil
    }

    func resume(_ r: Region?) {
        guard let r, r.open == nil else { return }
        r.open = here
    }

    /// Ends a region; its exceptions go to `target` (set by `setTarget`).
    func close(_ r: Region) { suspend(r) }

    func setTarget(_ r: Region, _ target: Int) {
        for (s, e) in r.segments {
            handlers.append(Handler(start: Int32(s), end: Int32(e), target: Int32(target), depth: Int32(r.depth), kind: r.kind))
        }
    }

    // MARK: Names

    func mapped(_ n: String) -> String {
        for m in renameStack.reversed() { if let r = m[n] { return r } }
        return n
    }

    func resolve(_ name: String) -> NameRef {
        let n = mapped(name)
        if let s = layout.slots[n] { return layout.isCell(n) ? .cell(s) : .local(s) }
        if layout.info.kind == .classBody && comprehensionDepth == 0 { return .classNS(n, rt.globalBox(n)) }
        return .global(rt.globalBox(n))
    }

    func load(_ name: String) {
        switch resolve(name) {
        case .local(let s): emit(.loadLocal, s)
        case .cell(let s): emit(.loadCell, s)
        case .global(let box): emit(.loadGlobal, globalIndex(box))
        case .classNS(let n, let box): emit(.loadClassName, globalIndex(box), nameIndex(n))
        }
    }

    func storeName(_ name: String) {
        switch resolve(name) {
        case .local(let s): emit(.storeLocal, s)
        case .cell(let s): emit(.storeCell, s)
        case .global(let box): emit(.storeGlobal, globalIndex(box))
        case .classNS(let n, let box): emit(.storeClassName, globalIndex(box), nameIndex(n))
        }
    }

    func deleteName(_ name: String) {
        switch resolve(name) {
        case .local(let s): emit(.deleteLocal, s)
        case .cell(let s): emit(.deleteCell, s)
        case .global(let box): emit(.deleteGlobal, globalIndex(box))
        case .classNS(let n, let box): emit(.deleteClassName, globalIndex(box), nameIndex(n))
        }
    }

    /// Unbinds a name without checking it was bound (an except clause's `as` name).
    func unbindQuiet(_ name: String) {
        emit(.loadConst, const(.undefined))
        storeName(name)
    }
}

extension Emitter {
    /// A cell or script: its statements in order, the last expression's value kept as the
    /// cell's result when `echoResult`.
    static func compileModule(_ module: Module, rt: Runtime, file: String, resolver: Resolver, layout: Layout,
                              echoResult: Bool) -> Bytecode {
        let e = Emitter(rt: rt, file: file, resolver: resolver, layout: layout, name: "<module>",
                        location: SourceLocation(file: file, line: 1, column: 1))
        for (i, s) in module.body.enumerated() {
            if i == module.body.count - 1 && echoResult {
                switch s.kind {
                case .expr, .magic: e.echoLast = true
                default: break
                }
            }
            e.stmt(s)
            e.echoLast = false
        }
        e.loadConst(.none)
        e.emit(.returnValue)
        return e.finish()
    }
}
