#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The element type of a floating tensor: `Float` (float32) or `Double` (float64).
///
/// One generic kernel serves both dtypes. Kernels are written as generic functions over
/// `T: FloatElement` and called with a concrete type after a `switch dtype`, so the optimizer
/// specialises each into a loop as plain as a hand-written one (no witness calls per element):
///
///     switch dtype {
///     case .float32: try kernel(Float.self)
///     case .float64: try kernel(Double.self)
///     ...
///     }
public protocol FloatElement: BinaryFloatingPoint, Sendable {
    /// The dtype whose storage holds this type.
    static var dtype: DType { get }
    /// C's `fmod` (float or double version).
    static func fmod(_ x: Self, _ y: Self) -> Self
    /// C's `pow` (float or double version).
    static func pow(_ x: Self, _ y: Self) -> Self
}

extension Float: FloatElement {
    /// float32.
    public static var dtype: DType { .float32 }
    /// `fmodf`.
    public static func fmod(_ x: Float, _ y: Float) -> Float { fmodf(x, y) }
    /// `powf`.
    public static func pow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
}

extension Double: FloatElement {
    /// float64.
    public static var dtype: DType { .float64 }
    /// libm's `fmod`.
    public static func fmod(_ x: Double, _ y: Double) -> Double { libmFmod(x, y) }
    /// libm's `pow`.
    public static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
}

/// libm's double `fmod` (inside the extension the bare name is the protocol requirement).
@inline(__always) func libmFmod(_ x: Double, _ y: Double) -> Double { fmod(x, y) }
