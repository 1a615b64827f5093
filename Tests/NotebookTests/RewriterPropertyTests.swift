import Notebook
import Testing

/// SplitMix64: a small deterministic generator so failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let pieces = [
    "# Title\n", "Some *prose* with $`x^2`$.\n", "\n", "\n\n", "```nn\ncode\n```\n", "```nn hide\na\nb\n```\n",
    "```output\nold\n```\n", "~~~output\nold\n~~~\n", "````nn\n```\n````\n", "> quoted\n", "- item\n",
    "   ```nn\n   indented\n   ```\n", "```python\nnot a cell\n```\n", "[ref]: /url\n", "    indented code\n",
    "```nn volatile\n```\n", "text\r\n", "```output\n```\n", "<div>\n", "```nn skip\nx\n```\n\n\n```output\ny\n```\n",
]
let outputs = ["", "1\n", "a`b\n", "```\n", "x", "line\n\n", "tensor([1., 2.])\n", "~~~\n", "  indented\n", "````` ``\n"]

@Test func rewriteThenParseGivesTheOutputs() {
    var rng = SplitMix(state: 42)
    for _ in 0..<1500 {
        let text = (0..<Int.random(in: 1...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        let nb = Notebook(path: "t.md", text: text)
        guard !nb.hasErrors else { continue }
        var wanted: [Int: String] = [:]
        for cell in nb.cells where Bool.random(using: &rng) { wanted[cell.number] = outputs.randomElement(using: &rng)! }
        let (bytes, _) = OutputRewriter.rewrite(nb, outputs: wanted, comparison: nil)
        let newText = String(decoding: bytes, as: UTF8.self)
        let again = Notebook(path: "t.md", text: newText)
        #expect(again.cells.map(\.source) == nb.cells.map(\.source), "\(text.debugDescription)")
        for cell in again.cells {
            guard let out = wanted[cell.number] else {
                #expect(cell.expected?.text == nb.cells[cell.number - 1].expected?.text, "\(text.debugDescription)")
                continue
            }
            let body = out.isEmpty ? nil : (out.hasSuffix("\n") ? out : out + "\n")
            #expect(cell.expected?.text == body, "\(text.debugDescription) \(out.debugDescription)")
        }
        let (_, changes) = OutputRewriter.rewrite(again, outputs: wanted, comparison: nil)
        #expect(!changes.any, "not idempotent: \(text.debugDescription)")
        // Outside the output blocks, not a byte changed.
        #expect(strippingOutputs(again) == strippingOutputs(nb), "\(text.debugDescription)")
    }
}

/// The file's text with every expected-output block (and the blank lines before it) cut out.
func strippingOutputs(_ nb: Notebook) -> String {
    let bytes = Array(nb.text.utf8)
    var kept: [UInt8] = []
    var position = 0
    for cell in nb.cells {
        guard let expected = cell.expected else { continue }
        kept += bytes[position..<cell.byteRange.upperBound]
        position = cell.extraOutputs.last?.byteRange.upperBound ?? expected.byteRange.upperBound
    }
    kept += bytes[position...]
    var text = String(decoding: kept, as: UTF8.self)
    // Inserting after a last line without a newline adds one; compare modulo that.
    while text.hasSuffix("\n") { text.removeLast() }
    return text
}

@Test func characterSoupNeverTraps() {
    // Fence characters, info words and line endings in random order: parse, dump, rewrite.
    let atoms = ["`", "```", "~~~", " ", "\n", "\r\n", "\t", "> ", "- ", "1. ", "nn", "output", " hide", " raises=",
                 "math", "$", "x", "\u{0}", "é", "#", "<div>", "\\", "[a]: /u", "    "]
    var rng = SplitMix(state: 7)
    for _ in 0..<3000 {
        let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in atoms.randomElement(using: &rng)! }.joined()
        let nb = Notebook(path: "s.md", text: text)
        _ = nb.dump()
        var wanted: [Int: String] = [:]
        for cell in nb.cells { wanted[cell.number] = outputs.randomElement(using: &rng)! }
        let (bytes, _) = OutputRewriter.rewrite(nb, outputs: wanted)
        let again = Notebook(path: "s.md", text: String(decoding: bytes, as: UTF8.self))
        if !nb.hasErrors {
            #expect(again.cells.count == nb.cells.count, "\(text.debugDescription)")
        }
    }
}
