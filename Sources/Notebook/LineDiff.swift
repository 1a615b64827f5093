/// A line diff (longest common subsequence) printed in unified format, for output mismatches.
public enum LineDiff {
    /// One line of an edit script.
    public enum Edit: Sendable, Equatable {
        case same(String), removed(String), added(String)
    }

    /// The edit script turning `old` into `new`; `equal` decides which lines match (the
    /// output check passes a tolerant comparison, so numbers within tolerance are not shown as changed).
    public static func edits(_ old: [String], _ new: [String],
                             equal: (String, String) -> Bool = { $0 == $1 }) -> [Edit] {
        // Common prefix and suffix first: outputs usually differ in a few lines.
        var prefix = 0
        while prefix < old.count, prefix < new.count, equal(old[prefix], new[prefix]) { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              equal(old[old.count - 1 - suffix], new[new.count - 1 - suffix]) { suffix += 1 }
        let a = Array(old[prefix..<old.count - suffix]), b = Array(new[prefix..<new.count - suffix])
        var middle: [Edit] = []
        if a.count * b.count > 1_000_000 {
            // Too big for the quadratic table: show it as a replacement.
            middle = a.map(Edit.removed) + b.map(Edit.added)
        } else {
            // lcs[i][j] = length of the LCS of a[i...] and b[j...].
            let width = b.count + 1
            var lcs = [Int](repeating: 0, count: (a.count + 1) * width)
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    lcs[i * width + j] = equal(a[i], b[j])
                        ? lcs[(i + 1) * width + j + 1] + 1
                        : max(lcs[(i + 1) * width + j], lcs[i * width + j + 1])
                }
            }
            var i = 0, j = 0
            while i < a.count || j < b.count {
                if i < a.count, j < b.count, equal(a[i], b[j]) {
                    middle.append(.same(b[j])); i += 1; j += 1
                } else if i < a.count, j == b.count || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
                    middle.append(.removed(a[i])); i += 1
                } else {
                    middle.append(.added(b[j])); j += 1
                }
            }
        }
        // Context lines show the new text (they may differ from the old within tolerance).
        return new[..<prefix].map(Edit.same) + middle + new[(new.count - suffix)...].map(Edit.same)
    }

    /// A unified diff of `old` -> `new` with `context` lines around each change; "" when equal.
    ///
    ///     --- expected
    ///     +++ actual
    ///     @@ -1,2 +1,2 @@
    ///      tensor([1., 2.])
    ///     -3
    ///     +4
    public static func unified(_ old: [String], _ new: [String], oldName: String = "expected",
                               newName: String = "actual", context: Int = 3,
                               equal: (String, String) -> Bool = { $0 == $1 }) -> String {
        let script = edits(old, new, equal: equal)
        let changed = script.indices.filter { if case .same = script[$0] { false } else { true } }
        guard !changed.isEmpty else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group changes whose context overlaps into hunks.
        var groups: [ClosedRange<Int>] = []
        for index in changed {
            let lo = max(0, index - context), hi = min(script.count - 1, index + context)
            if let last = groups.last, lo <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...max(last.upperBound, hi)
            } else {
                groups.append(lo...hi)
            }
        }
        // Line numbers in old/new at each script position.
        var oldLine = [Int](repeating: 0, count: script.count + 1), newLine = oldLine
        for (k, edit) in script.enumerated() {
            let (inOld, inNew) = switch edit {
            case .same: (1, 1)
            case .removed: (1, 0)
            case .added: (0, 1)
            }
            oldLine[k + 1] = oldLine[k] + inOld
            newLine[k + 1] = newLine[k] + inNew
        }
        for group in groups {
            let oldCount = oldLine[group.upperBound + 1] - oldLine[group.lowerBound]
            let newCount = newLine[group.upperBound + 1] - newLine[group.lowerBound]
            // Unified diffs name the line before an empty range.
            let oldStart = oldCount == 0 ? oldLine[group.lowerBound] : oldLine[group.lowerBound] + 1
            let newStart = newCount == 0 ? newLine[group.lowerBound] : newLine[group.lowerBound] + 1
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for edit in script[group] {
                switch edit {
                case .same(let s): out += " \(s)\n"
                case .removed(let s): out += "-\(s)\n"
                case .added(let s): out += "+\(s)\n"
                }
            }
        }
        return out
    }
}
