// The nn syntax tree.
//
// Representation: value types. `Expr` and `Stmt` are small structs holding a `kind` (an indirect
// enum, so children are boxed once and shared copy-on-write) and a `range` in FILE coordinates.
// An evaluator compiles the tree in one `switch` per node kind; nothing in the tree is mutable
// after parsing, so trees are `Sendable` and can be cached and compared (`Equatable`) in tests.
//
// Names are plain strings (`.name("x")`). Scope analysis and slot assignment belong to the
// evaluator's own resolver pass: it maps each `.name` occurrence, in the scope it appears in,
// to a slot in the compiled form. The parser does not try to guess scopes.
//
// Desugarings done by the parser (so the evaluator does not have to):
// - `elif` is an `.if` nested alone in the `orelse` of its parent (as in CPython's `ast`).
// - Adjacent string literals are concatenated; when any of them is an f-string, the result is
//   one `.fstring` whose literal parts are merged.
// - The f-string debug form `f"{x = }"` becomes a literal part `"x = "` followed by a field
//   whose conversion is `.repr` when neither a conversion nor a format spec was written
//   (CPython's rule).
// - `a < b < c` is one `.compare(a, [(<, b), (<, c)])`; `a and b and c` one `.boolOp` with
//   three operands.
// - Negative number literals are NOT folded: `-1` is `.unary(.neg, .int(1))`.

/// A position in source: 1-based line (in file coordinates) and 1-based column counted in
/// Unicode scalars from the start of the line.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored as 32-bit so an `Expr` is 24 bytes: smaller nodes and smaller parser frames.
    private var line32: Int32
    private var column32: Int32
    /// The line in the file (1-based).
    public var line: Int {
        get { Int(line32) }
        set { line32 = Int32(clamping: newValue) }
    }
    /// The column (1-based, in Unicode scalars).
    public var column: Int {
        get { Int(column32) }
        set { column32 = Int32(clamping: newValue) }
    }
    /// The position at `line`, `column` (both 1-based).
    public init(line: Int, column: Int) {
        line32 = Int32(clamping: line)
        column32 = Int32(clamping: column)
    }
    /// Source order.
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line32, a.column32) < (b.line32, b.column32)
    }
    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// The span of a node: `start` is its first character, `end` is just past its last character
/// (exclusive, like CPython's `end_col_offset`). Both in file coordinates.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The first character.
    public var start: SourcePosition
    /// Just past the last character.
    public var end: SourcePosition
    /// The range from `start` to `end` (exclusive).
    public init(start: SourcePosition, end: SourcePosition) { self.start = start; self.end = end }
    /// The range covering both `a` and `b`.
    public static func covering(_ a: SourceRange, _ b: SourceRange) -> SourceRange {
        SourceRange(start: min(a.start, b.start), end: max(a.end, b.end))
    }
    /// `line:col-line:col`.
    public var description: String { "\(start)-\(end)" }
    /// The start as a `SourceLocation` in `file`.
    public func location(file: String) -> SourceLocation {
        SourceLocation(file: file, line: start.line, column: start.column)
    }
}

/// A parsed cell or script.
public struct Module: Sendable, Equatable {
    /// The file name given to the parser (used in diagnostics and tracebacks).
    public var file: String
    /// The statements, in order.
    public var body: [Stmt]
    /// True when the source's last statement line ends with `;` (`plot(x);`): Jupyter then
    /// shows no `Out` for the final expression.
    public var endsWithSemicolon: Bool
    /// A module of `body` parsed from `file`.
    public init(file: String, body: [Stmt], endsWithSemicolon: Bool = false) {
        self.file = file; self.body = body; self.endsWithSemicolon = endsWithSemicolon
    }
}

// MARK: - Expressions

/// An expression node with its source range.
public struct Expr: Sendable, Equatable {
    /// What the expression is.
    public var kind: ExprKind
    /// Where it is, from its first token to its last (parentheses included, as CPython).
    public var range: SourceRange
    /// An expression of `kind` at `range`.
    public init(_ kind: ExprKind, _ range: SourceRange) { self.kind = kind; self.range = range }
}

