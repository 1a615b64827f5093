/// Reads the TeX subset into `MathNode`s. Never fails: what it cannot read becomes an
/// `.error` node plus a diagnostic, so a typo in a formula shows up in red on the page.
struct TeXParser {
    private let chars: [Character]
    private var pos = 0
    private var depth = 0
    let display: Bool
    private(set) var diagnostics: [MathDiagnostic] = []

    /// Nesting deeper than this is reported, not followed (keeps the stack bounded).
    static let maxDepth = 64

    init(_ tex: String, display: Bool) {
        self.chars = Array(tex)
        self.display = display
    }

    enum Token: Equatable {
        case command(String)
        case char(Character)
        case open, close, sup, sub, align
        case end
    }

    // MARK: Tokens

    private mutating func skipSpace() {
        while pos < chars.count {
            let c = chars[pos]
            if c == "%" {
                while pos < chars.count, chars[pos] != "\n" { pos += 1 }
            } else if c.isWhitespace {
                pos += 1
            } else {
                return
            }
        }
    }

    /// The next token after spaces, and the position just past it.
    private mutating func peekWithEnd() -> (Token, Int) {
        skipSpace()
        guard pos < chars.count else { return (.end, pos) }
        let c = chars[pos]
        switch c {
        case "{": return (.open, pos + 1)
        case "}": return (.close, pos + 1)
        case "^": return (.sup, pos + 1)
        case "_": return (.sub, pos + 1)
        case "&": return (.align, pos + 1)
        case "\\":
            var j = pos + 1
            guard j < chars.count else { return (.command(" "), j) }
            if chars[j].isASCII, chars[j].isLetter {
                while j < chars.count, chars[j].isASCII, chars[j].isLetter { j += 1 }
                if j < chars.count, chars[j] == "*" { j += 1 }  // \operatorname*, align*
                return (.command(String(chars[(pos + 1)..<j])), j)
            }
            let single = chars[j].isWhitespace ? " " : String(chars[j])
            return (.command(single), j + 1)
        default:
            return (.char(c), pos + 1)
        }
    }

    private mutating func peek() -> Token { peekWithEnd().0 }

    @discardableResult
    private mutating func next() -> Token {
        let (t, end) = peekWithEnd()
        pos = end
        return t
    }

    private mutating func report(_ message: String) {
        diagnostics.append(MathDiagnostic(message: message, offset: pos))
    }

    // MARK: Rows and tables

    /// What ends a row: the caller consumes it.
    enum Stop { case close, bracket, right, endEnv, align, newline }

    /// Parses the whole formula; `&` or `\\` at top level make it an aligned table.
    mutating func parseFormula() -> MathNode {
        let rows = parseTable(endEnvironment: nil)
        if rows.count == 1, rows[0].count == 1 { return rows[0][0] }
        let hasAlign = rows.contains { $0.count > 1 }
        return .table(rows, kind: hasAlign ? .align : .gather)
    }

    /// Rows of `&`-separated cells until `\end{name}` (or the end of input when `nil`).
    private mutating func parseTable(endEnvironment: String?) -> [[MathNode]] {
        var rows: [[MathNode]] = []
        var cells: [MathNode] = []
        while true {
            let cell = parseRow(stops: [.align, .newline, .endEnv])
            cells.append(.row(cell))
            let t = peek()
            switch t {
            case .align:
                next()
            case .command("\\"), .command("cr"):
                next()
                if case .char("[") = peek() { _ = readRaw(open: "[", close: "]") }  // \\[2pt]
                rows.append(cells); cells = []
            case .command("end"):
                next()
                let name = readRawGroup() ?? ""
                if endEnvironment == nil {
                    report("\\end{\(name)} without \\begin")
                } else if name != endEnvironment {
                    report("\\begin{\(endEnvironment!)} ended by \\end{\(name)}")
                }
                if endEnvironment != nil {
                    rows.append(cells)
                    return trimTrailingEmptyRow(rows)
                }
            default:  // end of input
                if let env = endEnvironment { report("missing \\end{\(env)}") }
                rows.append(cells)
                return trimTrailingEmptyRow(rows)
            }
        }
    }

    /// `a \\ b \\` has two rows, not three.
    private func trimTrailingEmptyRow(_ rows: [[MathNode]]) -> [[MathNode]] {
        guard rows.count > 1, let last = rows.last, last.count == 1, last[0] == .row([]) else { return rows }
        return Array(rows.dropLast())
    }

