import Testing
import Tensors

/// Small integers, so every result is exact and comparable with PyTorch exactly.
private func seq(_ shape: [Int], _ seed: Int, _ dtype: DType = .float32) throws -> Tensor {
    let n = shape.reduce(1, *)
    let values = (0..<n).map { Double((($0 + 1) * (seed * 7 + 3)) % 11 - 5) }
    return try Tensor(values, shape: shape, dtype: dtype)
}

struct EinsumCase: Sendable, CustomStringConvertible {
    let equation: String, operands: [Tensor], shape: [Int], values: [Double]
    init(_ equation: String, _ operands: [Tensor], shape: [Int], values: [Double]) {
        self.equation = equation
        self.operands = operands
        self.shape = shape
        self.values = values
    }
    var description: String { "\(equation) on \(operands.map { Tensor.describe($0.shape) }) \(operands[0].dtype)" }
}

@Test(arguments: einsumCases)
func einsumMatchesTorch(_ c: EinsumCase) throws {
    let r = try Tensor.einsum(c.equation, c.operands)
    #expect(r.shape == c.shape)
    #expect(r.dtype == c.operands[0].dtype)
    #expect(r.scalars() == c.values)
}

@Test func einsumOnTransposedViewsMatchesMatmul() throws {
    let g = Generator(seed: 2)
    let a = try Tensor.randn([30, 20], generator: g), b = try Tensor.randn([40, 30], generator: g)
    // "ki,jk->ij" reads both operands transposed.
    let viaEinsum = try Tensor.einsum("ki,jk->ij", [a, b]).scalars()
    let viaMatmul = try a.T.matmul(b.T).scalars()
    for (x, y) in zip(viaEinsum, viaMatmul) { #expect(abs(x - y) <= 1e-5 * max(1, abs(y))) }
}

@Test func einsumErrorsAreWordedLikePyTorch() throws {
    for (equation, operands, kind, message) in einsumErrorCases {
        #expect(throws: TensorError(kind, message), "\(equation)") { try Tensor.einsum(equation, operands) }
    }
    #expect(throws: TensorError.self) { try Tensor.einsum("i", []) }
}

// Expected results computed by PyTorch 2.15 einsum in float64 (exact: small integers).
let einsumCases: [EinsumCase] = try! [
    EinsumCase("ij,jk->ik", [seq([2, 3], 1), seq([3, 4], 2)], shape: [2, 4], values: [32, -28, 11, -16, 5, -10, 8, -7]),
    EinsumCase("ij,jk->ik", [seq([2, 3], 1, .int64), seq([3, 4], 2, .int64)], shape: [2, 4], values: [32, -28, 11, -16, 5, -10, 8, -7]),
    EinsumCase("ij,jk", [seq([2, 3], 1), seq([3, 4], 2)], shape: [2, 4], values: [32, -28, 11, -16, 5, -10, 8, -7]),
    EinsumCase("ii", [seq([3, 3], 1)], shape: [], values: [3]),
    EinsumCase("ii", [seq([3, 3], 1, .int64)], shape: [], values: [3]),
    EinsumCase("ii->i", [seq([3, 3], 1)], shape: [3], values: [5, 1, -3]),
    EinsumCase("ij->ji", [seq([2, 3], 1)], shape: [3, 2], values: [5, 2, 4, 1, 3, 0]),
    EinsumCase("ij->", [seq([2, 3], 1)], shape: [], values: [15]),
    EinsumCase("ij->j", [seq([2, 3], 1)], shape: [3], values: [7, 5, 3]),
    EinsumCase("ij->j", [seq([2, 3], 1, .int64)], shape: [3], values: [7, 5, 3]),
    EinsumCase("i,i->", [seq([5], 1), seq([5], 2)], shape: [], values: [-8]),
    EinsumCase("i,j->ij", [seq([2], 1), seq([3], 2)], shape: [2, 3], values: [5, -20, 10, 4, -16, 8]),
    EinsumCase("bij,bjk->bik", [seq([2, 2, 3], 1), seq([2, 3, 4], 2)], shape: [2, 2, 4], values: [32, -28, 11, -16, 5, -10, 8, -7, 8, 5, 2, -1, 26, -53, 22, -57]),
    EinsumCase("bij,bjk->bik", [seq([2, 2, 3], 1, .int64), seq([2, 3, 4], 2, .int64)], shape: [2, 2, 4], values: [32, -28, 11, -16, 5, -10, 8, -7, 8, 5, 2, -1, 26, -53, 22, -57]),
    EinsumCase("...ij,...jk->...ik", [seq([2, 1, 2, 3], 1), seq([3, 3, 4], 2)], shape: [2, 3, 2, 4], values: [32, -28, 11, -16, 5, -10, 8, -7, -28, 11, -16, 23, -10, 8, -7, 11, 11, -16, 23, -4, 8, -7, 11, -4, -22, 8, 5, 2, 6, 26, -53, 22, 8, 5, 2, -1, 26, -53, 22, -57, 5, 2, -1, -4, -53, 22, -57, 18]),
    EinsumCase("ij,ij->ij", [seq([2, 3], 1), seq([1, 3], 2)], shape: [2, 3], values: [5, -16, 6, 2, -4, 0]),
    EinsumCase("bhqd,bhkd->bhqk", [seq([2, 2, 3, 4], 1), seq([2, 2, 5, 4], 2)], shape: [2, 2, 3, 5], values: [-11, 17, 12, -15, 13, 5, 1, 8, -7, -11, -12, -26, 15, 34, 20, -17, 3, 23, -23, -3, 15, 3, -9, 1, -11, 14, 14, 14, 3, 3, 7, -3, 9, 10, -11, 11, 13, -7, 6, -3, 15, -26, -12, -42, 27, -5, -1, 3, 7, -11, -29, 31, 3, -25, 13, 13, -25, 3, 31, -29]),
    EinsumCase("i,i,i->i", [seq([4], 1), seq([4], 2), seq([4], 3)], shape: [4], values: [-15, 16, 6, -18]),
    EinsumCase("ij,jk,kl->il", [seq([2, 3], 1), seq([3, 4], 2), seq([4, 2], 3)], shape: [2, 2], values: [-37, -160, 29, -67]),
    EinsumCase("iij->j", [seq([2, 2, 3], 1)], shape: [3], values: [1, -1, 8]),
    EinsumCase("iij->j", [seq([2, 2, 3], 1, .int64)], shape: [3], values: [1, -1, 8]),
    EinsumCase("ij,kl->", [seq([2, 3], 1), seq([2, 2], 2)], shape: [], values: [-60]),
    EinsumCase("Ba,aB", [seq([2, 3], 1), seq([3, 2], 2)], shape: [], values: [11]),
    EinsumCase("...->...", [seq([2, 3], 1)], shape: [2, 3], values: [5, 4, 3, 2, 1, 0]),
    EinsumCase("i j , j k -> i k", [seq([2, 3], 1), seq([3, 4], 2)], shape: [2, 4], values: [32, -28, 11, -16, 5, -10, 8, -7]),
    EinsumCase("ab...,b...->a...", [seq([2, 3, 4], 1), seq([3, 4], 2)], shape: [2, 4], values: [-7, -16, 27, 1, -16, -10, -29, 4]),
    EinsumCase("...ij->i", [seq([5, 2, 3], 1)], shape: [2], values: [12, 0]),
    EinsumCase("i...->...", [seq([2, 3, 4], 1)], shape: [3, 4], values: [9, 7, 5, 3, 1, -1, -3, -5, -7, -9, 0, 9]),
    EinsumCase("bij,bkj->bik", [seq([2, 2, 3], 1), seq([2, 4, 3], 2)], shape: [2, 2, 4], values: [-5, -9, 31, -17, -2, -3, 7, -5, 9, -11, -9, 15, -9, 18, -21, -5]),
    EinsumCase("ij,jk->ki", [seq([2, 3], 1), seq([3, 4], 2)], shape: [4, 2], values: [32, 5, -28, -10, 11, 8, -16, -7]),
    EinsumCase("ik,k->i", [seq([3, 4], 1), seq([4], 2)], shape: [3], values: [-11, 5, -12]),
    EinsumCase("ij,j->", [seq([2, 3], 1), seq([3], 2)], shape: [], values: [-7]),
    EinsumCase("aa,aa->a", [seq([3, 3], 1), seq([3, 3], 2)], shape: [3], values: [5, 3, -15]),
    EinsumCase("ij,jk->ijk", [seq([2, 3], 1), seq([3, 4], 2)], shape: [2, 3, 4], values: [5, -20, 10, -15, 12, -8, 16, -4, 15, 0, -15, 3, 2, -8, 4, -6, 3, -2, 4, -1, 0, 0, 0, 0]),
    EinsumCase("ijk,ikl->jl", [seq([2, 3, 4], 1), seq([2, 4, 2], 2)], shape: [3, 2], values: [24, -30, 12, -14, -33, 46]),
    EinsumCase("ij,jk", [seq([1, 3], 1), seq([3, 4], 2)], shape: [1, 4], values: [32, -28, 11, -16]),
    EinsumCase("i,i", [seq([0], 1), seq([0], 2)], shape: [], values: [0]),
    EinsumCase("ij,jk->ik", [seq([2, 0], 1), seq([0, 3], 2)], shape: [2, 3], values: [0, 0, 0, 0, 0, 0]),
    EinsumCase("ij,jk->ik", [seq([2, 0], 1, .int64), seq([0, 3], 2, .int64)], shape: [2, 3], values: [0, 0, 0, 0, 0, 0]),
    EinsumCase("bi,bi->b", [seq([3, 4], 1), seq([1, 4], 2)], shape: [3], values: [-11, 5, -12]),
    EinsumCase("ij,k->ik", [seq([2, 3], 1), seq([4], 2)], shape: [2, 4], values: [12, -48, 24, -36, 3, -12, 6, -9]),
    EinsumCase("abc,cd,de->abe", [seq([2, 2, 3], 1), seq([3, 2], 2), seq([2, 3], 3)], shape: [2, 2, 3], values: [-180, -212, 174, -45, -59, 48, 90, 94, -78, 60, 104, -83]),
    EinsumCase("ji,jk->ik", [seq([3, 2], 1), seq([3, 4], 2)], shape: [2, 4], values: [19, -26, 17, -17, 10, -20, 16, -14]),
    EinsumCase("...", [seq([2, 3], 1)], shape: [2, 3], values: [5, 4, 3, 2, 1, 0]),
    EinsumCase("ba", [seq([2, 3], 1)], shape: [3, 2], values: [5, 2, 4, 1, 3, 0]),
    EinsumCase("ij,i->i", [seq([1, 3], 1), seq([2], 2)], shape: [2], values: [12, -48]),
    EinsumCase("ijk,ijk->j", [seq([2, 1, 3], 1), seq([1, 4, 3], 2)], shape: [4], values: [-7, -12, 38, -22]),
    EinsumCase("ij,kj->k", [seq([1, 3], 1), seq([4, 1], 2)], shape: [4], values: [12, -48, 24, -36]),
    EinsumCase("ij,jk->k", [seq([2, 1], 1), seq([3, 4], 2)], shape: [4], values: [81, -54, 9, -27]),
]
// Messages raised by PyTorch 2.15 for the same equations and shapes.
let einsumErrorCases: [(String, [Tensor], TensorError.Kind, String)] = try! [
    ("ij,jk", [Tensor(zeros: [2, 3])], .runtimeError, "einsum(): fewer operands were provided than specified in the equation"),
    ("ij", [Tensor(zeros: [2, 3]), Tensor(zeros: [3])], .runtimeError, "einsum(): more operands were provided than specified in the equation"),
    ("ij->ij", [Tensor(zeros: [2, 3, 4])], .runtimeError, "einsum(): the number of subscripts in the equation (2) does not match the number of dimensions (3) for operand 0 and no ellipsis was given"),
    ("i1->i", [Tensor(zeros: [2, 3])], .runtimeError, "einsum(): invalid subscript given at index 1 in the equation string, subscripts must be in [a-zA-Z]"),
    ("ij->ii", [Tensor(zeros: [2, 2])], .runtimeError, "einsum(): output subscript i appears more than once in the output"),
    ("ij->k", [Tensor(zeros: [2, 2])], .runtimeError, "einsum(): output subscript k does not appear in the equation for any input operand"),
    ("ii->i", [Tensor(zeros: [2, 3])], .runtimeError, "einsum(): subscript i is repeated for operand 0 but the sizes don't match, 3 != 2"),
    ("ij,jk->ik", [Tensor(zeros: [2, 3]), Tensor(zeros: [4, 5])], .runtimeError, "einsum(): subscript j has size 4 for operand 1 which does not broadcast with previously seen size 3"),
    ("ij,ij->ij", [Tensor(zeros: [2, 3]), Tensor(zeros: [3, 3])], .runtimeError, "einsum(): subscript i has size 3 for operand 1 which does not broadcast with previously seen size 2"),
    ("...,...->...", [Tensor(zeros: [2, 3]), Tensor(zeros: [4, 3])], .runtimeError, "einsum(): dimension 0 covered by ellipsis in operand 1has size 4 which does not broadcast with previously seen ellipsis with size 2 for the respective dimension"),
    ("..i->i", [Tensor(zeros: [2])], .runtimeError, "einsum(): found '.' for operand 0 that is not part of any ellipsis"),
    ("i->i->i", [Tensor(zeros: [2])], .runtimeError, "einsum(): invalid subscript given at index 4 in the equation string, subscripts must be in [a-zA-Z]"),
    ("ij->ji.", [Tensor(zeros: [2, 2])], .runtimeError, "einsum(): found '.' for output that is not part of any ellipsis (...)"),
    ("ij...->", [Tensor(zeros: [2])], .runtimeError, "einsum(): the number of subscripts in the equation (2) is more than the number of dimensions (1) for operand 0"),
    ("", [Tensor(zeros: [2])], .runtimeError, "einsum(): the number of subscripts in the equation (0) does not match the number of dimensions (1) for operand 0 and no ellipsis was given"),
    ("i", [Tensor(zeros: [])], .runtimeError, "einsum(): the number of subscripts in the equation (1) does not match the number of dimensions (0) for operand 0 and no ellipsis was given"),
    ("ab...,b...->a...", [Tensor(zeros: [2, 3, 4]), Tensor(zeros: [3, 5])], .runtimeError, "einsum(): dimension 1 covered by ellipsis in operand 1has size 5 which does not broadcast with previously seen ellipsis with size 4 for the respective dimension"),
    ("i...j...->ij", [Tensor(zeros: [2, 3, 4])], .runtimeError, "einsum(): found '.' for operand 0 for which an ellipsis was already found"),
    ("i->......", [Tensor(zeros: [2])], .runtimeError, "einsum(): found '.' for output but an ellipsis (...) was already found"),
    ("ij,jk->ik", [Tensor.ones([2, 2], dtype: .int64), Tensor(zeros: [2, 2])], .runtimeError, "expected scalar type Long but found Float"),
    ("ij,jk->ik", [Tensor.ones([2, 2], dtype: .bool), Tensor.ones([2, 2], dtype: .bool)], .notImplementedError, "\"bmm\" not implemented for 'Bool'"),
]
