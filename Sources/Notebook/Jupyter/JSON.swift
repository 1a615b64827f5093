/// A JSON value, as `.ipynb` files hold them.
///
/// Objects are dictionaries: nbformat writes its keys sorted, and so does `JSONValue.written`.
/// Integers and floats are kept apart so that `"execution_count": 3` stays an integer.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The string, or nil for any other kind.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The integer (or a float with an integral value), or nil.
    public var intValue: Int? {
        switch self {
        case .int(let i): i
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: Int(d)
        default: nil
        }
    }
    /// The elements, or nil for any other kind.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// The members, or nil for any other kind.
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
    /// The member `key` of an object (nil for a missing key or a non-object).
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// A short name of the value's kind, for error messages (`a list`, `a string`, ...).
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

extension JSONValue {
    /// The value as nbformat writes it: `json.dumps(nb, sort_keys=True, indent=1,
    /// ensure_ascii=False)` plus a final newline, so exported notebooks diff cleanly against
    /// ones saved by Jupyter.
    public var written: String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += Self.format(d)
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: indent + 1)
                item.write(to: &out, indent: indent + 1)
            }
            out += "\n" + String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            // Python sorts keys by code point.
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (i, key) in keys.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: indent + 1)
                Self.writeString(key, to: &out)
                out += ": "
                members[key]!.write(to: &out, indent: indent + 1)
            }
            out += "\n" + String(repeating: " ", count: indent) + "}"
        }
    }

    static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        if d == d.rounded(), abs(d) < 1e16 { return String(Int(d)) + ".0" }
        return String(d)
    }

    /// A JSON string literal escaping only what `ensure_ascii=False` escapes.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
