/// The bytes of a file with the offset of every line: turns cmark's line numbers into byte
/// ranges, so `update` can replace exactly the bytes of an output block.
package struct SourceText: Sendable {
    let bytes: [UInt8]
    /// Byte offset of the start of each line; `lineStarts[0]` is line 1.
    let lineStarts: [Int]

    /// Lines end as CommonMark (and cmark) say: LF, CRLF or a bare CR (old Mac files).
    package init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        for (i, b) in bytes.enumerated() where i + 1 < bytes.count {
            if b == lf || (b == cr && bytes[i + 1] != lf) { starts.append(i + 1) }
        }
        lineStarts = starts
    }

    package var lineCount: Int { lineStarts.count }

    /// The bytes of `line` (1-based) from its start up to, and including, its newline.
    package func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        return start..<end
    }

    /// The bytes of `lines`, the last line's newline included.
    package func byteRange(of lines: LineRange) -> Range<Int> {
        byteRange(ofLine: lines.lowerBound).lowerBound..<byteRange(ofLine: lines.upperBound).upperBound
    }

    /// The text of `line` without its line ending.
    package func text(ofLine line: Int) -> String {
        var slice = bytes[byteRange(ofLine: line)]
        while let last = slice.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
            slice = slice.dropLast()
        }
        return String(decoding: slice, as: UTF8.self)
    }

    /// True when `line` holds only spaces and tabs.
    package func isBlank(line: Int) -> Bool {
        text(ofLine: line).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
