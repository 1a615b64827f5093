import Foundation
import NNEngine
import NNSyntax

// IPython's `obj?` and `obj??`: the lexer turns such a line into `__nn_help__(obj, 1 or 2)`.
// The text follows IPython's layout (Signature, Docstring or Source, File, Type); it differs
// from IPython's in detail, so the cell is volatile (shown, never compared).

extension Runtime {
    func installHelp() {
        defineBuiltin("__nn_help__") { rt, args, _ in
            guard args.count == 2, case .int(let detail) = args[1] else {
                throw PyError.type("__nn_help__() takes an object and a detail level")
            }
            rt.markVolatile()
            rt.write(rt.helpText(args[0], source: detail >= 2))
            return .none
        }
    }

    /// What `obj?` (or, with `source`, `obj??`) prints.
    func helpText(_ v: Value, source: Bool) -> String {
        var fields: [(String, String)] = []
        switch v {
        case .object(let f as PyFunction):
            let lines = definitionLines(at: f.code.location.line)
            fields.append(("Signature", signature(f.name, lines.first)))
            if source, !lines.isEmpty {
                fields.append(("Source", "\n" + lines.joined(separator: "\n")))
            } else {
                fields.append(("Docstring", f.doc ?? "<no docstring>"))
            }
            fields.append(("File", "\(f.code.location.file):\(f.code.location.line)"))
        case .object(let c as PyClass):
            fields.append(("Init signature", c.name + "(...)"))
            if case .str(let doc)? = c.dict["__doc__"] { fields.append(("Docstring", doc)) } else {
                fields.append(("Docstring", "<no docstring>"))
            }
            if source { fields.append(("Source", c.isBuiltin ? "<built into nnbook>" : "<defined in a cell>")) }
        case .object(let m as PyBoundMethod):
            return helpText(m.function, source: source)
        case .object(let b as PyBuiltin):
            fields.append(("Signature", b.name + "(...)"))
            fields.append(("Docstring", source ? "<built into nnbook: no nn source>" : "<no docstring>"))
        case .object(let m as PyMethodDescr):
            fields.append(("Signature", m.name + "(...)"))
            fields.append(("Docstring", source ? "<built into nnbook: no nn source>" : "<no docstring>"))
        default:
            let text = (try? repr(v)) ?? "<\(v.typeName) object>"
            fields.append(("String form", text))
        }
        fields.append(("Type", v.typeName))
        let width = (fields.map(\.0.count).max() ?? 0) + 2
        return fields.map { name, value in
            (name + ":").padding(toLength: width, withPad: " ", startingAt: 0) + value
        }.joined(separator: "\n") + "\n"
    }

    /// `name(params)` from a `def name(params):` line, else `name(...)`.
    func signature(_ name: String, _ defLine: String?) -> String {
        guard let line = defLine, let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")"),
              open < close else { return name + "(...)" }
        return name + line[open...close]
    }

    /// The lines of the definition starting at `line` as written: the header, then every line
    /// indented deeper (or blank) below it.
    func definitionLines(at line: Int) -> [String] {
        guard let header = rawSourceLines[line] else { return [] }
        let indent = header.prefix { $0 == " " || $0 == "\t" }.count
        var out = [header], k = line + 1
        while let next = rawSourceLines[k] {
            let body = next.trimmingCharacters(in: .whitespaces)
            if !body.isEmpty && next.prefix(while: { $0 == " " || $0 == "\t" }).count <= indent { break }
            out.append(next)
            k += 1
        }
        while let last = out.last, out.count > 1, last.trimmingCharacters(in: .whitespaces).isEmpty { out.removeLast() }
        let cut = indent
        return out.map { String($0.dropFirst(min(cut, $0.prefix { $0 == " " || $0 == "\t" }.count))) }
    }
}