/// The kinds of expressions.
public indirect enum ExprKind: Sendable, Equatable {
    /// A variable reference (load, store or delete depending on where the node appears).
    case name(String)
    /// An integer literal that fits in Int64 (larger literals are a syntax error).
    case int(Int64)
    /// A float literal (`1.5`, `1e-3`, `.5`, `1_000.0`).
    case float(Double)
    /// An imaginary literal (`1j`): parsed so the evaluator can reject it with a clear error.
    case imaginary(Double)
    /// A string literal (after escapes and implicit concatenation).
    case string(String)
    /// A bytes literal (`b"..."`): parsed so the evaluator can reject it with a clear error.
    case bytes([UInt8])
    /// `True` or `False`.
    case bool(Bool)
    /// `None`.
    case none
    /// `...`.
    case ellipsis
    /// An f-string: literal text and formatted fields, in order.
    case fstring([FStringPart])

    /// `value.attr`.
    case attribute(Expr, String)
    /// `value[index]`. A multi-index `t[i, j]` has a `.tuple` index; `t[1:2]` a `.slice` index;
    /// `t[i, 1:, None, ...]` a `.tuple` containing slices, `.none` and `.ellipsis`.
    case `subscript`(Expr, index: Expr)
    /// `lower:upper:step` (only valid directly inside a subscript or a subscript's tuple).
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    /// `f(args)`.
    case call(Expr, [Argument])

    /// `-x`, `+x`, `~x`, `not x`.
    case unary(UnaryOp, Expr)
    /// `a op b` for the arithmetic and bitwise operators.
    case binary(Expr, BinaryOp, Expr)
    /// `a and b and ...` / `a or b or ...` (two or more operands, same operator).
    case boolOp(BoolOp, [Expr])
    /// A comparison chain `a < b <= c`: the left operand and one `Comparison` per operator.
    case compare(Expr, [Comparison])
    /// `body if test else orelse`.
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    /// `lambda params: body`.
    case lambda(Parameters, body: Expr)

    /// `[a, b]`.
    case list([Expr])
    /// `(a, b)` or `a, b`.
    case tuple([Expr])
    /// `{a, b}`.
    case set([Expr])
    /// `{k: v, **d}`.
    case dict([DictItem])
    /// `[elt for ...]`.
    case listComp(Expr, [Comprehension])
    /// `{elt for ...}`.
    case setComp(Expr, [Comprehension])
    /// `{key: value for ...}`.
    case dictComp(key: Expr, value: Expr, [Comprehension])
    /// `(elt for ...)`, also the bare form as the only argument of a call: `sum(x for x in y)`.
    case generator(Expr, [Comprehension])

    /// `*x` in a display, a call's positional arguments are `Argument.starred` instead; this
    /// node appears in list/tuple/set displays and assignment targets.
    case starred(Expr)

    /// `yield` / `yield value` (a generator function's body); `yield from iterable`.
    case yield(Expr?)
    case yieldFrom(Expr)
}

/// One piece of an f-string.
public enum FStringPart: Sendable, Equatable {
    /// Literal text (with `{{`/`}}` already turned into `{`/`}` and escapes processed).
    case literal(String)
    /// A replacement field `{expr!conv:spec}`.
    case field(FStringField)
}

/// A replacement field of an f-string.
public struct FStringField: Sendable, Equatable {
    /// The expression to format.
    public var expr: Expr
    /// `!s`, `!r` or `!a`; nil when absent.
    public var conversion: FStringConversion?
    /// The format spec after `:`, itself an f-string (it may hold nested fields: `{x:{w}.{p}f}`);
    /// nil when there is no `:`.
    public var formatSpec: [FStringPart]?
    /// A field formatting `expr`.
    public init(expr: Expr, conversion: FStringConversion?, formatSpec: [FStringPart]?) {
        self.expr = expr; self.conversion = conversion; self.formatSpec = formatSpec
    }
}

/// The conversion of an f-string field.
public enum FStringConversion: Character, Sendable, Equatable {
    case str = "s", repr = "r", ascii = "a"
}

/// An argument in a call (or in a class's base list).
public enum Argument: Sendable, Equatable {
    /// `f(x)`.
    case positional(Expr)
    /// `f(*xs)`.
    case starred(Expr)
    /// `f(name=x)`; `range` covers `name=x`.
    case keyword(name: String, value: Expr, range: SourceRange)
    /// `f(**kw)`.
    case doubleStarred(Expr)
}

/// An entry of a dict display.
public enum DictItem: Sendable, Equatable {
    /// `key: value`.
    case pair(key: Expr, value: Expr)
    /// `**mapping`.
    case unpack(Expr)
}

/// One `for target in iter if cond if cond` clause of a comprehension.
public struct Comprehension: Sendable, Equatable {
    /// The loop target (a name or a tuple/list of targets).
    public var target: Expr
    /// The iterable.
    public var iter: Expr
    /// The conditions, all of which must hold.
    public var ifs: [Expr]
    /// A `for target in iter if ...` clause.
    public init(target: Expr, iter: Expr, ifs: [Expr]) { self.target = target; self.iter = iter; self.ifs = ifs }
}

