import Foundation
import NNLang
import Tensors
import Testing

/// `get_data()`'s decoded cache on a small training set this test writes: built on the first
/// call, mapped after it, private to the process, rebuilt when stale or damaged.
@Suite struct DataCacheTests {
    /// Writes `count` 2x2 images (pixel k of image i is i * 10 + k, plus `shift`) and labels i.
    static func writeSet(_ dir: URL, count: Int, shift: UInt8 = 0) throws {
        var pixels: [UInt8] = []
        for k in 0..<(count * 4) { pixels.append(UInt8(k / 4 * 10 + k % 4) &+ shift) }
        _ = try IDXTests.write(IDXTests.gzip(IDXTests.idx(0x08, [count, 2, 2], pixels)), "train-images-idx3-ubyte.gz", in: dir)
        _ = try IDXTests.write(IDXTests.idx(0x08, [count], (0..<count).map { UInt8($0) }), "train-labels-idx1-ubyte.gz", in: dir)
    }

    static func images(_ dir: URL, _ cache: URL) throws -> [Double] {
        try IDX.fashionMNIST(directory: dir.path, cacheDirectory: cache.path).xTrain.scalars()
    }

    static func expected(count: Int, shift: UInt8 = 0) -> [Double] {
        var out: [Double] = []
        for k in 0..<(count * 4) {
            let byte: UInt8 = UInt8(k / 4 * 10 + k % 4) &+ shift
            out.append(Double(Float(byte) / 255))
        }
        return out
    }

    static func cacheFiles(_ cache: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.lastPathComponent.hasPrefix("fashion-mnist-train-") }
    }

    @Test func buildsThenMapsTheCache() throws {
        let dir = try IDXTests.tempDir(), cache = try IDXTests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: cache) }
        try Self.writeSet(dir, count: 3)
        #expect(try Self.images(dir, cache) == Self.expected(count: 3))
        let files = Self.cacheFiles(cache)
        try #require(files.count == 1)
        #expect(!files[0].lastPathComponent.contains(".tmp-"))

        // The second call reads the cache: change a pixel inside the file and it shows.
        var bytes = try [UInt8](Data(contentsOf: files[0]))
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let firstPixel = max(page, 4096)
        #expect(Array(bytes[firstPixel..<(firstPixel + 4)]) == [0, 0, 0, 0])  // 0.0 as float32
        bytes.replaceSubrange(firstPixel..<(firstPixel + 4), with: [0, 0, 0x80, 0x3f])  // 1.0
        try Data(bytes).write(to: files[0])
        let d = try IDX.fashionMNIST(directory: dir.path, cacheDirectory: cache.path)
        #expect(d.xTrain.scalars()[0] == 1)
        #expect(d.yTrain.scalars() == [0, 1, 2])

        // Writes to the returned tensors stay in this process (copy-on-write).
        d.xTrain.storage.floats[1] = 42
        #expect(try Self.images(dir, cache)[1] == Self.expected(count: 3)[1])
    }

    @Test func staleOrDamagedCacheIsRebuilt() throws {
        let dir = try IDXTests.tempDir(), cache = try IDXTests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: cache) }
        try Self.writeSet(dir, count: 3)
        _ = try Self.images(dir, cache)
        // New source files (other size and time): the old cache must not be used.
        try Self.writeSet(dir, count: 4, shift: 1)
        #expect(try Self.images(dir, cache) == Self.expected(count: 4, shift: 1))
        // A cut-short cache file is rejected and rewritten.
        let file = try #require(Self.cacheFiles(cache).first)
        let whole = try Data(contentsOf: file)
        try whole.prefix(whole.count - 8).write(to: file)
        #expect(try Self.images(dir, cache) == Self.expected(count: 4, shift: 1))
        #expect(try Data(contentsOf: file).count == whole.count)
        // Garbage where the header should be: rejected too.
        try Data(repeating: 7, count: whole.count).write(to: file)
        #expect(try Self.images(dir, cache) == Self.expected(count: 4, shift: 1))
        #expect(Self.cacheFiles(cache).count == 1)
    }

    @Test func noCacheDirectoryDecodesEveryTime() throws {
        let dir = try IDXTests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeSet(dir, count: 2)
        let d = try IDX.fashionMNIST(directory: dir.path, cacheDirectory: nil)
        #expect(d.xTrain.scalars() == Self.expected(count: 2))
        #expect(d.xValid.shape == [0, 4] && d.yValid.shape == [0])
    }
}
