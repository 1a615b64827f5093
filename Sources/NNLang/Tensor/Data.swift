import NNEngine
import NNSyntax
import Autograd
import CZlib
import Foundation
import Tensors

// IDX files (the MNIST family's format), gzipped or not, and Fashion-MNIST for the lessons.
// This is the only file that imports CZlib.

/// Why an IDX file could not be read.
public struct IDXError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file does not exist (nn: FileNotFoundError).
        case notFound
        /// Not an IDX file, corrupt gzip data, or shorter than its header says (nn: ValueError).
        case malformed
    }
    /// Which nn exception this becomes.
    public var kind: Kind
    /// The message, starting with the file's path.
    public var message: String
    /// The message.
    public var description: String { message }
    /// An error of `kind` with `message`.
    public init(kind: Kind, message: String) { self.kind = kind; self.message = message }
}

/// Reading IDX files: magic `00 00 TT NN`, NN big-endian UInt32 dims, then the data big-endian.
public enum IDX {
    /// The apt package that ships Fashion-MNIST, named in error messages.
    public static let aptPackage = "dataset-fashion-mnist"

    /// Where `get_data()` looks: `$NNBOOK_DATA` when set and non-empty, else the apt package's folder.
    public static var dataDirectory: String {
        if let d = ProcessInfo.processInfo.environment["NNBOOK_DATA"], !d.isEmpty { return d }
        return "/usr/share/datasets/fashion-mnist"
    }

    /// Where `get_data()` keeps its decoded cache: `$NNBOOK_CACHE` (`off`: no cache), else
    /// `$XDG_CACHE_HOME/nnbook`, else `~/.cache/nnbook`.
    public static var cacheDirectory: String? { DecodedDataCache.directory }

    /// The decoded contents of an IDX file: element type code, dims, and the raw big-endian body.
    struct Raw {
        var typeCode: UInt8
        var dims: [Int]
        var body: [UInt8]
        var count: Int { dims.reduce(1, *) }
    }

    static let itemSizes: [UInt8: Int] = [0x08: 1, 0x09: 1, 0x0B: 2, 0x0C: 4, 0x0D: 4, 0x0E: 8]