/// One link of a comparison chain: the operator and its right operand.
public struct Comparison: Sendable, Equatable {
    /// The operator.
    public var op: CompareOp
    /// The right operand.
    public var right: Expr
    /// A link `op right`.
    public init(op: CompareOp, right: Expr) { self.op = op; self.right = right }
}

/// Unary operators.
public enum UnaryOp: String, Sendable, Equatable {
    case neg = "-", pos = "+", invert = "~", not = "not"
}

/// Binary arithmetic and bitwise operators (also the operator of an augmented assignment).
public enum BinaryOp: String, Sendable, Equatable {
    case add = "+", sub = "-", mul = "*", matMul = "@", div = "/", floorDiv = "//", mod = "%"
    case pow = "**", lShift = "<<", rShift = ">>", bitOr = "|", bitXor = "^", bitAnd = "&"
}

/// `and` / `or`.
public enum BoolOp: String, Sendable, Equatable {
    case and, or
}

/// Comparison operators.
public enum CompareOp: String, Sendable, Equatable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

/// The parameter list of a `def` or `lambda`.
///
/// `def f(a, b=1, /, c=2, *args, d, e=3, **kw)`: `positional` = [a, b, c] with
/// `positionalOnlyCount` = 2, `varargs` = args, `keywordOnly` = [d, e], `kwargs` = kw.
/// A bare `*` (keyword-only marker) gives `varargs == nil` with non-empty `keywordOnly`.
public struct Parameters: Sendable, Equatable {
    /// Parameters that can be passed by position (the first `positionalOnlyCount` only so).
    public var positional: [Parameter]
    /// How many of `positional` come before a `/`.
    public var positionalOnlyCount: Int
    /// `*args`.
    public var varargs: Parameter?
    /// Parameters after `*` or `*args`.
    public var keywordOnly: [Parameter]
    /// `**kwargs`.
    public var kwargs: Parameter?
    /// A parameter list.
    public init(positional: [Parameter] = [], positionalOnlyCount: Int = 0, varargs: Parameter? = nil,
                keywordOnly: [Parameter] = [], kwargs: Parameter? = nil) {
        self.positional = positional; self.positionalOnlyCount = positionalOnlyCount
        self.varargs = varargs; self.keywordOnly = keywordOnly; self.kwargs = kwargs
    }
    /// Every parameter name in binding order (positional, *args, keyword-only, **kwargs).
    public var allNames: [String] {
        var names = positional.map(\.name)
        if let v = varargs { names.append(v.name) }
        names += keywordOnly.map(\.name)
        if let k = kwargs { names.append(k.name) }
        return names
    }
}

/// One parameter: its name, default (evaluated once, at `def` time) and annotation (kept, never
/// evaluated by nn).
public struct Parameter: Sendable, Equatable {
    /// The parameter's name.
    public var name: String
    /// The default, evaluated when the `def` runs.
    public var defaultValue: Expr?
    /// The annotation, never evaluated.
    public var annotation: Expr?
    /// The range of the name and its annotation (not the default), as CPython's `arg`.
    public var range: SourceRange
    /// A parameter.
    public init(name: String, defaultValue: Expr? = nil, annotation: Expr? = nil, range: SourceRange) {
        self.name = name; self.defaultValue = defaultValue; self.annotation = annotation; self.range = range
    }
}

// MARK: - Statements

/// A statement node with its source range (the whole statement, including any body).
public struct Stmt: Sendable, Equatable {
    /// What the statement is.
    public var kind: StmtKind
    /// Where it is, from its first token to the end of its last body statement.
    public var range: SourceRange
    /// A statement of `kind` at `range`.
    public init(_ kind: StmtKind, _ range: SourceRange) { self.kind = kind; self.range = range }
}

