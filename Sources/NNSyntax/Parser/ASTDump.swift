/// Text dumps of syntax trees for golden tests: one node per line, children indented by two
/// spaces, each node with its `@line:col-line:col` range; list-valued fields are introduced by
/// a `name:` line.
///
///     Assign @1:1-1:6
///       Name x @1:1-1:2
///       Int 1 @1:5-1:6
public enum ASTDump {
    /// The dump of a whole module (its statements, in order).
    public static func dump(_ module: Module) -> String {
        var d = Dumper()
        for s in module.body { d.stmt(s, 0) }
        return d.out
    }

    /// The dump of one expression.
    public static func dump(_ expr: Expr) -> String {
        var d = Dumper()
        d.expr(expr, 0)
        return d.out
    }

    /// A Python-style double-quoted literal of `s` (for dumps).
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 32 || u.value == 127 {
                    out += "\\x" + (u.value < 16 ? "0" : "") + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

private struct Dumper {
    var out = ""

    mutating func line(_ indent: Int, _ text: String) {
        out += String(repeating: "  ", count: indent) + text + "\n"
    }

    mutating func block(_ label: String, _ body: [Stmt], _ indent: Int) {
        if body.isEmpty { return }
        line(indent, label + ":")
        for s in body { stmt(s, indent + 1) }
    }

    mutating func stmt(_ s: Stmt, _ ind: Int) {
        let r = " @\(s.range)"
        switch s.kind {
        case .expr(let e):
            line(ind, "Expr" + r)
            expr(e, ind + 1)
        case .assign(let targets, let value):
            line(ind, "Assign" + r)
            for t in targets { expr(t, ind + 1) }
            expr(value, ind + 1)
        case .augAssign(let target, let op, let value):
            line(ind, "AugAssign \(op.rawValue)=" + r)
            expr(target, ind + 1)
            expr(value, ind + 1)
        case .annAssign(let target, let annotation, let value):
            line(ind, "AnnAssign" + r)
            expr(target, ind + 1)
            expr(annotation, ind + 1)
            if let v = value { expr(v, ind + 1) }
        case .if(let test, let body, let orelse):
            line(ind, "If" + r)
            expr(test, ind + 1)
            block("body", body, ind + 1)
            block("orelse", orelse, ind + 1)
        case .for(let target, let iter, let body, let orelse):
            line(ind, "For" + r)
            expr(target, ind + 1)
            expr(iter, ind + 1)
            block("body", body, ind + 1)
            block("orelse", orelse, ind + 1)
        case .while(let test, let body, let orelse):
            line(ind, "While" + r)
            expr(test, ind + 1)
            block("body", body, ind + 1)
            block("orelse", orelse, ind + 1)
        case .break: line(ind, "Break" + r)
        case .continue: line(ind, "Continue" + r)
        case .pass: line(ind, "Pass" + r)
        case .return(let v):
            line(ind, "Return" + r)
            if let v { expr(v, ind + 1) }
        case .functionDef(let f):
            line(ind, "FunctionDef \(f.name)" + r)
            if !f.decorators.isEmpty {
                line(ind + 1, "decorators:")
                for d in f.decorators { expr(d, ind + 2) }
            }
            params(f.parameters, ind + 1)
            if let ret = f.returns {
                line(ind + 1, "returns:")
                expr(ret, ind + 2)
            }
            block("body", f.body, ind + 1)
        case .classDef(let c):
            line(ind, "ClassDef \(c.name)" + r)
            if !c.decorators.isEmpty {
                line(ind + 1, "decorators:")
                for d in c.decorators { expr(d, ind + 2) }
            }
            if !c.bases.isEmpty {
                line(ind + 1, "bases:")
                for a in c.bases { argument(a, ind + 2) }
            }
            block("body", c.body, ind + 1)
        case .global(let names): line(ind, "Global \(names.joined(separator: ", "))" + r)
        case .nonlocal(let names): line(ind, "Nonlocal \(names.joined(separator: ", "))" + r)
        case .del(let targets):
            line(ind, "Delete" + r)
            for t in targets { expr(t, ind + 1) }
        case .raise(let exc, let cause):
            line(ind, "Raise" + r)
            if let exc { expr(exc, ind + 1) }
            if let cause {
                line(ind + 1, "from:")
                expr(cause, ind + 2)
            }
        case .try(let body, let handlers, let orelse, let finalbody):
            line(ind, "Try" + r)
            block("body", body, ind + 1)
            for h in handlers {
                line(ind + 1, "ExceptHandler" + (h.name.map { " as \($0)" } ?? "") + " @\(h.range)")
                if let t = h.type { expr(t, ind + 2) }
                block("body", h.body, ind + 2)
            }
            block("orelse", orelse, ind + 1)
            block("finally", finalbody, ind + 1)
        case .assert(let test, let msg):
            line(ind, "Assert" + r)
            expr(test, ind + 1)
            if let msg { expr(msg, ind + 1) }
        case .with(let items, let body):
            line(ind, "With" + r)
            for item in items {
                line(ind + 1, "item:")
                expr(item.context, ind + 2)
                if let t = item.target { expr(t, ind + 2) }
            }
            block("body", body, ind + 1)
        case .import(let names):
            line(ind, "Import " + names.map(alias).joined(separator: ", ") + r)
        case .importFrom(let module, let names, let level):
            let m = String(repeating: ".", count: level) + (module ?? "")
            line(ind, "ImportFrom \(m): " + names.map(alias).joined(separator: ", ") + r)
        case .magic(let m):
            var head = "Magic %\(m.kind.rawValue)"
            if let n = m.number { head += " -n \(n)" }
            if let rr = m.repeatCount { head += " -r \(rr)" }
            line(ind, head + r)
            for s in m.body { stmt(s, ind + 1) }
        }
    }

    func alias(_ a: ImportAlias) -> String {
        a.name + (a.asName.map { " as \($0)" } ?? "")
    }

    mutating func params(_ p: Parameters, _ ind: Int) {
        for (k, param) in p.positional.enumerated() {
            parameter(k < p.positionalOnlyCount ? "posonly" : "arg", param, ind)
        }
        if let v = p.varargs { parameter("vararg", v, ind) }
        for param in p.keywordOnly { parameter("kwonly", param, ind) }
        if let k = p.kwargs { parameter("kwarg", k, ind) }
    }

    mutating func parameter(_ label: String, _ p: Parameter, _ ind: Int) {
        line(ind, "\(label) \(p.name) @\(p.range)")
        if let a = p.annotation {
            line(ind + 1, "annotation:")
            expr(a, ind + 2)
        }
        if let d = p.defaultValue {
            line(ind + 1, "default:")
            expr(d, ind + 2)
        }
    }

    mutating func argument(_ a: Argument, _ ind: Int) {
        switch a {
        case .positional(let e): expr(e, ind)
        case .starred(let e):
            line(ind, "*args")
            expr(e, ind + 1)
        case .keyword(let name, let value, let r):
            line(ind, "keyword \(name) @\(r)")
            expr(value, ind + 1)
        case .doubleStarred(let e):
            line(ind, "**kwargs")
            expr(e, ind + 1)
        }
    }

    mutating func comprehensions(_ cs: [Comprehension], _ ind: Int) {
        for c in cs {
            line(ind, "for:")
            expr(c.target, ind + 1)
            expr(c.iter, ind + 1)
            for cond in c.ifs {
                line(ind + 1, "if:")
                expr(cond, ind + 2)
            }
        }
    }

    mutating func fparts(_ parts: [FStringPart], _ ind: Int) {
        for p in parts {
            switch p {
            case .literal(let s): line(ind, "Literal " + ASTDump.quote(s))
            case .field(let f):
                var head = "Field"
                if let c = f.conversion { head += " !\(c.rawValue)" }
                line(ind, head)
                expr(f.expr, ind + 1)
                if let spec = f.formatSpec {
                    line(ind + 1, "spec:")
                    fparts(spec, ind + 2)
                }
            }
        }
    }

    mutating func expr(_ e: Expr, _ ind: Int) {
        let r = " @\(e.range)"
        switch e.kind {
        case .name(let s): line(ind, "Name \(s)" + r)
        case .int(let v): line(ind, "Int \(v)" + r)
        case .float(let v): line(ind, "Float \(v)" + r)
        case .imaginary(let v): line(ind, "Imaginary \(v)j" + r)
        case .string(let s): line(ind, "Str " + ASTDump.quote(s) + r)
        case .bytes(let b): line(ind, "Bytes b" + ASTDump.quote(String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) }))) + r)
        case .bool(let b): line(ind, (b ? "True" : "False") + r)
        case .none: line(ind, "None" + r)
        case .ellipsis: line(ind, "Ellipsis" + r)
        case .fstring(let parts):
            line(ind, "FString" + r)
            fparts(parts, ind + 1)
        case .attribute(let v, let name):
            line(ind, "Attribute .\(name)" + r)
            expr(v, ind + 1)
        case .subscript(let v, let index):
            line(ind, "Subscript" + r)
            expr(v, ind + 1)
            expr(index, ind + 1)
        case .slice(let lo, let hi, let step):
            line(ind, "Slice" + r)
            for (label, part) in [("lower", lo), ("upper", hi), ("step", step)] {
                if let part {
                    line(ind + 1, label + ":")
                    expr(part, ind + 2)
                }
            }
        case .call(let f, let args):
            line(ind, "Call" + r)
            expr(f, ind + 1)
            for a in args { argument(a, ind + 1) }
        case .unary(let op, let v):
            line(ind, "UnaryOp \(op.rawValue)" + r)
            expr(v, ind + 1)
        case .binary(let a, let op, let b):
            line(ind, "BinOp \(op.rawValue)" + r)
            expr(a, ind + 1)
            expr(b, ind + 1)
        case .boolOp(let op, let items):
            line(ind, "BoolOp \(op.rawValue)" + r)
            for x in items { expr(x, ind + 1) }
        case .compare(let left, let links):
            line(ind, "Compare " + links.map { $0.op.rawValue }.joined(separator: " ") + r)
            expr(left, ind + 1)
            for l in links { expr(l.right, ind + 1) }
        case .ifExp(let test, let body, let orelse):
            line(ind, "IfExp" + r)
            expr(test, ind + 1)
            expr(body, ind + 1)
            expr(orelse, ind + 1)
        case .lambda(let p, let body):
            line(ind, "Lambda" + r)
            params(p, ind + 1)
            expr(body, ind + 1)
        case .list(let items):
            line(ind, "List" + r)
            for x in items { expr(x, ind + 1) }
        case .tuple(let items):
            line(ind, "Tuple" + r)
            for x in items { expr(x, ind + 1) }
        case .set(let items):
            line(ind, "Set" + r)
            for x in items { expr(x, ind + 1) }
        case .dict(let items):
            line(ind, "Dict" + r)
            for item in items {
                switch item {
                case .pair(let k, let v):
                    expr(k, ind + 1)
                    expr(v, ind + 2)
                case .unpack(let m):
                    line(ind + 1, "**")
                    expr(m, ind + 2)
                }
            }
        case .listComp(let elt, let cs):
            line(ind, "ListComp" + r)
            expr(elt, ind + 1)
            comprehensions(cs, ind + 1)
        case .setComp(let elt, let cs):
            line(ind, "SetComp" + r)
            expr(elt, ind + 1)
            comprehensions(cs, ind + 1)
        case .dictComp(let k, let v, let cs):
            line(ind, "DictComp" + r)
            expr(k, ind + 1)
            expr(v, ind + 1)
            comprehensions(cs, ind + 1)
        case .generator(let elt, let cs):
            line(ind, "GeneratorExp" + r)
            expr(elt, ind + 1)
            comprehensions(cs, ind + 1)
        case .starred(let v):
            line(ind, "Starred" + r)
            expr(v, ind + 1)
        case .yield(let v):
            line(ind, "Yield" + r)
            if let v { expr(v, ind + 1) }
        case .yieldFrom(let v):
            line(ind, "YieldFrom" + r)
            expr(v, ind + 1)
        }
    }
}
