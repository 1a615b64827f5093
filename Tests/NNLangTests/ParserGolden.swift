import Testing
import NNLang

// Golden tests of the parser. The expected AST dumps and error messages/locations below were
// produced by CPython 3.11 (`ast.parse` rendered in ASTDump's format; `compile` for errors),
// except where a comment says nn deliberately differs.

/// The AST dump of `source`, or its syntax error as `Type: message @line:col`.
func parseDump(_ source: String, file: String = "t.nn", firstLine: Int = 1) -> String {
    do {
        return ASTDump.dump(try Parser.parse(source: source, file: file, firstLine: firstLine))
    } catch {
        return "\(error.typeName): \(error.message) @\(error.location.line):\(error.location.column)"
    }
}

/// Compares with a readable failure (source + both texts), reported at the caller's line.
func expectDump(_ source: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let got = parseDump(source)
    #expect(got == expected, "source: \(source.debugDescription)", sourceLocation: sourceLocation)
}

@Suite struct ParserGoldenAST {
    @Test func ast00() {
        expectDump("x = f\"{'a'}\"", #"""
        Assign @1:1-1:13
          Name x @1:1-1:2
          FString @1:5-1:13
            Field
              Str "a" @1:8-1:11

        """#)
    }
    @Test func ast01() {
        expectDump("x = f'{\"a\"}' f\"{'b'!r:^{w}}\"", #"""
        Assign @1:1-1:29
          Name x @1:1-1:2
          FString @1:5-1:29
            Field
              Str "a" @1:8-1:11
            Field !r
              Str "b" @1:17-1:20
              spec:
                Literal "^"
                Field
                  Name w @1:25-1:26

        """#)
    }
    @Test func ast02() {
        expectDump("x = f\"{x:>{w}.{p}f} and {y:{fill}<10}\"", #"""
        Assign @1:1-1:39
          Name x @1:1-1:2
          FString @1:5-1:39
            Field
              Name x @1:8-1:9
              spec:
                Literal ">"
                Field
                  Name w @1:12-1:13
                Literal "."
                Field
                  Name p @1:16-1:17
                Literal "f"
            Literal " and "
            Field
              Name y @1:26-1:27
              spec:
                Field
                  Name fill @1:29-1:33
                Literal "<10"

        """#)
    }
    @Test func ast03() {
        expectDump("x = f\"{3.14159:.2f}\"", #"""
        Assign @1:1-1:21
          Name x @1:1-1:2
          FString @1:5-1:21
            Field
              Float 3.14159 @1:8-1:15
              spec:
                Literal ".2f"

        """#)
    }
    @Test func ast04() {
        expectDump("x = f\"{x!s}{x!a}\"", #"""
        Assign @1:1-1:18
          Name x @1:1-1:2
          FString @1:5-1:18
            Field !s
              Name x @1:8-1:9
            Field !a
              Name x @1:13-1:14

        """#)
    }
    @Test func ast05() {
        expectDump("x = f\"{{{x}}}\"", #"""
        Assign @1:1-1:15
          Name x @1:1-1:2
          FString @1:5-1:15
            Literal "{"
            Field
              Name x @1:10-1:11
            Literal "}"

        """#)
    }
    @Test func ast06() {
        expectDump("x = f\"}}{{\"", #"""
        Assign @1:1-1:12
          Name x @1:1-1:2
          FString @1:5-1:12
            Literal "}{"

        """#)
    }
    @Test func ast07() {
        expectDump("x = f\"{x:{{}}}\"", #"""
        Assign @1:1-1:16
          Name x @1:1-1:2
          FString @1:5-1:16
            Field
              Name x @1:8-1:9
              spec:
                Field
                  Dict @1:11-1:13

        """#)
    }
    @Test func ast08() {
        expectDump("x = f\"a\\{x}\"", #"""
        Assign @1:1-1:13
          Name x @1:1-1:2
          FString @1:5-1:13
            Literal "a\\"
            Field
              Name x @1:10-1:11

        """#)
    }
    @Test func ast09() {
        expectDump("x = f\"\\\\{x}\"", #"""
        Assign @1:1-1:13
          Name x @1:1-1:2
          FString @1:5-1:13
            Literal "\\"
            Field
              Name x @1:10-1:11

        """#)
    }
    @Test func ast10() {
        expectDump("x = f\"{x:\\n}\"", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          FString @1:5-1:14
            Field
              Name x @1:8-1:9
              spec:
                Literal "\n"

        """#)
    }
    @Test func ast11() {
        expectDump("x = f\"\"\"\n{x}\n  {y:>3}\n\"\"\"", #"""
        Assign @1:1-4:4
          Name x @1:1-1:2
          FString @1:5-4:4
            Literal "\n"
            Field
              Name x @2:2-2:3
            Literal "\n  "
            Field
              Name y @3:4-3:5
              spec:
                Literal ">3"
            Literal "\n"

        """#)
    }
    @Test func ast12() {
        expectDump("x = f\"{ x = }\"", #"""
        Assign @1:1-1:15
          Name x @1:1-1:2
          FString @1:5-1:15
            Literal " x = "
            Field !r
              Name x @1:9-1:10

        """#)
    }
    @Test func ast13() {
        expectDump("x = f\"{x=:.3}\"", #"""
        Assign @1:1-1:15
          Name x @1:1-1:2
          FString @1:5-1:15
            Literal "x="
            Field
              Name x @1:8-1:9
              spec:
                Literal ".3"

        """#)
    }
    @Test func ast14() {
        expectDump("x = f\"{x=!s}\"", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          FString @1:5-1:14
            Literal "x="
            Field !s
              Name x @1:8-1:9

        """#)
    }
    @Test func ast15() {
        expectDump("x = f\"{x['a']=}\"", #"""
        Assign @1:1-1:17
          Name x @1:1-1:2
          FString @1:5-1:17
            Literal "x['a']="
            Field !r
              Subscript @1:8-1:14
                Name x @1:8-1:9
                Str "a" @1:10-1:13

        """#)
    }
    @Test func ast16() {
        expectDump("x = f\"{x:=^10}\"", #"""
        Assign @1:1-1:16
          Name x @1:1-1:2
          FString @1:5-1:16
            Field
              Name x @1:8-1:9
              spec:
                Literal "=^10"

        """#)
    }
    @Test func ast17() {
        expectDump("x = f\"{a:{b}}{c}\"", #"""
        Assign @1:1-1:18
          Name x @1:1-1:2
          FString @1:5-1:18
            Field
              Name a @1:8-1:9
              spec:
                Field
                  Name b @1:11-1:12
            Field
              Name c @1:15-1:16

        """#)
    }
    @Test func ast18() {
        expectDump("x = f\"{f'{x}'}\"", #"""
        Assign @1:1-1:16
          Name x @1:1-1:2
          FString @1:5-1:16
            Field
              FString @1:8-1:14
                Field
                  Name x @1:11-1:12

        """#)
    }
    @Test func ast19() {
        expectDump("x = f'{f\"{x}\"}'", #"""
        Assign @1:1-1:16
          Name x @1:1-1:2
          FString @1:5-1:16
            Field
              FString @1:8-1:14
                Field
                  Name x @1:11-1:12

        """#)
    }
    @Test func ast20() {
        expectDump("x = f\"{a if b else c}\"", #"""
        Assign @1:1-1:23
          Name x @1:1-1:2
          FString @1:5-1:23
            Field
              IfExp @1:8-1:21
                Name b @1:13-1:14
                Name a @1:8-1:9
                Name c @1:20-1:21

        """#)
    }
    @Test func ast21() {
        expectDump("x = f\"{[i for i in range(3)]}\"", #"""
        Assign @1:1-1:31
          Name x @1:1-1:2
          FString @1:5-1:31
            Field
              ListComp @1:8-1:29
                Name i @1:9-1:10
                for:
                  Name i @1:15-1:16
                  Call @1:20-1:28
                    Name range @1:20-1:25
                    Int 3 @1:26-1:27

        """#)
    }
    @Test func ast22() {
        expectDump("x = f\"{ {'a': 1}['a'] }\"", #"""
        Assign @1:1-1:25
          Name x @1:1-1:2
          FString @1:5-1:25
            Field
              Subscript @1:9-1:22
                Dict @1:9-1:17
                  Str "a" @1:10-1:13
                    Int 1 @1:15-1:16
                Str "a" @1:18-1:21

        """#)
    }
    @Test func ast23() {
        expectDump("x = f\"{x!r}\" \"lit\" f\"{y}\"", #"""
        Assign @1:1-1:26
          Name x @1:1-1:2
          FString @1:5-1:26
            Field !r
              Name x @1:8-1:9
            Literal "lit"
            Field
              Name y @1:23-1:24

        """#)
    }
    @Test func ast24() {
        expectDump("x = '\\u00e9\\U0001F600\\x41\\101\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'", #"""
        Assign @1:1-1:51
          Name x @1:1-1:2
          Str "é😀AA\n\t\\'\"\x07\x08\x0c\x0b\r" @1:5-1:51

        """#)
    }
    @Test func ast25() {
        expectDump("x = r'\\n\\'' + R\"\\d\" + u\"x\" + U'y' + Rb'\\x00' + bR\"a\" + rb'b' + BR'c'", #"""
        Assign @1:1-1:69
          Name x @1:1-1:2
          BinOp + @1:5-1:69
            BinOp + @1:5-1:61
              BinOp + @1:5-1:53
                BinOp + @1:5-1:45
                  BinOp + @1:5-1:34
                    BinOp + @1:5-1:27
                      BinOp + @1:5-1:20
                        Str "\\n\\'" @1:5-1:12
                        Str "\\d" @1:15-1:20
                      Str "x" @1:23-1:27
                    Str "y" @1:30-1:34
                  Bytes b"\\x00" @1:37-1:45
                Bytes b"a" @1:48-1:53
              Bytes b"b" @1:56-1:61
            Bytes b"c" @1:64-1:69

        """#)
    }
    @Test func ast26() {
        expectDump("x = b'\\x00\\xff\\n'", #"""
        Assign @1:1-1:18
          Name x @1:1-1:2
          Bytes b"\x00ÿ\n" @1:5-1:18

        """#)
    }
    @Test func ast27() {
        expectDump("x = '''a''' + \"\"\"b\"\"\"", #"""
        Assign @1:1-1:22
          Name x @1:1-1:2
          BinOp + @1:5-1:22
            Str "a" @1:5-1:12
            Str "b" @1:15-1:22

        """#)
    }
    @Test func ast28() {
        expectDump("x = 'a\\\nb'", #"""
        Assign @1:1-2:3
          Name x @1:1-1:2
          Str "ab" @1:5-2:3

        """#)
    }
    @Test func ast29() {
        expectDump("x = \"\"\"a\\\nb\"\"\"", #"""
        Assign @1:1-2:5
          Name x @1:1-1:2
          Str "ab" @1:5-2:5

        """#)
    }
    @Test func ast30() {
        expectDump("x = '\\d\\w'", #"""
        Assign @1:1-1:11
          Name x @1:1-1:2
          Str "\\d\\w" @1:5-1:11

        """#)
    }
    @Test func ast31() {
        expectDump("def f(a, /, b, *, c=1, **k):\n    global g\n    g = lambda *a, **k: (a, k)\n    return g", #"""
        FunctionDef f @1:1-4:13
          posonly a @1:7-1:8
          arg b @1:13-1:14
          kwonly c @1:19-1:20
            default:
              Int 1 @1:21-1:22
          kwarg k @1:26-1:27
          body:
            Global g @2:5-2:13
            Assign @3:5-3:31
              Name g @3:5-3:6
              Lambda @3:9-3:31
                vararg a @3:17-3:18
                kwarg k @3:22-3:23
                Tuple @3:25-3:31
                  Name a @3:26-3:27
                  Name k @3:29-3:30
            Return @4:5-4:13
              Name g @4:12-4:13

        """#)
    }
    @Test func ast32() {
        expectDump("x = [\n    i\n    for i in range(3)\n    if i\n]", #"""
        Assign @1:1-5:2
          Name x @1:1-1:2
          ListComp @1:5-5:2
            Name i @2:5-2:6
            for:
              Name i @3:9-3:10
              Call @3:14-3:22
                Name range @3:14-3:19
                Int 3 @3:20-3:21
              if:
                Name i @4:8-4:9

        """#)
    }
    @Test func ast33() {
        expectDump("def f(\n    a,\n    b=2,\n):\n    pass", #"""
        FunctionDef f @1:1-5:9
          arg a @2:5-2:6
          arg b @3:5-3:6
            default:
              Int 2 @3:7-3:8
          body:
            Pass @5:5-5:9

        """#)
    }
    @Test func ast34() {
        expectDump("if (a and\n        b):\n    pass", #"""
        If @1:1-3:9
          BoolOp and @1:5-2:10
            Name a @1:5-1:6
            Name b @2:9-2:10
          body:
            Pass @3:5-3:9

        """#)
    }
    @Test func ast35() {
        expectDump("x = a[..., None, 1:-1:2, :]", #"""
        Assign @1:1-1:28
          Name x @1:1-1:2
          Subscript @1:5-1:28
            Name a @1:5-1:6
            Tuple @1:7-1:27
              Ellipsis @1:7-1:10
              None @1:12-1:16
              Slice @1:18-1:24
                lower:
                  Int 1 @1:18-1:19
                upper:
                  UnaryOp - @1:20-1:22
                    Int 1 @1:21-1:22
                step:
                  Int 2 @1:23-1:24
              Slice @1:26-1:27

        """#)
    }
    @Test func ast36() {
        expectDump("x = a[:, 0]", #"""
        Assign @1:1-1:12
          Name x @1:1-1:2
          Subscript @1:5-1:12
            Name a @1:5-1:6
            Tuple @1:7-1:11
              Slice @1:7-1:8
              Int 0 @1:10-1:11

        """#)
    }
    @Test func ast37() {
        expectDump("x = a[()]", #"""
        Assign @1:1-1:10
          Name x @1:1-1:2
          Subscript @1:5-1:10
            Name a @1:5-1:6
            Tuple @1:7-1:9

        """#)
    }
    @Test func ast38() {
        expectDump("x = a[1,]", #"""
        Assign @1:1-1:10
          Name x @1:1-1:2
          Subscript @1:5-1:10
            Name a @1:5-1:6
            Tuple @1:7-1:9
              Int 1 @1:7-1:8

        """#)
    }
    @Test func ast39() {
        expectDump("a[i, j] += 1", #"""
        AugAssign += @1:1-1:13
          Subscript @1:1-1:8
            Name a @1:1-1:2
            Tuple @1:3-1:7
              Name i @1:3-1:4
              Name j @1:6-1:7
          Int 1 @1:12-1:13

        """#)
    }
    @Test func ast40() {
        expectDump("x, = y", #"""
        Assign @1:1-1:7
          Tuple @1:1-1:3
            Name x @1:1-1:2
          Name y @1:6-1:7

        """#)
    }
    @Test func ast41() {
        expectDump("[a, b] = c", #"""
        Assign @1:1-1:11
          List @1:1-1:7
            Name a @1:2-1:3
            Name b @1:5-1:6
          Name c @1:10-1:11

        """#)
    }
    @Test func ast42() {
        expectDump("a = [*b, c]", #"""
        Assign @1:1-1:12
          Name a @1:1-1:2
          List @1:5-1:12
            Starred @1:6-1:8
              Name b @1:7-1:8
            Name c @1:10-1:11

        """#)
    }
    @Test func ast43() {
        expectDump("a, (b, *c) = d", #"""
        Assign @1:1-1:15
          Tuple @1:1-1:11
            Name a @1:1-1:2
            Tuple @1:4-1:11
              Name b @1:5-1:6
              Starred @1:8-1:10
                Name c @1:9-1:10
          Name d @1:14-1:15

        """#)
    }
    @Test func ast44() {
        expectDump("for i, (a, b) in enumerate(zip(x, y)): pass", #"""
        For @1:1-1:44
          Tuple @1:5-1:14
            Name i @1:5-1:6
            Tuple @1:8-1:14
              Name a @1:9-1:10
              Name b @1:12-1:13
          Call @1:18-1:38
            Name enumerate @1:18-1:27
            Call @1:28-1:37
              Name zip @1:28-1:31
              Name x @1:32-1:33
              Name y @1:35-1:36
          body:
            Pass @1:40-1:44

        """#)
    }
    @Test func ast45() {
        expectDump("x = not a == b", #"""
        Assign @1:1-1:15
          Name x @1:1-1:2
          UnaryOp not @1:5-1:15
            Compare == @1:9-1:15
              Name a @1:9-1:10
              Name b @1:14-1:15

        """#)
    }
    @Test func ast46() {
        expectDump("x = a if not b else c or d and e", #"""
        Assign @1:1-1:33
          Name x @1:1-1:2
          IfExp @1:5-1:33
            UnaryOp not @1:10-1:15
              Name b @1:14-1:15
            Name a @1:5-1:6
            BoolOp or @1:21-1:33
              Name c @1:21-1:22
              BoolOp and @1:26-1:33
                Name d @1:26-1:27
                Name e @1:32-1:33

        """#)
    }
    @Test func ast47() {
        expectDump("x = -a.b ** -c[d]", #"""
        Assign @1:1-1:18
          Name x @1:1-1:2
          UnaryOp - @1:5-1:18
            BinOp ** @1:6-1:18
              Attribute .b @1:6-1:9
                Name a @1:6-1:7
              UnaryOp - @1:13-1:18
                Subscript @1:14-1:18
                  Name c @1:14-1:15
                  Name d @1:16-1:17

        """#)
    }
    @Test func ast48() {
        expectDump("x = a ** b ** c", #"""
        Assign @1:1-1:16
          Name x @1:1-1:2
          BinOp ** @1:5-1:16
            Name a @1:5-1:6
            BinOp ** @1:10-1:16
              Name b @1:10-1:11
              Name c @1:15-1:16

        """#)
    }
    @Test func ast49() {
        expectDump("x = a - b - c + d", #"""
        Assign @1:1-1:18
          Name x @1:1-1:2
          BinOp + @1:5-1:18
            BinOp - @1:5-1:14
              BinOp - @1:5-1:10
                Name a @1:5-1:6
                Name b @1:9-1:10
              Name c @1:13-1:14
            Name d @1:17-1:18

        """#)
    }
    @Test func ast50() {
        expectDump("x = (a, b)[0]", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          Subscript @1:5-1:14
            Tuple @1:5-1:11
              Name a @1:6-1:7
              Name b @1:9-1:10
            Int 0 @1:12-1:13

        """#)
    }
    @Test func ast51() {
        expectDump("x = 1 < 2 == 2 > 1 >= 0 <= 5 != 6", #"""
        Assign @1:1-1:34
          Name x @1:1-1:2
          Compare < == > >= <= != @1:5-1:34
            Int 1 @1:5-1:6
            Int 2 @1:9-1:10
            Int 2 @1:14-1:15
            Int 1 @1:18-1:19
            Int 0 @1:23-1:24
            Int 5 @1:28-1:29
            Int 6 @1:33-1:34

        """#)
    }
    @Test func ast52() {
        expectDump("x = a is None or b is not None", #"""
        Assign @1:1-1:31
          Name x @1:1-1:2
          BoolOp or @1:5-1:31
            Compare is @1:5-1:14
              Name a @1:5-1:6
              None @1:10-1:14
            Compare is not @1:18-1:31
              Name b @1:18-1:19
              None @1:27-1:31

        """#)
    }
    @Test func ast53() {
        expectDump("x = a not in b and c in d", #"""
        Assign @1:1-1:26
          Name x @1:1-1:2
          BoolOp and @1:5-1:26
            Compare not in @1:5-1:15
              Name a @1:5-1:6
              Name b @1:14-1:15
            Compare in @1:20-1:26
              Name c @1:20-1:21
              Name d @1:25-1:26

        """#)
    }
    @Test func ast54() {
        expectDump("x = {1, 2, 3}", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          Set @1:5-1:14
            Int 1 @1:6-1:7
            Int 2 @1:9-1:10
            Int 3 @1:12-1:13

        """#)
    }
    @Test func ast55() {
        expectDump("x = {}", #"""
        Assign @1:1-1:7
          Name x @1:1-1:2
          Dict @1:5-1:7

        """#)
    }
    @Test func ast56() {
        expectDump("x = {'a': 1, 'b': [1, 2], 'c': {'d': ()}}", #"""
        Assign @1:1-1:42
          Name x @1:1-1:2
          Dict @1:5-1:42
            Str "a" @1:6-1:9
              Int 1 @1:11-1:12
            Str "b" @1:14-1:17
              List @1:19-1:25
                Int 1 @1:20-1:21
                Int 2 @1:23-1:24
            Str "c" @1:27-1:30
              Dict @1:32-1:41
                Str "d" @1:33-1:36
                  Tuple @1:38-1:40

        """#)
    }
    @Test func ast57() {
        expectDump("x = ()", #"""
        Assign @1:1-1:7
          Name x @1:1-1:2
          Tuple @1:5-1:7

        """#)
    }
    @Test func ast58() {
        expectDump("x = (1)", #"""
        Assign @1:1-1:8
          Name x @1:1-1:2
          Int 1 @1:6-1:7

        """#)
    }
    @Test func ast59() {
        expectDump("x = ((1, 2),)", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          Tuple @1:5-1:14
            Tuple @1:6-1:12
              Int 1 @1:7-1:8
              Int 2 @1:10-1:11

        """#)
    }
    @Test func ast60() {
        expectDump("print(*args, **kwargs)", #"""
        Expr @1:1-1:23
          Call @1:1-1:23
            Name print @1:1-1:6
            *args
              Name args @1:8-1:12
            **kwargs
              Name kwargs @1:16-1:22

        """#)
    }
    @Test func ast61() {
        expectDump("f(a)(b)(c)", #"""
        Expr @1:1-1:11
          Call @1:1-1:11
            Call @1:1-1:8
              Call @1:1-1:5
                Name f @1:1-1:2
                Name a @1:3-1:4
              Name b @1:6-1:7
            Name c @1:9-1:10

        """#)
    }
    @Test func ast62() {
        expectDump("x.y.z = 1", #"""
        Assign @1:1-1:10
          Attribute .z @1:1-1:6
            Attribute .y @1:1-1:4
              Name x @1:1-1:2
          Int 1 @1:9-1:10

        """#)
    }
    @Test func ast63() {
        expectDump("del x[0]", #"""
        Delete @1:1-1:9
          Subscript @1:5-1:9
            Name x @1:5-1:6
            Int 0 @1:7-1:8

        """#)
    }
    @Test func ast64() {
        expectDump("def f():\n    def g():\n        nonlocal x\n        x = 1\n    x = 0", #"""
        FunctionDef f @1:1-5:10
          body:
            FunctionDef g @2:5-4:14
              body:
                Nonlocal x @3:9-3:19
                Assign @4:9-4:14
                  Name x @4:9-4:10
                  Int 1 @4:13-4:14
            Assign @5:5-5:10
              Name x @5:5-5:6
              Int 0 @5:9-5:10

        """#)
    }
    @Test func ast65() {
        expectDump("while True:\n    if x: break\n    elif y: continue\nelse:\n    pass", #"""
        While @1:1-5:9
          True @1:7-1:11
          body:
            If @2:5-3:21
              Name x @2:8-2:9
              body:
                Break @2:11-2:16
              orelse:
                If @3:5-3:21
                  Name y @3:10-3:11
                  body:
                    Continue @3:13-3:21
          orelse:
            Pass @5:5-5:9

        """#)
    }
    @Test func ast66() {
        expectDump("for x in y:\n    pass\nelse:\n    z = 1", #"""
        For @1:1-4:10
          Name x @1:5-1:6
          Name y @1:10-1:11
          body:
            Pass @2:5-2:9
          orelse:
            Assign @4:5-4:10
              Name z @4:5-4:6
              Int 1 @4:9-4:10

        """#)
    }
    @Test func ast67() {
        expectDump("class A:\n    \"\"\"Doc.\"\"\"\n    x: int = 0\n    y: list\n    def f(self) -> None: ...", #"""
        ClassDef A @1:1-5:29
          body:
            Expr @2:5-2:15
              Str "Doc." @2:5-2:15
            AnnAssign @3:5-3:15
              Name x @3:5-3:6
              Name int @3:8-3:11
              Int 0 @3:14-3:15
            AnnAssign @4:5-4:12
              Name y @4:5-4:6
              Name list @4:8-4:12
            FunctionDef f @5:5-5:29
              arg self @5:11-5:15
              returns:
                None @5:20-5:24
              body:
                Expr @5:26-5:29
                  Ellipsis @5:26-5:29

        """#)
    }
    @Test func ast68() {
        expectDump("@property\ndef x(self): return self._x", #"""
        FunctionDef x @2:1-2:28
          decorators:
            Name property @1:2-1:10
          arg self @2:7-2:11
          body:
            Return @2:14-2:28
              Attribute ._x @2:21-2:28
                Name self @2:21-2:25

        """#)
    }
    @Test func ast69() {
        expectDump("@a.b(c)\nclass C: pass", #"""
        ClassDef C @2:1-2:14
          decorators:
            Call @1:2-1:8
              Attribute .b @1:2-1:5
                Name a @1:2-1:3
              Name c @1:6-1:7
          body:
            Pass @2:10-2:14

        """#)
    }
    @Test func ast70() {
        expectDump("try:\n    pass\nexcept Exception:\n    raise", #"""
        Try @1:1-4:10
          body:
            Pass @2:5-2:9
          ExceptHandler @3:1-4:10
            Name Exception @3:8-3:17
            body:
              Raise @4:5-4:10

        """#)
    }
    @Test func ast71() {
        expectDump("try:\n    pass\nexcept:\n    pass", #"""
        Try @1:1-4:9
          body:
            Pass @2:5-2:9
          ExceptHandler @3:1-4:9
            body:
              Pass @4:5-4:9

        """#)
    }
    @Test func ast72() {
        expectDump("try:\n    pass\nfinally:\n    pass", #"""
        Try @1:1-4:9
          body:
            Pass @2:5-2:9
          finally:
            Pass @4:5-4:9

        """#)
    }
    @Test func ast73() {
        expectDump("with a, b as c:\n    pass", #"""
        With @1:1-2:9
          item:
            Name a @1:6-1:7
          item:
            Name b @1:9-1:10
            Name c @1:14-1:15
          body:
            Pass @2:5-2:9

        """#)
    }
    @Test func ast74() {
        expectDump("with a as (b, c):\n    pass", #"""
        With @1:1-2:9
          item:
            Name a @1:6-1:7
            Tuple @1:11-1:17
              Name b @1:12-1:13
              Name c @1:15-1:16
          body:
            Pass @2:5-2:9

        """#)
    }
    @Test func ast75() {
        expectDump("with a as b.c:\n    pass", #"""
        With @1:1-2:9
          item:
            Name a @1:6-1:7
            Attribute .c @1:11-1:14
              Name b @1:11-1:12
          body:
            Pass @2:5-2:9

        """#)
    }
    @Test func ast76() {
        expectDump("raise ValueError", #"""
        Raise @1:1-1:17
          Name ValueError @1:7-1:17

        """#)
    }
    @Test func ast77() {
        expectDump("assert x", #"""
        Assert @1:1-1:9
          Name x @1:8-1:9

        """#)
    }
    @Test func ast78() {
        expectDump("import a.b.c", #"""
        Import a.b.c @1:1-1:13

        """#)
    }
    @Test func ast79() {
        expectDump("from a.b import c as d, e", #"""
        ImportFrom a.b: c as d, e @1:1-1:26

        """#)
    }
    @Test func ast80() {
        expectDump("from .. import x", #"""
        ImportFrom ..: x @1:1-1:17

        """#)
    }
    @Test func ast81() {
        expectDump("from ...a import x", #"""
        ImportFrom ...a: x @1:1-1:19

        """#)
    }
    @Test func ast82() {
        expectDump("from math import *", #"""
        ImportFrom math: * @1:1-1:19

        """#)
    }
    @Test func ast83() {
        expectDump("x = 1 \\\n  + 2 \\\n  + 3", #"""
        Assign @1:1-3:6
          Name x @1:1-1:2
          BinOp + @1:5-3:6
            BinOp + @1:5-2:6
              Int 1 @1:5-1:6
              Int 2 @2:5-2:6
            Int 3 @3:5-3:6

        """#)
    }
    @Test func ast84() {
        expectDump("x = (1 +\n     2)", #"""
        Assign @1:1-2:8
          Name x @1:1-1:2
          BinOp + @1:6-2:7
            Int 1 @1:6-1:7
            Int 2 @2:6-2:7

        """#)
    }
    @Test func ast85() {
        expectDump("if x:\n  if y:\n      a\n  b", #"""
        If @1:1-4:4
          Name x @1:4-1:5
          body:
            If @2:3-3:8
              Name y @2:6-2:7
              body:
                Expr @3:7-3:8
                  Name a @3:7-3:8
            Expr @4:3-4:4
              Name b @4:3-4:4

        """#)
    }
    @Test func ast86() {
        expectDump("if x:\n\ta\n\tb", #"""
        If @1:1-3:3
          Name x @1:4-1:5
          body:
            Expr @2:2-2:3
              Name a @2:2-2:3
            Expr @3:2-3:3
              Name b @3:2-3:3

        """#)
    }
    @Test func ast87() {
        expectDump("def f(): pass\ndef g(): pass", #"""
        FunctionDef f @1:1-1:14
          body:
            Pass @1:10-1:14
        FunctionDef g @2:1-2:14
          body:
            Pass @2:10-2:14

        """#)
    }
    @Test func ast88() {
        expectDump("x = 1\n\t\ny = 2", #"""
        Assign @1:1-1:6
          Name x @1:1-1:2
          Int 1 @1:5-1:6
        Assign @3:1-3:6
          Name y @3:1-3:2
          Int 2 @3:5-3:6

        """#)
    }
    @Test func ast89() {
        expectDump("x = 1\n\n", #"""
        Assign @1:1-1:6
          Name x @1:1-1:2
          Int 1 @1:5-1:6

        """#)
    }
    @Test func ast90() {
        expectDump("x = 1  # c\n  # comment indented differently\ny = 2\n", #"""
        Assign @1:1-1:6
          Name x @1:1-1:2
          Int 1 @1:5-1:6
        Assign @3:1-3:6
          Name y @3:1-3:2
          Int 2 @3:5-3:6

        """#)
    }
    @Test func ast91() {
        expectDump("x = lambda a=1, *b, c=2, **d: a", #"""
        Assign @1:1-1:32
          Name x @1:1-1:2
          Lambda @1:5-1:32
            arg a @1:12-1:13
              default:
                Int 1 @1:14-1:15
            vararg b @1:18-1:19
            kwonly c @1:21-1:22
              default:
                Int 2 @1:23-1:24
            kwarg d @1:28-1:29
            Name a @1:31-1:32

        """#)
    }
    @Test func ast92() {
        expectDump("x = a[*b]", #"""
        Assign @1:1-1:10
          Name x @1:1-1:2
          Subscript @1:5-1:10
            Name a @1:5-1:6
            Tuple @1:7-1:9
              Starred @1:7-1:9
                Name b @1:8-1:9

        """#)
    }
    @Test func ast93() {
        expectDump("*a, = x", #"""
        Assign @1:1-1:8
          Tuple @1:1-1:4
            Starred @1:1-1:3
              Name a @1:2-1:3
          Name x @1:7-1:8

        """#)
    }
    @Test func ast94() {
        expectDump("x = a[1:2][3]", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          Subscript @1:5-1:14
            Subscript @1:5-1:11
              Name a @1:5-1:6
              Slice @1:7-1:10
                lower:
                  Int 1 @1:7-1:8
                upper:
                  Int 2 @1:9-1:10
            Int 3 @1:12-1:13

        """#)
    }
    @Test func ast95() {
        expectDump("x = not a in b", #"""
        Assign @1:1-1:15
          Name x @1:1-1:2
          UnaryOp not @1:5-1:15
            Compare in @1:9-1:15
              Name a @1:9-1:10
              Name b @1:14-1:15

        """#)
    }
    @Test func ast96() {
        expectDump("x = a if b else lambda: c", #"""
        Assign @1:1-1:26
          Name x @1:1-1:2
          IfExp @1:5-1:26
            Name b @1:10-1:11
            Name a @1:5-1:6
            Lambda @1:17-1:26
              Name c @1:25-1:26

        """#)
    }
    @Test func ast97() {
        expectDump("for x in *a, *b: pass", #"""
        For @1:1-1:22
          Name x @1:5-1:6
          Tuple @1:10-1:16
            Starred @1:10-1:12
              Name a @1:11-1:12
            Starred @1:14-1:16
              Name b @1:15-1:16
          body:
            Pass @1:18-1:22

        """#)
    }
    @Test func ast98() {
        expectDump("def f(): return *a, *b", #"""
        FunctionDef f @1:1-1:23
          body:
            Return @1:10-1:23
              Tuple @1:17-1:23
                Starred @1:17-1:19
                  Name a @1:18-1:19
                Starred @1:21-1:23
                  Name b @1:22-1:23

        """#)
    }
    @Test func ast99() {
        expectDump("del (a), [b]", #"""
        Delete @1:1-1:13
          Name a @1:6-1:7
          List @1:10-1:13
            Name b @1:11-1:12

        """#)
    }
    @Test func ast100() {
        expectDump("with (a): pass", #"""
        With @1:1-1:15
          item:
            Name a @1:7-1:8
          body:
            Pass @1:11-1:15

        """#)
    }
    @Test func ast101() {
        expectDump("with (a, b): pass", #"""
        With @1:1-1:18
          item:
            Name a @1:7-1:8
          item:
            Name b @1:10-1:11
          body:
            Pass @1:14-1:18

        """#)
    }
    @Test func ast102() {
        expectDump("with (a as b): pass", #"""
        With @1:1-1:20
          item:
            Name a @1:7-1:8
            Name b @1:12-1:13
          body:
            Pass @1:16-1:20

        """#)
    }
    @Test func ast103() {
        expectDump("with (a as b, c as d,): pass", #"""
        With @1:1-1:29
          item:
            Name a @1:7-1:8
            Name b @1:12-1:13
          item:
            Name c @1:15-1:16
            Name d @1:20-1:21
          body:
            Pass @1:25-1:29

        """#)
    }
    @Test func ast104() {
        expectDump("f(*a or b)", #"""
        Expr @1:1-1:11
          Call @1:1-1:11
            Name f @1:1-1:2
            *args
              BoolOp or @1:4-1:10
                Name a @1:4-1:5
                Name b @1:9-1:10

        """#)
    }
    @Test func ast105() {
        expectDump("f(**a or b)", #"""
        Expr @1:1-1:12
          Call @1:1-1:12
            Name f @1:1-1:2
            **kwargs
              BoolOp or @1:5-1:11
                Name a @1:5-1:6
                Name b @1:10-1:11

        """#)
    }
    @Test func ast106() {
        expectDump("x = (*a, b)", #"""
        Assign @1:1-1:12
          Name x @1:1-1:2
          Tuple @1:5-1:12
            Starred @1:6-1:8
              Name a @1:7-1:8
            Name b @1:10-1:11

        """#)
    }
    @Test func ast107() {
        expectDump("x = *a, *b", #"""
        Assign @1:1-1:11
          Name x @1:1-1:2
          Tuple @1:5-1:11
            Starred @1:5-1:7
              Name a @1:6-1:7
            Starred @1:9-1:11
              Name b @1:10-1:11

        """#)
    }
    @Test func ast108() {
        expectDump("a = b = *c,", #"""
        Assign @1:1-1:12
          Name a @1:1-1:2
          Name b @1:5-1:6
          Tuple @1:9-1:12
            Starred @1:9-1:11
              Name c @1:10-1:11

        """#)
    }
    @Test func ast109() {
        expectDump("x = -1 ** 2", #"""
        Assign @1:1-1:12
          Name x @1:1-1:2
          UnaryOp - @1:5-1:12
            BinOp ** @1:6-1:12
              Int 1 @1:6-1:7
              Int 2 @1:11-1:12

        """#)
    }
    @Test func ast110() {
        expectDump("x = 1 if 2 else 3 if 4 else 5", #"""
        Assign @1:1-1:30
          Name x @1:1-1:2
          IfExp @1:5-1:30
            Int 2 @1:10-1:11
            Int 1 @1:5-1:6
            IfExp @1:17-1:30
              Int 4 @1:22-1:23
              Int 3 @1:17-1:18
              Int 5 @1:29-1:30

        """#)
    }
    @Test func ast111() {
        expectDump("x = lambda *, a: a", #"""
        Assign @1:1-1:19
          Name x @1:1-1:2
          Lambda @1:5-1:19
            kwonly a @1:15-1:16
            Name a @1:18-1:19

        """#)
    }
    @Test func ast112() {
        expectDump("x = lambda a, /: a", #"""
        Assign @1:1-1:19
          Name x @1:1-1:2
          Lambda @1:5-1:19
            posonly a @1:12-1:13
            Name a @1:18-1:19

        """#)
    }
    @Test func ast113() {
        expectDump("def f(a, /): pass", #"""
        FunctionDef f @1:1-1:18
          posonly a @1:7-1:8
          body:
            Pass @1:14-1:18

        """#)
    }
    @Test func ast114() {
        expectDump("def f(*, a): pass", #"""
        FunctionDef f @1:1-1:18
          kwonly a @1:10-1:11
          body:
            Pass @1:14-1:18

        """#)
    }
    @Test func ast115() {
        expectDump("def f(*a, b=1): pass", #"""
        FunctionDef f @1:1-1:21
          vararg a @1:8-1:9
          kwonly b @1:11-1:12
            default:
              Int 1 @1:13-1:14
          body:
            Pass @1:17-1:21

        """#)
    }
    @Test func ast116() {
        expectDump("def f(a=1, *b, c): pass", #"""
        FunctionDef f @1:1-1:24
          arg a @1:7-1:8
            default:
              Int 1 @1:9-1:10
          vararg b @1:13-1:14
          kwonly c @1:16-1:17
          body:
            Pass @1:20-1:24

        """#)
    }
    @Test func ast117() {
        expectDump("f(a for a in b)", #"""
        Expr @1:1-1:16
          Call @1:1-1:16
            Name f @1:1-1:2
            GeneratorExp @1:2-1:16
              Name a @1:3-1:4
              for:
                Name a @1:9-1:10
                Name b @1:14-1:15

        """#)
    }
    @Test func ast118() {
        expectDump("f((a for a in b), c)", #"""
        Expr @1:1-1:21
          Call @1:1-1:21
            Name f @1:1-1:2
            GeneratorExp @1:3-1:17
              Name a @1:4-1:5
              for:
                Name a @1:10-1:11
                Name b @1:15-1:16
            Name c @1:19-1:20

        """#)
    }
    @Test func ast119() {
        expectDump("@a.b[c]\ndef f(): pass", #"""
        FunctionDef f @2:1-2:14
          decorators:
            Subscript @1:2-1:8
              Attribute .b @1:2-1:5
                Name a @1:2-1:3
              Name c @1:6-1:7
          body:
            Pass @2:10-2:14

        """#)
    }
    @Test func ast120() {
        expectDump("@(a)\ndef f(): pass", #"""
        FunctionDef f @2:1-2:14
          decorators:
            Name a @1:3-1:4
          body:
            Pass @2:10-2:14

        """#)
    }
    @Test func ast121() {
        expectDump("class A(): pass", #"""
        ClassDef A @1:1-1:16
          body:
            Pass @1:12-1:16

        """#)
    }
    @Test func ast122() {
        expectDump("class A(*b, **c): pass", #"""
        ClassDef A @1:1-1:23
          bases:
            *args
              Name b @1:10-1:11
            **kwargs
              Name c @1:15-1:16
          body:
            Pass @1:19-1:23

        """#)
    }
    @Test func ast123() {
        expectDump("x = [i for i in a for j in b if c if d]", #"""
        Assign @1:1-1:40
          Name x @1:1-1:2
          ListComp @1:5-1:40
            Name i @1:6-1:7
            for:
              Name i @1:12-1:13
              Name a @1:17-1:18
            for:
              Name j @1:23-1:24
              Name b @1:28-1:29
              if:
                Name c @1:33-1:34
              if:
                Name d @1:38-1:39

        """#)
    }
    @Test func ast124() {
        expectDump("x = {a: b for a, b in c}", #"""
        Assign @1:1-1:25
          Name x @1:1-1:2
          DictComp @1:5-1:25
            Name a @1:6-1:7
            Name b @1:9-1:10
            for:
              Tuple @1:15-1:19
                Name a @1:15-1:16
                Name b @1:18-1:19
              Name c @1:23-1:24

        """#)
    }
    @Test func ast125() {
        expectDump("x[a, b:c, ...]", #"""
        Expr @1:1-1:15
          Subscript @1:1-1:15
            Name x @1:1-1:2
            Tuple @1:3-1:14
              Name a @1:3-1:4
              Slice @1:6-1:9
                lower:
                  Name b @1:6-1:7
                upper:
                  Name c @1:8-1:9
              Ellipsis @1:11-1:14

        """#)
    }
    @Test func ast126() {
        expectDump("x[:]", #"""
        Expr @1:1-1:5
          Subscript @1:1-1:5
            Name x @1:1-1:2
            Slice @1:3-1:4

        """#)
    }
    @Test func ast127() {
        expectDump("x[::-1]", #"""
        Expr @1:1-1:8
          Subscript @1:1-1:8
            Name x @1:1-1:2
            Slice @1:3-1:7
              step:
                UnaryOp - @1:5-1:7
                  Int 1 @1:6-1:7

        """#)
    }
    @Test func ast128() {
        expectDump("x[1:2, 3]", #"""
        Expr @1:1-1:10
          Subscript @1:1-1:10
            Name x @1:1-1:2
            Tuple @1:3-1:9
              Slice @1:3-1:6
                lower:
                  Int 1 @1:3-1:4
                upper:
                  Int 2 @1:5-1:6
              Int 3 @1:8-1:9

        """#)
    }
    @Test func ast129() {
        expectDump("assert (a, b)", #"""
        Assert @1:1-1:14
          Tuple @1:8-1:14
            Name a @1:9-1:10
            Name b @1:12-1:13

        """#)
    }
    @Test func ast130() {
        expectDump("raise a from None", #"""
        Raise @1:1-1:18
          Name a @1:7-1:8
          from:
            None @1:14-1:18

        """#)
    }
    @Test func ast131() {
        expectDump("import a as b, c.d as e", #"""
        Import a as b, c.d as e @1:1-1:24

        """#)
    }
    @Test func ast132() {
        expectDump("from .a.b import (c)", #"""
        ImportFrom .a.b: c @1:1-1:21

        """#)
    }
    @Test func ast133() {
        expectDump("global a; global b", #"""
        Global a @1:1-1:9
        Global b @1:11-1:19

        """#)
    }
    @Test func ast134() {
        expectDump("if a: pass\nelif b: pass\nelif c: pass\nelse: pass", #"""
        If @1:1-4:11
          Name a @1:4-1:5
          body:
            Pass @1:7-1:11
          orelse:
            If @2:1-4:11
              Name b @2:6-2:7
              body:
                Pass @2:9-2:13
              orelse:
                If @3:1-4:11
                  Name c @3:6-3:7
                  body:
                    Pass @3:9-3:13
                  orelse:
                    Pass @4:7-4:11

        """#)
    }
    @Test func ast135() {
        expectDump("try:\n pass\nexcept A as e:\n pass\nexcept (B, C):\n pass\nelse:\n pass\nfinally:\n pass", #"""
        Try @1:1-10:6
          body:
            Pass @2:2-2:6
          ExceptHandler as e @3:1-4:6
            Name A @3:8-3:9
            body:
              Pass @4:2-4:6
          ExceptHandler @5:1-6:6
            Tuple @5:8-5:14
              Name B @5:9-5:10
              Name C @5:12-5:13
            body:
              Pass @6:2-6:6
          orelse:
            Pass @8:2-8:6
          finally:
            Pass @10:2-10:6

        """#)
    }
    @Test func ast136() {
        expectDump("while a: break\nelse: pass", #"""
        While @1:1-2:11
          Name a @1:7-1:8
          body:
            Break @1:10-1:15
          orelse:
            Pass @2:7-2:11

        """#)
    }
    @Test func ast137() {
        expectDump("x: 'int'", #"""
        AnnAssign @1:1-1:9
          Name x @1:1-1:2
          Str "int" @1:4-1:9

        """#)
    }
    @Test func ast138() {
        expectDump("x.y: int = 1", #"""
        AnnAssign @1:1-1:13
          Attribute .y @1:1-1:4
            Name x @1:1-1:2
          Name int @1:6-1:9
          Int 1 @1:12-1:13

        """#)
    }
    @Test func ast139() {
        expectDump("x[0]: int", #"""
        AnnAssign @1:1-1:10
          Subscript @1:1-1:5
            Name x @1:1-1:2
            Int 0 @1:3-1:4
          Name int @1:7-1:10

        """#)
    }
    @Test func ast140() {
        expectDump("a, b = b, a", #"""
        Assign @1:1-1:12
          Tuple @1:1-1:5
            Name a @1:1-1:2
            Name b @1:4-1:5
          Tuple @1:8-1:12
            Name b @1:8-1:9
            Name a @1:11-1:12

        """#)
    }
    @Test func ast141() {
        expectDump("x = ('a'\n     'b')", #"""
        Assign @1:1-2:10
          Name x @1:1-1:2
          Str "ab" @1:6-2:9

        """#)
    }
    @Test func ast142() {
        expectDump("x = a.b.c.d", #"""
        Assign @1:1-1:12
          Name x @1:1-1:2
          Attribute .d @1:5-1:12
            Attribute .c @1:5-1:10
              Attribute .b @1:5-1:8
                Name a @1:5-1:6

        """#)
    }
    @Test func ast143() {
        expectDump("x = a()[0].b(c=1)", #"""
        Assign @1:1-1:18
          Name x @1:1-1:2
          Call @1:5-1:18
            Attribute .b @1:5-1:13
              Subscript @1:5-1:11
                Call @1:5-1:8
                  Name a @1:5-1:6
                Int 0 @1:9-1:10
            keyword c @1:14-1:17
              Int 1 @1:16-1:17

        """#)
    }
    @Test func ast144() {
        expectDump("x = a < b > c", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          Compare < > @1:5-1:14
            Name a @1:5-1:6
            Name b @1:9-1:10
            Name c @1:13-1:14

        """#)
    }
    @Test func ast145() {
        expectDump("x = a or b and not c", #"""
        Assign @1:1-1:21
          Name x @1:1-1:2
          BoolOp or @1:5-1:21
            Name a @1:5-1:6
            BoolOp and @1:10-1:21
              Name b @1:10-1:11
              UnaryOp not @1:16-1:21
                Name c @1:20-1:21

        """#)
    }
    @Test func ast146() {
        expectDump("x = (a or b) and c", #"""
        Assign @1:1-1:19
          Name x @1:1-1:2
          BoolOp and @1:5-1:19
            BoolOp or @1:6-1:12
              Name a @1:6-1:7
              Name b @1:11-1:12
            Name c @1:18-1:19

        """#)
    }
    @Test func ast147() {
        expectDump("x = a ** -b ** c", #"""
        Assign @1:1-1:17
          Name x @1:1-1:2
          BinOp ** @1:5-1:17
            Name a @1:5-1:6
            UnaryOp - @1:10-1:17
              BinOp ** @1:11-1:17
                Name b @1:11-1:12
                Name c @1:16-1:17

        """#)
    }
    @Test func ast148() {
        expectDump("x = ~a ** b", #"""
        Assign @1:1-1:12
          Name x @1:1-1:2
          UnaryOp ~ @1:5-1:12
            BinOp ** @1:6-1:12
              Name a @1:6-1:7
              Name b @1:11-1:12

        """#)
    }
    @Test func ast149() {
        expectDump("x = a @ b @ c", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          BinOp @ @1:5-1:14
            BinOp @ @1:5-1:10
              Name a @1:5-1:6
              Name b @1:9-1:10
            Name c @1:13-1:14

        """#)
    }
    @Test func ast150() {
        expectDump("x = a // b % c * d / e", #"""
        Assign @1:1-1:23
          Name x @1:1-1:2
          BinOp / @1:5-1:23
            BinOp * @1:5-1:19
              BinOp % @1:5-1:15
                BinOp // @1:5-1:11
                  Name a @1:5-1:6
                  Name b @1:10-1:11
                Name c @1:14-1:15
              Name d @1:18-1:19
            Name e @1:22-1:23

        """#)
    }
    @Test func ast151() {
        expectDump("x = a << b + c >> d", #"""
        Assign @1:1-1:20
          Name x @1:1-1:2
          BinOp >> @1:5-1:20
            BinOp << @1:5-1:15
              Name a @1:5-1:6
              BinOp + @1:10-1:15
                Name b @1:10-1:11
                Name c @1:14-1:15
            Name d @1:19-1:20

        """#)
    }
    @Test func ast152() {
        expectDump("x = a & b | c ^ d", #"""
        Assign @1:1-1:18
          Name x @1:1-1:2
          BinOp | @1:5-1:18
            BinOp & @1:5-1:10
              Name a @1:5-1:6
              Name b @1:9-1:10
            BinOp ^ @1:13-1:18
              Name c @1:13-1:14
              Name d @1:17-1:18

        """#)
    }
    @Test func ast153() {
        expectDump("x = [\n]", #"""
        Assign @1:1-2:2
          Name x @1:1-1:2
          List @1:5-2:2

        """#)
    }
    @Test func ast154() {
        expectDump("x = {\n}", #"""
        Assign @1:1-2:2
          Name x @1:1-1:2
          Dict @1:5-2:2

        """#)
    }
    @Test func ast155() {
        expectDump("x = (\n)", #"""
        Assign @1:1-2:2
          Name x @1:1-1:2
          Tuple @1:5-2:2

        """#)
    }
    @Test func ast156() {
        expectDump("f(\n)", #"""
        Expr @1:1-2:2
          Call @1:1-2:2
            Name f @1:1-1:2

        """#)
    }
    @Test func ast157() {
        expectDump("f(a,)", #"""
        Expr @1:1-1:6
          Call @1:1-1:6
            Name f @1:1-1:2
            Name a @1:3-1:4

        """#)
    }
    @Test func ast158() {
        expectDump("f(*a,)", #"""
        Expr @1:1-1:7
          Call @1:1-1:7
            Name f @1:1-1:2
            *args
              Name a @1:4-1:5

        """#)
    }
    @Test func ast159() {
        expectDump("f(a=1,)", #"""
        Expr @1:1-1:8
          Call @1:1-1:8
            Name f @1:1-1:2
            keyword a @1:3-1:6
              Int 1 @1:5-1:6

        """#)
    }
    @Test func ast160() {
        expectDump("f(**a,)", #"""
        Expr @1:1-1:8
          Call @1:1-1:8
            Name f @1:1-1:2
            **kwargs
              Name a @1:5-1:6

        """#)
    }
    @Test func ast161() {
        expectDump("def f(a,): pass", #"""
        FunctionDef f @1:1-1:16
          arg a @1:7-1:8
          body:
            Pass @1:12-1:16

        """#)
    }
    @Test func ast162() {
        expectDump("def f(*a,): pass", #"""
        FunctionDef f @1:1-1:17
          vararg a @1:8-1:9
          body:
            Pass @1:13-1:17

        """#)
    }
    @Test func ast163() {
        expectDump("def f(**a,): pass", #"""
        FunctionDef f @1:1-1:18
          kwarg a @1:9-1:10
          body:
            Pass @1:14-1:18

        """#)
    }
    @Test func ast164() {
        expectDump("lambda: 0", #"""
        Expr @1:1-1:10
          Lambda @1:1-1:10
            Int 0 @1:9-1:10

        """#)
    }
    @Test func ast165() {
        expectDump("x = [lambda: i for i in range(3)]", #"""
        Assign @1:1-1:34
          Name x @1:1-1:2
          ListComp @1:5-1:34
            Lambda @1:6-1:15
              Name i @1:14-1:15
            for:
              Name i @1:20-1:21
              Call @1:25-1:33
                Name range @1:25-1:30
                Int 3 @1:31-1:32

        """#)
    }
    @Test func ast166() {
        expectDump("x = {i: j for i in a for j in b}", #"""
        Assign @1:1-1:33
          Name x @1:1-1:2
          DictComp @1:5-1:33
            Name i @1:6-1:7
            Name j @1:9-1:10
            for:
              Name i @1:15-1:16
              Name a @1:20-1:21
            for:
              Name j @1:26-1:27
              Name b @1:31-1:32

        """#)
    }
    @Test func ast167() {
        expectDump("x = (i for i in a if i)", #"""
        Assign @1:1-1:24
          Name x @1:1-1:2
          GeneratorExp @1:5-1:24
            Name i @1:6-1:7
            for:
              Name i @1:12-1:13
              Name a @1:17-1:18
              if:
                Name i @1:22-1:23

        """#)
    }
    @Test func ast168() {
        expectDump("x = a if b else (c if d else e)", #"""
        Assign @1:1-1:32
          Name x @1:1-1:2
          IfExp @1:5-1:32
            Name b @1:10-1:11
            Name a @1:5-1:6
            IfExp @1:18-1:31
              Name d @1:23-1:24
              Name c @1:18-1:19
              Name e @1:30-1:31

        """#)
    }
    @Test func ast169() {
        expectDump("x = [1, 2][0]", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          Subscript @1:5-1:14
            List @1:5-1:11
              Int 1 @1:6-1:7
              Int 2 @1:9-1:10
            Int 0 @1:12-1:13

        """#)
    }
    @Test func ast170() {
        expectDump("x = \"abc\"[1:]", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          Subscript @1:5-1:14
            Str "abc" @1:5-1:10
            Slice @1:11-1:13
              lower:
                Int 1 @1:11-1:12

        """#)
    }
    @Test func ast171() {
        expectDump("x = f\"{x}\"[0]", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          Subscript @1:5-1:14
            FString @1:5-1:11
              Field
                Name x @1:8-1:9
            Int 0 @1:12-1:13

        """#)
    }
    @Test func ast172() {
        expectDump("x = 1 .real", #"""
        Assign @1:1-1:12
          Name x @1:1-1:2
          Attribute .real @1:5-1:12
            Int 1 @1:5-1:6

        """#)
    }
    @Test func ast173() {
        expectDump("x = 1.5.real", #"""
        Assign @1:1-1:13
          Name x @1:1-1:2
          Attribute .real @1:5-1:13
            Float 1.5 @1:5-1:8

        """#)
    }
    @Test func ast174() {
        expectDump("x = 0x10.real", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          Attribute .real @1:5-1:14
            Int 16 @1:5-1:9

        """#)
    }
    @Test func ast175() {
        expectDump("x = .5.real", #"""
        Assign @1:1-1:12
          Name x @1:1-1:2
          Attribute .real @1:5-1:12
            Float 0.5 @1:5-1:7

        """#)
    }
    @Test func ast176() {
        expectDump("x = a.if_", #"""
        Assign @1:1-1:10
          Name x @1:1-1:2
          Attribute .if_ @1:5-1:10
            Name a @1:5-1:6

        """#)
    }
    @Test func ast177() {
        expectDump("x = None.__class__", #"""
        Assign @1:1-1:19
          Name x @1:1-1:2
          Attribute .__class__ @1:5-1:19
            None @1:5-1:9

        """#)
    }
    @Test func ast178() {
        expectDump("x = True + False", #"""
        Assign @1:1-1:17
          Name x @1:1-1:2
          BinOp + @1:5-1:17
            True @1:5-1:9
            False @1:12-1:17

        """#)
    }
    @Test func ast179() {
        expectDump("x = ... if ... else ...", #"""
        Assign @1:1-1:24
          Name x @1:1-1:2
          IfExp @1:5-1:24
            Ellipsis @1:12-1:15
            Ellipsis @1:5-1:8
            Ellipsis @1:21-1:24

        """#)
    }
    @Test func ast180() {
        expectDump("x = a[b][c][d]", #"""
        Assign @1:1-1:15
          Name x @1:1-1:2
          Subscript @1:5-1:15
            Subscript @1:5-1:12
              Subscript @1:5-1:9
                Name a @1:5-1:6
                Name b @1:7-1:8
              Name c @1:10-1:11
            Name d @1:13-1:14

        """#)
    }
    @Test func ast181() {
        expectDump("x = a(b)(c)(d)", #"""
        Assign @1:1-1:15
          Name x @1:1-1:2
          Call @1:5-1:15
            Call @1:5-1:12
              Call @1:5-1:9
                Name a @1:5-1:6
                Name b @1:7-1:8
              Name c @1:10-1:11
            Name d @1:13-1:14

        """#)
    }
    @Test func ast182() {
        expectDump("if x:\n    pass\n# comment\nelse:\n    pass", #"""
        If @1:1-5:9
          Name x @1:4-1:5
          body:
            Pass @2:5-2:9
          orelse:
            Pass @5:5-5:9

        """#)
    }
    @Test func ast183() {
        expectDump("if x:\n    pass\n    # comment\nelif y:\n    pass", #"""
        If @1:1-5:9
          Name x @1:4-1:5
          body:
            Pass @2:5-2:9
          orelse:
            If @4:1-5:9
              Name y @4:6-4:7
              body:
                Pass @5:5-5:9

        """#)
    }
    @Test func ast184() {
        expectDump("def f():\n    \"\"\"Doc\"\"\"\n    # comment\n\n    return 1  # trailing", #"""
        FunctionDef f @1:1-5:13
          body:
            Expr @2:5-2:14
              Str "Doc" @2:5-2:14
            Return @5:5-5:13
              Int 1 @5:12-5:13

        """#)
    }
    @Test func ast185() {
        expectDump("class A:\n\n    x = 1\n\n\n    def f(self):\n\n        return self.x", #"""
        ClassDef A @1:1-8:22
          body:
            Assign @3:5-3:10
              Name x @3:5-3:6
              Int 1 @3:9-3:10
            FunctionDef f @6:5-8:22
              arg self @6:11-6:15
              body:
                Return @8:9-8:22
                  Attribute .x @8:16-8:22
                    Name self @8:16-8:20

        """#)
    }
    @Test func ast186() {
        expectDump("x = [1,\n# comment\n2]", #"""
        Assign @1:1-3:3
          Name x @1:1-1:2
          List @1:5-3:3
            Int 1 @1:6-1:7
            Int 2 @3:1-3:2

        """#)
    }
    @Test func ast187() {
        expectDump("x = 1; \\\ny = 2", #"""
        Assign @1:1-1:6
          Name x @1:1-1:2
          Int 1 @1:5-1:6
        Assign @2:1-2:6
          Name y @2:1-2:2
          Int 2 @2:5-2:6

        """#)
    }
    @Test func ast188() {
        expectDump("if x: \\\n    pass", #"""
        If @1:1-2:9
          Name x @1:4-1:5
          body:
            Pass @2:5-2:9

        """#)
    }
    @Test func ast189() {
        expectDump("x = (1 if\n     y else\n     2)\n", #"""
        Assign @1:1-3:8
          Name x @1:1-1:2
          IfExp @1:6-3:7
            Name y @2:6-2:7
            Int 1 @1:6-1:7
            Int 2 @3:6-3:7

        """#)
    }
    @Test func ast190() {
        expectDump("x = '\\N{BULLET}'", #"""
        Assign @1:1-1:17
          Name x @1:1-1:2
          Str "•" @1:5-1:17

        """#)
    }
    @Test func ast191() {
        expectDump("x = '\\N{bullet} and \\N{GREEK SMALL LETTER ALPHA}'", #"""
        Assign @1:1-1:50
          Name x @1:1-1:2
          Str "• and α" @1:5-1:50

        """#)
    }
    @Test func ast192() {
        expectDump("x = f\"\\N{BULLET} {x}\"", #"""
        Assign @1:1-1:22
          Name x @1:1-1:2
          FString @1:5-1:22
            Literal "• "
            Field
              Name x @1:19-1:20

        """#)
    }
    @Test func ast193() {
        expectDump("x = f\"{x}\\N{EM DASH}{y}\"", #"""
        Assign @1:1-1:25
          Name x @1:1-1:2
          FString @1:5-1:25
            Field
              Name x @1:8-1:9
            Literal "—"
            Field
              Name y @1:22-1:23

        """#)
    }
    @Test func ast194() {
        expectDump("x = rf\"\\N{x}\"", #"""
        Assign @1:1-1:14
          Name x @1:1-1:2
          FString @1:5-1:14
            Literal "\\N"
            Field
              Name x @1:11-1:12

        """#)
    }
    @Test func ast195() {
        expectDump("x = b'\\N{BULLET}'", #"""
        Assign @1:1-1:18
          Name x @1:1-1:2
          Bytes b"\\N{BULLET}" @1:5-1:18

        """#)
    }
    @Test func ast196() {
        expectDump("x = '\\N{LATIN SMALL LETTER E WITH ACUTE}'\n", #"""
        Assign @1:1-1:42
          Name x @1:1-1:2
          Str "é" @1:5-1:42

        """#)
    }
}

/// (source, `Type: message @line:col`) as CPython 3.11 reports them.
let cpythonErrors: [(String, String)] = [
    ("x = 1abc", "SyntaxError: invalid decimal literal @1:5"),
    ("x = 0x1g", "SyntaxError: invalid hexadecimal literal @1:7"),
    ("x = 0o8", "SyntaxError: invalid digit '8' in octal literal @1:7"),
    ("x = 0b12", "SyntaxError: invalid digit '2' in binary literal @1:8"),
    ("x = 012", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:5"),
    ("x = 1_", "SyntaxError: invalid decimal literal @1:6"),
    ("x = 1__0", "SyntaxError: invalid decimal literal @1:6"),
    ("x = 1e", "SyntaxError: invalid decimal literal @1:5"),
    ("x = 1e+", "SyntaxError: invalid decimal literal @1:7"),
    ("x = \"abc", "SyntaxError: unterminated string literal (detected at line 1) @1:5"),
    ("x = f'abc", "SyntaxError: unterminated string literal (detected at line 1) @1:5"),
    ("x = \"\"\"abc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:5"),
    ("x = (1,\n2", "SyntaxError: '(' was never closed @1:5"),
    ("x = )", "SyntaxError: unmatched ')' @1:5"),
    ("x = (]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:6"),
    ("x = (\n]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:1"),
    ("if x\n  pass", "SyntaxError: expected ':' @1:5"),
    ("if x:\npass", "IndentationError: expected an indented block after 'if' statement on line 1 @2:1"),
    ("  x", "IndentationError: unexpected indent @1:2"),
    ("if x:\n    a\n  b", "IndentationError: unindent does not match any outer indentation level @3:4"),
    ("x = 1 \\ 2", "SyntaxError: unexpected character after line continuation character @1:8"),
    ("x = $", "SyntaxError: invalid syntax @1:5"),
    ("x = !", "SyntaxError: invalid syntax @1:5"),
    ("x=\\", "SyntaxError: unexpected EOF while parsing @1:4"),
    ("def f():\n\tif x:\n        pass", "TabError: inconsistent use of tabs and spaces in indentation @3:1"),
    ("    bcd = 1", "IndentationError: unexpected indent @1:4"),
    ("if x:\n        a\n    bcd = 1", "IndentationError: unindent does not match any outer indentation level @3:12"),
    ("x = 1\n    y = 2", "IndentationError: unexpected indent @2:4"),
    ("for x in y:\n\nz", "IndentationError: expected an indented block after 'for' statement on line 1 @3:1"),
    ("def f():\n  \"\"\"doc\"\"\"\n  return\n    x", "IndentationError: unexpected indent @4:4"),
    ("x = (", "SyntaxError: '(' was never closed @1:5"),
    ("x = [1,\n 2,", "SyntaxError: '[' was never closed @1:5"),
    ("f(**k, *a)", "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1:8"),
    ("f(a=1, a=2)", "SyntaxError: keyword argument repeated: a @1:8"),
    ("def f(a=1, b): pass", "SyntaxError: non-default argument follows default argument @1:12"),
    ("def f(a, a): pass", "SyntaxError: duplicate argument 'a' in function definition @1:10"),
    ("f() = 1", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1:1"),
    ("1 = x", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1"),
    ("del f()", "SyntaxError: cannot delete function call @1:5"),
    ("for f() in x: pass", "SyntaxError: cannot assign to function call @1:5"),
    ("f() += 1", "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:1"),
    ("a, *b, *c = x", "SyntaxError: multiple starred expressions in assignment @1:1"),
    ("*a = x", "SyntaxError: starred assignment target must be in a list or tuple @1:1"),
    ("x = *a", "SyntaxError: can't use starred expression here @1:5"),
    ("return 1", "SyntaxError: 'return' outside function @1:1"),
    ("break", "SyntaxError: 'break' outside loop @1:1"),
    ("nonlocal x", "SyntaxError: nonlocal declaration not allowed at module level @1:1"),
    ("class A:\n  return 1", "SyntaxError: 'return' outside function @2:3"),
    ("while 1:\n  def f():\n    break", "SyntaxError: 'break' outside loop @3:5"),
    ("print 'x'", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:1"),
    ("a b", "SyntaxError: invalid syntax @1:3"),
    ("[1 2]", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:2"),
    ("f(a b)", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:3"),
    ("x = [1, 2", "SyntaxError: '[' was never closed @1:5"),
    ("None = 1", "SyntaxError: cannot assign to None @1:1"),
    ("True += 1", "SyntaxError: 'True' is an illegal expression for augmented assignment @1:1"),
    ("(a, b) += 1", "SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:1"),
    ("[a for a in b] = 1", "SyntaxError: cannot assign to list comprehension here. Maybe you meant '==' instead of '='? @1:1"),
    ("f(x for x in y, 1)", "SyntaxError: Generator expression must be parenthesized @1:3"),
    ("x = 1 +", "SyntaxError: invalid syntax @1:8"),
    ("x = (1 +)", "SyntaxError: invalid syntax @1:9"),
    ("if x:\n    pass\n  else:\n    pass", "IndentationError: unindent does not match any outer indentation level @3:8"),
    ("try:\n    pass", "SyntaxError: expected 'except' or 'finally' block @2:9"),
    ("try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass", "SyntaxError: default 'except:' must be last @3:1"),
    ("except ValueError, TypeError:\n    pass", "SyntaxError: invalid syntax @1:1"),
    ("try:\n    x\nexcept ValueError, TypeError:\n    pass", "SyntaxError: multiple exception types must be parenthesized @3:8"),
    ("def f(*, **k): pass", "SyntaxError: named arguments must follow bare * @1:7"),
    ("def f(*): pass", "SyntaxError: named arguments must follow bare * @1:7"),
    ("x = a if b", "SyntaxError: expected 'else' after 'if' expression @1:5"),
    ("x = a if b else", "SyntaxError: invalid syntax @1:16"),
    ("while x\n    pass", "SyntaxError: expected ':' @1:8"),
    ("from math import sqrt,", "SyntaxError: trailing comma not allowed without surrounding parentheses @1:23"),
    ("x = 1;; y = 2", "SyntaxError: invalid syntax @1:7"),
    ("a, b += 1", "SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:1"),
    ("a, b: int", "SyntaxError: only single target (not tuple) can be annotated @1:1"),
    ("del *a", "SyntaxError: cannot delete starred @1:5"),
    ("def f(**k, a): pass", "SyntaxError: arguments cannot follow var-keyword argument @1:12"),
    ("def f(*a=1): pass", "SyntaxError: var-positional argument cannot have default value @1:9"),
    ("def f(a): \n    return a\n  x = 1", "IndentationError: unindent does not match any outer indentation level @3:8"),
    ("====\nx = 1\n# trailing comment", "SyntaxError: invalid syntax @1:1"),
    ("while 1:\n    pass\nelse:\n    break", "SyntaxError: 'break' outside loop @4:5"),
    ("for i in x:\n    def f():\n        continue", "SyntaxError: 'continue' not properly in loop @3:9"),
    ("for i in x:\n    class A:\n        break", "SyntaxError: 'break' outside loop @3:9"),
    ("try:\n    pass\nfinally:\n    break", "SyntaxError: 'break' outside loop @4:5"),
    ("x + 1 = 2", "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1"),
    ("f(x) += 1", "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:1"),
    ("def f():\nx", "IndentationError: expected an indented block after function definition on line 1 @2:1"),
    ("class A:\nx", "IndentationError: expected an indented block after class definition on line 1 @2:1"),
    ("for x in y:\nx", "IndentationError: expected an indented block after 'for' statement on line 1 @2:1"),
    ("while x:\nx", "IndentationError: expected an indented block after 'while' statement on line 1 @2:1"),
    ("try:\nx", "IndentationError: expected an indented block after 'try' statement on line 1 @2:1"),
    ("try:\n    pass\nexcept:\nx", "IndentationError: expected an indented block after 'except' statement on line 3 @4:1"),
    ("try:\n    pass\nfinally:\nx", "IndentationError: expected an indented block after 'finally' statement on line 3 @4:1"),
    ("with a:\nx", "IndentationError: expected an indented block after 'with' statement on line 1 @2:1"),
    ("if x:\n    pass\nelse:\nx", "IndentationError: expected an indented block after 'else' statement on line 3 @4:1"),
    ("if x:\n    pass\nelif y:\nx", "IndentationError: expected an indented block after 'elif' statement on line 3 @4:1"),
    ("x = [1, 2\ny = 3", "SyntaxError: '[' was never closed @1:5"),
    ("x = (1, 2", "SyntaxError: '(' was never closed @1:5"),
    ("foo(", "SyntaxError: '(' was never closed @1:4"),
    ("print(\"hello\"", "SyntaxError: '(' was never closed @1:6"),
    ("x = \"abc' + 1", "SyntaxError: unterminated string literal (detected at line 1) @1:5"),
    ("x = 'abc\ny = 2", "SyntaxError: unterminated string literal (detected at line 1) @1:5"),
    ("x = 5 6", "SyntaxError: invalid syntax @1:7"),
    ("import", "SyntaxError: invalid syntax @1:7"),
    ("from math import", "SyntaxError: invalid syntax @1:17"),
    ("from math", "SyntaxError: invalid syntax @1:10"),
    ("x = True = 1", "SyntaxError: cannot assign to True @1:5"),
    ("def f(): x = 1 = 2", "SyntaxError: cannot assign to literal @1:14"),
    ("x = a.1", "SyntaxError: invalid syntax @1:6"),
    ("x = a.", "SyntaxError: invalid syntax @1:7"),
    ("x = 1.__class__", "SyntaxError: invalid decimal literal @1:6"),
    ("x = 0b", "SyntaxError: invalid binary literal @1:6"),
    ("x = 0o", "SyntaxError: invalid octal literal @1:6"),
    ("x = 09", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:5"),
    ("x = 1_e5", "SyntaxError: invalid decimal literal @1:6"),
    ("x = 1.e", "SyntaxError: invalid decimal literal @1:6"),
    ("x = 1e5e5\n", "SyntaxError: invalid decimal literal @1:7"),
    ("delf)", "SyntaxError: unmatched ')' @1:5"),
    ("f( ))", "SyntaxError: unmatched ')' @1:5"),
    ("def f(**, a): pa a): 'pass", "SyntaxError: unmatched ')' @1:19"),
    ("delel f())", "SyntaxError: unmatched ')' @1:10"),
    ("a,  += 1", "SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:1"),
    ("(a, ba, b) += 1", "SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:1"),
    ("xa, b += 1 1", "SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:1"),
    ("(a, b) += 1+=1", "SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:1"),
    ("x=+= f\"'{x:{y:{z}}}\"", "SyntaxError: invalid syntax @1:3"),
    ("for x in[ :\n\nz", "SyntaxError: invalid syntax @1:11"),
    ("trry:\n    x\nexcept ValueError, TypeError:\n    pas\n1    pass", "SyntaxError: invalid syntax @1:6"),
    ("x. = *", "SyntaxError: invalid syntax @1:4"),
    ("try:\n    passs\nfinallynot :\nx :\nx", "SyntaxError: expected 'except' or 'finally' block @3:1"),
    ("try:\n    ass\nfinal_ly:\nx", "SyntaxError: expected 'except' or 'finally' block @3:1"),
    ("try:\n   pass\nfielsenally:\nx", "SyntaxError: expected 'except' or 'finally' block @3:1"),
    ("try:\n   pass", "SyntaxError: expected 'except' or 'finally' block @2:8"),
    ("None = 1!r", "SyntaxError: cannot assign to None @1:1"),
    ("None = 1 1", "SyntaxError: cannot assign to None @1:1"),
    ("None =ne = 11", "SyntaxError: cannot assign to None @1:1"),
    ("None = 1= 1", "SyntaxError: cannot assign to None @1:1"),
    ("x  if \"abc", "SyntaxError: unterminated string literal (detected at line 1) @1:7"),
    ("'for f() in x: pass", "SyntaxError: unterminated string literal (detected at line 1) @1:1"),
    ("x( =' 0o8 0o8", "SyntaxError: unterminated string literal (detected at line 1) @1:5"),
    ("x = f\"{x:{y:{{y:{z}}", "SyntaxError: unterminated string literal (detected at line 1) @1:5"),
    ("x = 9with 22337203685477580", "SyntaxError: invalid decimal literal @1:5"),
    ("x  1.__cla}ss__ass__", "SyntaxError: invalid decimal literal @1:5"),
    ("x = 1reetu in rnabc", "SyntaxError: invalid decimal literal @1:5"),
    ("x = = 1_e5!rx", "SyntaxError: invalid decimal literal @1:8"),
    (" = (]", "IndentationError: unexpected indent @1:1"),
    (" = f\"{x}}}}\"", "IndentationError: unexpected indent @1:1"),
    (" = [1, 2\ny = 3= 3return", "IndentationError: unexpected indent @1:1"),
    (" x = 0b1}2", "IndentationError: unexpected indent @1:1"),
    ("for i in x\n    class A:\n        brea:>kbreak", "SyntaxError: expected ':' @1:11"),
    ("if x\n  pass  passclass ", "SyntaxError: expected ':' @1:5"),
    ("if   x", "SyntaxError: expected ':' @1:7"),
    ("def f()\n\tif xclass :\n   [     pass", "SyntaxError: expected ':' @1:8"),
    ("x = [1,\n 2,2,2,", "SyntaxError: '[' was never closed @1:5"),
    ("x [1,\n  2,", "SyntaxError: '[' was never closed @1:3"),
    ("tr:[\n    passif ", "SyntaxError: '[' was never closed @1:4"),
    ("x  [1  [1, 2\ny = 3", "SyntaxError: '[' was never closed @1:8"),
    ("x =* (]@", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:7"),
    ("x as  =x =  (]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:14"),
    ("x = (](]class ", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:6"),
    ("x = (] in (", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:6"),
    ("print 'with x'", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:1"),
    ("print 'x'''", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:1"),
    ("print 'x':", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:1"),
    ("print 'x''x''x'", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:1"),
    ("f(f(x)+ 1", "SyntaxError: '(' was never closed @1:2"),
    ("x = (1,\ndel !r", "SyntaxError: '(' was never closed @1:5"),
    ("x =((1, 2(1, 2", "SyntaxError: '(' was never closed @1:10"),
    ("x = (1, 21, 2", "SyntaxError: '(' was never closed @1:5"),
    ("x= f\"{{{x}}}\"{x}}}\"", "SyntaxError: unmatched '}' @1:17"),
    ("x = f{x}}\"= f{x}}\"    ", "SyntaxError: unmatched '}' @1:9"),
    ("x = 1 }+", "SyntaxError: unmatched '}' @1:7"),
    ("x = f\"{a == b =}\"\n=}\"\n", "SyntaxError: unmatched '}' @2:2"),
    ("if x:\n'    pas\nelif y:\nx", "SyntaxError: unterminated string literal (detected at line 2) @2:1"),
    ("f x:\nf'{pass", "SyntaxError: unterminated string literal (detected at line 2) @2:1"),
    ("if x:\n  \"  pass\n  else:\n    pas\n    pass pass", "SyntaxError: unterminated string literal (detected at line 2) @2:3"),
    ("ifx:\n   \" pa pass\nelif y:\nx", "SyntaxError: unterminated string literal (detected at line 2) @2:4"),
    ("x = x = a if b+=", "SyntaxError: expected 'else' after 'if' expression @1:9"),
    ("x = a if b if b", "SyntaxError: expected 'else' after 'if' expression @1:5"),
    ("x = a if bx", "SyntaxError: expected 'else' after 'if' expression @1:5"),
    ("x = a if a if b", "SyntaxError: expected 'else' after 'if' expression @1:5"),
    ("x = \n]lambddel a:", "SyntaxError: unmatched ']' @2:1"),
    ("[ class 2] 2]", "SyntaxError: unmatched ']' @1:13"),
    ("[a for ain b] inb] = 1", "SyntaxError: unmatched ']' @1:18"),
    ("widel th :\n]x", "SyntaxError: unmatched ']' @2:1"),
    ("x = 0  in 09", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:11"),
    ("x = 01", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:5"),
    ("x= 02", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:4"),
    ("x \n= 0= 09\"", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @2:6"),
    ("x = 0xg0xg", "SyntaxError: invalid hexadecimal literal @1:6"),
    ("x = = 0x1x = 0x0x1g", "SyntaxError: invalid hexadecimal literal @1:9"),
    ("x = 0x = 012", "SyntaxError: invalid hexadecimal literal @1:6"),
    ("x = 0xgelse", "SyntaxError: invalid hexadecimal literal @1:6"),
    ("[a for [a for a{) in b] = 1", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '{' @1:17"),
    ("x = {)", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '{' @1:6"),
    ("x = 1 +{)", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '{' @1:9"),
    ("defelse f(**k, a{): pass", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '{' @1:18"),
    ("x = 0b120b 0'b120b12", "SyntaxError: invalid digit '2' in binary literal @1:8"),
    ("x =  in 0b1212", "SyntaxError: invalid digit '2' in binary literal @1:12"),
    ("x = (0b12", "SyntaxError: invalid digit '2' in binary literal @1:9"),
    ("x  0b12", "SyntaxError: invalid digit '2' in binary literal @1:7"),
    ("def f(a=1, b): passs", "SyntaxError: non-default argument follows default argument @1:12"),
    ("def f(a=1, b):fofor  pass[", "SyntaxError: non-default argument follows default argument @1:12"),
    ("def f(a=1, b): ,pass\n", "SyntaxError: non-default argument follows default argument @1:12"),
    ("def f(lamdaa=1, b): pa pass", "SyntaxError: non-default argument follows default argument @1:17"),
    ("x = 0o}0o}", "SyntaxError: invalid octal literal @1:6"),
    ("x = 0o0o", "SyntaxError: invalid octal literal @1:7"),
    ("x de del = 0o", "SyntaxError: invalid octal literal @1:13"),
    ("x, = 0o", "SyntaxError: invalid octal literal @1:7"),
    ("True += 1@", "SyntaxError: 'True' is an illegal expression for augmented assignment @1:1"),
    ("True += 1= 1 1= 1not ", "SyntaxError: 'True' is an illegal expression for augmented assignment @1:1"),
    ("True += 1= 1 in ", "SyntaxError: 'True' is an illegal expression for augmented assignment @1:1"),
    ("True += not 1", "SyntaxError: 'True' is an illegal expression for augmented assignment @1:1"),
    ("def f(a=1 f(a=1, b):1, b): pass", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:9"),
    ("f=(a b)", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:4"),
    ("[1 2][1 2]", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:2"),
    ("[a a for a inot n b] = 1", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:2"),
    ("if x:\n    pass\n  else:\n    :>pass", "IndentationError: unindent does not match any outer indentation level @3:8"),
    ("for i in x:\n    cla\n  }  class A:\n        br->eak", "IndentationError: unindent does not match any outer indentation level @3:14"),
    ("if x:\n        a\n    bcd = 1 = 1", "IndentationError: unindent does not match any outer indentation level @3:16"),
    ("if x:\n    pass\n s\n  else:.\n    pass", "IndentationError: unindent does not match any outer indentation level @3:3"),
    ("x = (with \n]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:1"),
    ("x = (\n]1", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:1"),
    ("x = (\n] = (\n]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:1"),
    ("for f() i,i,nf() in x: pass", "SyntaxError: cannot assign to function call @1:5"),
    ("for f() in x: pas", "SyntaxError: cannot assign to function call @1:5"),
    ("for f() in x passss", "SyntaxError: cannot assign to function call @1:5"),
    ("if x:\npas", "IndentationError: expected an indented block after 'if' statement on line 1 @2:1"),
    ("if x:\npassss", "IndentationError: expected an indented block after 'if' statement on line 1 @2:1"),
    ("if x_:\n\n@    a\n  b", "IndentationError: expected an indented block after 'if' statement on line 1 @3:1"),
    ("if x:\n{    pass\n  else:\n  e:\n    pass", "IndentationError: expected an indented block after 'if' statement on line 1 @2:1"),
    ("with a:\nx a:else\nx", "IndentationError: expected an indented block after 'with' statement on line 1 @2:1"),
    ("with a:\nxx", "IndentationError: expected an indented block after 'with' statement on line 1 @2:1"),
    ("with a:\n:\nx", "IndentationError: expected an indented block after 'with' statement on line 1 @2:1"),
    ("with awiawith :\nx", "IndentationError: expected an indented block after 'with' statement on line 1 @2:1"),
    ("x = [1,\n 2,},", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '[' on line 1 @2:4"),
    ("x = [1,\n1,\n 2,}", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '[' on line 1 @3:4"),
    ("x + 1 + 1 = 2", "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1"),
    ("x + 1 =d1el  2", "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1"),
    ("f**() = 1", "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1"),
    ("f**()= 1", "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1"),
    ("x = 1\\u00a0#", "SyntaxError: unexpected character after line continuation character @1:7"),
    ("x  \n1\\u00a0", "SyntaxError: unexpected character after line continuation character @2:3"),
    ("x=\\lambreturnda:}", "SyntaxError: unexpected character after line continuation character @1:4"),
    ("x =[ 1\\ 1\\u00a0", "SyntaxError: unexpected character after line continuation character @1:8"),
    ("x =f'''{\n  a +\n  b\n}''", "SyntaxError: unterminated triple-quoted string literal (detected at line 4) @1:4"),
    ("x = \"\"\"abc\n\"abc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 4) @1:5"),
    ("def f():\n  \"\"\"doc\"\"c\"+=\"\"\n  return\n   x", "SyntaxError: unterminated triple-quoted string literal (detected at line 4) @2:3"),
    ("x = '''{\n  a +\n  b\n}''", "SyntaxError: unterminated triple-quoted string literal (detected at line 4) @1:5"),
    ("try:\nx+ry:\nx+=", "IndentationError: expected an indented block after 'try' statement on line 1 @2:1"),
    ("try:\n:\n   pass", "IndentationError: expected an indented block after 'try' statement on line 1 @2:1"),
    ("try:#\nx", "IndentationError: expected an indented block after 'try' statement on line 1 @2:1"),
    ("try:\nxif for ", "IndentationError: expected an indented block after 'try' statement on line 1 @2:1"),
    ("*x = f\"{x = !r:^def 20}\"", "SyntaxError: starred assignment target must be in a list or tuple @1:1"),
    ("*a = xx", "SyntaxError: starred assignment target must be in a list or tuple @1:1"),
    ("*a =x", "SyntaxError: starred assignment target must be in a list or tuple @1:1"),
    ("*a = xa =\\\n x", "SyntaxError: starred assignment target must be in a list or tuple @1:1"),
    ("f(**k, *a) i\\\ns ", "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1:8"),
    ("f(**k, * *a)", "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1:8"),
    ("f(**k, *a=", "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1:8"),
    ("f(**kf(**k, *a) is ", "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1:13"),
    ("x= *a", "SyntaxError: can't use starred expression here @1:4"),
    ("x= *alambda", "SyntaxError: can't use starred expression here @1:4"),
    ("*  x", "SyntaxError: can't use starred expression here @1:1"),
    ("x = *aa", "SyntaxError: can't use starred expression here @1:5"),
    ("f(*def *k, }*a)*a)", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '(' @1:12"),
    ("def f(}) x = 1 = 2", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '(' @1:7"),
    ("f(=1, }=2)", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '(' @1:7"),
    ("f(x }for x in y,in y, 1)", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '(' @1:5"),
    ("def f\n(a=1): pass", "SyntaxError: expected '(' @1:6"),
    ("def f:(*): pass", "SyntaxError: expected '(' @1:6"),
    ("def f{f f(*a=1): p!rass", "SyntaxError: expected '(' @1:6"),
    ("def f=(a=1, b): pass**", "SyntaxError: expected '(' @1:6"),
    ("try:\n   pass\nexcept:\nt:\n", "IndentationError: expected an indented block after 'except' statement on line 3 @4:1"),
    ("try:\n    pass\nexcept:\nxxcept:\nxept:\nx", "IndentationError: expected an indented block after 'except' statement on line 3 @4:1"),
    ("try:\n    ass\nexcept:\nx", "IndentationError: expected an indented block after 'except' statement on line 3 @4:1"),
    ("x = \"\"abc\n\ny'", "SyntaxError: unterminated string literal (detected at line 3) @3:2"),
    ("for i in x:\n   n x:\n    def f'():\n        coninue", "SyntaxError: unterminated string literal (detected at line 3) @3:9"),
    ("if x:\n    pass\nelif y\":\nx", "SyntaxError: unterminated string literal (detected at line 3) @3:7"),
    ("x = \"abc' +\"abc' + \\\n1\\\n1", "SyntaxError: unterminated string literal (detected at line 3) @1:16"),
    ("del *al *a", "SyntaxError: cannot delete starred @1:5"),
    ("del *a *a", "SyntaxError: cannot delete starred @1:5"),
    ("del *f()", "SyntaxError: cannot delete starred @1:5"),
    ("del *a*a*a*a    ", "SyntaxError: cannot delete starred @1:5"),
    ("f(x)+=1", "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:1"),
    ("f(x) += 1 no += 1 not in ", "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:1"),
    ("f(x) += 11", "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:1"),
    ("f(x) += 1:", "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:1"),
    ("try:\n    pa\n    pass\nfinally:\n    break", "SyntaxError: 'break' outside loop @5:5"),
    ("try:\n    pass\nfinally:\n    b\n    break", "SyntaxError: 'break' outside loop @5:5"),
    ("for i in x:\n   class A:\n        break", "SyntaxError: 'break' outside loop @3:9"),
    ("try:\n    pass\nfinally:\n    \n    \n    break", "SyntaxError: 'break' outside loop @6:5"),
    ("def f(*, **k): p{as: p{ass", "SyntaxError: named arguments must follow bare * @1:7"),
    ("def f(*): pss,pss,", "SyntaxError: named arguments must follow bare * @1:7"),
    ("def f(*):lambda: pass", "SyntaxError: named arguments must follow bare * @1:7"),
    ("def f(*, **k): passs", "SyntaxError: named arguments must follow bare * @1:7"),
    ("x = 1 = 1", "SyntaxError: cannot assign to literal @1:5"),
    ("x= 1= 1", "SyntaxError: cannot assign to literal @1:4"),
    ("x = 1 = 1j:>", "SyntaxError: cannot assign to literal @1:5"),
    ("x = 0= 0:o", "SyntaxError: cannot assign to literal @1:5"),
    ("while xx:\nx x:\nx", "IndentationError: expected an indented block after 'while' statement on line 1 @2:1"),
    ("while x:\nx@", "IndentationError: expected an indented block after 'while' statement on line 1 @2:1"),
    ("while x:\nx:\nx**", "IndentationError: expected an indented block after 'while' statement on line 1 @2:1"),
    ("while ile :\nx", "IndentationError: expected an indented block after 'while' statement on line 1 @2:1"),
    ("del el *a", "SyntaxError: cannot delete expression @1:5"),
    ("for i in x:\n   def f():\n       continue", "SyntaxError: 'continue' not properly in loop @3:8"),
    ("for i in x:\n    def f():\n         continue", "SyntaxError: 'continue' not properly in loop @3:10"),
    ("x = 0b is ", "SyntaxError: invalid binary literal @1:6"),
    ("x = 0b1class 222", "SyntaxError: invalid binary literal @1:7"),
    ("x = 0b 0b 0b", "SyntaxError: invalid binary literal @1:6"),
    ("x = 0= 0b0b", "SyntaxError: invalid binary literal @1:10"),
    ("x =  \"\"\"abc\n\nyc\n\n\nyc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 8) @1:6"),
    ("class A:\n:\nx", "IndentationError: expected an indented block after class definition on line 1 @2:1"),
    ("class A:\nx:\nx", "IndentationError: expected an indented block after class definition on line 1 @2:1"),
    ("class A:\nass A:\nx\nx", "IndentationError: expected an indented block after class definition on line 1 @2:1"),
    ("x = 1jx = 1j:>", "SyntaxError: invalid imaginary literal @1:6"),
    ("x = 1jf'{", "SyntaxError: invalid imaginary literal @1:6"),
    ("x = =1jj", "SyntaxError: invalid imaginary literal @1:7"),
    ("x = 1jretun", "SyntaxError: invalid imaginary literal @1:6"),
    ("a, *b, *c =xnelseot ", "SyntaxError: multiple starred expressions in assignment @1:1"),
    ("a, *b, *c = c = xx", "SyntaxError: multiple starred expressions in assignment @1:1"),
    ("a, *b, *c = xx", "SyntaxError: multiple starred expressions in assignment @1:1"),
    ("a, *b, *c = x, *c = x = x", "SyntaxError: multiple starred expressions in assignment @1:1"),
    ("def f(**k, a): passpass", "SyntaxError: arguments cannot follow var-keyword argument @1:12"),
    ("def f(**k, aclass ): ,pass", "SyntaxError: arguments cannot follow var-keyword argument @1:12"),
    ("def f(**k, a): lambdapass", "SyntaxError: arguments cannot follow var-keyword argument @1:12"),
    ("def f(**k, a): pass=", "SyntaxError: arguments cannot follow var-keyword argument @1:12"),
    ("x, = \"\"\"abc\n\nc\n\ny\"abc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 7) @1:6"),
    ("def f():\nfor \tif x:\n        pas  pass", "IndentationError: expected an indented block after function definition on line 1 @2:1"),
    ("def f():\n_\tif x:\n        pass", "IndentationError: expected an indented block after function definition on line 1 @2:1"),
    ("def f():\n\nx", "IndentationError: expected an indented block after function definition on line 1 @3:1"),
    ("for x in x in y:\nx", "IndentationError: expected an indented block after 'for' statement on line 1 @2:1"),
    ("for x in y:\nx[", "IndentationError: expected an indented block after 'for' statement on line 1 @2:1"),
    ("for x in y:\n\nzz", "IndentationError: expected an indented block after 'for' statement on line 1 @3:1"),
    ("def f():\n\tif x:\n        pas", "TabError: inconsistent use of tabs and spaces in indentation @3:1"),
    ("def f():\n\tif x:\n        p}as}s", "TabError: inconsistent use of tabs and spaces in indentation @3:1"),
    ("def f():\n\tif x:\n        passpass", "TabError: inconsistent use of tabs and spaces in indentation @3:1"),
    ("f(x) = 1", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1:1"),
    ("f() = 1:", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1:1"),
    ("def f(*,*k, a): pass", "SyntaxError: * argument may appear only once @1:9"),
    ("def f(*, *k): passlambda:", "SyntaxError: * argument may appear only once @1:10"),
    ("def f(*a=1): passss", "SyntaxError: var-positional argument cannot have default value @1:9"),
    ("def fef (*a=1): pass", "SyntaxError: var-positional argument cannot have default value @1:12"),
    ("def f(*a=1): pass: pas: pass", "SyntaxError: var-positional argument cannot have default value @1:9"),
    ("def f(*a=1) pass", "SyntaxError: var-positional argument cannot have default value @1:9"),
    ("x = 0o80o8", "SyntaxError: invalid digit '8' in octal literal @1:7"),
    ("x = 0= def 0o8(", "SyntaxError: invalid digit '8' in octal literal @1:14"),
    ("x  0o8", "SyntaxError: invalid digit '8' in octal literal @1:6"),
    ("x =_ 0o8o8", "SyntaxError: invalid digit '8' in octal literal @1:8"),
    ("x = f\"\"{a[1:2{x]}\"", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '{' @1:16"),
    ("[a f1or {a in b] = @1", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '{' @1:16"),
    ("a, : it: it", "SyntaxError: only single target (not tuple) can be annotated @1:1"),
    ("a, b: lambda:intda:int", "SyntaxError: only single target (not tuple) can be annotated @1:1"),
    ("a, b: i.nt", "SyntaxError: only single target (not tuple) can be annotated @1:1"),
    ("a, b: nt", "SyntaxError: only single target (not tuple) can be annotated @1:1"),
    ("f(x for x in y, 1,)", "SyntaxError: Generator expression must be parenthesized @1:3"),
    ("f(x for x in y, 1)if ", "SyntaxError: Generator expression must be parenthesized @1:3"),
    ("try:\n    paass\nfinally:\nxly:\nx", "IndentationError: expected an indented block after 'finally' statement on line 3 @4:1"),
    ("try:\n     pass\nfinally:\nx{\nx{", "IndentationError: expected an indented block after 'finally' statement on line 3 @4:1"),
    ("try:\n     pass\nfinally:\nxly:\nx", "IndentationError: expected an indented block after 'finally' statement on line 3 @4:1"),
    ("if x:\n    pas\nelse:\nx", "IndentationError: expected an indented block after 'else' statement on line 3 @4:1"),
    ("if x:\n   xpass\nelse:\nx", "IndentationError: expected an indented block after 'else' statement on line 3 @4:1"),
    ("if x:\n    pass\nelse:\nxe:\nx", "IndentationError: expected an indented block after 'else' statement on line 3 @4:1"),
    ("[a for a in b in b]= 1", "SyntaxError: cannot assign to list comprehension here. Maybe you meant '==' instead of '='? @1:1"),
    ("[a \\\nfor a in b] = 1", "SyntaxError: cannot assign to list comprehension here. Maybe you meant '==' instead of '='? @1:1"),
    ("x = Truex = True = 1", "SyntaxError: cannot assign to True @1:13"),
    ("x = True= ue= True = 1", "SyntaxError: cannot assign to True @1:5"),
    ("x = True = True = 1", "SyntaxError: cannot assign to True @1:5"),
    ("11 = x", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1"),
    ("1 = xx", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1"),
    ("1 = x i1 = x is ", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1"),
    ("1 = x1,\n", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1"),
    ("x = \"\"\"abc\n\n,y", "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:5"),
    ("x =del  \"\"\"abc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:9"),
    ("xx = \"\"\"abc\n\ny   ", "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:6"),
    ("x = \"\"\"abc\n\nfor y", "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:5"),
    ("try:\n    x\nexcept ValueError, TypeError:\n    paspass", "SyntaxError: multiple exception types must be parenthesized @3:8"),
    ("try:\n    x\nexcept ValueError, TypeError:\n    pas", "SyntaxError: multiple exception types must be parenthesized @3:8"),
    ("try:\n    x\nexcept ValueError, TError, TypeEror:\n  !r  pass", "SyntaxError: multiple exception types must be parenthesized @3:8"),
    ("try:\n    x\nexcept ValueEror, TypeError:\n   pass", "SyntaxError: multiple exception types must be parenthesized @3:8"),
    ("a, *b *c = x", "SyntaxError: cannot assign to expression @1:5"),
    ("[a or a in b] = 1", "SyntaxError: cannot assign to expression @1:2"),
    ("a, *b *c= x", "SyntaxError: cannot assign to expression @1:5"),
    ("x =return flambda\"\"\"\"", "SyntaxError: unterminated triple-quoted string literal (detected at line 1) @1:18"),
    ("x = f\"\"\"with ", "SyntaxError: unterminated triple-quoted string literal (detected at line 1) @1:5"),
    ("x={", "SyntaxError: '{' was never closed @1:3"),
    ("if x:\n   (  {   a\n    bcd = 1", "SyntaxError: '{' was never closed @2:7"),
    ("x = {(1 )", "SyntaxError: '{' was never closed @1:5"),
    ("x = {f'''{\n  a +\n    a +\n  b\n}'''", "SyntaxError: '{' was never closed @1:5"),
    ("[a, b += 1}b += 1}", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '[' @1:11"),
    ("del f(-[>)...", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' @1:10"),
    ("[)1 2 2]", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' @1:2"),
    ("[ )or a in b] = 1", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' @1:3"),
    ("[a fo)r a in bn b#] = 1", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' @1:6"),
    ("try:\n    pass\nexcept:\n    p_ass\nexcept ValueEValueError:\n    pass", "SyntaxError: default 'except:' must be last @3:1"),
    ("try:\n    pass\nexcept:\n    pass\nexcept ValueErrorr:\n    pass", "SyntaxError: default 'except:' must be last @3:1"),
    ("try:\n    pass\nexcept:\n    passdel \nexcept ValueError:\n    pass", "SyntaxError: default 'except:' must be last @3:1"),
    ("x = f''{\n  a +\n\n  b{\n}'''", "SyntaxError: unterminated triple-quoted string literal (detected at line 5) @5:2"),
    ("def f():\n  \"\"\"doc\"\"\"\noc\"\"\"\n  return\n    xdel ", "SyntaxError: unterminated triple-quoted string literal (detected at line 5) @3:3"),
    ("x = \"\"\"c\n\n\"abc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 5) @1:5"),
    ("def f(a, a): pas", "SyntaxError: duplicate argument 'a' in function definition @1:10"),
    ("def f(a, a): passss", "SyntaxError: duplicate argument 'a' in function definition @1:10"),
    ("del f()l f()", "SyntaxError: cannot delete function call @1:5"),
    ("del     ff()", "SyntaxError: cannot delete function call @1:9"),
    ("del f()l f()l f(", "SyntaxError: cannot delete function call @1:5"),
    ("x = f\"\" = f\"\"", "SyntaxError: cannot assign to f-string expression @1:5"),
    ("not delambda:f f(*): pass", "SyntaxError: illegal target for annotation @1:1"),
    ("def fwith ():xf():x", "SyntaxError: illegal target for annotation @1:14"),
    ("from th import sqrt,", "SyntaxError: trailing comma not allowed without surrounding parentheses @1:21"),
    ("from math import sqrt,sr,", "SyntaxError: trailing comma not allowed without surrounding parentheses @1:26"),
    ("from mth import sqrtlse,", "SyntaxError: trailing comma not allowed without surrounding parentheses @1:25"),
    ("if x:\n   pass\nelif y:\nx", "IndentationError: expected an indented block after 'elif' statement on line 3 @4:1"),
    ("if x:\n    passss\nelif y:\nx", "IndentationError: expected an indented block after 'elif' statement on line 3 @4:1"),
    ("return 11", "SyntaxError: 'return' outside function @1:1"),
    ("class A:\n return 1", "SyntaxError: 'return' outside function @2:2"),
    ("class A:\n  return 11", "SyntaxError: 'return' outside function @2:3"),
    ("class A:  return 1", "SyntaxError: 'return' outside function @1:11"),
    ("x =for  \"\"\"abc\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 2) @1:9"),
    ("def f():\n\tif x:\n\tif x:\n        pass", "IndentationError: expected an indented block after 'if' statement on line 2 @3:2"),
    ("x = f'''{\n  a +\n  b\n}''''", "SyntaxError: unterminated string literal (detected at line 4) @4:5"),
    ("try:\n    pass\nfinally:\n   de  b'reak", "SyntaxError: unterminated string literal (detected at line 4) @4:8"),
    ("x = [1,with \n )2,,", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' on line 1 @2:2"),
    ("x==\\", "SyntaxError: unexpected EOF while parsing @1:5"),
    ("xcasselse =\\", "SyntaxError: unexpected EOF while parsing @1:13"),
    ("def f( f():\n  \"\"\"doc\"\"\"\n  re\"\"\"\n  return\n return\n    x", "SyntaxError: unterminated triple-quoted string literal (detected at line 6) @3:5"),
    ("if x:\n \n    pass\nelse:\nx", "IndentationError: expected an indented block after 'else' statement on line 4 @5:1"),
    ("f(\\\na} b)", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '(' on line 1 @2:2"),
    ("try:\n   \\\n   \\\n pass\nfinally:\nx", "IndentationError: expected an indented block after 'finally' statement on line 5 @6:1"),
    ("x = '\\N{NOPE}'", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name @1:15"),
    ("x = '\\N'", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape @1:9"),
    ("x = '\\N{'", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape @1:10"),
    ("f(a=1, a=2)\n)", "SyntaxError: unmatched ')' @2:1"),
    ("f(a=1, a=2)\nx = = 1", "SyntaxError: invalid syntax @2:5"),
    ("def f(a, a): pass\n)", "SyntaxError: unmatched ')' @2:1"),
    ("def f(a, a): pass\nx = = 1", "SyntaxError: invalid syntax @2:5"),
    ("return 1\n)", "SyntaxError: unmatched ')' @2:1"),
    ("return 1\nx = = 1", "SyntaxError: invalid syntax @2:5"),
    ("x = *a\n)", "SyntaxError: unmatched ')' @2:1"),
    ("x = *a\nx = = 1", "SyntaxError: invalid syntax @2:5"),
    ("a, *b, *c = x\n)", "SyntaxError: unmatched ')' @2:1"),
    ("a, *b, *c = x\nx = = 1", "SyntaxError: invalid syntax @2:5"),
    ("*a = x\n)", "SyntaxError: unmatched ')' @2:1"),
    ("*a = x\nx = = 1", "SyntaxError: invalid syntax @2:5"),
    ("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n)", "SyntaxError: unmatched ')' @7:1"),
    ("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\nx = = 1", "SyntaxError: invalid syntax @7:5"),
    ("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass", "SyntaxError: default 'except:' must be last @3:1"),
    ("f(**k, *a)\n)", "SyntaxError: unmatched ')' @2:1"),
    ("f(**k, *a)\nx = = 1", "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1:8"),
    ("f(a=1, b)\n)", "SyntaxError: unmatched ')' @2:1"),
    ("f(a=1, b)\nx = = 1", "SyntaxError: positional argument follows keyword argument @1:9"),
    ("f(a=1, b)", "SyntaxError: positional argument follows keyword argument @1:9"),
    ("del f()\n)", "SyntaxError: unmatched ')' @2:1"),
    ("del f()\nx = = 1", "SyntaxError: cannot delete function call @1:5"),
    ("nonlocal x\n)", "SyntaxError: unmatched ')' @2:1"),
    ("nonlocal x\nx = = 1", "SyntaxError: invalid syntax @2:5"),
    ("break\n)", "SyntaxError: unmatched ')' @2:1"),
    ("break\nx = = 1", "SyntaxError: invalid syntax @2:5"),
    ("f() = 1\n)", "SyntaxError: unmatched ')' @2:1"),
    ("f() = 1\nx = = 1", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1:1"),
    ("def f(a=1, b): pass\n)", "SyntaxError: unmatched ')' @2:1"),
    ("def f(a=1, b): pass\nx = = 1", "SyntaxError: non-default argument follows default argument @1:12"),
    ("f(x for x in y, 1)\n)", "SyntaxError: unmatched ')' @2:1"),
    ("f(x for x in y, 1)\nx = = 1", "SyntaxError: Generator expression must be parenthesized @1:3"),
    ("f() += 1\n)", "SyntaxError: unmatched ')' @2:1"),
    ("f() += 1\nx = = 1", "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:1"),
    ("del *a\n)", "SyntaxError: unmatched ')' @2:1"),
    ("del *a\nx = = 1", "SyntaxError: cannot delete starred @1:5"),
    ("a, b: int\n)", "SyntaxError: unmatched ')' @2:1"),
    ("a, b: int\nx = = 1", "SyntaxError: only single target (not tuple) can be annotated @1:1"),
    ("def f(**k, a): pass\n)", "SyntaxError: unmatched ')' @2:1"),
    ("def f(**k, a): pass\nx = = 1", "SyntaxError: arguments cannot follow var-keyword argument @1:12"),
    ("def f(*): pass\n)", "SyntaxError: unmatched ')' @2:1"),
    ("def f(*): pass\nx = = 1", "SyntaxError: named arguments must follow bare * @1:7"),
    ("None = 1\n)", "SyntaxError: unmatched ')' @2:1"),
    ("None = 1\nx = = 1", "SyntaxError: cannot assign to None @1:1"),
    ("True += 1@\n)", "SyntaxError: unmatched ')' @2:1"),
    ("True += 1@\nx = = 1", "SyntaxError: 'True' is an illegal expression for augmented assignment @1:1"),
    ("a, b += \n)", "SyntaxError: unmatched ')' @2:1"),
    ("a, b += \nx = = 1", "SyntaxError: invalid syntax @1:6"),
    ("a, b += ", "SyntaxError: invalid syntax @1:6"),
    ("(a, b) :+= \n)", "SyntaxError: unmatched ')' @2:1"),
    ("(a, b) :+= \nx = = 1", "SyntaxError: invalid syntax @1:8"),
    ("(a, b) :+= ", "SyntaxError: invalid syntax @1:8"),
    ("x  0= 0else:o", "SyntaxError: invalid syntax @1:4"),
    ("x _= [1, ", "SyntaxError: invalid syntax @1:3"),
    ("x= (] *in (", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:5"),
    ("def f(,a]=1 f(a=else1, b):1, b): pass", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:9"),
    ("xfor  = 0o8o8", "SyntaxError: invalid digit '8' in octal literal @1:11"),
    ("x not in  = 0o80ox8", "SyntaxError: invalid digit '8' in octal literal @1:15"),
    (" = = 0x1x = 0x0x1x1", "IndentationError: unexpected indent @1:1"),
    (" not in a, *b *c= x x", "IndentationError: unexpected indent @1:1"),
    ("x  if \"abwith h c", "SyntaxError: unterminated string literal (detected at line 1) @1:7"),
    ("x = 1' +{)", "SyntaxError: unterminated string literal (detected at line 1) @1:6"),
    ("if x:\n           elsea\n    bcd = 1 = 1", "IndentationError: unindent does not match any outer indentation level @3:16"),
    ("if x:\n        a\n  .  :bcd = 1", "IndentationError: unindent does not match any outer indentation level @3:14"),
    ("True+= 1**", "SyntaxError: 'True' is an illegal expression for augmented assignment @1:1"),
    ("True += ot ", "SyntaxError: 'True' is an illegal expression for augmented assignment @1:1"),
    ("if xdef :\n   pass\nelif y\":\nx", "SyntaxError: unterminated string literal (detected at line 3) @3:7"),
    ("if x:\n   pass\nef'{liret\nelireturnf y:\nx", "SyntaxError: unterminated string literal (detected at line 3) @3:3"),
    ("x = f{xnot }}\"= f{x}}\"    }}\"    ", "SyntaxError: unmatched '}' @1:13"),
    ("x= = f{x}}\"= f{x}}\"\"    ", "SyntaxError: unmatched '}' @1:10"),
    ("(ax, b) +, b) += 1", "SyntaxError: unmatched ')' @1:13"),
    ("(\na,b) +)= 1", "SyntaxError: unmatched ')' @2:7"),
    ("f(**k**kf(*\\\n*k, *f(**k, *a) is ", "SyntaxError: '(' was never closed @1:10"),
    ("def f(#):\n  \"\"\"doc\"\"\"\n  return\n    xx", "SyntaxError: '(' was never closed @1:6"),
    ("x = \"\"\"abc\n\ny\"\",abc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 5) @1:5"),
    ("def f():\n  \"\"\"doc\"\"c\"+=\"\"\n  return\n   xn\n   x", "SyntaxError: unterminated triple-quoted string literal (detected at line 5) @2:3"),
    ("[a a a for a ino inot  b] = 1", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:2"),
    ("w(hile x:\nx:\nx* x:\nx* not in *", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:3"),
    ("xx = \"\"\"\"\"abc\n\ny   ", "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:6"),
    ("x == \"\"\"abc\n\nffor y", "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:6"),
    ("defelsedef  f(**k, a{): pass[", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '{' @1:22"),
    ("defelse f(*k, a{) pass", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '{' @1:17"),
    ("x = 0*{o}0o}", "SyntaxError: invalid octal literal @1:11"),
    ("x = not 0o", "SyntaxError: invalid octal literal @1:10"),
    ("[)1)1 2 2:>]", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' @1:2"),
    ("del f((-[>)..\".)...", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' @1:11"),
    ("x = 1 = j:>", "SyntaxError: cannot assign to literal @1:5"),
    ("x = 0= 0not :o", "SyntaxError: cannot assign to literal @1:5"),
    ("f(x) += 1::", "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:1"),
    ("f(x) += 1 no += 1not in ", "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:1"),
    ("del *a *rturna", "SyntaxError: cannot delete starred @1:5"),
    ("del *a*a*a*aa*a*a     ", "SyntaxError: cannot delete starred @1:5"),
    ("print 'x'lambda:''", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:1"),
    ("print 'x'''nt 'x'''else", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:1"),
    ("def f():\nfor {\tif x:\n        pas  p  pass", "IndentationError: expected an indented block after function definition on line 1 @2:1"),
    ("def f():\n_\ti{f x:\n        pass", "IndentationError: expected an indented block after function definition on line 1 @2:1"),
    ("x = 1retu i}n rnabc", "SyntaxError: invalid decimal literal @1:5"),
    ("x = 1_**e5", "SyntaxError: invalid decimal literal @1:6"),
    ("True +rue += nototot 1", "SyntaxError: 'expression' is an illegal expression for augmented assignment @1:1"),
    ("f**() += 1", "SyntaxError: 'expression' is an illegal expression for augmented assignment @1:1"),
    ("if x:\n{    pa...ss\n else:\n  e:\n    pass", "IndentationError: expected an indented block after 'if' statement on line 1 @2:1"),
    ("if x_:\n\n@   -> a...\n  bb", "IndentationError: expected an indented block after 'if' statement on line 1 @3:1"),
    ("xif  =f'''{\n  a+\n  b\n}'", "SyntaxError: unterminated triple-quoted string literal (detected at line 4) @1:7"),
    ("def f():\n  \"\"\"doc\"\"doc\"\"coc\"\"c\"+=\"\"\n  return\n   x", "SyntaxError: unterminated triple-quoted string literal (detected at line 4) @2:3"),
    ("f(x) +els= 1:", "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1"),
    ("x + 1 + 1 =  2", "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1"),
    ("x =return flabda\"\"\"\"", "SyntaxError: unterminated triple-quoted string literal (detected at line 1) @1:17"),
    ("x =return flfl fl*ambda\"\"\"\"", "SyntaxError: unterminated triple-quoted string literal (detected at line 1) @1:24"),
    ("x = 0x  = 012", "SyntaxError: invalid hexadecimal literal @1:6"),
    ("x= 0xgels_e", "SyntaxError: invalid hexadecimal literal @1:5"),
    ("x = (\n] =...  is .. (\n]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:1"),
    ("x:> = _(\n]1", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:1"),
    ("try:\n \n   pass\nexcept:\nt:\n", "IndentationError: expected an indented block after 'except' statement on line 4 @5:1"),
    ("try:\n\n    pass\nexcept:\nxxcept:\nxept:\nx", "IndentationError: expected an indented block after 'except' statement on line 4 @5:1"),
    ("def f():\n\tif x:\n \n        p}as}s", "TabError: inconsistent use of tabs and spaces in indentation @4:1"),
    ("def f():\n\tif\\\n x:\n        p}as}s", "TabError: inconsistent use of tabs and spaces in indentation @4:1"),
    ("try:\n    pas\"s\nexcept:\nxxcept:\nxept:\n\nx", "SyntaxError: unterminated string literal (detected at line 2) @2:8"),
    ("def f():\n  \"f():\n  \"\"\"doc\"\"\"\noc\"\"\"\n  return\n    xdel ", "SyntaxError: unterminated string literal (detected at line 2) @2:3"),
    ("x =[ 1\\_ 1\\u00del a0", "SyntaxError: unexpected character after line continuation character @1:8"),
    ("x=\\else", "SyntaxError: unexpected character after line continuation character @1:4"),
    ("if x:\n   (  {  a\n    bcd:> =1", "SyntaxError: '{' was never closed @2:7"),
    ("x  0b1212", "SyntaxError: invalid digit '2' in binary literal @1:7"),
    ("x =  n 0b1212", "SyntaxError: invalid digit '2' in binary literal @1:11"),
    ("x= f[\"{x\"", "SyntaxError: '[' was never closed @1:5"),
    ("x  [1  [1[1[1, 2\ny = 3", "SyntaxError: '[' was never closed @1:12"),
    ("x = [1,,\nclass  2,},", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '[' on line 1 @2:10"),
    ("x = [,\n 2:},", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '[' on line 1 @2:4"),
    ("if x\n=  passass", "SyntaxError: expected ':' @1:5"),
    ("if x\n  ass", "SyntaxError: expected ':' @1:5"),
    ("x  0808", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:4"),
    ("x ={ 0101", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:6"),
    ("from m]ath", "SyntaxError: unmatched ']' @1:7"),
    ("a foelser a r a in b] = 1", "SyntaxError: unmatched ']' @1:21"),
    ("x = x = '{\\N{'", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 1-3: malformed \\N character escape @1:15"),
    ("a,a, *    b, *c =xnelseot ", "SyntaxError: multiple starred expressions in assignment @1:1"),
    ("a, *b, *c =xnelset", "SyntaxError: multiple starred expressions in assignment @1:1"),
    ("def f(*): lambda:pss,pss,", "SyntaxError: named arguments must follow bare * @1:7"),
    ("def f(*, **k*): pass", "SyntaxError: named arguments must follow bare * @1:7"),
    ("try:\n    x\nexcept ValueEror, Tyor, TypeError:\n   pass* pass*", "SyntaxError: multiple exception types must be parenthesized @3:8"),
    ("try:\n    xretur\nexcept Va**lueError, TError, TypeEror:\n  !r  pass", "SyntaxError: multiple exception types must be parenthesized @3:8"),
    ("x  if \"abc c if \"abc", "SyntaxError: expected 'else' after 'if' expression @1:1"),
    ("x = a if bxx", "SyntaxError: expected 'else' after 'if' expression @1:5"),
    ("def f=f f=(a=1, b): passass**", "SyntaxError: expected '(' @1:6"),
    ("def f=(a=1, b): papass**", "SyntaxError: expected '(' @1:6"),
    ("None = 1= 1= 1", "SyntaxError: cannot assign to None @1:1"),
    ("None =nif e = 11", "SyntaxError: cannot assign to None @1:1"),
    ("class A:\ndel ass A:\nx\nx", "IndentationError: expected an indented block after class definition on line 1 @2:1"),
    ("class A:\nx:\nx1", "IndentationError: expected an indented block after class definition on line 1 @2:1"),
    ("xcassele =\\", "SyntaxError: unexpected EOF while parsing @1:12"),
    ("xc:asslsese =\\", "SyntaxError: unexpected EOF while parsing @1:15"),
    ("try:\n    pass\nfinally:\nxly:\ny:\nx", "IndentationError: expected an indented block after 'finally' statement on line 3 @4:1"),
    ("try:\n     pass\nfinally:\nx{{\nx{", "IndentationError: expected an indented block after 'finally' statement on line 3 @4:1"),
    ("deff(}) x = 1 = 2x(", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '(' @1:6"),
    ("df f(}):\n\tif x:\n        pas", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '(' @1:6"),
    ("def f(a=1, b): passpass", "SyntaxError: non-default argument follows default argument @1:12"),
    ("def f(a=1, b): ,pas\n", "SyntaxError: non-default argument follows default argument @1:12"),
    ("a, *ba, *b *cc = x", "SyntaxError: cannot assign to expression @1:10"),
    ("a, *b, *c  *b, *c = xx", "SyntaxError: cannot assign to expression @1:9"),
    ("try:\n    pass\nexcept:\ncept\nxept:\nx", "IndentationError: expected an indented block after 'except' statement on line 3 @4:1"),
    ("try:\n    p+=ass\nexcept:\nxxcept:\nxept:\nx", "IndentationError: expected an indented block after 'except' statement on line 3 @4:1"),
    ("try:\ndel returnxrnx", "IndentationError: expected an indented block after 'try' statement on line 1 @2:1"),
    ("try:\n1     pass\nfinally:\nxly:\nx\nxly:\nx", "IndentationError: expected an indented block after 'try' statement on line 1 @2:1"),
    ("x = 0b00b0b", "SyntaxError: invalid binary literal @1:8"),
    ("x = 0= 0b0bb0b", "SyntaxError: invalid binary literal @1:10"),
    ("for f() in x psss is s", "SyntaxError: cannot assign to function call @1:5"),
    ("for f() i,i,n1f() in x: aspass", "SyntaxError: cannot assign to function call @1:5"),
    ("from mah import sqrt,sr,", "SyntaxError: trailing comma not allowed without surrounding parentheses @1:25"),
    ("from mth import sqrttlse,", "SyntaxError: trailing comma not allowed without surrounding parentheses @1:26"),
    ("not delambda:flambda:f (*): pass...", "SyntaxError: illegal target for annotation @1:1"),
    ("deffwith ():f():x", "SyntaxError: illegal target for annotation @1:1"),
    ("del f()l f()l f( f(", "SyntaxError: cannot delete function call @1:5"),
    ("del f()l f()l f()l f(", "SyntaxError: cannot delete function call @1:5"),
    ("x =x = 1jf'{", "SyntaxError: invalid imaginary literal @1:9"),
    ("xx = 1jx = 1j:>", "SyntaxError: invalid imaginary literal @1:7"),
    ("[ f1or {a in b] = @] = @1    ", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '{' @1:15"),
    ("x = f\"\" as {a[= f\"\"{a[\"\"{a[1:2{x]}\"", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '{' @1:33"),
    ("if x:\n \n\n \n    pass\nelse:\nx", "IndentationError: expected an indented block after 'else' statement on line 6 @7:1"),
    ("*x=f\"{x = !r::^def 20}\"", "SyntaxError: starred assignment target must be in a list or tuple @1:1"),
    ("*areturn = xx", "SyntaxError: starred assignment target must be in a list or tuple @1:1"),
    ("x =for=for \"\"\"abc\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 2) @1:12"),
    ("x =fr  \"\"\"ab\nyy", "SyntaxError: unterminated triple-quoted string literal (detected at line 2) @1:8"),
    ("x =  \"\"\"abc\n\nyc]\n\n\n]\n\n\nyc\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 10) @1:6"),
    ("x = \"\"\"abc\n\nyc\n\n\nyc\n\nyc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 10) @1:5"),
    ("def f(a,  a): pas", "SyntaxError: duplicate argument 'a' in function definition @1:11"),
    ("f(**k,*aireturnf =", "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1:7"),
    ("f(**kf*kf(**k, *a)i ", "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1:16"),
    ("f(\\\na}\na} b)", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '(' on line 1 @2:2"),
    ("f(\\\na} b)} b)", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '(' on line 1 @2:2"),
    ("a, bb += 1", "SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:1"),
    ("def f(*a=1): pasass", "SyntaxError: var-positional argument cannot have default value @1:9"),
    ("def fx(*a=1): pass: pas: pass", "SyntaxError: var-positional argument cannot have default value @1:10"),
    ("try:\n    x\ne{xcept ValueEror, TypeErr{or:\n   r:\n   pass", "SyntaxError: expected 'except' or 'finally' block @3:1"),
    ("try:\n    paaspaass\nfi\nnally:\nxly:\nx", "SyntaxError: expected 'except' or 'finally' block @3:1"),
    ("with a:\nx a:elsexlsex", "IndentationError: expected an indented block after 'with' statement on line 1 @2:1"),
    ("with a:\n:\nx...", "IndentationError: expected an indented block after 'with' statement on line 1 @2:1"),
    ("[a, b += 1}* += 1}", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '[' @1:11"),
    ("[a, b = 1}b += 1}b += 1}", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '[' @1:10"),
    ("x= *alambdamb*da", "SyntaxError: can't use starred expression here @1:4"),
    ("*  x*  x", "SyntaxError: can't use starred expression here @1:1"),
    ("while x:\nx\n\nx\nx", "IndentationError: expected an indented block after 'while' statement on line 1 @2:1"),
    ("while     x:\nx:**", "IndentationError: expected an indented block after 'while' statement on line 1 @2:1"),
    ("for x in y:\n\nzz\nzz", "IndentationError: expected an indented block after 'for' statement on line 1 @3:1"),
    ("for x in y:\nx[x[", "IndentationError: expected an indented block after 'for' statement on line 1 @2:1"),
    ("x =x =True = Truue = 1", "SyntaxError: cannot assign to True @1:7"),
    ("x = True=ue= True = 1", "SyntaxError: cannot assign to True @1:5"),
    ("x = '.\\N{NOP}'", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 1-7: unknown Unicode character name @1:15"),
    ("try:\n    pass\nfinally:\n        \n    break", "SyntaxError: 'break' outside loop @5:5"),
    ("try:\n    pa\n    pass\\\n\nfinally:\n    break", "SyntaxError: 'break' outside loop @6:5"),
    ("a, b: nt nt", "SyntaxError: only single target (not tuple) can be annotated @1:1"),
    ("a, b: ntnt", "SyntaxError: only single target (not tuple) can be annotated @1:1"),
    ("f() = 11 as ", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1:1"),
    ("f()= 1:", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1:1"),
    ("f(x for x in y, 1)i+=f iff ", "SyntaxError: Generator expression must be parenthesized @1:3"),
    ("f(x for x in y,y, 1,)", "SyntaxError: Generator expression must be parenthesized @1:3"),
    ("1 = x i1 = in  x is ", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1"),
    ("1 = r", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1"),
    ("del aa*aa    ", "SyntaxError: cannot delete expression @1:5"),
    ("x, = \"\"\"abc\nc\n\ny\"abc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 6) @1:6"),
    ("def f():\n  \"\"\"doc\"\"\"\noc\"\"\noc\"\"\"\n  return\n    xdel ", "SyntaxError: unterminated triple-quoted string literal (detected at line 6) @4:3"),
    ("x( = [1,with \n )\n )2,,", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' on line 1 @2:2"),
    ("x = [1,with \n )ith \n )2,,", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' on line 1 @2:2"),
    ("if x:\n   pass\nelif y:\nelif y:\nx", "IndentationError: expected an indented block after 'elif' statement on line 3 @4:1"),
    ("if x:\n    pass\nelse:\nxe:\nx:\nx", "IndentationError: expected an indented block after 'else' statement on line 3 @4:1"),
    ("if x:\n    pss\nelse:\nx", "IndentationError: expected an indented block after 'else' statement on line 3 @4:1"),
    ("x, = \"\"\"a,bc\n\nc\n\ny\"abc\n\n!ry", "SyntaxError: unterminated triple-quoted string literal (detected at line 7) @1:6"),
    ("x = \"\"\"c\n\n\"abc\n\nbc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 7) @1:5"),
    ("def f():\n\tif x:\n\tif :\n        is  pass", "IndentationError: expected an indented block after 'if' statement on line 2 @3:2"),
    ("def f():\n\tif x:\n\tif x:\nf x:\n        pa is sss", "IndentationError: expected an indented block after 'if' statement on line 2 @3:2"),
    ("x = f\"\" = \"\"", "SyntaxError: cannot assign to f-string expression @1:5"),
    ("x = f\"=  = f\"= f\"\"", "SyntaxError: cannot assign to f-string expression @1:5"),
    ("def f():\n\t\n\tif x:\n\tif x:\n        pass", "IndentationError: expected an indented block after 'if' statement on line 3 @4:2"),
    ("class A:\n  return 111", "SyntaxError: 'return' outside function @2:3"),
    ("x = '\\N{BULLE}'\n", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: unknown Unicode character name @1:16"),
    ("for i in x:\\\n\n   def f():\n       continue", "SyntaxError: 'continue' not properly in loop @4:8"),
    ("def f(**k, a): passpas:s", "SyntaxError: arguments cannot follow var-keyword argument @1:12"),
    ("def f(**k, a): passpassss", "SyntaxError: arguments cannot follow var-keyword argument @1:12"),
    ("[a \\\nfor a in ba in b] = 1", "SyntaxError: cannot assign to list comprehension here. Maybe you meant '==' instead of '='? @1:1"),
    ("[a for a in b]= 1", "SyntaxError: cannot assign to list comprehension here. Maybe you meant '==' instead of '='? @1:1"),
    ("x, = \"\"\"abc\n\nc\n\nc\n\n\"abc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 9) @1:6"),
    ("x, = \"\"\"\"\"abc\n\nc\n\ny\"abc\n\nyabc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 9) @1:6"),
    ("x not = -> return\"\"\"abc\n\nyc\n\n\nyc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 8) @1:18"),
    ("x =  \n\"\"\"bc\nyc\n\n\nyc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 8) @2:1"),
    ("x ='\\N'", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape @1:8"),
    ("try:\n    pass\nexcept:\n    pass\nexcept ValueErrorr:\n    ass", "SyntaxError: default 'except:' must be last @3:1"),
    ("try:\n   pass\nexcept:\n    pass\nexcept ValueEror:\n    pass", "SyntaxError: default 'except:' must be last @3:1"),
    ("x  \"\"abc\n\"\"abc\n\ny'(", "SyntaxError: unterminated string literal (detected at line 4) @4:2"),
    ("if x:\n   f x:\n    pass\nelif y\":\n'xx", "SyntaxError: unterminated string literal (detected at line 4) @4:7"),
    ("x = '\\N{'+", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape @1:10"),
    ("def f(*, *k): p{as: p{ass", "SyntaxError: * argument may appear only once @1:10"),
    ("def elsef(*,*k,a): pass", "SyntaxError: * argument may appear only once @1:13"),
    ("x = f'''{\n  a +\n \n b\n}''''", "SyntaxError: unterminated string literal (detected at line 5) @5:5"),
    ("x = \"\"abc\ny\nbc\ny\ny'", "SyntaxError: unterminated string literal (detected at line 5) @5:2"),
    ("try:    pa+=ss\nexcept:\nx", "IndentationError: expected an indented block after 'except' statement on line 2 @3:1"),
    ("try:\n   \n   \\\n pass\nfinally:\nx", "IndentationError: expected an indented block after 'finally' statement on line 5 @6:1"),
    ("try:\n   \\\n   \\\n pass\nfinally:\nx{", "IndentationError: expected an indented block after 'finally' statement on line 5 @6:1"),
    ("x = '\\N{BBULLET}'", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-10: unknown Unicode character name @1:18"),
    ("x = [1,\n 2 [1,\n 2,},", "SyntaxError: closing parenthesis '}' does not match opening parenthesis '[' on line 2 @3:4"),
    ("def f():\n  \"\"\"oc\"\"\"\"doc\"\"c\"+=\"\"\n  return   x", "SyntaxError: 'literal' is an illegal expression for augmented assignment @2:3"),
    ("x = '\\N{_NON{_NO[PE}'", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-14: unknown Unicode character name @1:22"),
    ("x = '\\N{NOP}'", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name @1:14"),
    ("try:\n  \n     passass\nfinally:\nx{x{", "IndentationError: expected an indented block after 'finally' statement on line 4 @5:1"),
    ("def f{():\n\nx):\n\nx", "SyntaxError: closing parenthesis ')' does not match opening parenthesis '{' on line 1 @3:2"),
    ("for i in x:\n    def f():\n    ,     continue", "IndentationError: expected an indented block after function definition on line 2 @3:5"),
    ("x =  \"\"\"bc\n\nyc\n\n\nyc\n\n\nyc\n\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 11) @1:6"),
    ("try:\n    pass\nexcept:\n    p_ass\nexcept ValueEValueError:\nrror:\n    pass", "IndentationError: expected an indented block after 'except' statement on line 5 @6:1"),
    ("x = \n(\n] as ", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 2 @3:1"),
]

@Test(arguments: cpythonErrors) func errorsMatchCPython(_ c: (String, String)) {
    #expect(parseDump(c.0) == c.1, "source: \(c.0.debugDescription)")
}
