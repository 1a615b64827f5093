import Notebook
import Testing

let cmp = OutputComparison()

@Test func numbersWithinTolerance() {
    #expect(cmp.matches(expected: "tensor([1.0000, 2.5000])\n", actual: "tensor([1.00005, 2.5])"))
    #expect(cmp.matches(expected: "x = 1e-7\n", actual: "x = 0\n"))        // absolute 1e-6
    #expect(cmp.matches(expected: "-0.0000", actual: "0.0000"))
    #expect(cmp.matches(expected: "1000000", actual: "1000050"))           // relative 1e-4
    #expect(!cmp.matches(expected: "1000000", actual: "1000200"))
    #expect(!cmp.matches(expected: "tensor([1.0000, 2.5000])", actual: "tensor([1.0010, 2.5000])"))
    #expect(!cmp.matches(expected: "1.0", actual: "-1.0"))
}

@Test func textExactlyTrailingWhitespaceIgnored() {
    #expect(cmp.matches(expected: "a  \nb\n\n\n", actual: "a\nb"))
    #expect(!cmp.matches(expected: "a\n\nb", actual: "a\nb"))
    #expect(!cmp.matches(expected: " a", actual: "a"))
    #expect(!cmp.matches(expected: "float32", actual: "float64"))  // digits in words are text
    #expect(!cmp.matches(expected: "Size([5, 10])", actual: "Size([5, 10, 1])"))
    #expect(!cmp.matches(expected: "x", actual: "x\ny"))
}

@Test func tokens() {
    #expect(OutputComparison.tokens("a-1 [-2.5e-3, x1] 3.") == [
        .text("a-"), .number(1, "1"), .text(" ["), .number(-2.5e-3, "-2.5e-3"), .text(", x1] "), .number(3, "3."),
    ])
}

@Test func unifiedDiffHunks() {
    let old = (1...12).map { "line \($0)" }
    var new = old
    new[1] = "changed 2"
    new.remove(at: 10)
    new.append("added")
    #expect(LineDiff.unified(old, new) == """
        --- expected
        +++ actual
        @@ -1,5 +1,5 @@
         line 1
        -line 2
        +changed 2
         line 3
         line 4
         line 5
        @@ -8,5 +8,5 @@
         line 8
         line 9
         line 10
        -line 11
         line 12
        +added

        """)
    #expect(LineDiff.unified(["a"], ["a"]) == "")
    #expect(LineDiff.unified([], ["x"]) == "--- expected\n+++ actual\n@@ -0,0 +1,1 @@\n+x\n")
}

@Test func diffEditsAreMinimal() {
    let edits = LineDiff.edits(["a", "b", "c", "d"], ["a", "c", "d", "e"])
    #expect(edits == [.same("a"), .removed("b"), .same("c"), .same("d"), .added("e")])
}

@Test func bigDiffsStayCheap() {
    let old = (0..<3000).map { "a \($0)" }, new = (0..<3000).map { "b \($0)" }
    let clock = ContinuousClock()
    let start = clock.now
    let diff = LineDiff.unified(old, new)
    #expect(start.duration(to: clock.now) < .seconds(2))
    #expect(diff.hasPrefix("--- expected\n+++ actual\n@@ -1,3000 +1,3000 @@\n-a 0\n"))
}
