import NNEngine
import NNSyntax
import Foundation

/// CPython's Mersenne Twister (MT19937) with its seeding (`init_by_array` over the 32-bit
/// words of |seed|), so `random.seed(n)` gives CPython's exact sequence for int seeds.
final class MersenneTwister {
    private var mt = [UInt32](repeating: 0, count: 624)
    private var index = 625
    /// `gauss`'s second value, kept as CPython keeps it.
    var gaussNext: Double?

    init(seed: Int) { self.seed(seed) }

    private func initGenrand(_ s: UInt32) {
        mt[0] = s
        for i in 1..<624 {
            mt[i] = 1812433253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    /// `random.seed(n)` for an int `n` (CPython hashes non-negative |n|'s words).
    func seed(_ n: Int) {
        var m = n.magnitude
        var key: [UInt32] = []
        repeat { key.append(UInt32(truncatingIfNeeded: m)); m >>= 32 } while m > 0
        initGenrand(19650218)
        var i = 1, j = 0
        for _ in 0..<max(624, key.count) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1664525)) &+ key[j] &+ UInt32(j)
            i += 1; j += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1566083941)) &- UInt32(i)
            i += 1
            if i >= 624 { mt[0] = mt[623]; i = 1 }
        }
        mt[0] = 0x8000_0000
        gaussNext = nil
    }

    func nextUInt32() -> UInt32 {
        if index >= 624 {
            for k in 0..<624 {
                let y = (mt[k] & 0x8000_0000) | (mt[(k + 1) % 624] & 0x7fff_ffff)
                mt[k] = mt[(k + 397) % 624] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908_b0df : 0)
            }
            index = 0
        }
        var y = mt[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// `random()`: 53 random bits in [0, 1).
    func random() -> Double {
        let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for 0 < k <= 64 (words filled least significant first).
    func bits(_ k: Int) -> UInt64 {
        if k <= 32 { return UInt64(nextUInt32() >> (32 - k)) }
        let lo = UInt64(nextUInt32())
        let hi = UInt64(nextUInt32() >> (64 - k))
        return lo | (hi << 32)
    }

    /// `_randbelow(n)` for n > 0: rejection sampling over `n.bit_length()` bits.
    func below(_ n: Int) -> Int {
        let k = Int.bitWidth - n.leadingZeroBitCount
        var r = bits(k)
        while r >= UInt64(n) { r = bits(k) }
        return Int(r)
    }
}

extension Runtime {
    func randomModule() -> [String: Value] {
        let g = MersenneTwister(seed: Int(truncatingIfNeeded: DispatchTime.now().uptimeNanoseconds))
        var d: [String: Value] = [:]
        func def(_ name: String, _ f: @escaping PyBuiltin.Fn) { d[name] = Runtime.fn(name, f) }
        func randrange(_ start: Int, _ stop: Int, _ step: Int) throws -> Int {
            if step == 1 {
                guard start < stop else { throw PyError.value("empty range for randrange() (\(start), \(stop), \(stop &- start))") }
                return start + g.below(stop - start)
            }
            if step == 0 { throw PyError.value("zero step for randrange()") }
            let n = step > 0 ? (stop - start + step - 1) / step : (stop - start + step + 1) / step
            guard n > 0 else { throw PyError.value("empty range for randrange()") }
            return start + step * g.below(n)
        }
        def("seed") { _, a, kw in
            try Args.count("seed", a, 0, 2)
            switch a.first ?? Args.kw(kw, "a") ?? .none {
            case .none: g.seed(Int(truncatingIfNeeded: DispatchTime.now().uptimeNanoseconds))
            case .int(let n): g.seed(n)
            case .bool(let b): g.seed(b ? 1 : 0)
            case let v: throw PyError.type("nn's random.seed() takes an int or None, not \(v.typeName)")
            }
            return .none
        }
        def("random") { _, a, _ in try Args.count("random", a, 0, 0); return .float(g.random()) }
        def("getrandbits") { _, a, _ in
            try Args.count("getrandbits", a, 1, 1)
            let k = try Args.int(a[0])
            if k < 0 { throw PyError.value("number of bits must be non-negative") }
            if k == 0 { return .int(0) }
            guard k <= 63 else { throw PyError.overflow("nn ints are 64-bit: getrandbits(\(k)) does not fit") }
            return .int(Int(g.bits(k)))
        }
        def("randrange") { _, a, _ in
            try Args.count("randrange", a, 1, 3)
            let x = try a.map { try Args.int($0) }
            if x.count == 1 {
                guard x[0] > 0 else { throw PyError.value("empty range for randrange()") }
                return .int(g.below(x[0]))
            }
            return .int(try randrange(x[0], x[1], x.count > 2 ? x[2] : 1))
        }
        def("randint") { _, a, _ in
            try Args.count("randint", a, 2, 2)
            let lo = try Args.int(a[0]), hi = try Args.int(a[1])
            return .int(try randrange(lo, hi &+ 1, 1))
        }
        def("choice") { rt, a, _ in
            try Args.count("choice", a, 1, 1)
            let n = try rt.len(a[0])
            if n == 0 { throw PyError.index("Cannot choose from an empty sequence") }
            return try rt.getItem(a[0], .int(g.below(n)))
        }
        def("shuffle") { rt, a, _ in
            try Args.count("shuffle", a, 1, 1)
            guard case .object(let l as PyList) = a[0] else {
                let n = try rt.len(a[0])
                for i in stride(from: n - 1, to: 0, by: -1) {
                    let j = g.below(i + 1)
                    let x = try rt.getItem(a[0], .int(i)), y = try rt.getItem(a[0], .int(j))
                    try rt.setItem(a[0], .int(i), y); try rt.setItem(a[0], .int(j), x)
                }
                return .none
            }
            for i in stride(from: l.items.count - 1, to: 0, by: -1) { l.items.swapAt(i, g.below(i + 1)) }
            return .none
        }
        def("sample") { rt, a, kw in
            try Args.count("sample", a, 1, 2)
            let pop: [Value]
            switch a[0] {
            case .object(is PySet), .object(is PyDict):
                throw PyError.type("Population must be a sequence.  For dicts or sets, use sorted(d).")
            default: pop = try rt.iterateToArray(a[0])
            }
            guard let kv = a.count > 1 ? a[1] : Args.kw(kw, "k") else { throw PyError.type("sample() missing 1 required positional argument: 'k'") }
            let k = try Args.int(kv), n = pop.count
            if k < 0 || k > n { throw PyError.value("Sample larger than population or is negative") }
            var setsize = 21
            if k > 5 { setsize += Int(Foundation.pow(4.0, Foundation.ceil(Foundation.log(Double(k * 3)) / Foundation.log(4.0)))) }
            var result: [Value] = []
            if n <= setsize {
                var pool = pop
                for i in 0..<k {
                    let j = g.below(n - i)
                    result.append(pool[j])
                    pool[j] = pool[n - i - 1]
                }
            } else {
                var selected = Set<Int>()
                for _ in 0..<k {
                    var j = g.below(n)
                    while selected.contains(j) { j = g.below(n) }
                    selected.insert(j)
                    result.append(pop[j])
                }
            }
            return .object(PyList(result))
        }
        def("uniform") { _, a, _ in
            try Args.count("uniform", a, 2, 2)
            let lo = try Args.double(a[0], "uniform"), hi = try Args.double(a[1], "uniform")
            return .float(lo + (hi - lo) * g.random())
        }
        def("gauss") { _, a, kw in
            try Args.count("gauss", a, 0, 2)
            let mu = try Args.double(a.count > 0 ? a[0] : (Args.kw(kw, "mu") ?? .float(0)), "gauss")
            let sigma = try Args.double(a.count > 1 ? a[1] : (Args.kw(kw, "sigma") ?? .float(1)), "gauss")
            var z: Double
            if let n = g.gaussNext { z = n; g.gaussNext = nil } else {
                let x2pi = g.random() * 2 * Double.pi
                let g2rad = (-2.0 * Foundation.log(1.0 - g.random())).squareRoot()
                z = Foundation.cos(x2pi) * g2rad
                g.gaussNext = Foundation.sin(x2pi) * g2rad
            }
            return .float(mu + z * sigma)
        }
        def("normalvariate") { _, a, _ in
            try Args.count("normalvariate", a, 0, 2)
            let mu = try a.count > 0 ? Args.double(a[0], "normalvariate") : 0
            let sigma = try a.count > 1 ? Args.double(a[1], "normalvariate") : 1
            let magic = 4 * Foundation.exp(-0.5) / 2.0.squareRoot()
            while true {
                let u1 = g.random(), u2 = 1.0 - g.random()
                let z = magic * (u1 - 0.5) / u2
                if z * z / 4.0 <= -Foundation.log(u2) { return .float(mu + z * sigma) }
            }
        }
        return d
    }
}