    /// A sequence of atoms with their scripts, until one of `stops` (or the end of input).
    /// Other row-ending tokens found here are reported and skipped.
    mutating func parseRow(stops: Set<Stop>) -> [MathNode] {
        var items: [MathNode] = []
        while true {
            let t = peek()
            switch t {
            case .end: return items
            case .close:
                if stops.contains(.close) { return items }
                next(); report("unmatched }")
                items.append(.error("}"))
                continue
            case .char("]") where stops.contains(.bracket):
                return items
            case .align:
                if stops.contains(.align) { return items }
                next(); report("& outside a matrix or aligned environment")
                items.append(.error("&"))
                continue
            case .command("\\"), .command("cr"):
                if stops.contains(.newline) { return items }
                next(); report("\\\\ outside a matrix or aligned environment")
                continue
            case .command("end"):
                if stops.contains(.endEnv) { return items }
                next()
                let name = readRawGroup() ?? ""
                report("\\end{\(name)} without \\begin")
                items.append(.error("\\end{\(name)}"))
                continue
            case .command("right"), .command("middle"):
                if stops.contains(.right) { return items }
                next()
                _ = readDelimiter()
                report("\\right without \\left")
                continue
            default:
                break
            }
            if let atom = parseScripted() { items.append(atom) }
        }
    }

    // MARK: Atoms

    /// One atom and the scripts and primes that follow it.
    private mutating func parseScripted() -> MathNode? {
        guard let (base, takesLimits) = parseAtom() else { return nil }
        var sub: MathNode?
        var sup: MathNode?
        var primes = ""
        var limits = takesLimits && display
        loop: while true {
            switch peek() {
            case .sup:
                next()
                if sup != nil { report("double superscript") }
                let arg = readArgument(for: "^")
                sup = primes.isEmpty ? arg : .row([.op(primes, attrs: []), arg])
                primes = ""
            case .sub:
                next()
                if sub != nil { report("double subscript") }
                sub = readArgument(for: "_")
            case .char("'"):
                next()
                primes += "′"
            case .command("limits"):
                next(); limits = true
            case .command("nolimits"):
                next(); limits = false
            default:
                break loop
            }
        }
        if !primes.isEmpty {
            let p = MathNode.op(primes, attrs: [])
            if case .row(let kids)? = sup { sup = .row(kids + [p]) } else if let s = sup { sup = .row([s, p]) } else { sup = p }
        }
        if sub == nil, sup == nil { return base }
        return .scripts(base: base, sub: sub, sup: sup, limits: limits)
    }

    /// The argument of a script, a command or `\frac`: a group, a command, or one character.
    private mutating func readArgument(for owner: String) -> MathNode {
        switch peek() {
        case .open, .command:
            if case .command(let name) = peek(), name == "\\" || name == "end" || name == "right" {
                report("missing argument for \(owner)")
                return .row([])
            }
            return parseAtom()?.0 ?? .row([])
        case .char(let c):
            next()
            return singleChar(c)
        default:
            report("missing argument for \(owner)")
            return .row([])
        }
    }

    /// One atom: a group, a character, or a command with its arguments. Returns whether it
    /// takes limits (`\sum`), or nil for commands that produce nothing (`\displaystyle`).
    private mutating func parseAtom() -> (MathNode, Bool)? {
        guard depth < Self.maxDepth else {
            // Past the limit the rest of the formula is not followed: the stack stays bounded.
            report("formula nested too deeply")
            pos = chars.count
            return (.error("…"), false)
        }
        depth += 1
        defer { depth -= 1 }
        let t = next()
        switch t {
        case .open:
            let row = parseRow(stops: [.close])
            if case .close = peek() { next() } else { report("missing }") }
            return (.row(row), false)
        case .char(let c):
            if c.isASCII, c.isNumber || (c == "." && nextIsDigit()) {
                return (readNumber(first: c), false)
            }
            if c == "'" { return (.op("′", attrs: []), false) }
            return (singleChar(c), false)
        case .command(let name):
            return parseCommand(name)
        case .sup, .sub:
            report("missing base for \(t == .sup ? "^" : "_")")
            let arg = readArgument(for: t == .sup ? "^" : "_")
            return t == .sup ? (.scripts(base: .row([]), sub: nil, sup: arg, limits: false), false)
                : (.scripts(base: .row([]), sub: arg, sup: nil, limits: false), false)
        case .close, .align, .end:
            return nil
        }
    }

    private mutating func nextIsDigit() -> Bool {
        pos < chars.count && chars[pos].isASCII && chars[pos].isNumber
    }

    private mutating func readNumber(first: Character) -> MathNode {
        var s = String(first)
        while pos < chars.count {
            let c = chars[pos]
            if c.isASCII, c.isNumber {
                s.append(c); pos += 1
            } else if c == ".", pos + 1 < chars.count, chars[pos + 1].isASCII, chars[pos + 1].isNumber {
                s.append(c); pos += 1
            } else {
                break
            }
        }
        return .number(s)
    }

