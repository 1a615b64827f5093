import NNEngine
import NNSyntax

/// Modules that lesson code imports for a step nnbook does differently: fast.ai's course
/// notebooks write `from fastai import datasets` and `import pickle, gzip` to download and
/// unpickle MNIST, which nnbook's `get_data()` replaces. The imports succeed; each function a
/// cell could call raises NotImplementedError saying what to use instead, never a silent no-op.
extension Runtime {
    /// A function that refuses with `message`, named as the module spells it.
    static func unsupported(_ module: String, _ name: String, _ message: String) -> Value {
        fn(name) { _, _, _ in throw PyError(BuiltinTypes.notImplementedError, "\(module).\(name)(): \(message)") }
    }

    /// `fastai.datasets`: the course's download helpers (nnbook has no network; data is local).
    func fastaiDatasetsModule() -> [String: Value] {
        let why = "nnbook does not download data; get_data() loads Fashion-MNIST from local files"
        var d: [String: Value] = [:]
        for name in ["download_data", "untar_data", "download_url", "datapath4file"] {
            d[name] = Runtime.unsupported("fastai.datasets", name, why)
        }
        return d
    }

    /// `pickle`: nnbook has no bytes objects to unpickle from.
    func pickleModule() -> [String: Value] {
        var d: [String: Value] = ["HIGHEST_PROTOCOL": .int(5), "DEFAULT_PROTOCOL": .int(5)]
        for name in ["load", "loads", "dump", "dumps"] {
            d[name] = Runtime.unsupported("pickle", name, "pickling is not supported in nnbook; use get_data() or read_idx()")
        }
        return d
    }

    /// `gzip`: compressed data comes in through `read_idx()`, which reads gzipped IDX files.
    func gzipModule() -> [String: Value] {
        var d: [String: Value] = [:]
        for name in ["open", "compress", "decompress"] {
            d[name] = Runtime.unsupported("gzip", name, "gzip files are not supported in nnbook; read_idx() reads gzipped IDX files")
        }
        return d
    }
}
