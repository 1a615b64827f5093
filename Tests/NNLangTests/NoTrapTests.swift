import NNLang
import Testing

/// Regression tests for the families of user input that used to reach a Swift trap (a crash
/// of the whole run): each now ends in the exception CPython or PyTorch raise. The sweep in
/// NotebookTests/SweepTests.swift covers every builtin and method; these pin the cases found.
struct NoTrapTests {
    func error(_ body: String, memoryLimit: Int? = nil) -> String? {
        Interpreter(file: "a.nn", memoryLimit: memoryLimit)
            .run(cell: body, firstLine: 1, echoResult: false, timeout: 30).error?.summary
    }

    func printed(_ body: String) -> String {
        let r = Interpreter(file: "a.nn").run(cell: body, firstLine: 1, echoResult: false, timeout: 30)
        var out = ""
        for case .stdout(let s) in r.items { out += s }
        return r.error.map { out + $0.summary } ?? out
    }

    /// `None` where a tensor, number or size is required: a helper that forgot its `return`.
    @Test(arguments: [
        "show_image(None)", "ones(2).matmul(None)", "cat(None)", "stack(None)", "arange(None)",
        "full([2], None)", "full(None, 1.0)", "stats(None)", "hist(None)", "where(None, 1, 2)",
        "where(ones(2) > 0, None, 1)", "zeros_like(None)", "ones_like(None)", "full_like(None, 1)",
        "full_like(ones(2), None)", "randint(0, 5, None)", "ones(2).pow(None)", "ones(2).view_as(None)",
        "ones(2).expand_as(None)", "ones(2, 2).mm(None)", "ones(2).dot(None)", "ones(2).outer(None)",
        "ones(2).maximum(None)", "ones(2).minimum(None)", "ones(2).equal(None)", "ones(2).copy_(None)",
        "ones(2).clamp_min(None)", "ones(2).clamp_max(None)", "kaiming_normal_(None)",
        "ones(2).add(None)", "ones(2).lt(None)", "ones(2).allclose(None)",
    ])
    func noneIsATypeError(_ call: String) {
        let e = error(call)
        #expect(e?.hasPrefix("TypeError") == true || e?.hasPrefix("AttributeError") == true, "\(call): \(e ?? "no error")")
    }

    @Test func intEdges() {
        #expect(error("import math\nmath.gcd((-9223372036854775807 - 1))") == "OverflowError: integer overflow (nn ints are 64-bit)")
        #expect(printed("import math\nprint(math.gcd((-9223372036854775807 - 1), 6), math.gcd((-9223372036854775807 - 1) + 1, 0), math.lcm(-4, 6), math.lcm(0, (-9223372036854775807 - 1)))") == "2 9223372036854775807 12 0\n")
        #expect(error("import math\nmath.lcm((-9223372036854775807 - 1), 3)") == "OverflowError: integer overflow (nn ints are 64-bit)")
        #expect(printed("import math\nprint(math.isqrt(9223372036854775807), math.isqrt(2**62), math.isqrt(0))") == "3037000499 2147483648 0\n")
        #expect(printed("print(len('a,b'.split(',', 9223372036854775807)), len('a b'.split(None, 9223372036854775807)), len('a,b'.rsplit(',', 9223372036854775807)))") == "2 2 2\n")
        #expect(error("[1].__getitem__()")?.hasPrefix("TypeError") == true)
        #expect(error("len(range((-9223372036854775807 - 1), 9223372036854775807))") == "OverflowError: Python int too large to convert to C ssize_t")
        #expect(printed("r = range((-9223372036854775807 - 1), 9223372036854775807)\nprint(r[-1], r[0], r[9223372036854775807])") == "9223372036854775806 -9223372036854775808 -1\n")
        #expect(printed("print(round(1e300, -400), round(-1e300, -309), round(1e300, -300))") == "0.0 -0.0 1e+300\n")
    }

    @Test(arguments: ["'a'.center(2**40)", "'a'.ljust(2**40)", "'a'.rjust(2**62)", "'a'.zfill(9223372036854775807)",
                      "'a'.center(9223372036854775807, 'é')"])
    func hugeWidthsAreMemoryErrors(_ call: String) {
        #expect(error(call) == "MemoryError")
    }

    @Test func memoryCapNamesTheBytes() {
        let limit = 64 << 20
        let e = error("x = zeros(100_000_000)", memoryLimit: limit)
        // The bytes named are the allocation's (400,000,000 rounded up to whole 2 MB pages).
        #expect(e?.hasPrefix("MemoryError: can't allocate memory: you tried to allocate 400556032 bytes, past the notebook's memory limit of 67108864 bytes") == true, "\(e ?? "")")
        // What is freed is given back: a loop of allocations under the cap runs.
        #expect(error("for i in range(50):\n    x = zeros(4_000_000)", memoryLimit: limit) == nil)
        // Lists and strings built in one go are checked against the same cap.
        #expect(error("x = [0] * 50_000_000", memoryLimit: limit)?.hasPrefix("MemoryError") == true)
        #expect(error("x = 'ab' * 100_000_000", memoryLimit: limit)?.hasPrefix("MemoryError") == true)
        #expect(error("x = list(range(50_000_000))", memoryLimit: limit)?.hasPrefix("MemoryError") == true)
        #expect(error("x = 'a'.center(100_000_000)", memoryLimit: limit)?.hasPrefix("MemoryError") == true)
        #expect(error("x = zeros(1000)", memoryLimit: limit) == nil)
    }
}
