import Testing
import NNLang

/// The token stream of `source` as `KIND value @range` lines.
func tokenDump(_ source: String, firstLine: Int = 1) -> String {
    Lexer.tokenize(source, file: "t.nn", firstLine: firstLine).map(\.description).joined(separator: "\n")
}

@Suite struct LexerTokenStreams {
    @Test func indentationNewlinesAndBrackets() {
        let src = """
            def f(x):
                if x:  # comment
                    return [1,
                            2]
                return x \\
                    + 1
            y = f(2)
            """
        #expect(tokenDump(src) == """
            KEYWORD def @1:1-1:4
            NAME f @1:5-1:6
            OP ( @1:6-1:7
            NAME x @1:7-1:8
            OP ) @1:8-1:9
            OP : @1:9-1:10
            NEWLINE @1:10-1:11
            INDENT @2:1-2:5
            KEYWORD if @2:5-2:7
            NAME x @2:8-2:9
            OP : @2:9-2:10
            NEWLINE @2:21-2:22
            INDENT @3:1-3:9
            KEYWORD return @3:9-3:15
            OP [ @3:16-3:17
            INT 1 @3:17-3:18
            OP , @3:18-3:19
            INT 2 @4:17-4:18
            OP ] @4:18-4:19
            NEWLINE @4:19-4:20
            DEDENT @5:5-5:5
            KEYWORD return @5:5-5:11
            NAME x @5:12-5:13
            OP + @6:9-6:10
            INT 1 @6:11-6:12
            NEWLINE @6:12-6:13
            DEDENT @7:1-7:1
            NAME y @7:1-7:2
            OP = @7:3-7:4
            NAME f @7:5-7:6
            OP ( @7:6-7:7
            INT 2 @7:7-7:8
            OP ) @7:8-7:9
            NEWLINE @7:9-7:9
            ENDMARKER @7:9-7:9
            """)
    }

    @Test func blankAndCommentLinesDoNotIndent() {
        #expect(tokenDump("if x:\n    pass\n  # other indent\n\n    y\nz\n") == """
            KEYWORD if @1:1-1:3
            NAME x @1:4-1:5
            OP : @1:5-1:6
            NEWLINE @1:6-1:7
            INDENT @2:1-2:5
            KEYWORD pass @2:5-2:9
            NEWLINE @2:9-2:10
            NAME y @5:5-5:6
            NEWLINE @5:6-5:7
            DEDENT @6:1-6:1
            NAME z @6:1-6:2
            NEWLINE @6:2-6:3
            ENDMARKER @7:1-7:1
            """)
    }

    @Test func everyOperator() {
        #expect(tokenDump("a @= b; c //= d; e **= f; g >>= h; i <<= j; k != l; m -> n; o := p; ...") == """
            NAME a @1:1-1:2
            OP @= @1:3-1:5
            NAME b @1:6-1:7
            OP ; @1:7-1:8
            NAME c @1:9-1:10
            OP //= @1:11-1:14
            NAME d @1:15-1:16
            OP ; @1:16-1:17
            NAME e @1:18-1:19
            OP **= @1:20-1:23
            NAME f @1:24-1:25
            OP ; @1:25-1:26
            NAME g @1:27-1:28
            OP >>= @1:29-1:32
            NAME h @1:33-1:34
            OP ; @1:34-1:35
            NAME i @1:36-1:37
            OP <<= @1:38-1:41
            NAME j @1:42-1:43
            OP ; @1:43-1:44
            NAME k @1:45-1:46
            OP != @1:47-1:49
            NAME l @1:50-1:51
            OP ; @1:51-1:52
            NAME m @1:53-1:54
            OP -> @1:55-1:57
            NAME n @1:58-1:59
            OP ; @1:59-1:60
            NAME o @1:61-1:62
            OP := @1:63-1:65
            NAME p @1:66-1:67
            OP ; @1:67-1:68
            OP ... @1:69-1:72
            NEWLINE @1:72-1:72
            ENDMARKER @1:72-1:72
            """)
        let ops = "+ - * / // % @ ** & | ^ ~ << >> < > <= >= == != = += -= *= /= %= &= |= ^= ( ) [ ] { } , : ; ."
        let kinds = Lexer.tokenize(ops).compactMap { t -> String? in
            if case .op(let o) = t.kind { return o.rawValue }
            return nil
        }
        #expect(kinds.joined(separator: " ") == ops)
    }

    @Test func stringsAndMagics() {
        #expect(tokenDump("s = 'a\\tb' \"c\\\"d\" '''e\nf''' r'\\n' b'\\x00' f\"{x!r:>{w}}\" rb'\\d'") == #"""
            NAME s @1:1-1:2
            OP = @1:3-1:4
            STRING "a\tb" @1:5-1:11
            STRING "c\"d" @1:12-1:18
            STRING "e\nf" @1:19-2:5
            STRING "\\n" @2:6-2:11
            STRING b"\x00" @2:12-2:19
            STRING f"{x!r:>{w}}" @2:20-2:33
            STRING b"\\d" @2:34-2:40
            NEWLINE @2:40-2:40
            ENDMARKER @2:40-2:40
            """#)
        #expect(tokenDump("%timeit -n 5 -r 2 f()\n%time g()\n", firstLine: 20) == """
            MAGIC %timeit -n 5 -r 2 @20:1-20:18
            NAME f @20:19-20:20
            OP ( @20:20-20:21
            OP ) @20:21-20:22
            NEWLINE @20:22-20:23
            MAGIC %time @21:1-21:6
            NAME g @21:7-21:8
            OP ( @21:8-21:9
            OP ) @21:9-21:10
            NEWLINE @21:10-21:11
            ENDMARKER @22:1-22:1
            """)
        // `%` elsewhere is the modulo operator.
        #expect(tokenDump("x = a %time") == """
            NAME x @1:1-1:2
            OP = @1:3-1:4
            NAME a @1:5-1:6
            OP % @1:7-1:8
            NAME time @1:8-1:12
            NEWLINE @1:12-1:12
            ENDMARKER @1:12-1:12
            """)
    }

    @Test func lexicalErrorsEndTheStream() {
        let tokens = Lexer.tokenize("x = 1\ny = 'abc\nz = 2\n", file: "c.md", firstLine: 5)
        guard case .error(let e)? = tokens.last?.kind else {
            Issue.record("no error token")
            return
        }
        #expect(e.description == "c.md:6:5: error: SyntaxError: unterminated string literal (detected at line 6)")
        #expect(e.sourceLine == "y = 'abc")
    }
}

@Test(arguments: numericLiterals) func numericLiteralValues(_ c: (String, String)) {
    let tokens = Lexer.tokenize(c.0)
    #expect(tokens.count == 3)
    #expect(tokens.first.map { "\($0.kind)" } == c.1, "literal \(c.0)")
}

@Test(arguments: stringLiterals) func stringLiteralValues(_ c: (String, String)) {
    let tokens = Lexer.tokenize(c.0)
    #expect(tokens.first?.kind == .string(StringToken(.string(c.1))), "literal \(c.0)")
}

@Test func integersBeyondInt64AreAClearError() {
    #expect(parseDump("x = 9223372036854775808") ==
            "SyntaxError: integer literal 9223372036854775808 is too large (nn ints are 64-bit) @1:5")
    #expect(parseDump("x = 0b" + String(repeating: "1", count: 64)).hasPrefix("SyntaxError: integer literal 0b111"))
    #expect(parseDump("x = -9223372036854775807").hasPrefix("Assign"))
}

@Suite struct HighlightTokens {
    func kinds(_ s: String) -> String {
        Lexer.highlightTokens(s).map(\.description).joined(separator: "\n")
    }

    @Test func classifiesEveryKind() {
        #expect(kinds("%timeit -n 3 f(x)  # t\nfor i in range(2): print(f'{i}', 1.5e-3, ...)\n$") == #"""
            magic "%timeit -n 3"
            whitespace " "
            identifier "f"
            punctuation "("
            identifier "x"
            punctuation ")"
            whitespace "  "
            comment "# t"
            whitespace "\n"
            keyword "for"
            whitespace " "
            identifier "i"
            whitespace " "
            keyword "in"
            whitespace " "
            builtin "range"
            punctuation "("
            number "2"
            punctuation ")"
            punctuation ":"
            whitespace " "
            builtin "print"
            punctuation "("
            string "f'{"
            identifier "i"
            string "}'"
            punctuation ","
            whitespace " "
            number "1.5e-3"
            punctuation ","
            whitespace " "
            punctuation "..."
            punctuation ")"
            whitespace "\n"
            invalid "$"
            """#)
        #expect(kinds("a **= b -> c != d") == #"""
            identifier "a"
            whitespace " "
            operator "**="
            whitespace " "
            identifier "b"
            whitespace " "
            operator "->"
            whitespace " "
            identifier "c"
            whitespace " "
            operator "!="
            whitespace " "
            identifier "d"
            """#)
    }

    @Test func fStringFieldsAreHighlightedAsCode() {
        #expect(kinds("f\"{x!r:>{w}} {{lit}} {len(a['k']) + 1:.2f}\"") == #"""
            string "f\"{"
            identifier "x"
            string "!r:>{"
            identifier "w"
            string "}} {{lit}} {"
            builtin "len"
            punctuation "("
            identifier "a"
            punctuation "["
            string "'k'"
            punctuation "]"
            punctuation ")"
            whitespace " "
            operator "+"
            whitespace " "
            number "1"
            string ":.2f}\""
            """#)
    }

    @Test func unterminatedStringsStopAtTheLineEnd() {
        #expect(kinds("x = 'abc\ny") == #"""
            identifier "x"
            whitespace " "
            operator "="
            whitespace " "
            string "'abc"
            whitespace "\n"
            identifier "y"
            """#)
        #expect(kinds("'''abc\ndef") == #"string "'''abc\ndef""#)
    }

    @Test(arguments: [
        "", "x", "\r\n", "x = 1\r\n  y\t= 'é'  # ü\r\n", "\\\n", "'", "'''", "f'{x!r:>{w}}' rb'\\'", "0x_ff1e+5j",
        "%%time\n%", "日本 = 1", "a\u{00A0}b", "\u{FEFF}x", "😀", "'\\", "#", "x\\",
        "f'{x", "f'''{a['x']}'''", "f'{", "f\"{a!r}{b:{c}}\"\n", "rf'{\\}'", "f'{x\ny", "F'{{}}{'",
    ])
    func roundTripsExactly(_ source: String) {
        #expect(Lexer.highlightTokens(source).map(\.text).joined() == source)
    }
}

/// SplitMix64, so the fuzz cases are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Test func mutatedProgramsNeverTrap() {
    // Every golden source, mutated by deleting, duplicating and inserting fragments: the parser
    // must return or throw (never trap), and highlighting must round-trip.
    let corpus = nnGolden.map(\.0) + cpythonErrors.map(\.0) + stringLiterals.map(\.0) + [
        "def f(a, *b, c=1, **d):\n    return [x for x in b if x]\n",
        "class A(B):\n    def __init__(self):\n        super().__init__()\n",
        "try:\n    x = {'a': (1, 2)}[k]\nexcept (KeyError, ValueError) as e:\n    raise\nfinally:\n    pass\n",
    ]
    let fragments = ["(", ")", "[", "]", "{", "}", ":", "\n", "    ", "\t", "'", "\"", "'''", "f'{", "}", "\\",
                     "#", "%time ", "=", "*", "**", "lambda", "if ", "else", "not ", ",", ".", "0x", "1e", "_",
                     "é", "\r", "!r", ":>", "yield", "@", "->", ":=", "...", "\u{0}"]
    var rng = SplitMix64(state: 42)
    var parsed = 0, failed = 0
    for round in 0..<2000 {
        var chars = Array(corpus[round % corpus.count])
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = chars.isEmpty ? 0 : Int.random(in: 0...chars.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0 where !chars.isEmpty && at < chars.count:
                chars.remove(at: at)
            case 1 where at < chars.count:
                let end = min(chars.count, at + Int.random(in: 1...8, using: &rng))
                chars.insert(contentsOf: chars[at..<end], at: at)
            default:
                chars.insert(contentsOf: fragments.randomElement(using: &rng) ?? "", at: at)
            }
        }
        let source = String(chars)
        do {
            _ = try Parser.parse(source: source, file: "fuzz.nn", firstLine: 1)
            parsed += 1
        } catch {
            failed += 1
            #expect(!error.message.isEmpty)
            #expect(error.location.line >= 1 && error.location.column >= 1, "\(source.debugDescription): \(error)")
        }
        #expect(Lexer.highlightTokens(source).map(\.text).joined() == source)
    }
    #expect(parsed + failed == 2000)
}
/// Numeric literals and the value Python gives them (`eval`).
let numericLiterals: [(String, String)] = [
    ("0", "INT 0"),
    ("7", "INT 7"),
    ("1_000_000", "INT 1000000"),
    ("0x_FF", "INT 255"),
    ("0XdeadBEEF", "INT 3735928559"),
    ("0o17", "INT 15"),
    ("0O7_7", "INT 63"),
    ("0b1010", "INT 10"),
    ("0B_1", "INT 1"),
    ("00", "INT 0"),
    ("0_0", "INT 0"),
    ("9223372036854775807", "INT 9223372036854775807"),
    ("0x7FFFFFFFFFFFFFFF", "INT 9223372036854775807"),
    ("1.5", "FLOAT 1.5"),
    ("1.", "FLOAT 1.0"),
    (".5", "FLOAT 0.5"),
    ("1e10", "FLOAT 10000000000.0"),
    ("1E-3", "FLOAT 0.001"),
    ("1.5e+300", "FLOAT 1.5e+300"),
    ("1_0.0_1e1_0", "FLOAT 100100000000.0"),
    ("0.0", "FLOAT 0.0"),
    ("00.5", "FLOAT 0.5"),
    ("09.5", "FLOAT 9.5"),
    ("1e400", "FLOAT inf"),
    ("2.5e-324", "FLOAT 5e-324"),
    ("0e0", "FLOAT 0.0"),
    ("3.141592653589793", "FLOAT 3.141592653589793"),
    ("1_000.5", "FLOAT 1000.5"),
    ("5j", "IMAGINARY 5.0j"),
    ("1.5J", "IMAGINARY 1.5j"),
    ("0j", "IMAGINARY 0.0j"),
]

/// String literals and the value Python gives them (`eval`).
let stringLiterals: [(String, String)] = [
    ("'abc'", "abc"),
    ("\"abc\"", "abc"),
    ("'a\\tb\\nc'", "a\tb\nc"),
    ("'\\\\'", "\\"),
    ("'\\''", "'"),
    ("\"\\\"\"", "\""),
    ("'\\x41\\x7a'", "Az"),
    ("'\\101\\0\\7'", "A\u{0}\u{7}"),
    ("'\\u00e9'", "é"),
    ("'\\U0001F600'", "😀"),
    ("'\\a\\b\\f\\v\\r'", "\u{7}\u{8}\u{c}\u{b}\u{d}"),
    ("'\\d\\w\\ '", "\\d\\w\\ "),
    ("r'\\n\\t'", "\\n\\t"),
    ("R'\\d'", "\\d"),
    ("r'\\''", "\\'"),
    ("u'x'", "x"),
    ("'''a'b\\\"c'''", "a'b\"c"),
    ("\"\"\"line1\nline2\"\"\"", "line1\nline2"),
    ("'a\\\nb'", "ab"),
    ("'é'", "é"),
    ("'日本'", "日本"),
    ("'\\u2603'", "☃"),
    ("''", ""),
    ("\"\"", ""),
    ("''''''", ""),
    ("'\\8'", "\\8"),
    ("'\\1234'", "S4"),
]

@Test func everyKeywordIsRecognized() {
    for k in Keyword.allCases {
        #expect(Lexer.tokenize(k.rawValue).first?.kind == .keyword(k))
        #expect(Lexer.tokenize(k.rawValue + "_").first?.kind == .name(k.rawValue + "_"))
    }
    #expect(Lexer.tokenize("match").first?.kind == .name("match"))
}

@Test func aLeadingByteOrderMarkIsIgnored() {
    #expect(parseDump("\u{FEFF}x = 1\n") == parseDump("x = 1\n"))
    #expect(parseDump("x = 1\n\u{FEFF}y = 2\n") == "SyntaxError: invalid non-printable character U+FEFF @2:1")
}

@Test func namedUnicodeEscapes() {
    #expect(Lexer.tokenize(#"'\N{bullet}\N{GREEK SMALL LETTER ALPHA}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GA}\N{GRINNING FACE}'"#).first?.kind
            == .string(StringToken(.string("•α一가😀"))))
    #expect(parseDump(#"x = '\N{NO SUCH NAME}'"#)
            == #"SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name @1:23"#)  // as CPython 3.11
}
