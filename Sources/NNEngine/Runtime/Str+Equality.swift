import Foundation

/// Python's `str` equality: the same code points. Swift's `==` on `String` is canonical
/// equivalence ("\u{E9}" == "e\u{301}"), which CPython's is not. Equal UTF-8 byte counts, then
/// one `memcmp` (valid UTF-8 bytes equal exactly when the code points do).
@inlinable public func pyStrEqual(_ a: String, _ b: String) -> Bool {
    let x = a.utf8, y = b.utf8
    guard x.count == y.count else { return false }
    if x.isEmpty { return true }
    let r: Bool?? = x.withContiguousStorageIfAvailable { p in
        y.withContiguousStorageIfAvailable { q in memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
    }
    if let r, let r { return r }
    return x.elementsEqual(y)
}

/// Python's `str` ordering: code point order, which is UTF-8 byte order (-1, 0, 1).
@inlinable public func pyStrCompare(_ a: String, _ b: String) -> Int {
    let x = a.utf8, y = b.utf8
    let r: Int?? = x.withContiguousStorageIfAvailable { p in
        y.withContiguousStorageIfAvailable { q in
            let n = Swift.min(p.count, q.count)
            let c = n == 0 ? 0 : memcmp(p.baseAddress!, q.baseAddress!, n)
            if c != 0 { return c < 0 ? -1 : 1 }
            return p.count == q.count ? 0 : (p.count < q.count ? -1 : 1)
        }
    }
    if let r, let r { return r }
    var i = x.makeIterator(), j = y.makeIterator()
    while true {
        switch (i.next(), j.next()) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let u?, let v?): if u != v { return u < v ? -1 : 1 }
        }
    }
}

/// Feeds a `str`'s code points (its UTF-8 bytes) to a hasher, so strings that are equal under
/// `pyStrEqual` hash alike and canonically equivalent ones need not (Swift's `String` hash
/// normalises).
@inlinable public func pyStrHash(_ s: String, into h: inout Hasher) {
    let u = s.utf8
    h.combine(u.count)
    if u.withContiguousStorageIfAvailable({ h.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
        for byte in u { h.combine(byte) }
    }
}
