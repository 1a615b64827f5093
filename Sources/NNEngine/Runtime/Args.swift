import NNSyntax
/// Argument helpers for builtins, with CPython's wording.
package enum Args {
    package static func count(_ name: String, _ args: [Value], _ min: Int, _ max: Int) throws {
        if args.count >= min && args.count <= max { return }
        if min == max {
            if min == 1 { throw PyError.type("\(name)() takes exactly one argument (\(args.count) given)") }
            if min == 0 { throw PyError.type("\(name)() takes no arguments (\(args.count) given)") }
            throw PyError.type("\(name) expected \(min) arguments, got \(args.count)")
        }
        if args.count < min {
            throw PyError.type("\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(args.count)")
        }
        throw PyError.type("\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(args.count)")
    }

    package static func noKw(_ name: String, _ kw: Kwargs) throws {
        if !kw.isEmpty { throw PyError.type("\(name)() takes no keyword arguments") }
    }

    package static func kw(_ kw: Kwargs, _ name: String) -> Value? {
        for (k, v) in kw where k == name { return v }
        return nil
    }

    package static func onlyKw(_ fname: String, _ kw: Kwargs, _ allowed: [String]) throws {
        for (k, _) in kw where !allowed.contains(k) {
            throw PyError.type("'\(k)' is an invalid keyword argument for \(fname)()")
        }
    }

    package static func int(_ v: Value, _ what: String = "") throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: throw PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
        }
    }

    package static func double(_ v: Value, _ fname: String) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .tscalar(let f): return Double(f)
        default: throw PyError.type("must be real number, not \(v.typeName)")
        }
    }

    package static func str(_ v: Value, _ msg: @autoclosure () -> String) throws -> String {
        guard case .str(let s) = v else { throw PyError.type(msg()) }
        return s
    }
}

extension Runtime {
    func method(_ cls: PyClass, _ name: String, _ fn: @escaping PyMethodDescr.Fn) {
        cls.dict[name] = .object(PyMethodDescr(name, fn))
    }
}

/// Adds methods to a builtin class at creation.
package func methods(_ cls: PyClass, _ list: [(String, PyMethodDescr.Fn)]) {
    for (n, f) in list { cls.dict[n] = .object(PyMethodDescr(n, f)) }
}

/// A stable merge sort whose comparison may throw.
package func mergeSort(_ a: inout [Value], _ less: (Value, Value) throws -> Bool) throws {
    if a.count < 2 { return }
    var src = a
    var dst = a
    var width = 1
    let n = a.count
    // Insertion sort small runs first.
    let run = 16
    var s = 0
    while s < n {
        let e = min(s + run, n)
        var i = s + 1
        while i < e {
            let x = src[i]
            var j = i - 1
            while j >= s, try less(x, src[j]) { src[j + 1] = src[j]; j -= 1 }
            src[j + 1] = x
            i += 1
        }
        s = e
    }
    width = run
    while width < n {
        var lo = 0
        while lo < n {
            let mid = min(lo + width, n), hi = min(lo + 2 * width, n)
            var i = lo, j = mid, k = lo
            while i < mid && j < hi {
                if try less(src[j], src[i]) { dst[k] = src[j]; j += 1 } else { dst[k] = src[i]; i += 1 }
                k += 1
            }
            while i < mid { dst[k] = src[i]; i += 1; k += 1 }
            while j < hi { dst[k] = src[j]; j += 1; k += 1 }
            lo = hi
        }
        swap(&src, &dst)
        width *= 2
    }
    a = src
}
