import NNEngine
import NNSyntax
import Foundation

extension Runtime {
    /// The `math` module.
    func installMath() {
        var d: [String: Value] = [:]
        func fn(_ name: String, _ f: @escaping PyBuiltin.Fn) { d[name] = .object(PyBuiltin(name, acceptsTScalar: true, f)) }
        func num(_ v: Value) throws -> Double {
            switch v {
            case .int(let i): return Double(i)
            case .float(let x): return x
            case .bool(let b): return b ? 1 : 0
            case .tscalar(let f): return Double(f)
            case .tensor(let t): return try Args.double(tensors.item(self, t), "")
            default: throw PyError.type("must be real number, not \(v.typeName)")
            }
        }
        func unary(_ name: String, domain: ((Double) -> Bool)? = nil, _ f: @escaping (Double) -> Double) {
            fn(name) { _, a, _ in
                try Args.count(name, a, 1, 1)
                let x = try num(a[0])
                if let domain, !domain(x) { throw PyError.value("math domain error") }
                let r = f(x)
                if r.isInfinite && x.isFinite { throw PyError.overflow("math range error") }
                return .float(r)
            }
        }
        d["pi"] = .float(Double.pi)
        d["e"] = .float(M_E)
        d["tau"] = .float(2 * Double.pi)
        d["inf"] = .float(.infinity)
        d["nan"] = .float(.nan)
        unary("sqrt", domain: { $0 >= 0 || $0.isNaN }, Foundation.sqrt)
        unary("exp", Foundation.exp)
        unary("log2", domain: { $0 > 0 || $0.isNaN }, Foundation.log2)
        unary("log10", domain: { $0 > 0 || $0.isNaN }, Foundation.log10)
        unary("log1p", domain: { $0 > -1 || $0.isNaN }, Foundation.log1p)
        unary("expm1", Foundation.expm1)
        unary("sin", domain: { !$0.isInfinite }, Foundation.sin)
        unary("cos", domain: { !$0.isInfinite }, Foundation.cos)
        unary("tan", domain: { !$0.isInfinite }, Foundation.tan)
        unary("asin", domain: { abs($0) <= 1 || $0.isNaN }, Foundation.asin)
        unary("acos", domain: { abs($0) <= 1 || $0.isNaN }, Foundation.acos)
        unary("atan", Foundation.atan)
        unary("sinh", Foundation.sinh)
        unary("cosh", Foundation.cosh)
        unary("tanh", Foundation.tanh)
        unary("fabs", Swift.abs)
        unary("degrees") { $0 * 180 / .pi }
        unary("radians") { $0 * .pi / 180 }
        unary("erf", Foundation.erf)
        unary("erfc", Foundation.erfc)
        unary("gamma", domain: { !($0 <= 0 && $0.rounded() == $0) }, Foundation.tgamma)
        unary("lgamma", domain: { !($0 <= 0 && $0.rounded() == $0) }, Foundation.lgamma)
        fn("log") { _, a, _ in
            try Args.count("log", a, 1, 2)
            let x = try num(a[0])
            if case .int(let i) = a[0], i <= 0 { throw PyError.value("math domain error") }
            guard x > 0 || x.isNaN else { throw PyError.value("math domain error") }
            if a.count == 2 {
                let b = try num(a[1])
                guard b > 0 else { throw PyError.value("math domain error") }
                let lb = Foundation.log(b)
                if lb == 0 { throw PyError.zeroDivision("float division by zero") }
                return .float(Foundation.log(x) / lb)
            }
            return .float(Foundation.log(x))
        }
        fn("atan2") { _, a, _ in
            try Args.count("atan2", a, 2, 2)
            return .float(Foundation.atan2(try num(a[0]), try num(a[1])))
        }
        fn("hypot") { _, a, _ in .float(Foundation.sqrt(try a.reduce(0.0) { $0 + (try num($1)) * (try num($1)) })) }
        fn("pow") { _, a, _ in
            try Args.count("pow", a, 2, 2)
            let x = try num(a[0]), y = try num(a[1])
            if x == 0 && y < 0 { throw PyError.value("math domain error") }
            if x < 0 && y.rounded() != y && y.isFinite { throw PyError.value("math domain error") }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyError.overflow("math range error") }
            return .float(r)
        }
        func toIntRounding(_ name: String, _ rule: FloatingPointRoundingRule) {
            fn(name) { _, a, _ in
                try Args.count(name, a, 1, 1)
                if case .int = a[0] { return a[0] }
                if case .bool(let b) = a[0] { return .int(b ? 1 : 0) }
                let x = try num(a[0])
                if x.isNaN { throw PyError.value("cannot convert float NaN to integer") }
                if x.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
                guard let i = Int(exactly: x.rounded(rule)) else { throw PyError.intOverflow }
                return .int(i)
            }
        }
        toIntRounding("floor", .down)
        toIntRounding("ceil", .up)
        toIntRounding("trunc", .towardZero)
        fn("isnan") { _, a, _ in try Args.count("isnan", a, 1, 1); return .bool(try num(a[0]).isNaN) }
        fn("isinf") { _, a, _ in try Args.count("isinf", a, 1, 1); return .bool(try num(a[0]).isInfinite) }
        fn("isfinite") { _, a, _ in try Args.count("isfinite", a, 1, 1); return .bool(try num(a[0]).isFinite) }
        fn("copysign") { _, a, _ in
            try Args.count("copysign", a, 2, 2)
            return .float(Double(signOf: try num(a[1]), magnitudeOf: try num(a[0])))
        }
        fn("isclose") { _, a, kw in
            try Args.count("isclose", a, 2, 2)
            let x = try num(a[0]), y = try num(a[1])
            let rel = try Args.kw(kw, "rel_tol").map(num) ?? 1e-9
            let absT = try Args.kw(kw, "abs_tol").map(num) ?? 0
            if rel < 0 || absT < 0 { throw PyError.value("tolerances must be non-negative") }
            if x == y { return .True }
            if x.isInfinite || y.isInfinite { return .False }
            let diff = Swift.abs(y - x)
            return .bool(diff <= Swift.abs(rel * y) || diff <= Swift.abs(rel * x) || diff <= absT)
        }
        fn("fsum") { rt, a, _ in
            try Args.count("fsum", a, 1, 1)
            // Shewchuk's exact summation (as CPython's msum).
            var partials: [Double] = []
            for v in try rt.iterateToArray(a[0]) {
                var x = try num(v)
                var i = 0
                for var y in partials {
                    if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                    let hi = x + y
                    let lo = y - (hi - x)
                    if lo != 0 { partials[i] = lo; i += 1 }
                    x = hi
                }
                partials.removeSubrange(i...)
                partials.append(x)
            }
            var total = 0.0
            var k = partials.count
            if k > 0 {
                k -= 1
                total = partials[k]
                while k > 0 {
                    let x = total
                    k -= 1
                    let y = partials[k]
                    total = x + y
                    let yr = total - x
                    let lo = y - yr
                    if lo != 0 {
                        if k > 0 && ((lo < 0 && partials[k - 1] < 0) || (lo > 0 && partials[k - 1] > 0)) {
                            let y2 = lo * 2
                            let x2 = total + y2
                            if y2 == x2 - total { total = x2 }
                        }
                        break
                    }
                }
            }
            return .float(total)
        }
        fn("prod") { rt, a, kw in
            try Args.count("prod", a, 1, 1)
            var acc: Value = Args.kw(kw, "start") ?? .int(1)
            for x in try rt.iterateToArray(a[0]) { acc = try rt.binary(.mul, acc, x) }
            return acc
        }
        fn("factorial") { _, a, _ in
            try Args.count("factorial", a, 1, 1)
            guard case .int(let n) = a[0] else {
                if case .float(let x) = a[0], x.rounded() != x { throw PyError.type("'float' object cannot be interpreted as an integer") }
                throw PyError.type("'\(a[0].typeName)' object cannot be interpreted as an integer")
            }
            if n < 0 { throw PyError.value("factorial() not defined for negative values") }
            var r = 1
            if n > 1 { for k in 2...n { r = try Arith.mul(r, k) } }
            return .int(r)
        }
        // Magnitudes as UInt64: |-2**63| is not an Int, and gcd(-2**63) is 2**63 (OverflowError here).
        func magnitude(_ v: Value) throws -> UInt64 { UInt64(try Args.int(v).magnitude) }
        func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
            var (x, y) = (a, b)
            while y != 0 { (x, y) = (y, x % y) }
            return x
        }
        func exact(_ u: UInt64) throws -> Value {
            guard let i = Int(exactly: u) else { throw PyError.intOverflow }
            return .int(i)
        }
        fn("gcd") { _, a, _ in
            var g: UInt64 = 0
            for v in a { g = gcd(try magnitude(v), g) }
            return try exact(g)
        }
        fn("lcm") { _, a, _ in
            var l: UInt64 = 1
            var zero = false
            for v in a {
                let x = try magnitude(v)
                if x == 0 { zero = true; continue }
                if zero { continue }
                let (r, o) = (l / gcd(l, x)).multipliedReportingOverflow(by: x)
                if o { throw PyError.intOverflow }
                l = r
            }
            return zero ? .int(0) : try exact(l)
        }
        fn("comb") { _, a, _ in
            try Args.count("comb", a, 2, 2)
            let n = try Args.int(a[0]), k = try Args.int(a[1])
            if n < 0 || k < 0 { throw PyError.value("n must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = 1
            let kk = min(k, n - k)
            if kk > 0 { for i in 1...kk { r = try Arith.mul(r, n - kk + i) / i } }
            return .int(r)
        }
        fn("isqrt") { _, a, _ in
            try Args.count("isqrt", a, 1, 1)
            let n = try Args.int(a[0])
            if n < 0 { throw PyError.value("isqrt() argument must be nonnegative") }
            // Squares checked for overflow: near Int.max, (x + 1)^2 is past it.
            func fits(_ x: Int) -> Bool {
                let (sq, o) = x.multipliedReportingOverflow(by: x)
                return !o && sq <= n
            }
            var x = Int(Foundation.sqrt(Double(n)))
            while !fits(x) { x -= 1 }
            while fits(x + 1) { x += 1 }
            return .int(x)
        }
        modules["math"] = PyModule(name: "math", dict: d)
    }
}
