/// A token of nn source, with its range in file coordinates.
public struct Token: Sendable, Equatable, CustomStringConvertible {
    /// What the token is.
    public var kind: TokenKind
    /// Where it is (file coordinates, end exclusive).
    public var range: SourceRange
    /// A token of `kind` at `range`.
    public init(_ kind: TokenKind, _ range: SourceRange) { self.kind = kind; self.range = range }
    /// `KIND @line:col-line:col` as used by the golden token dumps.
    public var description: String { "\(kind) @\(range)" }
}

/// The kinds of tokens the parser consumes.
public enum TokenKind: Sendable, Equatable, CustomStringConvertible {
    case name(String)
    case keyword(Keyword)
    case int(Int64)
    case float(Double)
    case imaginary(Double)
    /// One string literal as written (adjacent literals are separate tokens; the parser joins them).
    case string(StringToken)
    case op(Op)
    /// The end of a logical line.
    case newline
    case indent
    case dedent
    /// `%time` / `%timeit -n N -r R` at the start of a logical line.
    case magic(Magic.Kind, number: Int?, repeatCount: Int?)
    case endOfFile
    /// A lexical error, reported by the parser when it reaches this point (so an earlier syntax
    /// error is reported first, as CPython does).
    case error(ParseError)

    /// `NAME x`, `OP +`, `INT 1`, ... as in the golden token dumps.
    public var description: String {
        switch self {
        case .name(let s): "NAME \(s)"
        case .keyword(let k): "KEYWORD \(k.rawValue)"
        case .int(let v): "INT \(v)"
        case .float(let v): "FLOAT \(v)"
        case .imaginary(let v): "IMAGINARY \(v)j"
        case .string(let s): "STRING \(s)"
        case .op(let o): "OP \(o.rawValue)"
        case .newline: "NEWLINE"
        case .indent: "INDENT"
        case .dedent: "DEDENT"
        case .magic(let k, let n, let r):
            "MAGIC %\(k.rawValue)" + (n.map { " -n \($0)" } ?? "") + (r.map { " -r \($0)" } ?? "")
        case .endOfFile: "ENDMARKER"
        case .error(let e): "ERROR \(e.message)"
        }
    }
}

/// One string literal token. Plain strings and bytes carry their decoded value; f-strings
/// carry their raw body (between the quotes), which the parser splits into literal parts and
/// fields, with the position of the body's first character so field ranges are exact.
public struct StringToken: Sendable, Equatable, CustomStringConvertible {
    /// The literal's value.
    public enum Value: Sendable, Equatable {
        case string(String)
        case bytes([UInt8])
        /// The undecoded body of an f-string; `raw` for `rf"..."`.
        case fstring(body: String, raw: Bool, bodyStart: SourcePosition)
    }
    /// The decoded value (or an f-string's raw body).
    public var value: Value
    /// A string token holding `value`.
    public init(_ value: Value) { self.value = value }
    /// The value quoted as a Python literal (for dumps).
    public var description: String {
        switch value {
        case .string(let s): ASTDump.quote(s)
        case .bytes(let b): "b" + ASTDump.quote(String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) })))
        case .fstring(let body, let raw, _): (raw ? "rf" : "f") + ASTDump.quote(body)
        }
    }
}

/// Python's keywords (soft keywords such as `match` are names).
public enum Keyword: String, Sendable, Equatable, CaseIterable {
    case False, None, True
    case and, `as`, assert, async, await, `break`, `class`, `continue`, def, del, elif, `else`
    case except, finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda, nonlocal
    case not, or, pass, raise, `return`, `try`, `while`, with, yield
}

/// Operators and delimiters.
public enum Op: String, Sendable, Equatable, CaseIterable {
    case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", lbrace = "{", rbrace = "}"
    case comma = ",", colon = ":", semicolon = ";", dot = ".", ellipsis = "...", arrow = "->"
    case assign = "=", walrus = ":="
    case plus = "+", minus = "-", star = "*", slash = "/", doubleSlash = "//", percent = "%"
    case at = "@", doubleStar = "**", amper = "&", vbar = "|", circumflex = "^", tilde = "~"
    case leftShift = "<<", rightShift = ">>"
    case less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">=", equal = "==", notEqual = "!="
    case plusAssign = "+=", minusAssign = "-=", starAssign = "*=", slashAssign = "/="
    case doubleSlashAssign = "//=", percentAssign = "%=", atAssign = "@=", doubleStarAssign = "**="
    case amperAssign = "&=", vbarAssign = "|=", circumflexAssign = "^=", leftShiftAssign = "<<="
    case rightShiftAssign = ">>="

    /// The binary operator of an augmented assignment (`+=` -> `+`), nil for other ops.
    var augmentedOperator: BinaryOp? {
        switch self {
        case .plusAssign: .add
        case .minusAssign: .sub
        case .starAssign: .mul
        case .slashAssign: .div
        case .doubleSlashAssign: .floorDiv
        case .percentAssign: .mod
        case .atAssign: .matMul
        case .doubleStarAssign: .pow
        case .amperAssign: .bitAnd
        case .vbarAssign: .bitOr
        case .circumflexAssign: .bitXor
        case .leftShiftAssign: .lShift
        case .rightShiftAssign: .rShift
        default: nil
        }
    }
}
