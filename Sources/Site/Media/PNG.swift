import CZlib

/// A minimal PNG encoder for grayscale images (`show_image`), the only file that uses zlib
/// in Site (deflate for the IDAT chunk; the CRCs and the container are ours).
public enum PNG {
    /// What stops an image from being encoded.
    public enum EncodeError: Error, Equatable, CustomStringConvertible {
        case badSize(width: Int, height: Int, pixels: Int)
        case tooLarge(width: Int, height: Int)
        case deflateFailed(code: Int32)

        /// The reason in words, for diagnostics.
        public var description: String {
            switch self {
            case .badSize(let w, let h, let n): "image of \(w)x\(h) needs \(w * h) pixels, got \(n)"
            case .tooLarge(let w, let h): "image of \(w)x\(h) is too large to show"
            case .deflateFailed(let c): "deflate failed (zlib code \(c))"
            }
        }
    }

    /// The largest image we encode, in output pixels (after scaling).
    public static let maxPixels = 16_000_000

    /// Encodes an 8-bit grayscale image (row-major, 0 black ... 255 white) as PNG bytes, each
    /// pixel drawn as a `scale` x `scale` block (nearest neighbour, so digits stay crisp).
    /// `level` is the zlib level: 0 stores without compressing (byte-stable across zlib versions).
    public static func encodeGrayscale(width: Int, height: Int, pixels: [UInt8], scale: Int = 1,
                                       level: Int32 = 9) throws -> [UInt8] {
        try encode(width: width, height: height, channels: 1, pixels: pixels, scale: scale, level: level)
    }

    /// Encodes an 8-bit RGB image (row-major, three bytes a pixel), scaled like `encodeGrayscale`.
    public static func encodeRGB(width: Int, height: Int, pixels: [UInt8], scale: Int = 1,
                                 level: Int32 = 9) throws -> [UInt8] {
        try encode(width: width, height: height, channels: 3, pixels: pixels, scale: scale, level: level)
    }

    private static func encode(width: Int, height: Int, channels: Int, pixels: [UInt8], scale: Int,
                               level: Int32) throws -> [UInt8] {
        guard width > 0, height > 0, width <= 1 << 20, height <= 1 << 20,
              width * height * channels == pixels.count else {
            throw EncodeError.badSize(width: width, height: height, pixels: pixels.count)
        }
        let s = max(1, scale)
        let (outW, oW) = width.multipliedReportingOverflow(by: s)
        let (outH, oH) = height.multipliedReportingOverflow(by: s)
        guard !oW, !oH, outW <= maxPixels, outH <= maxPixels, outW * outH <= maxPixels else {
            throw EncodeError.tooLarge(width: width, height: height)
        }
        // Raw scanlines: filter byte 0 (None) then the row; repeated rows deflate to almost nothing.
        var raw: [UInt8] = []
        raw.reserveCapacity((outW * channels + 1) * outH)
        var row = [UInt8](repeating: 0, count: outW * channels)
        for y in 0..<height {
            for x in 0..<width {
                for c in 0..<channels {
                    let p = pixels[(y * width + x) * channels + c]
                    for k in 0..<s { row[(x * s + k) * channels + c] = p }
                }
            }
            for _ in 0..<s {
                raw.append(0)
                raw += row
            }
        }
        var ihdr: [UInt8] = []
        appendBigEndian(UInt32(outW), to: &ihdr)
        appendBigEndian(UInt32(outH), to: &ihdr)
        ihdr += [8, channels == 3 ? 2 : 0, 0, 0, 0]  // 8-bit, gray or RGB, deflate, adaptive filtering, no interlace
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        appendChunk("IHDR", ihdr, to: &png)
        appendChunk("IDAT", try deflate(raw, level: level), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// A `data:image/png;base64,...` URI for `<img src>`.
    public static func dataURI(_ png: [UInt8]) -> String {
        "data:image/png;base64," + Base64.encode(png)
    }

    /// The scale that shows a `width` x `height` image at about 224 px on its long side.
    public static func displayScale(width: Int, height: Int) -> Int {
        let long = max(width, height, 1)
        return max(1, min(8, 224 / long))
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        appendBigEndian(UInt32(data.count), to: &png)
        let typeBytes = Array(type.utf8)
        png += typeBytes
        png += data
        var crc = CRC32()
        crc.update(typeBytes)
        crc.update(data)
        appendBigEndian(crc.value, to: &png)
    }

    static func appendBigEndian(_ v: UInt32, to out: inout [UInt8]) {
        out += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    /// zlib-wrapped deflate of `data` (what PNG's IDAT holds).
    private static func deflate(_ data: [UInt8], level: Int32) throws -> [UInt8] {
        var destLen = compressBound(uLong(data.count))
        var dest = [UInt8](repeating: 0, count: Int(destLen))
        let code = dest.withUnsafeMutableBufferPointer { d in
            data.withUnsafeBufferPointer { s in
                compress2(d.baseAddress, &destLen, s.baseAddress, uLong(data.count), level)
            }
        }
        guard code == Z_OK else { throw EncodeError.deflateFailed(code: code) }
        return Array(dest.prefix(Int(destLen)))
    }
}

/// CRC-32 as PNG and zip use it (polynomial 0xEDB88320, reflected).
public struct CRC32: Sendable {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
    private var crc: UInt32 = 0xFFFF_FFFF

    /// A checksum of nothing yet.
    public init() {}

    /// Feeds `bytes` into the checksum.
    public mutating func update(_ bytes: [UInt8]) {
        var c = crc
        for b in bytes { c = Self.table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        crc = c
    }

    /// The checksum of everything fed so far.
    public var value: UInt32 { crc ^ 0xFFFF_FFFF }

    /// The CRC-32 of `bytes`: `CRC32.checksum(Array("123456789".utf8)) == 0xCBF43926`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c = CRC32()
        c.update(bytes)
        return c.value
    }
}

/// Standard base64 (RFC 4648, with `=` padding).
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy"`.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18)], alphabet[Int((n >> 12) & 63)], alphabet[Int((n >> 6) & 63)],
                    alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18)], alphabet[Int((n >> 12) & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(n >> 18)], alphabet[Int((n >> 12) & 63)], alphabet[Int((n >> 6) & 63)],
                    UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
