/// What Markdown cannot hold in an output block, made visible and stable.
///
/// A bare CR ends a line for cmark, NUL becomes U+FFFD and other control characters vanish in
/// an editor, so a cell that prints `"a\rb"` would write a block that no longer reads back as
/// what it printed (and the next `test` fails, or the cell after it disappears). Output blocks
/// therefore hold each control character other than tab and newline as its Unicode control
/// picture (`\r` -> `␍`, NUL -> `␀`, ESC -> `␛`, DEL -> `␡`): `update` writes that form and
/// `test` compares the cell's escaped output with it, so the file round-trips. Lines that look
/// like fences need nothing here: `OutputRewriter.block` fences with more backticks than any
/// run inside.
///
///     OutputEscaping.escape("a\rb\n")   // "a␍b\n"
public enum OutputEscaping {
    /// `text` with its control characters (other than tab and newline) as control pictures.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if u.value < 0x80, needsEscape(UInt8(u.value)) {
                out.append(Unicode.Scalar(u.value == 0x7F ? 0x2421 : 0x2400 + u.value)!)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    private static func needsEscape(_ b: UInt8) -> Bool {
        (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F
    }
}
