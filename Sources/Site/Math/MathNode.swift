/// The tree a TeX formula is parsed into before it is written out as MathML.
///
/// Kept separate from the writer so the parser can decide layout (limits, fences, variants)
/// without thinking about markup.
indirect enum MathNode: Equatable {
    /// A horizontal group; one child is written without an `mrow` around it.
    case row([MathNode])
    /// An identifier; `normal` forces upright (`mathvariant="normal"`) for one-letter names.
    case ident(String, normal: Bool)
    /// A number (`mn`).
    case number(String)
    /// An operator, fence or separator (`mo`) with its attributes in a fixed order.
    case op(String, attrs: [Attribute])
    /// Upright text (`mtext`).
    case text(String)
    /// Horizontal space (`mspace width=...`).
    case space(String)
    case fraction(MathNode, MathNode)
    case sqrt(MathNode)
    case root(MathNode, index: MathNode)
    /// Sub/superscripts; `limits` puts them under/over the base (`munderover`).
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool)
    /// Something over (`mover`) or under (`munder`) a base; `accent` for \hat-like marks.
    case over(MathNode, MathNode, accent: Bool)
    case under(MathNode, MathNode, accent: Bool)
    /// Rows of cells; `kind` picks alignment (`matrix`, `cases`, `align`).
    case table([[MathNode]], kind: TableKind)
    /// `displaystyle` switch (from \dfrac, \tfrac, \displaystyle).
    case style(MathNode, display: Bool)
    /// A function name such as `log`: written as `mi`, spaced like TeX's \log.
    case function(String)
    /// Something we could not read: shown in red, never dropped silently.
    case error(String)

    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    enum TableKind: Equatable { case matrix, cases, align, gather }
}

extension MathNode {
    /// True for nodes that open a fenced group (`(`, `[`, `\left(`...), after which a function
    /// name needs no space.
    var opensFence: Bool {
        switch self {
        case .op(let s, _): return MathSymbols.openFences.contains(s) && s != "|" && s != "‖"
        case .row(let kids): return kids.first?.opensFence ?? false
        default: return false
        }
    }

    /// True for a function name, also when it carries scripts (`\log_2`, `\max_i`).
    var isFunction: Bool {
        switch self {
        case .function: return true
        case .scripts(let base, _, _, _): return base.isFunction
        case .under(let base, _, _), .over(let base, _, _): return base.isFunction
        default: return false
        }
    }

    /// An operator that TeX spaces as one (a plain `|` is an ordinary symbol, not one).
    var isOperator: Bool {
        if case .op(let s, _) = self { return s != "|" && s != "‖" }
        return false
    }
}