    /// A plain `|` or `\\|` is an ordinary symbol in TeX (|x|, ‖v‖): no operator spacing, no stretch.
    static let barAttributes: [MathNode.Attribute] = [
        .init(name: "stretchy", value: "false"), .init(name: "lspace", value: "0"), .init(name: "rspace", value: "0"),
    ]

    /// A single character in math: a letter is an identifier, a digit a number, the rest an operator.
    private func singleChar(_ c: Character) -> MathNode {
        if c.isLetter { return .ident(String(c), normal: false) }
        if c.isNumber { return .number(String(c)) }
        switch c {
        case "-": return .op("−", attrs: [])
        case "*": return .op("∗", attrs: [])
        case "~": return .space("0.333em")
        case "(", ")", "[", "]": return .op(String(c), attrs: [.init(name: "stretchy", value: "false")])
        case "|": return .op("|", attrs: Self.barAttributes)
        default: return .op(String(c), attrs: [])
        }
    }

    // MARK: Raw text

    /// The raw text of a `{...}` group (for `\text`, environment names), braces balanced.
    mutating func readRawGroup() -> String? {
        skipSpace()
        guard pos < chars.count, chars[pos] == "{" else { return nil }
        return readRaw(open: "{", close: "}")
    }

    private mutating func readRaw(open: Character, close: Character) -> String {
        pos += 1
        var level = 1
        var out = ""
        while pos < chars.count {
            let c = chars[pos]
            if c == "\\", pos + 1 < chars.count {
                let n = chars[pos + 1]
                if "{}_%&#$ ".contains(n) { out.append(n); pos += 2; continue }
                if n == "\\" { out.append(" "); pos += 2; continue }
                out.append(c); out.append(n); pos += 2
                continue
            }
            if c == open { level += 1 }
            if c == close {
                level -= 1
                if level == 0 { pos += 1; return out }
            }
            out.append(c)
            pos += 1
        }
        report("missing \(close)")
        return out
    }

    // MARK: Commands

    private mutating func parseCommand(_ name: String) -> (MathNode, Bool)? {
        if let g = MathSymbols.greek[name] {
            return (.ident(g, normal: name.first!.isUppercase), false)
        }
        if let s = MathSymbols.identifiers[name] { return (.ident(s, normal: true), false) }
        if let s = MathSymbols.operators[name] {
            if s == "|" || s == "‖" { return (.op(s, attrs: Self.barAttributes), false) }
            let fence = MathSymbols.fences.contains(s)
            return (.op(s, attrs: fence ? [.init(name: "stretchy", value: "false")] : []), false)
        }
        if let (s, limits) = MathSymbols.largeOperators[name] { return (.op(s, attrs: []), limits) }
        if let limits = MathSymbols.functions[name] { return (.function(name), limits) }
        if let w = MathSymbols.spaces[name] { return (.space(w), false) }
        if MathSymbols.ignored.contains(name) { return nil }
        if let (mark, stretchy) = MathSymbols.accents[name] {
            let arg = readArgument(for: "\\" + name)
            let attrs: [MathNode.Attribute] = [.init(name: "stretchy", value: stretchy ? "true" : "false")]
            return (.over(arg, .op(mark, attrs: attrs), accent: name != "overbrace"), false)
        }
        if let mark = MathSymbols.underAccents[name] {
            let arg = readArgument(for: "\\" + name)
            return (.under(arg, .op(mark, attrs: [.init(name: "stretchy", value: "true")]), accent: name == "underline"), false)
        }
        if let variant = MathVariant.byCommand[name] {
            return (variant.apply(readArgument(for: "\\" + name)), false)
        }
        if let size = MathSymbols.bigSizes[name] {
            guard let d = readDelimiter() else { return nil }
            return (.op(d, attrs: [.init(name: "stretchy", value: "true"), .init(name: "symmetric", value: "true"),
                                   .init(name: "minsize", value: size), .init(name: "maxsize", value: size)]), false)
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let num = readArgument(for: "\\" + name)
            let den = readArgument(for: "\\" + name)
            let f = MathNode.fraction(num, den)
            switch name {
            case "dfrac", "cfrac": return (.style(f, display: true), false)
            case "tfrac": return (.style(f, display: false), false)
            default: return (f, false)
            }
        case "binom":
            let n = readArgument(for: "\\binom")
            let k = readArgument(for: "\\binom")
            let open = MathNode.op("(", attrs: [])
            let close = MathNode.op(")", attrs: [])
            return (.row([open, .table([[n], [k]], kind: .gather), close]), false)
        case "sqrt":
            if case .char("[") = peek() {
                next()
                let index = parseRow(stops: [.bracket])
                if case .char("]") = peek() { next() } else { report("missing ] in \\sqrt") }
                return (.root(readArgument(for: "\\sqrt"), index: .row(index)), false)
            }
            return (.sqrt(readArgument(for: "\\sqrt")), false)
        case "text", "textrm", "mbox", "textnormal", "textup", "hbox":
            return (.text(readRawGroup() ?? ""), false)
        case "textbf":
            return (.text(MathVariant.bold.map(readRawGroup() ?? "")), false)
        case "textit", "emph":
            return (.text(MathVariant.italic.map(readRawGroup() ?? "")), false)
        case "operatorname", "operatorname*", "mathop":
            guard let raw = readRawGroup() else {
                report("missing argument for \\\(name)")
                return (.row([]), false)
            }
            let n = raw.filter { !$0.isWhitespace && $0 != "\\" }
            return (.function(n), name.hasSuffix("*"))
        case "overset", "stackrel", "underset":
            let mark = readArgument(for: "\\" + name)
            let base = readArgument(for: "\\" + name)
            return (name == "underset" ? .under(base, mark, accent: false) : .over(base, mark, accent: false), false)
        case "pmod":
            let arg = readArgument(for: "\\pmod")
            return (.row([.space("0.4em"), .op("(", attrs: []), .function("mod"), .space("0.3333em"), arg,
                          .op(")", attrs: [])]), false)
        case "not":
            guard let (next, _) = parseAtom() else { return (.op("̸", attrs: []), false) }
            if case .op(let s, let a) = next { return (.op(s + "\u{338}", attrs: a), false) }
            return (.row([next, .op("\u{338}", attrs: [])]), false)
        case "left":
            return (parseLeftRight(), false)
        case "begin":
            return (parseEnvironment(), false)
        default:
            report("unknown command \\\(name)")
            return (.error("\\" + name), false)
        }
    }

