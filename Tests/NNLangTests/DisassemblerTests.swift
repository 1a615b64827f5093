import NNLang
import Testing

/// Golden disassemblies: they pin what the compiler makes of representative programs
/// (`nnbook dis` prints the same text). A deliberate compiler change updates them.
struct DisassemblerTests {
    static let cases: [(String, String, String)] = [
        // module code: globals, a range loop, augmented assignment
        ("loop.nn", #"""
            s = 0.0
            for i in range(10):
                s += i * 0.5
            print(s)
            """#, #"""
            Disassembly of <module>:
            1    0      loadConst          0 (0.0)
                 1      storeGlobal        0 (s)
            2    2      loadGlobalCallee   1 (range)
                 3      loadConst          1 (10)
                 4      call               1
                 5      getIter
                 6      forIterStore       to 10, into global 2 (i)
            3    7      binaryVarConst     global 2 (i) * 0.5
                 8      inplaceLocal       0 (+=), into global 0 (s)
            2    9      forIterBack        to 10, into global 2 (i), then to 7
            4    10     loadGlobalCallee   3 (print)
                 11     loadGlobal         0 (s)
                 12     call               1
                 13     pop
                 14     loadConst          3 (None)
                 15     returnValue


            """#),
        // a def with a default, a closure cell, a conditional expression
        ("closure.nn", #"""
            def make(k=2):
                def mul(x):
                    return x * k
                return mul
            print(make()(3) if make else None)
            """#, #"""
            Disassembly of <module>:
            1    0      loadConst          0 (2)
                 1      makeFunction       0 (make)
                 2      storeGlobal        0 (make)
            5    3      loadGlobalCallee   1 (print)
                 4      loadGlobal         0 (make)
                 5      jumpIfFalse        to 11
                 6      loadGlobalCallee   0 (make)
                 7      call               0
                 8      loadConst          1 (3)
                 9      call               1
                 10     jump               to 12
                 11     loadConst          2 (None)
                 12     call               1
                 13     pop
                 14     loadConst          2 (None)
                 15     returnValue

            Disassembly of make:
            2    0      makeFunction       0 (make.<locals>.mul)
                 1      storeLocal         2 (mul)
            4    2      returnLocal        2 (mul)
                 3      loadConst          0 (None)
                 4      returnValue

            Disassembly of make.<locals>.mul:
            3    0      loadLocal          1 (x)
                 1      loadCell           2 (k)
                 2      binary             2 (*)
                 3      returnValue
                 4      loadConst          0 (None)
                 5      returnValue


            """#),
        // try/except/finally: the handler table and the inline finally
        ("tryexc.nn", #"""
            try:
                x = 1 / 0
            except ZeroDivisionError as e:
                print(e)
            finally:
                print("done")
            """#, #"""
            Disassembly of <module>:
            2    0      loadConst          0 (1)
                 1      binaryConst        4 (/ 0)
                 2      storeGlobal        0 (x)
                 3      jump               to 17
            3    4      loadGlobal         1 (ZeroDivisionError)
                 5      excMatch           to 16
                 6      loadExc
                 7      storeGlobal        2 (e)
            4    8      loadGlobalCallee   3 (print)
                 9      loadGlobal         2 (e)
                 10     call               1
                 11     pop
                 12     popExcept
                 13     loadConst          2 (<unbound>)
                 14     storeGlobal        2 (e)
                 15     jump               to 17
            1    16     reraise
            6    17     loadGlobalCallee   3 (print)
                 18     loadConst          3 ('done')
                 19     call               1
                 20     pop
                 21     jump               to 27
                 22     loadGlobalCallee   3 (print)
                 23     loadConst          3 ('done')
                 24     call               1
                 25     pop
            1    26     reraise
                 27     loadConst          4 (None)
                 28     returnValue
              handler 0 to 3 -> 4 [except] depth 0
              handler 8 to 12 -> unwind [cleanup] depth 0
              handler 4 to 8 -> unwind [cleanup] depth 0
              handler 0 to 17 -> 22 [finally] depth 0
              handler 22 to 26 -> unwind [cleanup] depth 0


            """#),
        // a generator function (yield from, return) and a lazy generator expression
        ("gen.nn", #"""
            def gen(n):
                yield from range(n)
                return n
            print(sum(x * x for x in gen(3)))
            """#, #"""
            Disassembly of <module>:
            1    0      makeFunction       0 (gen)
                 1      storeGlobal        0 (gen)
            4    2      loadGlobalCallee   1 (print)
                 3      loadGlobalCallee   2 (sum)
                 4      loadGlobalCallee   0 (gen)
                 5      loadConst          0 (3)
                 6      call               1
                 7      getIter
                 8      makeGenerator      0
                 9      call               1
                 10     call               1
                 11     pop
                 12     loadConst          1 (None)
                 13     returnValue

            Disassembly of gen:
            2    0      loadGlobal         0 (range)
                 1      loadLocal          1 (n)
                 2      call               1
                 3      getYieldFromIter
                 4      loadConst          0 (None)
                 5      yieldFrom
                 6      pop
            3    7      returnLocal        1 (n)
                 8      loadConst          0 (None)
                 9      returnValue

            Disassembly of <genexpr>:
            4    0      forIterStore       to 5, into 1 (x#1)
                 1      binaryLocals       1 (x#1) * 1 (x#1)
                 2      yieldValue
                 3      pop
                 4      jumpBack           to 0
                 5      loadConst          0 (None)
                 6      returnValue


            """#),
        // a class body, super(), star arguments, with, starred unpacking
        ("cls.nn", #"""
            class A:
                y = 1
                def f(self, *a, **k):
                    return super().f(*a, z=1, **k)
            with open("f") as fh:
                a, *b = fh
            """#, #"""
            Disassembly of <module>:
            1    0      buildClass         0 (A, 0 bases)
                 1      storeGlobal        0 (A)
            5    2      loadGlobalCallee   1 (open)
                 3      loadConst          0 ('f')
                 4      call               1
                 5      withEnter          1
                 6      storeGlobal        2 (fh)
            6    7      loadGlobal         2 (fh)
                 8      unpack             2 (star at 1)
                 9      storeGlobal        3 (a)
                 10     storeGlobal        4 (b)
            5    11     withExit           1
                 12     jump               to 14
                 13     withExitExc        1
                 14     loadConst          1 (None)
                 15     returnValue
              handler 7 to 11 -> 13 [finally] depth 0

            Disassembly of class A:
            1    0      loadConst          0 ('__main__')
                 1      storeClassName     0 (__module__)
                 2      loadConst          1 ('A')
                 3      storeClassName     1 (__qualname__)
            2    4      loadConst          2 (1)
                 5      storeClassName     2 (y)
            3    6      makeFunction       0 (A.f)
                 7      storeClassName     3 (f)
                 8      loadConst          3 (None)
                 9      returnValue

            Disassembly of A.f:
            4    0      loadCell           4 (__class__#)
                 1      loadLocal          1 (self)
                 2      makeSuper
                 3      loadAttr           0 (f)
                 4      loadLocal          2 (a)
                 5      loadConst          0 (1)
                 6      loadLocal          3 (k)
                 7      callEx             (*arg, z=, **arg)
                 8      returnValue
                 9      loadConst          1 (None)
                 10     returnValue


            """#),
        // augmented assignments to items with local operands: the item read, the value, then
        // the operation and the store in one instruction
        ("items.nn", #"""
            def update(c, t, xs, i, j, v):
                c[i][j] += v * 2
                t[i, j] -= c[i][j]
                xs[i] *= t[j, i]
                c[i][j][0] /= v
            """#, #"""
            Disassembly of <module>:
            1    0      makeFunction       0 (update)
                 1      storeGlobal        0 (update)
                 2      loadConst          0 (None)
                 3      returnValue

            Disassembly of update:
            2    0      subscrLocals2      1 (c)[4 (i)][5 (j)] (row borrowed under)
                 1      binaryVarConst     6 (v) * 2
                 2      inplaceStoreSubscrTopLocal [5 (j)] +=
            3    3      subscrPairLocals   2 (t)[4 (i), 5 (j)]
                 4      subscrLocals2      1 (c)[4 (i)][5 (j)]
                 5      inplaceStoreSubscrPairLocals 2 (t)[4 (i), 5 (j)] -=
            4    6      subscrLocals       3 (xs)[4 (i)]
                 7      subscrPairLocals   2 (t)[5 (j), 4 (i)]
                 8      inplaceStoreSubscrLocals 3 (xs)[4 (i)] *=
            5    9      subscrLocals2      1 (c)[4 (i)][5 (j)]
                 10     loadConst          1 (0)
                 11     dupTwo
                 12     subscr
                 13     loadLocal          6 (v)
                 14     inplace            4 (/)
                 15     rotThree
                 16     storeSubscr
                 17     loadConst          2 (None)
                 18     returnValue


            """#),
    ]

    @Test(arguments: 0..<DisassemblerTests.cases.count)
    func golden(_ k: Int) {
        let (file, source, expected) = DisassemblerTests.cases[k]
        #expect(disassemble(source: source, file: file) == expected, "\(file)")
    }

    @Test func syntaxErrorIsADiagnostic() {
        #expect(disassemble(source: "x = (", file: "bad.nn").hasPrefix("bad.nn:1:"))
    }
}
