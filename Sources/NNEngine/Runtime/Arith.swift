import NNSyntax
import Foundation

/// Python's integer and float arithmetic on unboxed numbers (64-bit ints: overflow raises).
package enum Arith {
    @inline(__always) package static func add(_ a: Int, _ b: Int) throws -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw PyError.intOverflow }
        return r
    }
    @inline(__always) static func sub(_ a: Int, _ b: Int) throws -> Int {
        let (r, o) = a.subtractingReportingOverflow(b)
        if o { throw PyError.intOverflow }
        return r
    }
    @inline(__always) package static func mul(_ a: Int, _ b: Int) throws -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw PyError.intOverflow }
        return r
    }
    package static func floorDiv(_ a: Int, _ b: Int) throws -> Int {
        if b == 0 { throw PyError.zeroDivision("integer division or modulo by zero") }
        if a == Int.min && b == -1 { throw PyError.intOverflow }
        var q = a / b
        if a % b != 0 && ((a < 0) != (b < 0)) { q -= 1 }
        return q
    }
    package static func mod(_ a: Int, _ b: Int) throws -> Int {
        if b == 0 { throw PyError.zeroDivision("integer modulo by zero") }
        if b == -1 { return 0 }
        var r = a % b
        if r != 0 && ((r < 0) != (b < 0)) { r += b }
        return r
    }
    static func trueDiv(_ a: Int, _ b: Int) throws -> Double {
        if b == 0 { throw PyError.zeroDivision("division by zero") }
        return Double(a) / Double(b)
    }
    static func pow(_ a: Int, _ b: Int) throws -> Value {
        if b < 0 {
            if a == 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
            return .float(Foundation.pow(Double(a), Double(b)))
        }
        var result = 1, base = a, e = b
        while e > 0 {
            if e & 1 == 1 { result = try mul(result, base) }
            e >>= 1
            if e > 0 { base = try mul(base, base) }
        }
        return .int(result)
    }
    static func fdiv(_ a: Double, _ b: Double) throws -> Double {
        if b == 0 { throw PyError.zeroDivision("float division by zero") }
        return a / b
    }
    static func fmod(_ a: Double, _ b: Double) throws -> Double {
        if b == 0 { throw PyError.zeroDivision("float modulo") }
        var m = Foundation.fmod(a, b)
        if m != 0 {
            if (b < 0) != (m < 0) { m += b }
        } else {
            m = Double(signOf: b, magnitudeOf: 0)
        }
        return m
    }
    static func ffloorDiv(_ a: Double, _ b: Double) throws -> Double {
        if b == 0 { throw PyError.zeroDivision("float floor division by zero") }
        var m = Foundation.fmod(a, b)
        var div = (a - m) / b
        if m != 0 {
            if (b < 0) != (m < 0) { m += b; div -= 1 }
        }
        if div != 0 {
            var f = div.rounded(.down)
            if div - f > 0.5 { f += 1 }
            return f
        }
        return Double(signOf: a / b, magnitudeOf: 0)
    }
    static func fpow(_ a: Double, _ b: Double) throws -> Double {
        if a == 0 && b < 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
        if a < 0 && b.rounded() != b && b.isFinite {
            throw PyError.value("negative number cannot be raised to a fractional power (nn has no complex numbers)")
        }
        let r = Foundation.pow(a, b)
        if r.isInfinite && a.isFinite && b.isFinite { throw PyError(BuiltinTypes.overflowError, "(34, 'Numerical result out of range')") }
        return r
    }
    static func lshift(_ a: Int, _ b: Int) throws -> Int {
        if b < 0 { throw PyError.value("negative shift count") }
        if a == 0 { return 0 }
        if b >= 63 { throw PyError.intOverflow }
        let r = a << b
        if r >> b != a { throw PyError.intOverflow }
        return r
    }
    static func rshift(_ a: Int, _ b: Int) throws -> Int {
        if b < 0 { throw PyError.value("negative shift count") }
        return b >= 64 ? (a < 0 ? -1 : 0) : a >> b
    }

    /// int op int for every binary operator.
    static func ints(_ op: BinaryOp, _ a: Int, _ b: Int) throws -> Value? {
        switch op {
        case .add: return .int(try add(a, b))
        case .sub: return .int(try sub(a, b))
        case .mul: return .int(try mul(a, b))
        case .div: return .float(try trueDiv(a, b))
        case .floorDiv: return .int(try floorDiv(a, b))
        case .mod: return .int(try mod(a, b))
        case .pow: return try pow(a, b)
        case .lShift: return .int(try lshift(a, b))
        case .rShift: return .int(try rshift(a, b))
        case .bitAnd: return .int(a & b)
        case .bitOr: return .int(a | b)
        case .bitXor: return .int(a ^ b)
        case .matMul: return nil
        }
    }

    /// float op float for the arithmetic operators (nil for bitwise ones).
    static func floats(_ op: BinaryOp, _ a: Double, _ b: Double) throws -> Value? {
        switch op {
        case .add: return .float(a + b)
        case .sub: return .float(a - b)
        case .mul: return .float(a * b)
        case .div: return .float(try fdiv(a, b))
        case .floorDiv: return .float(try ffloorDiv(a, b))
        case .mod: return .float(try fmod(a, b))
        case .pow: return .float(try fpow(a, b))
        default: return nil
        }
    }
}
