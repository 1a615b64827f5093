/// Malformed JSON, with the position where reading stopped.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong (`expected ',' or '}' after an object member`).
    public var message: String
    /// 1-based line of the offending character.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int

    /// `line 3, column 7: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// Reads JSON text into `JSONValue`s, reporting the line and column of the first error (which
/// Foundation's `JSONSerialization` does not). Accepts what Python's `json` module accepts,
/// `NaN` and `Infinity` included; nesting deeper than `maxDepth` is an error, not a crash.
public struct JSONReader {
    /// Deeper arrays and objects are refused (the reader recurses; notebooks nest about 5 deep).
    public static let maxDepth = 500

    private let bytes: [UInt8]
    private var i = 0

    /// Parses `text` as one JSON value (surrounding whitespace allowed).
    public static func parse(_ text: String) throws(JSONError) -> JSONValue {
        var reader = JSONReader(bytes: Array(text.utf8))
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.i < reader.bytes.count { throw reader.error("extra data after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ message: String, at offset: Int? = nil) -> JSONError {
        let end = min(offset ?? i, bytes.count)
        var line = 1, column = 1
        var k = 0
        while k < end {
            if bytes[k] == UInt8(ascii: "\n") { line += 1; column = 1 }
            else if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return JSONError(message: message, line: line, column: column)
    }

    private var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipSpace() {
        while let b = peek, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i += 1 }
    }

    private func describeHere() -> String {
        guard let b = peek else { return "the end of the file" }
        if b >= 0x20 && b < 0x7F { return "'\(Character(UnicodeScalar(b)))'" }
        return "byte 0x\(String(b, radix: 16))"
    }

    private mutating func value(depth: Int) throws(JSONError) -> JSONValue {
        guard depth < Self.maxDepth else { throw error("JSON nested more than \(Self.maxDepth) levels deep") }
        guard let b = peek else { throw error("expected a value but found the end of the file") }
        switch b {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case UInt8(ascii: "N"): try word("NaN"); return .double(.nan)
        case UInt8(ascii: "I"): try word("Infinity"); return .double(.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("expected a value but found \(describeHere())")
        }
    }

    private mutating func word(_ w: String) throws(JSONError) {
        let start = i
        for c in w.utf8 {
            guard peek == c else { throw error("expected a value but found \(Self.snippet(bytes, start))", at: start) }
            i += 1
        }
    }

    static func snippet(_ bytes: [UInt8], _ start: Int) -> String {
        var end = start
        while end < bytes.count, end - start < 12, bytes[end] != 0x0A, bytes[end] != UInt8(ascii: ","),
              bytes[end] != UInt8(ascii: "}"), bytes[end] != UInt8(ascii: "]") { end += 1 }
        return "'" + String(decoding: bytes[start..<end], as: UTF8.self) + "'"
    }

    private mutating func object(depth: Int) throws(JSONError) -> JSONValue {
        i += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if peek == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else {
                throw error("expected a member name in double quotes but found \(describeHere())")
            }
            let key = try string()
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw error("expected ':' after the member name but found \(describeHere())") }
            i += 1
            skipSpace()
            members[key] = try value(depth: depth + 1)
            skipSpace()
            if peek == UInt8(ascii: ",") { i += 1; continue }
            if peek == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("expected ',' or '}' after an object member but found \(describeHere())")
        }
    }

    private mutating func array(depth: Int) throws(JSONError) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            if peek == UInt8(ascii: ",") { i += 1; continue }
            if peek == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']' after a list element but found \(describeHere())")
        }
    }

    private mutating func string() throws(JSONError) -> String {
        let start = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard let b = peek else { throw error("unterminated string", at: start) }
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw error("control character in a string (write it as an escape)") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard let e = peek else { throw error("unterminated string", at: start) }
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), peek == UInt8(ascii: "\\"),
                   i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "u") {
                    let save = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = save
                    }
                }
                // A lone surrogate (Python allows it) cannot live in a Swift string.
                let u = UnicodeScalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw error("invalid escape '\\\(Character(UnicodeScalar(e)))' in a string", at: i - 2)
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw error("string is not valid UTF-8", at: start)
        }
        return s
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let b = peek, let d = Self.hexDigit(b) else { throw error("expected 4 hex digits after '\\u'") }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func number() throws(JSONError) -> JSONValue {
        let start = i
        if peek == UInt8(ascii: "-") {
            i += 1
            if peek == UInt8(ascii: "I") { try word("Infinity"); return .double(-.infinity) }
        }
        func digits() -> Int {
            let s = i
            while let b = peek, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { i += 1 }
            return i - s
        }
        let intStart = i
        guard digits() > 0 else { throw error("expected a digit in a number", at: i) }
        if bytes[intStart] == UInt8(ascii: "0"), i - intStart > 1 { throw error("leading zero in a number", at: intStart) }
        var isFloat = false
        if peek == UInt8(ascii: ".") {
            i += 1; isFloat = true
            guard digits() > 0 else { throw error("expected a digit after the decimal point") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            i += 1; isFloat = true
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if !isFloat, let v = Int(text) { return .int(v) }
        guard let d = Double(text) else { throw error("invalid number \(text)", at: start) }
        return .double(d)
    }
}
