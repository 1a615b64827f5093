import Foundation
import NNLang
import Testing

/// Tensor programs whose output includes displays (`Conformance/displays/*.py`; the plain
/// `Conformance/tensor_*.py` programs run in ConformanceTests): what each prints plus the text
/// forms of its displays must equal the `.out` PyTorch produced with tools/torch_prelude.py.
@Suite struct TensorConformanceTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Conformance").appendingPathComponent("displays")

    static var programs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.sorted()
    }

    /// Runs nn source as a script; returns the printed text and display text forms, in order.
    static func run(_ source: String, file: String = "test.py") -> (output: String, error: CellError?) {
        let interp = Interpreter(file: file)
        let r = interp.run(cell: source, firstLine: 1, echoResult: false)
        var out = ""
        for item in r.items {
            switch item {
            case .stdout(let s): out += s
            case .display(let d): out += d.text
            case .result: break
            }
        }
        return (out, r.error)
    }

    @Test func thereAreTwentyOrMoreTensorPrograms() {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: Self.directory.deletingLastPathComponent().path)) ?? []
        #expect(all.filter { $0.hasPrefix("tensor_") && $0.hasSuffix(".py") }.count + Self.programs.count >= 20)
    }

    @Test(arguments: programs)
    func program(_ name: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let expected = try String(contentsOf: Self.directory.appendingPathComponent(String(name.dropLast(3)) + ".out"), encoding: .utf8)
        let (got, error) = Self.run(source, file: name)
        #expect(error == nil, "\(name): \(error?.summary ?? "")")
        #expect(got == expected, "\(name) differs:\n\(unifiedLines(expected, got))")
    }

    /// The lines that differ, `-` expected, `+` got (enough to see the failure).
    func unifiedLines(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(x.count, y.count) where (i < x.count ? x[i] : nil) != (i < y.count ? y[i] : nil) {
            if i < x.count { out.append("-\(i + 1): \(x[i])") }
            if i < y.count { out.append("+\(i + 1): \(y[i])") }
            if out.count > 12 { break }
        }
        return out.joined(separator: "\n")
    }

    @Test func displaysCarryRichData() {
        let interp = Interpreter(file: "d.py")
        let r = interp.run(cell: "x = zeros(2, 3)\nx[0, 1] = 1.\nx[1, 2] = 0.5\nshow_image(x)\nplot([1, 2], [3., 4.], title='t')\nstats(x)\nshow('$$a$$')",
                           firstLine: 1, echoResult: false)
        #expect(r.error == nil)
        let displays = r.items.compactMap { item -> RichDisplay? in if case .display(let d) = item { return d }; return nil }
        #expect(displays.count == 4)
        guard displays.count == 4 else { return }
        #expect(displays[0] == .image(width: 3, height: 2, pixels: [0, 255, 0, 0, 0, 128], text: "<image 2x3>\n"))
        if case .plot(let p, _) = displays[1] {
            #expect(p.title == "t" && p.series.count == 1 && p.series[0].xs == [1, 2] && p.series[0].ys == [3, 4])
        } else { Issue.record("not a plot") }
        if case .table(let header, let rows, _) = displays[2] {
            #expect(header == ["shape", "mean", "std", "min", "max"])
            #expect(rows == [["[2, 3]", "0.2500", "0.4183", "0.0000", "1.0000"]])
        } else { Issue.record("not a table") }
        #expect(displays[3] == .math(tex: "a", text: "<math: a>\n"))
    }

    @Test func scalarLoopMatmulMatchesLibrary() {
        let src = """
        manual_seed(0)
        a = randn(5, 784)
        b = randn(784, 10)
        c = zeros(5, 10)
        for i in range(5):
            for j in range(10):
                for k in range(784):
                    c[i, j] += a[i, k] * b[k, j]
        test_near(c, a @ b)
        print(c.shape)
        """
        let (out, error) = Self.run(src)
        #expect(error == nil, "\(error?.summary ?? "")")
        #expect(out == "Size([5, 10])\n")
    }

    @Test func errorsAreNNExceptions() {
        for (src, type) in [("zeros(2) + zeros(3)", "RuntimeError"), ("zeros(2)[5]", "IndexError"),
                            ("tensor([[1], [1, 2]])", "ValueError"), ("zeros(2).view(3)", "RuntimeError"),
                            ("test_eq(tensor([1]), tensor([2]))", "AssertionError"), ("zeros(2, dtype=5)", "TypeError"),
                            ("read_idx('/nonexistent/file.idx')", "FileNotFoundError"), ("zeros(2).foo", "AttributeError")] {
            let (_, error) = Self.run(src)
            #expect(error?.typeName == type, "\(src): \(error?.summary ?? "no error")")
        }
    }

    /// Hostile inputs end in an nn exception (or run), never in a Swift trap.
    @Test func hostileInputsRaiseNNErrors() {
        let cases = [
            "tensor(1.).size(0)", "tensor(1.).stride(-1)", "tensor(2**62).item()", "tensor([2**63-1]).tolist()",
            "hist(tensor([1., float('inf'), float('nan')]))", "hist(zeros(3), bins=10**9)", "zeros(10**12)",
            "randn(2**40, 2**40)", "tensor([[1, 2], 3])", "zeros(2)[None, None, ..., None, ...]", "zeros(3)[zeros(3)]",
            "zeros(3)[tensor([5])]", "zeros(3)[1:2:0]", "zeros(3)[::-1]", "arange(0, 10, 0)", "linspace(0, 1, -1)",
            "eye(-1)", "randint(5, 2, (3,))", "zeros(2, 3).permute(0, 0)", "zeros(2).view(-1, -1)", "full((2,), 'a')",
            "tensor('abc')", "tensor([None])", "zeros(2) @ 3", "zeros(2) + 'a'", "zeros(2) < None", "show_image(zeros(0, 0))",
            "stats(zeros(0))", "plot([])", "kaiming_normal_(zeros(3))", "kaiming_normal_(zeros(3, 3), mode='x')",
            "zeros(2, dtype=float32).requires_grad_().backward()", "einsum('ij->k', zeros(2, 2))", "cat([])", "stack([])",
            "tensor([1., 2.])[True]", "x = zeros(2)\nx.shape = (1, 2)", "zeros(3).max(dim=0).values[5]",
            "int(tensor(float('nan')))", "tensor([10**30])", "zeros(2**62, 4)", "ones(3)[[0, 5]] = 1.", "x = zeros(3)\nx[5] = 1.",
            "zeros(3, 3)[0, 0, 0] = 2.", "zeros(2).expand(2**62, 2**62).sum()", "arange(2**62)", "read_idx(3)",
            "test_near([1], [1])", "zeros(3).sum(dim=(0, 0))", "zeros(2, 2).max(dim=(0, 1))", "tensor([1, 2]) ** -1",
            "tensor([2**62]) * 4", "tensor([1]) // 0", "tensor([1]) % 0", "zeros(0).max()", "zeros(2, 0).argmax()",
        ]
        var log = ""
        for src in cases {
            let (_, error) = Self.run(src)
            log += "\(src) -> \(error?.summary ?? "ok")\n"
            if let e = error { #expect(!e.typeName.isEmpty) }
        }
        try? log.write(toFile: FileManager.default.temporaryDirectory.appendingPathComponent("nn-hostile.txt").path, atomically: true, encoding: .utf8)
    }
}