    /// `read_idx(path)`: integer data (ubyte, byte, short, int) as int64, float and double as float32.
    public static func read(_ path: String) throws -> Tensor {
        let raw = try load(path)
        let n = raw.count
        let size = itemSizes[raw.typeCode]!
        let isFloat = raw.typeCode == 0x0D || raw.typeCode == 0x0E
        let t = try Tensor(zeros: raw.dims, dtype: isFloat ? .float32 : .int64)
        raw.body.withUnsafeBufferPointer { b in
            func be(_ i: Int) -> UInt64 {
                var v: UInt64 = 0
                for k in 0..<size { v = v << 8 | UInt64(b[i * size + k]) }
                return v
            }
            switch raw.typeCode {
            case 0x08:
                let p = t.storage.ints
                for i in 0..<n { p[i] = Int64(b[i]) }
            case 0x09:
                let p = t.storage.ints
                for i in 0..<n { p[i] = Int64(Int8(bitPattern: b[i])) }
            case 0x0B:
                let p = t.storage.ints
                for i in 0..<n { p[i] = Int64(Int16(bitPattern: UInt16(truncatingIfNeeded: be(i)))) }
            case 0x0C:
                let p = t.storage.ints
                for i in 0..<n { p[i] = Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: be(i)))) }
            case 0x0D:
                let p = t.storage.floats
                for i in 0..<n { p[i] = Float(bitPattern: UInt32(truncatingIfNeeded: be(i))) }
            default:
                let p = t.storage.floats
                for i in 0..<n { p[i] = Float(Double(bitPattern: be(i))) }
            }
        }
        return t
    }

    /// Unsigned-byte images as float32 in [0, 1] (`x.float() / 255`), one row per image.
    static func readImages(_ path: String) throws -> Tensor {
        let raw = try load(path)
        guard raw.typeCode == 0x08, let n = raw.dims.first else {
            throw IDXError(kind: .malformed, message: "\(path): expected unsigned-byte image data")
        }
        let per = n == 0 ? 0 : raw.count / n
        let t = try Tensor(zeros: [n, per], dtype: .float32)
        let p = t.storage.floats
        raw.body.withUnsafeBufferPointer { b in
            for i in 0..<raw.count { p[i] = Float(b[i]) / 255 }
        }
        return t
    }

    /// Reads, gunzips (when the file starts with `1f 8b`) and checks the header and length.
    static func load(_ path: String) throws -> Raw {
        guard FileManager.default.fileExists(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw IDXError(kind: .notFound, message: "\(path): no such file (install the apt package \(aptPackage), or set NNBOOK_DATA)")
        }
        var bytes = [UInt8](data)
        if bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b {
            guard let d = gunzip(bytes) else {
                throw IDXError(kind: .malformed, message: "\(path): corrupt gzip data")
            }
            bytes = d
        }
        guard bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, let size = itemSizes[bytes[2]] else {
            throw IDXError(kind: .malformed, message: "\(path): not an IDX file")
        }
        let ndim = Int(bytes[3])
        let header = 4 + 4 * ndim
        guard bytes.count >= header else { throw IDXError(kind: .malformed, message: "\(path): truncated IDX file") }
        var dims: [Int] = []
        var count = 1
        for d in 0..<ndim {
            let o = 4 + 4 * d
            let v = Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3])
            dims.append(v)
            let (c, overflow) = count.multipliedReportingOverflow(by: v)
            guard !overflow else { throw IDXError(kind: .malformed, message: "\(path): truncated IDX file") }
            count = c
        }
        let (needed, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, bytes.count - header >= needed else {
            throw IDXError(kind: .malformed, message: "\(path): truncated IDX file")
        }
        return Raw(typeCode: bytes[2], dims: dims, body: Array(bytes[header..<(header + needed)]))
    }

    /// Inflates gzip data (all members); nil when the stream is corrupt or cut short.
    static func gunzip(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        // 15 + 16: a gzip wrapper, 32 KB window.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out = [UInt8]()
        out.reserveCapacity(input.count * 4)
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var ok = false
        input.withUnsafeBufferPointer { inp in
            stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
            stream.avail_in = UInt32(inp.count)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { b in
                    stream.next_out = b.baseAddress
                    stream.avail_out = UInt32(chunk)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk - Int(stream.avail_out)
                out.append(contentsOf: buffer[0..<produced])
                if status == Z_STREAM_END {
                    // Concatenated gzip members: continue with the next one.
                    if stream.avail_in > 0 && inflateReset(&stream) == Z_OK { continue }
                    ok = true
                    return
                }
                if status != Z_OK { return }
                if produced == 0 && stream.avail_in == 0 { return }  // input ended mid-stream
            }
        }
        return ok ? out : nil
    }

    /// `get_data()`: Fashion-MNIST's training set split into the first 50,000 images as train
    /// and the rest (10,000) as valid; images as 784 float32 values in [0, 1], labels int64.
    /// After the first call the decoded set comes from a memory-mapped cache file
    /// (`DecodedDataCache`, in `cacheDirectory`; nil decodes every time).
    public static func fashionMNIST(directory: String = dataDirectory,
                                    cacheDirectory: String? = cacheDirectory)
        throws -> (xTrain: Tensor, yTrain: Tensor, xValid: Tensor, yValid: Tensor) {
        let files = fashionMNISTFiles(directory: directory)
        let imagesPath = files[0], labelsPath = files[1]
        var cached: (file: String, images: DecodedDataCache.Stamp, labels: DecodedDataCache.Stamp)? = nil
        if let dir = cacheDirectory, let si = DecodedDataCache.Stamp(imagesPath), let sl = DecodedDataCache.Stamp(labelsPath) {
            cached = (DecodedDataCache.path(in: dir, images: imagesPath), si, sl)
        }
        var x: Tensor, y: Tensor
        if let c = cached, let hit = DecodedDataCache.load(c.file, images: c.images, labels: c.labels) {
            (x, y) = hit
        } else {
            x = try readImages(imagesPath)
            y = try read(labelsPath)
            if let c = cached, x.ndim == 2, y.shape == [x.shape[0]] {
                DecodedDataCache.store(c.file, x: x, y: y, images: c.images, labels: c.labels)
            }
        }
        let train: [TensorIndex] = [.slice(start: nil, stop: 50000, step: nil)]
        let valid: [TensorIndex] = [.slice(start: 50000, stop: nil, step: nil)]
        return (try x.index(train), try y.index(train), try x.index(valid), try y.index(valid))
    }
}

extension IDX {
    /// The files `get_data()` reads (images, labels) from `directory`.
    public static func fashionMNISTFiles(directory: String = dataDirectory) -> [String] {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return [base + "train-images-idx3-ubyte.gz", base + "train-labels-idx1-ubyte.gz"]
    }

    /// The files `get_data()` reads from the data directory in force now.
    public static var fashionMNISTFiles: [String] { fashionMNISTFiles() }
}

/// nn's FileNotFoundError (an OSError), raised by `read_idx` for a missing file.
enum DataErrors {
    static let fileNotFoundError = PyClass(name: "FileNotFoundError", base: BuiltinTypes.osError, isBuiltin: true)

    static func pyError(_ e: Error) -> PyError {
        guard let i = e as? IDXError else { return asPyError(e) }
        switch i.kind {
        case .notFound: return PyError(fileNotFoundError, i.message)
        case .malformed: return PyError.value(i.message)
        }
    }
}

extension NNTensorBinding {
    func installData(_ rt: Runtime) {
        if rt.builtins["FileNotFoundError"] == nil {
            rt.builtins["FileNotFoundError"] = .object(DataErrors.fileNotFoundError)
        }
        rt.defineBuiltin("read_idx") { rt, args, kw in
            let a = try BoundArgs("read_idx", args, kw, ["path"], required: 1)
            guard case .str(let path)? = a["path"] else {
                throw PyError.type("read_idx(): argument 'path' must be str, not \(a["path"]?.typeName ?? "NoneType")")
            }
            rt.noteFileRead(path)
            do { return .tensor(Variable(try IDX.read(path))) } catch { throw DataErrors.pyError(error) }
        }
        rt.defineBuiltin("get_data") { rt, args, kw in
            _ = try BoundArgs("get_data", args, kw, [])
            for name in IDX.fashionMNISTFiles { rt.noteFileRead(name) }
            do {
                let d = try IDX.fashionMNIST()
                return .object(PyTuple([d.xTrain, d.yTrain, d.xValid, d.yValid].map { .tensor(Variable($0)) }))
            } catch { throw DataErrors.pyError(error) }
        }
    }
}
