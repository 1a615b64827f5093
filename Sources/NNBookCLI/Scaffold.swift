import Notebook
/// `nnbook new "Title"`: the next numbered lesson, ready to pass `nnbook test`.
public enum Scaffold {
    /// A file-name slug: lowercase ASCII letters and digits, other runs become `_`.
    ///
    ///     Scaffold.slug("The Forward & Backward Passes")  // "the_forward_backward_passes"
    public static func slug(_ title: String) -> String {
        var out = ""
        var pendingSeparator = false
        for scalar in title.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingSeparator && !out.isEmpty { out += "_" }
                pendingSeparator = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        return out.isEmpty ? "lesson" : String(out.prefix(60))
    }

    /// The number after the highest `NN_` prefix among `names` (1 when there is none).
    public static func nextNumber(after names: [String]) -> Int {
        let numbers = names.compactMap { name -> Int? in
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            // More than six digits is not a lesson number (and could overflow the `+ 1`).
            return !digits.isEmpty && digits.count <= 6 && name.dropFirst(digits.count).first == "_" ? Int(digits) : nil
        }
        return (numbers.max() ?? 0) + 1
    }

    /// The text of a new lesson: title, a paragraph, one cell and its expected output.
    public static func text(title: String) -> String {
        let heading = title.split(whereSeparator: \.isNewline).joined(separator: " ")
        return """
            # \(heading)

            What this lesson builds, in a paragraph: prose is CommonMark, inline math is written
            $`y = xW + b`$ and display math goes in a `math` block, as GitHub shows them. Each `nn`
            cell runs in order; the `output` block under it is what `nnbook test` expects it to
            print (`nnbook update` rewrites these blocks).

            ```nn
            x = 2 ** 10
            print(f"x = {x}")
            x / 4
            ```
            ```output
            x = 1024
            256.0
            ```

            """
    }

    /// Writes the next numbered lesson into `directory` (created if missing); returns its path.
    public static func create(title: String, in directory: String) throws(NotebookFileError) -> String {
        try FileIO.makeDirectory(directory)
        let number = nextNumber(after: try FileIO.list(directory))
        let name = "\(number < 10 ? "0" : "")\(number)_\(slug(title)).md"
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let path = "\(base)/\(name)"
        try FileIO.create(path, text: text(title: title))
        return path
    }
}
