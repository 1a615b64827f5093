import NNSyntax
/// CPython's `repr(float)`: the shortest round-trip digits, fixed notation for exponents in
/// [-4, 16), scientific (`1e-05`, `1e+16`) otherwise.
public func formatFloatRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    let (neg, digits, exp) = shortestDigits(d)
    var out = neg ? "-" : ""
    if exp >= -4 && exp < 16 {
        if exp >= 0 {
            let intLen = exp + 1
            if digits.count <= intLen {
                out += String(digits) + String(repeating: "0", count: intLen - digits.count) + ".0"
            } else {
                out += String(digits[0..<intLen]) + "." + String(digits[intLen...])
            }
        } else {
            out += "0." + String(repeating: "0", count: -exp - 1) + String(digits)
        }
    } else {
        out += String(digits[0])
        if digits.count > 1 { out += "." + String(digits[1...]) }
        out += "e" + (exp < 0 ? "-" : "+") + (abs(exp) < 10 ? "0" : "") + String(abs(exp))
    }
    return out
}

/// The shortest round-trip decimal digits of a finite nonzero double and the decimal exponent
/// of its first digit (Swift's `description` computes them; we only re-layout).
func shortestDigits(_ d: Double) -> (neg: Bool, digits: [Character], exp: Int) {
    var s = Substring(d.description)
    var neg = false
    if s.first == "-" { neg = true; s = s.dropFirst() }
    var e = 0
    if let ei = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        e = Int(s[s.index(after: ei)...]) ?? 0
        s = s[..<ei]
    }
    var digits: [Character] = []
    var pointPos = -1
    for c in s {
        if c == "." { pointPos = digits.count } else { digits.append(c) }
    }
    if pointPos < 0 { pointPos = digits.count }
    var lead = 0
    while lead < digits.count - 1 && digits[lead] == "0" { lead += 1 }
    digits.removeFirst(lead)
    pointPos -= lead
    while digits.count > 1 && digits.last == "0" { digits.removeLast() }
    return (neg, digits, pointPos - 1 + e)
}

/// CPython's `repr(str)`: single quotes unless the text has `'` and no `"`.
public func stringRepr(_ s: String) -> String {
    let quote: Character = (s.contains("'") && !s.contains("\"")) ? "\"" : "'"
    var out = String(quote)
    for u in s.unicodeScalars {
        switch u {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(u) == quote { out += "\\" + String(quote); continue }
            let v = u.value
            if v < 0x20 || v == 0x7f { out += "\\x" + hex(v, 2) }
            else if v >= 0x80 && v < 0xa0 { out += "\\x" + hex(v, 2) }
            else if !isPrintable(u) { out += v <= 0xffff ? "\\u" + hex(v, 4) : "\\U" + hex(v, 8) }
            else { out.unicodeScalars.append(u) }
        }
    }
    out.append(quote)
    return out
}

private func hex(_ v: UInt32, _ width: Int) -> String {
    let h = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - h.count)) + h
}

private func isPrintable(_ u: Unicode.Scalar) -> Bool {
    switch u.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
    case .spaceSeparator: return u == " "
    default: return true
    }
}

extension Runtime {
    /// `repr(v)`.
    public func repr(_ v: Value) throws -> String {
        switch v {
        case .none, .undefined: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return formatFloatRepr(d)
        case .str(let s): return stringRepr(s)
        case .tensor(let t): return try tensors.repr(self, t)
        case .tscalar: return try repr(materialize(v))
        case .object(let o): return try reprObject(o)
        case .callee(let f): return try reprObject(f.takeUnretainedValue())
        case .row(let r): return try reprObject(r.takeUnretainedValue())
        }
    }

    /// `str(v)`.
    public func str(_ v: Value) throws -> String {
        switch v {
        case .str(let s): return s
        case .object(let o as PyInstance):
            if let m = o.cls.lookup("__str__"), !isObjectDefault(m) {
                return try expectStr(call(m, [v], []), "__str__")
            }
            if o.cls.isException, o.cls.lookup("__repr__").map(isObjectDefault) ?? true { return exceptionMessage(o) }
            return try repr(v)
        default: return try repr(v)
        }
    }

    /// True when `v` is one of `object`'s own methods (the default `__repr__`, `__setattr__`, ...);
    /// methods of native classes (`re.Pattern.__repr__`) are not defaults.
    func isObjectDefault(_ v: Value) -> Bool {
        guard case .object(let o) = v, o is PyMethodDescr else { return false }
        for d in BuiltinTypes.object.dict.values { if case .object(let x) = d, x === o { return true } }
        return false
    }

    func expectStr(_ v: Value, _ what: String) throws -> String {
        guard case .str(let s) = v else { throw PyError.type("\(what) returned non-string (type \(v.typeName))") }
        return s
    }

