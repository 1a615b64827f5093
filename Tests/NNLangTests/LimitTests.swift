import NNLang
import Testing

/// Programs past nn's limits (64-bit ints, memory ceilings, the deadline, identity hashing)
/// end in a clear nn error at module level and inside a def (the register-code VM).
struct LimitTests {
    func error(_ body: String, timeout: Double? = 10) -> String? {
        Interpreter(file: "a.nn").run(cell: body, firstLine: 1, echoResult: false, timeout: timeout).error?.summary
    }

    func both(_ body: String, timeout: Double? = 10) -> [String?] {
        let inDef = "def f():\n" + body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\nf()\n"
        return [error(body, timeout: timeout), error(inDef, timeout: timeout)]
    }

    static let overflow = "OverflowError: integer overflow (nn ints are 64-bit)"

    @Test func intEdgesOverflowInsteadOfTrapping() {
        #expect(both("round(-2**62 - 2**62, -1)") == [Self.overflow, Self.overflow])
        #expect(both("'%d' % 1e30") == [Self.overflow, Self.overflow])
        #expect(both("list(enumerate('ab', 2**62 - 1 + 2**62))") == [Self.overflow, Self.overflow])
        #expect(both("round(-9 * 10**18, -19)") == [Self.overflow, Self.overflow])
    }

    @Test func hugeWidthsAndGrowthAreMemoryErrors() {
        #expect(both("f'{5:>9999999999}'") == ["MemoryError", "MemoryError"])
        #expect(both("'%9999999999d' % 1") == ["MemoryError", "MemoryError"])
        // No deadline: each doubling now polls it, and on a loaded machine the 2 GB of copies
        // before the ceiling may take longer than any fixed limit.
        #expect(both("s = 'x'\nwhile True:\n    s += s", timeout: nil) == ["MemoryError", "MemoryError"])
    }

    @Test func builtinsDrainingHugeRangesKeepTheDeadline() {
        #expect(both("sum(range(10**18))", timeout: 0.3) == ["TimeoutError: cell exceeded the time limit", "TimeoutError: cell exceeded the time limit"])
    }

    @Test func userHashWorksAndSurrogatesAreClearGaps() {
        let src = "class P:\n    def __hash__(self):\n        return 1\nd = {P(): 1}"
        #expect(error(src) == nil)
        #expect(error("class A:\n    __hash__ = None\n{A()}") == "TypeError: unhashable type: 'A'")
        #expect(error("chr(0xD800)") == "ValueError: chr() of a surrogate (0xD800-0xDFFF) is not supported in nn")
    }
}
