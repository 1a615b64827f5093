/// TeX-subset to MathML, for the math in lessons (```` ```math ```` blocks and $`...`$).
///
///     MathML.convert("\\frac{a}{b}", display: false).html
///     // <math><mfrac><mi>a</mi><mi>b</mi></mfrac></math>
///
/// Unknown commands and malformed input never fail: they become a red `<merror>` in the output
/// and a diagnostic, so the page still renders and the author sees what to fix.
public enum MathML {
    /// The MathML for one formula and what was wrong with it, if anything.
    public struct Result: Sendable, Equatable {
        /// A complete `<math>` element.
        public var html: String
        /// What could not be read (unknown commands, unbalanced braces); empty when all was fine.
        public var diagnostics: [MathDiagnostic]

        /// The diagnostics as warning lines, one per distinct message: a formula that repeats
        /// one mistake thousands of times warns once, with the count (`... (at character 3;
        /// 19998 more in this formula)`).
        public var warnings: [String] {
            var order: [String] = []
            var seen: [String: (first: MathDiagnostic, count: Int)] = [:]
            for d in diagnostics {
                if let s = seen[d.message] { seen[d.message] = (s.first, s.count + 1) } else {
                    seen[d.message] = (d, 1)
                    order.append(d.message)
                }
            }
            return order.map { message in
                let (first, count) = seen[message]!
                return count == 1 ? first.description
                    : "\(message) (at character \(first.offset + 1); \(count - 1) more in this formula)"
            }
        }
    }

    /// Converts `tex` to a `<math>` element; `display` makes it a block (`display="block"`).
    public static func convert(_ tex: String, display: Bool) -> Result {
        var parser = TeXParser(tex, display: display)
        let node = parser.parseFormula()
        var out = display ? "<math display=\"block\">" : "<math>"
        let writer = MathWriter()
        writer.writeTop(node, into: &out)
        out += "</math>"
        return Result(html: out, diagnostics: parser.diagnostics)
    }
}

/// Writes `MathNode`s as MathML Core markup.
struct MathWriter {
    func writeTop(_ node: MathNode, into out: inout String) {
        if case .row(let kids) = node {
            writeChildren(kids, into: &out)
        } else {
            write(node, into: &out)
        }
    }

    /// Children of a row, with TeX's thin space after a function name (`\log x`) unless an
    /// opening fence follows (`\log(x)`).
    private func writeChildren(_ kids: [MathNode], into out: inout String) {
        for (i, k) in kids.enumerated() {
            write(k, into: &out)
            if k.isFunction, i + 1 < kids.count, !kids[i + 1].opensFence, !kids[i + 1].isOperator {
                out += "<mspace width=\"0.1667em\"/>"
            }
        }
    }

    func write(_ node: MathNode, into out: inout String) {
        switch node {
        case .row(let kids):
            if kids.count == 1 {
                write(kids[0], into: &out)
            } else {
                out += "<mrow>"
                writeChildren(kids, into: &out)
                out += "</mrow>"
            }
        case .ident(let s, let normal):
            out += normal && s.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
            out += HTML.escape(s) + "</mi>"
        case .function(let name):
            out += "<mi>" + HTML.escape(name) + "</mi>"
        case .number(let s):
            out += "<mn>" + HTML.escape(s) + "</mn>"
        case .op(let s, let attrs):
            out += "<mo"
            for a in attrs { out += " \(a.name)=\"\(HTML.escape(a.value))\"" }
            out += ">" + HTML.escape(s) + "</mo>"
        case .text(let s):
            // Spaces at the ends of `\text{if }` would collapse; TeX keeps them.
            out += "<mtext>" + HTML.escape(MathWriter.keepEndSpaces(s)) + "</mtext>"
        case .space(let w):
            out += "<mspace width=\"\(w)\"/>"
        case .fraction(let a, let b):
            element("mfrac", [a, b], into: &out)
        case .sqrt(let a):
            out += "<msqrt>"
            writeTop(a, into: &out)
            out += "</msqrt>"
        case .root(let a, let index):
            element("mroot", [a, index], into: &out)
        case .scripts(let base, let sub, let sup, let limits):
            switch (sub, sup) {
            case (let b?, let p?): element(limits ? "munderover" : "msubsup", [base, b, p], into: &out)
            case (let b?, nil): element(limits ? "munder" : "msub", [base, b], into: &out)
            case (nil, let p?): element(limits ? "mover" : "msup", [base, p], into: &out)
            case (nil, nil): write(base, into: &out)
            }
        case .over(let base, let mark, let accent):
            element("mover", [base, mark], attrs: accent ? " accent=\"true\"" : "", into: &out)
        case .under(let base, let mark, let accent):
            element("munder", [base, mark], attrs: accent ? " accentunder=\"true\"" : "", into: &out)
        case .table(let rows, let kind):
            switch kind {
            case .matrix: out += "<mtable>"
            case .cases: out += "<mtable class=\"nn-cases\" columnalign=\"left left\">"
            case .align: out += "<mtable class=\"nn-align\" columnalign=\"right left\" displaystyle=\"true\">"
            case .gather: out += "<mtable displaystyle=\"true\">"
            }
            for row in rows {
                out += "<mtr>"
                for cell in row {
                    out += "<mtd>"
                    writeTop(cell, into: &out)
                    out += "</mtd>"
                }
                out += "</mtr>"
            }
            out += "</mtable>"
        case .style(let a, let display):
            out += "<mstyle displaystyle=\"\(display)\">"
            writeTop(a, into: &out)
            out += "</mstyle>"
        case .error(let s):
            out += "<merror><mtext>" + HTML.escape(s) + "</mtext></merror>"
        }
    }

    static func keepEndSpaces(_ s: String) -> String {
        var chars = Array(s)
        var i = 0
        while i < chars.count, chars[i] == " " { chars[i] = "\u{A0}"; i += 1 }
        var j = chars.count - 1
        while j >= 0, chars[j] == " " { chars[j] = "\u{A0}"; j -= 1 }
        return String(chars)
    }

    /// An element whose children are each exactly one node (an `mrow` when they are several).
    private func element(_ name: String, _ kids: [MathNode], attrs: String = "", into out: inout String) {
        out += "<\(name)\(attrs)>"
        for k in kids {
            if case .row(let items) = k, items.isEmpty {
                out += "<mrow></mrow>"
            } else {
                write(k, into: &out)
            }
        }
        out += "</\(name)>"
    }
}
