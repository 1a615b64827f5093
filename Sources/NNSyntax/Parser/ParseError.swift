/// A syntax error: what went wrong (`kind`, which owns the message) and where.
///
/// Messages follow CPython 3.11's wording where nn accepts the same language. The interpreter
/// reports one as `CellError(typeName: error.typeName, message: error.message, ...)`.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of syntax errors; `message` gives the text.
    public enum Kind: Sendable, Equatable {
        case invalidSyntax
        /// `invalid syntax. Perhaps you forgot a comma?`
        case forgotComma
        /// `expected ':'`, `expected '('`, ... (the argument is the expected text, unquoted).
        case expected(String)
        case unexpectedIndent
        /// `expected an indented block after 'if' statement on line 3`; `after` is the
        /// construct as CPython words it ("'if' statement", "function definition", ...).
        case expectedIndentedBlock(after: String, line: Int)
        case unindentMismatch
        case tooDeeplyIndented
        /// `inconsistent use of tabs and spaces in indentation` (a `TabError`).
        case inconsistentTabs
        /// `'(' was never closed`.
        case neverClosed(Character)
        /// `unmatched ')'`.
        case unmatched(Character)
        /// `closing parenthesis ']' does not match opening parenthesis '('` (with `on line N`
        /// when the opener is on another line).
        case mismatchedClosing(close: Character, open: Character, openLine: Int?)
        case tooManyNestedParentheses
        /// The parser's own recursion limit (e.g. `- - - ... x` nested thousands deep).
        case tooDeeplyNested
        case unterminatedString(detectedAtLine: Int)
        case unterminatedTripleQuotedString(detectedAtLine: Int)
        /// A backslash continuation at the end of input, or followed by something other than a newline.
        case unexpectedCharacterAfterContinuation
        case unexpectedEOFWhileParsing
        /// `invalid character '€' (U+20AC)`.
        case invalidCharacter(Unicode.Scalar)
        /// `invalid non-printable character U+00A0`.
        case invalidNonPrintableCharacter(Unicode.Scalar)
        case invalidDecimalLiteral
        case invalidHexadecimalLiteral
        case invalidOctalLiteral
        case invalidBinaryLiteral
        case invalidImaginaryLiteral
        /// `invalid digit '8' in octal literal`.
        case invalidDigit(Character, base: String)
        case leadingZeros
        /// An integer literal that does not fit nn's 64-bit int.
        case integerTooLarge(String)
        /// A bad escape that CPython rejects, e.g. a truncated `\x`.
        case invalidEscape(String)
        /// `f-string: ...` (the argument is the text after `f-string: `).
        case fstring(String)
        /// `cannot assign to function call`, `cannot delete literal`, ... (full text).
        case invalidTarget(String)
        /// Any other CPython compile error worded as CPython does (full text), e.g.
        /// `'return' outside function`, `positional argument follows keyword argument`.
        case other(String)
        /// Python syntax nn deliberately leaves out, e.g. `':=' is not supported in nn`.
        case unsupported(String)

        /// The Python exception class: `SyntaxError`, or its subclasses `IndentationError` and `TabError`.
        public var typeName: String {
            switch self {
            case .unexpectedIndent, .expectedIndentedBlock, .unindentMismatch, .tooDeeplyIndented: "IndentationError"
            case .inconsistentTabs: "TabError"
            default: "SyntaxError"
            }
        }

        /// The message, without the `SyntaxError: ` prefix.
        public var message: String {
            switch self {
            case .invalidSyntax: "invalid syntax"
            case .forgotComma: "invalid syntax. Perhaps you forgot a comma?"
            case .expected(let s): "expected '\(s)'"
            case .unexpectedIndent: "unexpected indent"
            case .expectedIndentedBlock(let after, let line): "expected an indented block after \(after) on line \(line)"
            case .unindentMismatch: "unindent does not match any outer indentation level"
            case .tooDeeplyIndented: "too many levels of indentation"
            case .inconsistentTabs: "inconsistent use of tabs and spaces in indentation"
            case .neverClosed(let c): "'\(c)' was never closed"
            case .unmatched(let c): "unmatched '\(c)'"
            case .mismatchedClosing(let close, let open, let line):
                if let line {
                    "closing parenthesis '\(close)' does not match opening parenthesis '\(open)' on line \(line)"
                } else {
                    "closing parenthesis '\(close)' does not match opening parenthesis '\(open)'"
                }
            case .tooManyNestedParentheses: "too many nested parentheses"
            case .tooDeeplyNested: "too many nested expressions"
            case .unterminatedString(let l): "unterminated string literal (detected at line \(l))"
            case .unterminatedTripleQuotedString(let l): "unterminated triple-quoted string literal (detected at line \(l))"
            case .unexpectedCharacterAfterContinuation: "unexpected character after line continuation character"
            case .unexpectedEOFWhileParsing: "unexpected EOF while parsing"
            case .invalidCharacter(let s):
                "invalid character '\(Character(s))' (U+\(ParseError.hex4(s.value)))"
            case .invalidNonPrintableCharacter(let s): "invalid non-printable character U+\(ParseError.hex4(s.value))"
            case .invalidDecimalLiteral: "invalid decimal literal"
            case .invalidHexadecimalLiteral: "invalid hexadecimal literal"
            case .invalidOctalLiteral: "invalid octal literal"
            case .invalidBinaryLiteral: "invalid binary literal"
            case .invalidImaginaryLiteral: "invalid imaginary literal"
            case .invalidDigit(let c, let base): "invalid digit '\(c)' in \(base) literal"
            case .leadingZeros:
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
            case .integerTooLarge(let text): "integer literal \(text) is too large (nn ints are 64-bit)"
            case .invalidEscape(let s): s
            case .fstring(let s): "f-string: \(s)"
            case .invalidTarget(let s): s
            case .other(let s): s
            case .unsupported(let s): s
            }
        }
    }

    /// The fields live in one immutable box so a `ParseError` is a single pointer: with typed
    /// throws every call site reserves room for the error, and a large struct made each
    /// recursive-descent frame kilobytes bigger (deep nesting then overflowed the stack).
    private final class Storage: Sendable {
        let kind: Kind
        let location: SourceLocation
        let sourceLine: String
        init(kind: Kind, location: SourceLocation, sourceLine: String) {
            self.kind = kind; self.location = location; self.sourceLine = sourceLine
        }
    }
    private var storage: Storage

    /// What went wrong (owns the message).
    public var kind: Kind {
        get { storage.kind }
        set { storage = Storage(kind: newValue, location: location, sourceLine: sourceLine) }
    }
    /// Where the error is (file coordinates; the caret goes under `location.column`).
    public var location: SourceLocation {
        get { storage.location }
        set { storage = Storage(kind: kind, location: newValue, sourceLine: sourceLine) }
    }
    /// The text of the offending source line (without its newline), for the excerpt.
    public var sourceLine: String {
        get { storage.sourceLine }
        set { storage = Storage(kind: kind, location: location, sourceLine: newValue) }
    }

    /// An error of `kind` at `location`, whose line reads `sourceLine`.
    public init(kind: Kind, location: SourceLocation, sourceLine: String) {
        storage = Storage(kind: kind, location: location, sourceLine: sourceLine)
    }

    /// Same kind, location and line.
    public static func == (a: ParseError, b: ParseError) -> Bool {
        a.kind == b.kind && a.location == b.location && a.sourceLine == b.sourceLine
    }

    /// The message, without the `SyntaxError: ` prefix.
    public var message: String { kind.message }

    /// `SyntaxError`, `IndentationError` or `TabError` (what CPython would raise).
    public var typeName: String { kind.typeName }

    /// `FILE:LINE:COL: error: SyntaxError: message` (or `IndentationError`/`TabError`).
    public var description: String { "\(location): error: \(typeName): \(message)" }

    /// The compiler-style diagnostic: the header line, the source line, and a caret
    /// under the error's column, each line ending in a newline.
    ///
    ///     lesson.md:12:7: error: SyntaxError: expected ':'
    ///         if x
    ///             ^
    public func formatted() -> String {
        var out = description + "\n"
        let line = sourceLine
        out += "    " + line + "\n"
        // The caret lines up under the column, keeping tabs so terminals align it the same way.
        var pad = ""
        var col = 1
        for ch in line {
            if col >= location.column { break }
            pad.append(ch == "\t" ? "\t" : " ")
            col += ch.unicodeScalars.count
        }
        if col < location.column { pad += String(repeating: " ", count: location.column - col) }
        out += "    " + pad + "^\n"
        return out
    }

    static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return h.count >= 4 ? h : String(repeating: "0", count: 4 - h.count) + h
    }
}
