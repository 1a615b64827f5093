#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// libm entry points under names that do not collide with the tensor methods of the same name.

@inline(__always) func libmPow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
@inline(__always) func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) func libmLog(_ x: Double) -> Double { log(x) }
@inline(__always) func libmLogf(_ x: Float) -> Float { logf(x) }
