/// Font variants (`\mathbf`, `\mathbb`, ...) as Unicode mathematical alphanumerics.
///
/// MathML Core (what Chromium implements) honours only `mathvariant="normal"`, so bold,
/// double-struck and script letters are written as the Unicode characters themselves.
enum MathVariant: Equatable {
    case normal, bold, italic, boldItalic, doubleStruck, script, sansSerif, monospace

    static let byCommand: [String: MathVariant] = [
        "mathrm": .normal, "mathup": .normal, "mathbf": .bold, "mathit": .italic,
        "boldsymbol": .boldItalic, "bm": .boldItalic, "mathbb": .doubleStruck,
        "mathcal": .script, "mathscr": .script, "mathsf": .sansSerif, "mathtt": .monospace,
    ]

    /// Letters that Unicode placed in the Letterlike Symbols block instead of the run.
    private static let holes: [MathVariant: [Character: Character]] = [
        .italic: ["h": "ℎ"],
        .doubleStruck: ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"],
        .script: ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ",
                  "R": "ℛ", "e": "ℯ", "g": "ℊ", "o": "ℴ"],
    ]

    /// First code point of the capital-A run, small-a run and digit-zero run.
    private var bases: (upper: UInt32, lower: UInt32, digit: UInt32?) {
        switch self {
        case .normal: (0x41, 0x61, nil)
        case .bold: (0x1D400, 0x1D41A, 0x1D7CE)
        case .italic: (0x1D434, 0x1D44E, nil)
        case .boldItalic: (0x1D468, 0x1D482, 0x1D7CE)
        case .doubleStruck: (0x1D538, 0x1D552, 0x1D7D8)
        case .script: (0x1D49C, 0x1D4B6, nil)
        case .sansSerif: (0x1D5A0, 0x1D5BA, 0x1D7E2)
        case .monospace: (0x1D670, 0x1D68A, 0x1D7F6)
        }
    }

    /// The styled form of one character; characters without one are returned unchanged.
    func map(_ c: Character) -> Character {
        if let hole = Self.holes[self]?[c] { return hole }
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return c }
        let v = scalar.value
        let b = bases
        var out: UInt32?
        switch v {
        case 0x41...0x5A: out = b.upper + (v - 0x41)
        case 0x61...0x7A: out = b.lower + (v - 0x61)
        case 0x30...0x39: out = b.digit.map { $0 + (v - 0x30) }
        case 0x3B1...0x3C9 where self == .boldItalic: out = 0x1D736 + (v - 0x3B1)
        case 0x3B1...0x3C9 where self == .bold: out = 0x1D6C2 + (v - 0x3B1)
        default: out = nil
        }
        guard let o = out, let s = Unicode.Scalar(o) else { return c }
        return Character(s)
    }

    func map(_ s: String) -> String { String(s.map(map)) }

    /// Applies the variant to every identifier and number under `node`.
    func apply(_ node: MathNode) -> MathNode {
        switch node {
        case .ident(let s, _):
            return self == .normal ? .ident(s, normal: true) : .ident(map(s), normal: false)
        case .number(let s): return .number(self == .normal ? s : map(s))
        case .row(let kids): return .row(kids.map(apply))
        case .fraction(let a, let b): return .fraction(apply(a), apply(b))
        case .sqrt(let a): return .sqrt(apply(a))
        case .root(let a, let i): return .root(apply(a), index: apply(i))
        case .scripts(let base, let sub, let sup, let limits):
            return .scripts(base: apply(base), sub: sub.map(apply), sup: sup.map(apply), limits: limits)
        case .over(let a, let m, let acc): return .over(apply(a), m, accent: acc)
        case .under(let a, let m, let acc): return .under(apply(a), m, accent: acc)
        case .style(let a, let d): return .style(apply(a), display: d)
        case .table(let rows, let kind): return .table(rows.map { $0.map(apply) }, kind: kind)
        case .op, .text, .space, .function, .error: return node
        }
    }
}