    /// `str(exc)`: the message as Python prints it after `ValueError: `.
    package func exceptionMessage(_ e: PyInstance) -> String {
        let args = PyError(e).args
        if args.isEmpty { return "" }
        if args.count == 1 {
            if e.cls.isSubclass(of: BuiltinTypes.keyError) { return (try? repr(args[0])) ?? "" }
            return (try? str(args[0])) ?? ""
        }
        return (try? repr(.object(PyTuple(args)))) ?? ""
    }

    func address(_ o: AnyObject) -> String {
        "0x" + String(UInt(bitPattern: ObjectIdentifier(o).hashValue), radix: 16).leftPadded(12)
    }

    func reprObject(_ o: PyObject) throws -> String {
        // Deeply nested containers: RecursionError, as CPython, instead of a native stack overflow.
        counters[0] &+= 1
        defer { counters[0] &-= 1 }
        if counters[0] > Runtime.maxDepth + 50 {
            throw PyError(BuiltinTypes.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
        }
        let id = ObjectIdentifier(o)
        // Dict and tuple subclasses of the standard modules print themselves.
        if let d = o as? PyDict, let c = d.cls, let m = c.lookup("__repr__") {
            if reprInProgress.contains(id) { return "..." }
            reprInProgress.insert(id); defer { reprInProgress.remove(id) }
            return try expectStr(call(m, [.object(o)], []), "__repr__")
        }
        if let t = o as? PyTuple, let c = t.cls, let m = c.lookup("__repr__") {
            return try expectStr(call(m, [.object(o)], []), "__repr__")
        }
        switch o {
        case let l as PyList:
            if reprInProgress.contains(id) { return "[...]" }
            reprInProgress.insert(id); defer { reprInProgress.remove(id) }
            return "[" + (try l.items.map { try repr($0) }).joined(separator: ", ") + "]"
        case let t as PyTuple:
            if t.items.count == 1 { return "(" + (try repr(t.items[0])) + ",)" }
            return "(" + (try t.items.map { try repr($0) }).joined(separator: ", ") + ")"
        case let d as PyDict:
            if reprInProgress.contains(id) { return "{...}" }
            reprInProgress.insert(id); defer { reprInProgress.remove(id) }
            var parts: [String] = []
            for i in 0..<d.count { parts.append(try repr(d.keys[i]) + ": " + repr(d.values[i])) }
            return "{" + parts.joined(separator: ", ") + "}"
        case let v as PyDictView:
            return v.pyType.name + "(" + (try reprObject(PyList(v.items))) + ")"
        case let s as PySet:
            if s.dict.count == 0 { return "set()" }
            return "{" + (try s.dict.keys.map { try repr($0) }).joined(separator: ", ") + "}"
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let s as PySlice:
            return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))"
        case let f as PyFunction:
            return "<function \(f.qualname) at \(address(f))>"
        case let b as PyBuiltin:
            return "<built-in function \(b.name)>"
        case let m as PyMethodDescr:
            return "<method '\(m.name)'>"
        case let m as PyBoundMethod:
            let fname: String
            switch m.function {
            case .object(let f as PyFunction): fname = f.qualname
            case .object(let f as PyMethodDescr):
                return "<built-in method \(f.name) of \(m.receiver.typeName) object at \(address(o))>"
            default: fname = "?"
            }
            return "<bound method \(fname) of \(try repr(m.receiver))>"
        case let c as PyClass:
            if case .str(let m)? = c.dict["__module__"], m != "builtins" { return "<class '\(m).\(c.qualname)'>" }
            return c.isBuiltin ? "<class '\(c.name)'>" : "<class '__main__.\(c.qualname)'>"
        case let m as PyModule:
            return "<module '\(m.name)' (built-in)>"
        case let i as PyInstance where i === ellipsisObject:
            return "Ellipsis"
        case let i as PyInstance where i === notImplemented:
            return "NotImplemented"
        case let i as PyInstance:
            if let m = i.cls.lookup("__repr__"), !isObjectDefault(m) {
                return try expectStr(call(m, [.object(i)], []), "__repr__")
            }
            if i.cls.isException {
                let args = PyError(i).args
                if args.count == 1 { return "\(i.cls.name)(\(try repr(args[0])))" }
                return i.cls.name + (args.isEmpty ? "()" : (try repr(.object(PyTuple(args)))))
            }
            return "<\(i.cls.isBuiltin ? "" : "__main__.")\(i.cls.name) object at \(address(i))>"
        case let p as PyProperty:
            return "<property object at \(address(p))>"
        case is PyIterator:
            return "<\(o.pyType.name) object at \(address(o))>"
        case let s as PySuper:
            return "<super: <class '\(s.start.name)'>, <\(s.receiver.typeName) object>>"
        default:
            return "<\(o.pyType.name) object at \(address(o))>"
        }
    }
}

extension String {
    package func leftPadded(_ n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}
