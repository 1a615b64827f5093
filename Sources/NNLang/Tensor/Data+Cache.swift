import NNEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Tensors

/// `get_data()`'s decoded cache: Fashion-MNIST's training images as float32 and its labels as
/// int64, in one file in the user's cache folder, memory-mapped on every call after the first
/// (gunzip and conversion take ~0.4 s; mapping the file takes about a millisecond).
///
/// The file is trusted only when its header matches: a magic and version, the size and
/// modification time of both source files as they are now, the shapes, page-aligned offsets
/// and the file's own length; anything else is stale and rebuilt. It is written to a temporary
/// name, synced, then renamed over the old one, so a reader never sees a half-written file.
/// The mapping is copy-on-write: an nn program that changes `x_train` in place changes only
/// its own copy. Any failure to read or write the cache falls back to decoding.
enum DecodedDataCache {
    /// `$NNBOOK_CACHE` when set (`off` disables the cache), else `$XDG_CACHE_HOME/nnbook`,
    /// else `~/.cache/nnbook`.
    static var directory: String? {
        let env = ProcessInfo.processInfo.environment
        if let d = env["NNBOOK_CACHE"], !d.isEmpty { return d == "off" ? nil : d }
        if let x = env["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/nnbook" }
        if let h = env["HOME"], !h.isEmpty { return h + "/.cache/nnbook" }
        return nil
    }

    static let magic = Array("NNBKFMN1".utf8)
    static let version: UInt64 = 1
    /// Header words after the magic: version, 3 per source (size, mtime s, mtime ns), image
    /// count, values per image, images offset, labels offset, file length.
    static let headerWords = 13

    /// What a source file looks like now: size and modification time.
    struct Stamp: Equatable {
        var size: Int64, seconds: Int64, nanoseconds: Int64

        init?(_ path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            size = Int64(st.st_size)
            seconds = Int64(st.st_mtim.tv_sec)
            nanoseconds = Int64(st.st_mtim.tv_nsec)
        }
        var words: [UInt64] { [UInt64(bitPattern: size), UInt64(bitPattern: seconds), UInt64(bitPattern: nanoseconds)] }
    }

    /// The cache file for the training set read from `images` (one per source folder).
    static func path(in dir: String, images: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in URL(fileURLWithPath: images).standardizedFileURL.path.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return dir + "/fashion-mnist-train-" + String(repeating: "0", count: 16 - hex.count) + hex + ".f32"
    }

    /// Images [n, per] and labels [n] mapped from a valid cache file for these sources, or nil.
    static func load(_ file: String, images: Stamp, labels: Stamp) -> (x: Tensor, y: Tensor)? {
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let headerBytes = magic.count + 8 * headerWords
        var header = [UInt8](repeating: 0, count: headerBytes)
        guard header.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, headerBytes, 0) }) == headerBytes,
              Array(header[0..<magic.count]) == magic else { return nil }
        let w: [UInt64] = (0..<headerWords).map { i in
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(header[magic.count + 8 * i + $1]) << (8 * UInt64($1)) }
        }
        let page = UInt64(sysconf(Int32(_SC_PAGESIZE)))
        let n = w[7], per = w[8], imagesAt = w[9], labelsAt = w[10], length = w[11]
        guard w[0] == version, Array(w[1...3]) == images.words, Array(w[4...6]) == labels.words,
              n > 0, per > 0, n < 1 << 31, per < 1 << 31,
              imagesAt % page == 0, labelsAt % page == 0, imagesAt >= UInt64(headerBytes),
              labelsAt >= imagesAt + n * per * 4, length == labelsAt + n * 8,
              length == UInt64(st.st_size), w[12] == 0 else { return nil }
        guard let xs = Storage(mapping: fd, dtype: .float32, count: Int(n * per), offset: Int(imagesAt)),
              let ys = Storage(mapping: fd, dtype: .int64, count: Int(n), offset: Int(labelsAt)) else { return nil }
        let x = Tensor(storage: xs, shape: [Int(n), Int(per)], strides: [Int(per), 1], offset: 0)
        let y = Tensor(storage: ys, shape: [Int(n)], strides: [1], offset: 0)
        return (x, y)
    }

    /// Writes images `x` [n, per] and labels `y` [n] (contiguous) as the cache file for sources
    /// stamped `images` and `labels` before they were read. Returns whether the file was written;
    /// a failure leaves no file behind.
    @discardableResult
    static func store(_ file: String, x: Tensor, y: Tensor, images: Stamp, labels: Stamp) -> Bool {
        guard x.ndim == 2, y.ndim == 1, x.shape[0] == y.shape[0], x.isContiguous, y.isContiguous,
              x.dtype == .float32, y.dtype == .int64, x.numel > 0 else { return false }
        let dir = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let page = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4096)
        func align(_ v: Int) -> Int { (v + page - 1) / page * page }
        let n = x.shape[0], per = x.shape[1]
        let imagesAt = align(magic.count + 8 * headerWords)
        let labelsAt = align(imagesAt + n * per * 4)
        let length = labelsAt + n * 8
        let words: [UInt64] = [version] + images.words + labels.words
            + [UInt64(n), UInt64(per), UInt64(imagesAt), UInt64(labelsAt), UInt64(length), 0]
        var header = magic
        for v in words { for k in 0..<8 { header.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(k)))) } }

        let temp = file + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return false }
        var ok = header.withUnsafeBytes { writeAll(fd, $0.baseAddress!, $0.count, at: 0) }
        ok = ok && writeAll(fd, UnsafeRawPointer(x.storage.floats + x.offset), n * per * 4, at: imagesAt)
        ok = ok && writeAll(fd, UnsafeRawPointer(y.storage.ints + y.offset), n * 8, at: labelsAt)
        ok = ok && fsync(fd) == 0
        ok = close(fd) == 0 && ok
        ok = ok && rename(temp, file) == 0
        if !ok { unlink(temp) }
        return ok
    }

    /// pwrite until every byte is written; false on an error.
    private static func writeAll(_ fd: Int32, _ p: UnsafeRawPointer, _ count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let r = pwrite(fd, p + done, count - done, off_t(offset + done))
            if r < 0 && errno == EINTR { continue }
            guard r > 0 else { return false }
            done += r
        }
        return true
    }
}
