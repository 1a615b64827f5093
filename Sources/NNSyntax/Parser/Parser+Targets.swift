/// Checks that assignment, `for`, `with`, `del` and augmented-assignment targets are valid,
/// with CPython 3.11's messages.
extension Parser {
    enum TargetContext { case assign, store, delete }

    /// CPython's name for an expression that cannot be a target ("function call", "literal", ...).
    static func describe(_ e: Expr) -> String {
        switch e.kind {
        case .call: "function call"
        case .int, .float, .imaginary, .string, .bytes: "literal"
        case .bool(let b): b ? "True" : "False"
        case .none: "None"
        case .ellipsis: "ellipsis"
        case .fstring: "f-string expression"
        case .binary, .unary(.neg, _), .unary(.pos, _), .unary(.invert, _), .boolOp, .unary(.not, _): "expression"
        case .compare: "comparison"
        case .ifExp: "conditional expression"
        case .lambda: "lambda"
        case .list: "list"
        case .tuple: "tuple"
        case .set: "set display"
        case .dict: "dict literal"
        case .listComp: "list comprehension"
        case .setComp: "set comprehension"
        case .dictComp: "dict comprehension"
        case .generator: "generator expression"
        case .starred: "starred"
        case .yield, .yieldFrom: "yield expression"
        case .name, .attribute, .subscript, .slice: "expression"
        }
    }

    mutating func validateTarget(_ e: Expr, context: TargetContext) throws(ParseError) {
        switch e.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let items), .list(let items):
            var starred = 0
            for item in items {
                if case .starred(let inner) = item.kind {
                    if context == .delete {
                        throw error(.invalidTarget("cannot delete starred"), at: item.range.start)
                    }
                    starred += 1
                    if starred > 1 {
                        deferError(error(.invalidTarget("multiple starred expressions in assignment"), at: e.range.start))
                    }
                    try validateTarget(inner, context: context == .assign ? .store : context)
                } else {
                    // Only a whole target gets CPython's "here. Maybe you meant '=='" hint.
                    try validateTarget(item, context: context == .assign ? .store : context)
                }
            }
        case .starred:
            if context == .delete { throw error(.invalidTarget("cannot delete starred"), at: e.range.start) }
            deferError(error(.invalidTarget("starred assignment target must be in a list or tuple"), at: e.range.start))
        case .none, .bool:
            let what = Parser.describe(e)
            throw error(.invalidTarget(context == .delete ? "cannot delete \(what)" : "cannot assign to \(what)"), at: e.range.start)
        default:
            let what = Parser.describe(e)
            let msg = switch context {
            case .assign: "cannot assign to \(what) here. Maybe you meant '==' instead of '='?"
            case .store: "cannot assign to \(what)"
            case .delete: "cannot delete \(what)"
            }
            throw error(.invalidTarget(msg), at: e.range.start)
        }
    }

    func validateAugmentedTarget(_ e: Expr) throws(ParseError) {
        switch e.kind {
        case .name, .attribute, .subscript: return
        default:
            throw error(.invalidTarget("'\(Parser.describe(e))' is an illegal expression for augmented assignment"),
                        at: e.range.start)
        }
    }

    func validateAnnotatedTarget(_ e: Expr) throws(ParseError) {
        switch e.kind {
        case .name, .attribute, .subscript: return
        case .tuple: throw error(.invalidTarget("only single target (not tuple) can be annotated"), at: e.range.start)
        case .list: throw error(.invalidTarget("only single target (not list) can be annotated"), at: e.range.start)
        default: throw error(.invalidTarget("illegal target for annotation"), at: e.range.start)
        }
    }

    /// A `*x` standing alone as a value (`x = *a`) is an error; `x = *a, b` is a tuple.
    mutating func rejectBareStarred(_ e: Expr) throws(ParseError) {
        if case .starred = e.kind {
            deferError(error(.other("can't use starred expression here"), at: e.range.start))
        }
    }
}
