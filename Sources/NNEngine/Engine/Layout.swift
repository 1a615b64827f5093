import NNSyntax

/// One frame's slot layout while compiling.
final class Layout {
    let info: ScopeInfo
    var slots: [String: Int] = [:]
    var nslots: Int

    init(_ info: ScopeInfo) {
        self.info = info
        nslots = info.kind == .classBody ? 2 : 1
        if info.kind == .function {
            for n in info.params where slots[n] == nil { slots[n] = nslots; nslots += 1 }
        }
        for n in info.assigned.sorted() where info.isFrameLocal(n) && slots[n] == nil {
            slots[n] = nslots; nslots += 1
        }
        for n in info.free where slots[n] == nil { slots[n] = nslots; nslots += 1 }
    }

    /// A fresh hidden slot (comprehension accumulators, temporaries).
    func temp() -> Int { nslots += 1; return nslots - 1 }

    func isCell(_ n: String) -> Bool { info.cells.contains(n) || info.free.contains(n) }
}

/// Where a name lives, decided at compile time.
enum NameRef {
    case local(Int)
    case cell(Int)
    case global(GlobalBox)
    /// A class body: the namespace dict in slot 1, then globals.
    case classNS(String, GlobalBox)
}
