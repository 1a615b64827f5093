import NNLang
import Testing

/// What issue 13's port of the fast.ai course notebooks needs that CPython + PyTorch cannot
/// record as a conformance program: modules nnbook provides in place of a download (`fastai`,
/// `pickle`, `gzip`) and the float64 ops nnbook does not have yet, which must say so.
struct TorchPortTests {
    func error(_ source: String) -> String? {
        Interpreter(file: "port.nn").run(cell: source, firstLine: 1, echoResult: false).error?.summary
    }

    func output(_ source: String) -> String {
        let r = Interpreter(file: "port.nn").run(cell: source, firstLine: 1, echoResult: false)
        let text = r.items.map { item -> String in
            if case .stdout(let s) = item { return s }
            return ""
        }.joined()
        return text + (r.error.map { "error: " + $0.summary } ?? "")
    }

    @Test
    func courseImportsLoadAndTheirDownloadHelpersRefuse() {
        let src = """
            from fastai import datasets
            import pickle, gzip, math, torch, matplotlib as mpl
            import fastai.datasets
            print(datasets is fastai.datasets, pickle.__name__, gzip.__name__)
            """
        #expect(output(src) == "True pickle gzip\n")
        #expect(error("from fastai import datasets\ndatasets.download_data('http://x/mnist.pkl', ext='.gz')")
            == "NotImplementedError: fastai.datasets.download_data(): nnbook does not download data; get_data() loads Fashion-MNIST from local files")
        #expect(error("import pickle\npickle.load(None)")?.hasPrefix("NotImplementedError: pickle.load(): ") == true)
        #expect(error("import gzip\ngzip.open('a.gz', 'rb')")?.hasPrefix("NotImplementedError: gzip.open(): ") == true)
    }

    @Test
    func dottedImportsLoadEveryPackageOnTheWay() {
        let src = """
            import IPython.core.debugger
            print(IPython.core.debugger.set_trace.__name__)
            from IPython.core import debugger
            print(debugger is IPython.core.debugger)
            """
        #expect(output(src) == "set_trace\nTrue\n")
    }

    @Test
    func float64LossLerpAndDefaultDtypeRunInDouble() {
        #expect(output("import torch\nprint(torch.float64, torch.double is torch.float64, torch.float64.itemsize)")
            == "float64 True 8\n")
        #expect(output("import torch\nimport torch.nn.functional as F\nprint(F.cross_entropy(torch.zeros(2, 3, dtype=torch.float64), torch.tensor([0, 1])))")
            == "tensor(1.0986, dtype=float64)\n")
        #expect(output("import torch\nprint(torch.zeros(2, dtype=torch.float64).lerp(torch.ones(2, dtype=torch.float64), 0.1).tolist())")
            == "[0.1, 0.1]\n")
        #expect(error("import torch\ntorch.set_default_dtype(torch.int64)")
            == "TypeError: only floating-point types are supported as the default type")
    }

    @Test
    func defaultDtypeLastsAcrossCellsOfOneInterpreterOnly() {
        let a = Interpreter(file: "a.nn"), b = Interpreter(file: "b.nn")
        func out(_ i: Interpreter, _ src: String) -> String {
            i.run(cell: src, firstLine: 1, echoResult: false).items.map { item -> String in
                if case .stdout(let s) = item { return s }
                return ""
            }.joined()
        }
        #expect(out(a, "import torch\ntorch.set_default_dtype(torch.float64)") == "")
        #expect(out(a, "import torch\nprint(torch.get_default_dtype(), torch.tensor([0.5]).dtype)") == "float64 float64\n")
        #expect(out(b, "import torch\nprint(torch.get_default_dtype(), torch.tensor([0.5]).dtype)") == "float32 float32\n")
    }
}