    /// A delimiter after `\left`, `\right`, `\big`: a character or a command; `.` is none.
    private mutating func readDelimiter() -> String? {
        let t = next()
        switch t {
        case .char("."): return ""
        case .char("<"): return "⟨"
        case .char(">"): return "⟩"
        case .char(let c) where "()[]|/".contains(c): return String(c)
        case .command(let n):
            if let s = MathSymbols.operators[n] { return s }
            if n == "lbrace" { return "{" }
            if n == "rbrace" { return "}" }
            if n == "lbrack" { return "[" }
            if n == "rbrack" { return "]" }
            report("\\\(n) is not a delimiter")
            return ""
        default:
            report("missing delimiter")
            return ""
        }
    }

    private mutating func parseLeftRight() -> MathNode {
        let open = readDelimiter() ?? ""
        var items: [MathNode] = []
        if !open.isEmpty { items.append(.op(open, attrs: [.init(name: "stretchy", value: "true")])) }
        while true {
            items += parseRow(stops: [.right])
            switch next() {
            case .command("middle"):
                let m = readDelimiter() ?? ""
                if !m.isEmpty { items.append(.op(m, attrs: [.init(name: "stretchy", value: "true")])) }
                continue
            case .command("right"):
                let close = readDelimiter() ?? ""
                if !close.isEmpty { items.append(.op(close, attrs: [.init(name: "stretchy", value: "true")])) }
            default:
                report("missing \\right")
            }
            return .row(items)
        }
    }

    private mutating func parseEnvironment() -> MathNode {
        let name = readRawGroup() ?? ""
        guard let env = MathSymbols.environments[name] else {
            report("unknown environment \(name)")
            _ = parseTable(endEnvironment: name)
            return .error("\\begin{\(name)}")
        }
        if name == "array" { _ = readRawGroup() }  // column spec: alignment is not kept
        let rows = parseTable(endEnvironment: name)
        var items: [MathNode] = []
        if let o = env.open { items.append(.op(o, attrs: [])) }
        items.append(.table(rows, kind: env.kind))
        if let c = env.close { items.append(.op(c, attrs: [])) }
        return items.count == 1 ? items[0] : .row(items)
    }
}

/// A problem in a formula: a message and the character offset it was found at.
public struct MathDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `unknown command \\foo`.
    public var message: String
    /// Offset (in characters) into the TeX source.
    public var offset: Int
    /// A diagnostic at character `offset` of the formula.
    public init(message: String, offset: Int) {
        self.message = message; self.offset = offset
    }
    /// `message (at character N)`, counting from 1.
    public var description: String { "\(message) (at character \(offset + 1))" }
}