/// The kinds of statements.
public indirect enum StmtKind: Sendable, Equatable {
    /// An expression evaluated for its effect (its value is the cell's result when last).
    case expr(Expr)
    /// `t1 = t2 = value`: one or more targets, assigned left to right. Targets are `.name`,
    /// `.attribute`, `.subscript`, or `.tuple`/`.list` of targets (nested) with at most one
    /// `.starred` per level.
    case assign(targets: [Expr], value: Expr)
    /// `target op= value` (target: name, attribute or subscript).
    case augAssign(target: Expr, op: BinaryOp, value: Expr)
    /// `target: annotation = value` (the value may be absent; the annotation is never evaluated).
    case annAssign(target: Expr, annotation: Expr, value: Expr?)

    /// `if test: body else: orelse` (`elif` is a nested `.if` alone in `orelse`).
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    /// `for target in iter: body else: orelse`.
    case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt])
    /// `while test: body else: orelse`.
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `break`
    case `continue`
    case pass
    /// `return` / `return value` (a bare `return a, b` gives a `.tuple`).
    case `return`(Expr?)

    /// `def`.
    case functionDef(FunctionDef)
    /// `class`.
    case classDef(ClassDef)
    /// `global a, b`.
    case global([String])
    /// `nonlocal a, b`.
    case nonlocal([String])
    /// `del a, b[0], c.d`.
    case del([Expr])
    /// `raise`, `raise exc`, `raise exc from cause`.
    case raise(exc: Expr?, cause: Expr?)
    /// `try: body except ...: ... else: orelse finally: finalbody`.
    case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
    /// `assert test, msg`.
    case assert(test: Expr, msg: Expr?)
    /// `with a as x, b: body`.
    case with(items: [WithItem], body: [Stmt])
    /// `import a.b as c, d`.
    case `import`([ImportAlias])
    /// `from module import a, b as c` (`from . import x` has `level` 1; `import *` is a single
    /// alias named `*`).
    case importFrom(module: String?, names: [ImportAlias], level: Int)
    /// An IPython line magic wrapping the statements of the rest of its line.
    case magic(Magic)
}

/// `def name(params) -> returns: body`.
public struct FunctionDef: Sendable, Equatable {
    /// The function's name.
    public var name: String
    /// Its parameters.
    public var parameters: Parameters
    /// Its body.
    public var body: [Stmt]
    /// Decorators, outermost first.
    public var decorators: [Expr]
    /// The return annotation, kept and never evaluated.
    public var returns: Expr?
    /// A function definition.
    public init(name: String, parameters: Parameters, body: [Stmt], decorators: [Expr] = [], returns: Expr? = nil) {
        self.name = name; self.parameters = parameters; self.body = body
        self.decorators = decorators; self.returns = returns
    }
}

/// `class name(bases): body`.
public struct ClassDef: Sendable, Equatable {
    /// The class's name.
    public var name: String
    /// The base list as written (positional bases, and keywords such as `metaclass=`).
    public var bases: [Argument]
    /// The class body.
    public var body: [Stmt]
    /// Decorators, outermost first.
    public var decorators: [Expr]
    /// A class definition.
    public init(name: String, bases: [Argument], body: [Stmt], decorators: [Expr] = []) {
        self.name = name; self.bases = bases; self.body = body; self.decorators = decorators
    }
}

/// `except type as name: body` (`type` nil for a bare `except:`; a tuple of types is a `.tuple`).
public struct ExceptHandler: Sendable, Equatable {
    /// The exception type(s) matched; nil for a bare `except:`.
    public var type: Expr?
    /// The `as` name.
    public var name: String?
    /// The handler body.
    public var body: [Stmt]
    /// From `except` to the end of the body.
    public var range: SourceRange
    /// An `except` clause.
    public init(type: Expr?, name: String?, body: [Stmt], range: SourceRange) {
        self.type = type; self.name = name; self.body = body; self.range = range
    }
}

/// One `context as target` item of a `with`.
public struct WithItem: Sendable, Equatable {
    /// The context manager expression.
    public var context: Expr
    /// The `as` target.
    public var target: Expr?
    /// A `with` item.
    public init(context: Expr, target: Expr?) { self.context = context; self.target = target }
}

/// `name as asName` in an import (`name` may be dotted: `os.path`).
public struct ImportAlias: Sendable, Equatable {
    /// The imported name (dotted for modules).
    public var name: String
    /// The `as` name.
    public var asName: String?
    /// The range of `name as asName`.
    public var range: SourceRange
    /// An import alias.
    public init(name: String, asName: String?, range: SourceRange) {
        self.name = name; self.asName = asName; self.range = range
    }
}

/// An IPython line magic: `%time STMT` or `%timeit [-n N] [-r R] STMT`.
public struct Magic: Sendable, Equatable {
    /// Which magic.
    public enum Kind: String, Sendable, Equatable { case time, timeit }
    /// Which magic.
    public var kind: Kind
    /// `-n N` (loops per run) when given.
    public var number: Int?
    /// `-r R` (runs) when given.
    public var repeatCount: Int?
    /// The statements of the rest of the line (`%time a = 1; b = 2` has two).
    public var body: [Stmt]
    /// A magic wrapping `body`.
    public init(kind: Kind, number: Int?, repeatCount: Int?, body: [Stmt]) {
        self.kind = kind; self.number = number; self.repeatCount = repeatCount; self.body = body
    }
}
