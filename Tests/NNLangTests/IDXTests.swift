import Foundation
import NNLang
import Tensors
import Testing

/// `read_idx` on small IDX files this test writes itself: every element type, plain and
/// gzipped, and the malformed cases.
@Suite struct IDXTests {
    /// A fresh temporary directory for this test's files.
    static func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// An IDX file: magic, big-endian dims, then `body` (already big-endian).
    static func idx(_ type: UInt8, _ dims: [Int], _ body: [UInt8]) -> [UInt8] {
        var b: [UInt8] = [0, 0, type, UInt8(dims.count)]
        for d in dims { b += [UInt8(d >> 24 & 255), UInt8(d >> 16 & 255), UInt8(d >> 8 & 255), UInt8(d & 255)] }
        return b + body
    }

    /// Gzip with stored (uncompressed) deflate blocks, so the test needs no zlib of its own.
    static func gzip(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]
        var i = 0
        repeat {
            let n = min(65535, data.count - i)
            let final: UInt8 = i + n >= data.count ? 1 : 0
            out += [final, UInt8(n & 255), UInt8(n >> 8), UInt8(~n & 255), UInt8(~n >> 8 & 255)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        let crc = crc32(data)
        out += [UInt8(crc & 255), UInt8(crc >> 8 & 255), UInt8(crc >> 16 & 255), UInt8(crc >> 24 & 255)]
        let size = UInt32(truncatingIfNeeded: data.count)
        out += [UInt8(size & 255), UInt8(size >> 8 & 255), UInt8(size >> 16 & 255), UInt8(size >> 24 & 255)]
        return out
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xffff_ffff
        for b in data {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xedb8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }

    static func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func everyElementTypePlainAndGzipped() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(UInt8, [UInt8], DType, [Double])] = [
            (0x08, [0, 1, 254, 255, 7, 128], .int64, [0, 1, 254, 255, 7, 128]),
            (0x09, [0, 1, 254, 255, 7, 128], .int64, [0, 1, -2, -1, 7, -128]),
            (0x0B, [0, 1, 255, 254, 1, 0, 0x80, 0, 0, 5, 0x7f, 0xff], .int64, [1, -2, 256, -32768, 5, 32767]),
            (0x0C, [0, 0, 0, 1, 255, 255, 255, 255, 0, 1, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 9, 0x7f, 255, 255, 255],
             .int64, [1, -1, 65536, -2_147_483_648, 9, 2_147_483_647]),
            (0x0D, [0x3f, 0x80, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0, 0x3e, 0x80, 0, 0, 0x42, 0xc8, 0, 0, 0xbf, 0, 0, 0],
             .float32, [1, -2, 0, 0.25, 100, -0.5]),
            (0x0E, [0x3f, 0xf0, 0, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0x3f, 0xd0, 0, 0, 0, 0, 0, 0, 0x40, 0x59, 0, 0, 0, 0, 0, 0, 0xbf, 0xe0, 0, 0, 0, 0, 0, 0],
             .float32, [1, -2, 0, 0.25, 100, -0.5]),
        ]
        for (type, body, dtype, values) in cases {
            let bytes = Self.idx(type, [2, 3], body)
            for (name, data) in [("t\(type).idx", bytes), ("t\(type).idx.gz", Self.gzip(bytes))] {
                let t = try IDX.read(try Self.write(data, name, in: dir))
                #expect(t.shape == [2, 3], "\(name)")
                #expect(t.dtype == dtype, "\(name)")
                #expect(t.scalars() == values, "\(name)")
            }
        }
    }

    @Test func readIdxFromNN() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.write(Self.gzip(Self.idx(0x08, [3], [5, 6, 7])), "labels.gz", in: dir)
        let interp = Interpreter(file: "t.py")
        let r = interp.run(cell: "y = read_idx('\(path)')\nprint(y, y.dtype, y.shape)", firstLine: 1, echoResult: false)
        #expect(r.error == nil)
        #expect(r.items == [.stdout("tensor([5, 6, 7]) int64 Size([3])\n")])
    }

    @Test func missingAndMalformedFiles() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("nope.idx").path
        #expect(throws: IDXError(kind: .notFound, message: "\(missing): no such file (install the apt package dataset-fashion-mnist, or set NNBOOK_DATA)")) {
            try IDX.read(missing)
        }
        let bad: [(String, [UInt8], String)] = [
            ("notidx", [1, 2, 3, 4, 5], "not an IDX file"),
            ("badtype", [0, 0, 0x07, 1, 0, 0, 0, 1, 9], "not an IDX file"),
            ("short", [0, 0], "not an IDX file"),
            ("header", [0, 0, 8, 2, 0, 0, 0], "truncated IDX file"),
            ("body", Self.idx(0x08, [2, 3], [1, 2, 3]), "truncated IDX file"),
            ("floatbody", Self.idx(0x0D, [2], [0, 0, 0, 0, 1]), "truncated IDX file"),
            ("body.gz", Self.gzip(Self.idx(0x08, [4], [1])), "truncated IDX file"),
            ("cutgzip.gz", Array(Self.gzip(Self.idx(0x08, [4], [1, 2, 3, 4])).dropLast(12)), "corrupt gzip data"),
            ("garbage.gz", [0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9], "corrupt gzip data"),
        ]
        for (name, bytes, what) in bad {
            let path = try Self.write(bytes, name, in: dir)
            #expect(throws: IDXError(kind: .malformed, message: "\(path): \(what)"), "\(name)") { try IDX.read(path) }
        }
        // Through nn: the exception types and messages name the path.
        let interp = Interpreter(file: "t.py")
        let r1 = interp.run(cell: "read_idx('\(missing)')", firstLine: 1)
        #expect(r1.error?.typeName == "FileNotFoundError")
        #expect(r1.error?.message.contains(missing) == true && r1.error?.message.contains("dataset-fashion-mnist") == true)
        let r2 = interp.run(cell: "read_idx('\(dir.appendingPathComponent("body").path)')", firstLine: 1)
        #expect(r2.error?.typeName == "ValueError")
        #expect(r2.error?.message.hasSuffix("body: truncated IDX file") == true)
    }

    @Test func fashionMNISTWhenInstalled() throws {
        let dir = IDX.dataDirectory
        guard FileManager.default.fileExists(atPath: dir + "/train-images-idx3-ubyte.gz") else { return }
        let d = try IDX.fashionMNIST(directory: dir)
        #expect(d.xTrain.shape == [50000, 784] && d.xValid.shape == [10000, 784])
        #expect(d.yTrain.shape == [50000] && d.yValid.shape == [10000])
        #expect(d.xTrain.dtype == .float32 && d.yTrain.dtype == .int64)
        let hi = try d.xTrain.amax().item(), lo = try d.xTrain.amin().item()
        #expect(hi == 1 && lo == 0)
    }
}
