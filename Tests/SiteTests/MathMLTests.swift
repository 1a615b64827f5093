import Testing
import Site

/// Golden MathML for the TeX subset lessons use (inline mode), checked by eye in Chromium.
/// Each case: TeX, the `<math>` element, and the diagnostics' messages.
private let inlineCases: [(tex: String, mathml: String, diagnostics: [String])] = [
        (#"\frac{a}{b}"#,
         #"<math><mfrac><mi>a</mi><mi>b</mi></mfrac></math>"#, []),
        (#"\dfrac{1}{2}"#,
         #"<math><mstyle displaystyle="true"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle></math>"#, []),
        (#"x^2"#,
         #"<math><msup><mi>x</mi><mn>2</mn></msup></math>"#, []),
        (#"x_i"#,
         #"<math><msub><mi>x</mi><mi>i</mi></msub></math>"#, []),
        (#"x_i^2"#,
         #"<math><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup></math>"#, []),
        (#"x^{2n}_{ij}"#,
         #"<math><msubsup><mi>x</mi><mrow><mi>i</mi><mi>j</mi></mrow><mrow><mn>2</mn><mi>n</mi></mrow></msubsup></math>"#, []),
        (#"x^23"#,
         #"<math><msup><mi>x</mi><mn>2</mn></msup><mn>3</mn></math>"#, []),
        (#"f'(x)"#,
         #"<math><msup><mi>f</mi><mo>′</mo></msup><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></math>"#, []),
        (#"f''^2"#,
         #"<math><msup><mi>f</mi><mrow><mo>′′</mo><mn>2</mn></mrow></msup></math>"#, []),
        (#"\alpha\beta\gamma\delta\epsilon\varepsilon\theta\lambda\mu\pi\sigma\phi\varphi\omega"#,
         #"<math><mi>α</mi><mi>β</mi><mi>γ</mi><mi>δ</mi><mi>ϵ</mi><mi>ε</mi><mi>θ</mi><mi>λ</mi><mi>μ</mi><mi>π</mi><mi>σ</mi><mi>ϕ</mi><mi>φ</mi><mi>ω</mi></math>"#, []),
        (#"\Gamma\Delta\Theta\Lambda\Pi\Sigma\Phi\Psi\Omega"#,
         #"<math><mi mathvariant="normal">Γ</mi><mi mathvariant="normal">Δ</mi><mi mathvariant="normal">Θ</mi><mi mathvariant="normal">Λ</mi><mi mathvariant="normal">Π</mi><mi mathvariant="normal">Σ</mi><mi mathvariant="normal">Φ</mi><mi mathvariant="normal">Ψ</mi><mi mathvariant="normal">Ω</mi></math>"#, []),
        (#"\sum_{i=1}^{n} x_i"#,
         #"<math><msubsup><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></msubsup><msub><mi>x</mi><mi>i</mi></msub></math>"#, []),
        (#"\prod_{k} a_k"#,
         #"<math><msub><mo>∏</mo><mi>k</mi></msub><msub><mi>a</mi><mi>k</mi></msub></math>"#, []),
        (#"\int_0^1 f(x)\,dx"#,
         #"<math><msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>f</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mspace width="0.1667em"/><mi>d</mi><mi>x</mi></math>"#, []),
        (#"\partial \nabla \infty"#,
         #"<math><mi mathvariant="normal">∂</mi><mi mathvariant="normal">∇</mi><mi mathvariant="normal">∞</mi></math>"#, []),
        (#"\sqrt{2}"#,
         #"<math><msqrt><mn>2</mn></msqrt></math>"#, []),
        (#"\sqrt[n]{x}"#,
         #"<math><mroot><mi>x</mi><mi>n</mi></mroot></math>"#, []),
        (#"a \cdot b \times c \div d \pm e"#,
         #"<math><mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>÷</mo><mi>d</mi><mo>±</mo><mi>e</mi></math>"#, []),
        (#"1, \ldots, n \cdots \vdots \ddots"#,
         #"<math><mn>1</mn><mo>,</mo><mo>…</mo><mo>,</mo><mi>n</mi><mo>⋯</mo><mo>⋮</mo><mo>⋱</mo></math>"#, []),
        (#"\text{loss} \mathrm{d}x \mathbf{W} \mathit{x} \operatorname{softmax}(z)"#,
         #"<math><mtext>loss</mtext><mi mathvariant="normal">d</mi><mi>x</mi><mi>𝐖</mi><mi>𝑥</mi><mi>softmax</mi><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo></math>"#, []),
        (#"\left( \frac{a}{b} \right)"#,
         #"<math><mrow><mo stretchy="true">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo stretchy="true">)</mo></mrow></math>"#, []),
        (#"\left[ x \right] \left\{ y \right\} \left| z \right|"#,
         #"<math><mrow><mo stretchy="true">[</mo><mi>x</mi><mo stretchy="true">]</mo></mrow><mrow><mo stretchy="true">{</mo><mi>y</mi><mo stretchy="true">}</mo></mrow><mrow><mo stretchy="true">|</mo><mi>z</mi><mo stretchy="true">|</mo></mrow></math>"#, []),
        (#"\left. \frac{df}{dx} \right|_{x=0}"#,
         #"<math><msub><mrow><mfrac><mrow><mi>d</mi><mi>f</mi></mrow><mrow><mi>d</mi><mi>x</mi></mrow></mfrac><mo stretchy="true">|</mo></mrow><mrow><mi>x</mi><mo>=</mo><mn>0</mn></mrow></msub></math>"#, []),
        (#"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#,
         #"<math><mrow><mo>(</mo><mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo>)</mo></mrow></math>"#, []),
        (#"\begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}"#,
         #"<math><mrow><mo>[</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable><mo>]</mo></mrow></math>"#, []),
        (#"\begin{matrix} x & y \end{matrix}"#,
         #"<math><mtable><mtr><mtd><mi>x</mi></mtd><mtd><mi>y</mi></mtd></mtr></mtable></math>"#, []),
        (#"a = b \neq c \le d \ge e \leq f \geq g \approx h \sim i \equiv j"#,
         #"<math><mi>a</mi><mo>=</mo><mi>b</mi><mo>≠</mo><mi>c</mi><mo>≤</mo><mi>d</mi><mo>≥</mo><mi>e</mi><mo>≤</mo><mi>f</mi><mo>≥</mo><mi>g</mi><mo>≈</mo><mi>h</mi><mo>∼</mo><mi>i</mi><mo>≡</mo><mi>j</mi></math>"#, []),
        (#"x \to y \rightarrow z \leftarrow w \Rightarrow v \mapsto u \in S"#,
         #"<math><mi>x</mi><mo>→</mo><mi>y</mi><mo>→</mo><mi>z</mi><mo>←</mo><mi>w</mi><mo>⇒</mo><mi>v</mi><mo>↦</mo><mi>u</mi><mo>∈</mo><mi>S</mi></math>"#, []),
        (#"\hat{y} \bar{x} \vec{v} \tilde{w}"#,
         #"<math><mover accent="true"><mi>y</mi><mo stretchy="false">^</mo></mover><mover accent="true"><mi>x</mi><mo stretchy="false">¯</mo></mover><mover accent="true"><mi>v</mi><mo stretchy="false">→</mo></mover><mover accent="true"><mi>w</mi><mo stretchy="false">~</mo></mover></math>"#, []),
        (#"a \quad b \qquad c \, d \; e \! f"#,
         #"<math><mi>a</mi><mspace width="1em"/><mi>b</mi><mspace width="2em"/><mi>c</mi><mspace width="0.1667em"/><mi>d</mi><mspace width="0.2778em"/><mi>e</mi><mspace width="-0.1667em"/><mi>f</mi></math>"#, []),
        (#"\{ x \} | y |"#,
         #"<math><mo stretchy="false">{</mo><mi>x</mi><mo stretchy="false">}</mo><mo stretchy="false" lspace="0" rspace="0">|</mo><mi>y</mi><mo stretchy="false" lspace="0" rspace="0">|</mo></math>"#, []),
        (#"\log x \exp(x) \max_i x_i \min(a, b) \sin\theta \cos x \tanh x"#,
         #"<math><mi>log</mi><mspace width="0.1667em"/><mi>x</mi><mi>exp</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><msub><mi>max</mi><mi>i</mi></msub><mspace width="0.1667em"/><msub><mi>x</mi><mi>i</mi></msub><mi>min</mi><mo stretchy="false">(</mo><mi>a</mi><mo>,</mo><mi>b</mi><mo stretchy="false">)</mo><mi>sin</mi><mspace width="0.1667em"/><mi>θ</mi><mi>cos</mi><mspace width="0.1667em"/><mi>x</mi><mi>tanh</mi><mspace width="0.1667em"/><mi>x</mi></math>"#, []),
        (#"\foo + 1"#,
         #"<math><merror><mtext>\foo</mtext></merror><mo>+</mo><mn>1</mn></math>"#, [#"unknown command \foo"#]),
        (#"x^"#,
         #"<math><msup><mi>x</mi><mrow></mrow></msup></math>"#, ["missing argument for ^"]),
        (#"\frac{1}"#,
         #"<math><mfrac><mn>1</mn><mrow></mrow></mfrac></math>"#, [#"missing argument for \frac"#]),
        (#"a < b > c & d"#,
         #"<math><mtable class="nn-align" columnalign="right left" displaystyle="true"><mtr><mtd><mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>&gt;</mo><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable></math>"#, []),
        (#"\mathbb{R}^{n}"#,
         #"<math><msup><mi>ℝ</mi><mi>n</mi></msup></math>"#, []),
        (#"\begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}"#,
         #"<math><mrow><mo>{</mo><mtable class="nn-cases" columnalign="left left"><mtr><mtd><mi>x</mi></mtd><mtd><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mtext>otherwise</mtext></mtd></mtr></mtable></mrow></math>"#, []),
        (#"a &= b \\ c &= d"#,
         #"<math><mtable class="nn-align" columnalign="right left" displaystyle="true"><mtr><mtd><mi>a</mi></mtd><mtd><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mo>=</mo><mi>d</mi></mtd></mtr></mtable></math>"#, []),
        (#"\bigl( x \bigr)"#,
         #"<math><mo stretchy="true" symmetric="true" minsize="1.2em" maxsize="1.2em">(</mo><mi>x</mi><mo stretchy="true" symmetric="true" minsize="1.2em" maxsize="1.2em">)</mo></math>"#, []),
        (#"\not= \not\in"#,
         #"<math><mo>≠</mo><mo>∉</mo></math>"#, []),
]

@Test(arguments: inlineCases.indices)
func inlineMathGolden(_ i: Int) {
    let c = inlineCases[i]
    let r = MathML.convert(c.tex, display: false)
    #expect(r.html == c.mathml, "\(c.tex)")
    #expect(r.diagnostics.map(\.message) == c.diagnostics, "\(c.tex)")
}

@Test func displayMathPutsLimitsUnderAndOver() {
    let r = MathML.convert(#"\sum_{i=1}^{n} x_i = \max_j y_j"#, display: true)
    #expect(r.html == #"<math display="block"><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub><mo>=</mo><munder><mi>max</mi><mi>j</mi></munder><mspace width="0.1667em"/><msub><mi>y</mi><mi>j</mi></msub></math>"#)
    // \int keeps its limits to the side even in display math (as TeX does).
    #expect(MathML.convert(#"\int_0^1"#, display: true).html == #"<math display="block"><msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup></math>"#)
}

@Test func textKeepsItsEndSpaces() {
    #expect(MathML.convert(#"\text{if } x"#, display: false).html == "<math><mtext>if\u{A0}</mtext><mi>x</mi></math>")
    #expect(MathML.convert(#"\text{a<b}"#, display: false).html == "<math><mtext>a&lt;b</mtext></math>")
}

@Test func unknownEnvironmentAndUnbalancedInputAreDiagnosedNotFatal() {
    let r = MathML.convert(#"\begin{foo} a \end{foo} + {x"#, display: false)
    #expect(r.html.contains("<merror>"))
    #expect(r.diagnostics.map(\.message) == ["unknown environment foo", "missing }"])
    let r2 = MathML.convert("}} \\right) \\end{x} &", display: false)
    #expect(r2.html.hasPrefix("<math>") && r2.html.hasSuffix("</math>"))
    #expect(r2.diagnostics.count >= 3)
}

@Test func deepNestingIsBoundedNotACrash() {
    let deep = String(repeating: "{", count: 100_000) + "x" + String(repeating: "}", count: 100_000)
    let r = MathML.convert(deep, display: true)
    #expect(r.diagnostics.contains { $0.message == "formula nested too deeply" })
    let sqrts = String(repeating: "\\sqrt", count: 50_000) + "x"
    #expect(MathML.convert(sqrts, display: false).diagnostics.contains { $0.message == "formula nested too deeply" })
    let scripts = String(repeating: "x^", count: 50_000) + "x"
    #expect(!MathML.convert(scripts, display: false).html.isEmpty)
}

@Test func fontVariantsUseMathAlphanumerics() {
    #expect(MathML.convert(#"\mathbf{x}\mathbb{Z}\mathcal{L}\boldsymbol{\theta}"#, display: false).html
        == "<math><mi>𝐱</mi><mi>ℤ</mi><mi>ℒ</mi><mi>𝜽</mi></math>")
}

/// Random formulas made of TeX's special characters and commands: never a trap, always a
/// complete `<math>` element (a fixed-seed generator, so failures reproduce).
@Test func randomInputNeverCrashes() {
    let pieces = ["\\", "{", "}", "[", "]", "^", "_", "&", "\\\\", "'", "%", "$", "x", "2", ".", " ", "é", "\n",
                  "\\frac", "\\sqrt", "\\left", "\\right", "\\middle", "\\begin{pmatrix}", "\\end{pmatrix}",
                  "\\begin{cases}", "\\end{x}", "\\begin", "\\end", "\\text{", "\\operatorname", "\\hat", "\\big",
                  "\\not", "\\mathbf", "\\sum", "\\limits", "\\alpha", "(", ")", "|", "\\|", "\\foo", "\\left.", "\\right("]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(truncatingIfNeeded: state >> 33)
    }
    for _ in 0..<3000 {
        let n = next() % 24
        let tex = (0..<n).map { _ in pieces[next() % pieces.count] }.joined()
        for display in [false, true] {
            let html = MathML.convert(tex, display: display).html
            #expect(html.hasPrefix(display ? "<math display=\"block\">" : "<math>") && html.hasSuffix("</math>"), "\(tex)")
        }
    }
    for tex in ["", "\\", "\\left", "\\begin", "\\sqrt[", "\\text{", "{", "\\operatorname", "^^^", "''''", "&&&", "\\\\\\\\"] {
        #expect(MathML.convert(tex, display: true).html.hasSuffix("</math>"))
    }
}
