import NNEngine
import NNSyntax

/// IPython's cell rules that are not Python's.
enum IPythonRules {
    /// True when the cell's last line of code ends with `;`: IPython then shows no `Out[n]`
    /// (`plt.imshow(img);` draws the image without printing the call's value).
    static func suppressesResult(_ source: String) -> Bool {
        for line in source.split(separator: "\n", omittingEmptySubsequences: true).reversed() {
            let code = withoutComment(line).trimmingTrailingSpaces
            if code.isEmpty { continue }
            return code.hasSuffix(";")
        }
        return false
    }

    /// The line up to a `#` that is outside string quotes.
    static func withoutComment(_ line: Substring) -> Substring {
        var quote: Character?
        var escaped = false
        for i in line.indices {
            let c = line[i]
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = quote != nil; continue }
            if let q = quote { if c == q { quote = nil } } else if c == "'" || c == "\"" { quote = c } else if c == "#" {
                return line[..<i]
            }
        }
        return line
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return s
    }
}
