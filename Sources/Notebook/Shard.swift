/// `nnbook test --shard K/N`: the K-th of N disjoint parts of a suite, for CI matrices.
///
/// Notebook paths are sorted by their bytes and dealt out in turn (the first to shard 1, the
/// second to shard 2, ...), so every machine that runs the same command on the same checkout
/// picks the same notebooks, and the N shards together run each notebook exactly once.
///
///     let shard = try Shard(parsing: "2/3")
///     shard.select(["a.md", "b.md", "c.md", "d.md"])  // ["b.md"]
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based: which part.
    public var index: Int
    /// How many parts.
    public var count: Int

    /// The shard `index` of `count` (1 <= index <= count).
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else { return nil }
        self.index = index; self.count = count
    }

    /// Parses `K/N`; nil unless both are integers with 1 <= K <= N.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// This shard's share of `paths`, in their given order.
    public func select(_ paths: [String]) -> [String] {
        let sorted = paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var mine = Set<String>()
        for (i, path) in sorted.enumerated() where i % count == index - 1 { mine.insert(path) }
        return paths.filter { mine.contains($0) }
    }
}
