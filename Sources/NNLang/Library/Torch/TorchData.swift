import NNEngine
import NNSyntax
import Autograd
import Tensors

// `torch.utils.data`: Dataset, TensorDataset, the samplers, default_collate and DataLoader,
// as ordinary classes with native methods. A shuffled DataLoader draws from the global
// generator exactly as PyTorch's does: one 64-bit base seed when iterated, then one seed for
// the RandomSampler's own generator when the first batch is asked for, so the same seed gives
// the same batches.

extension NNModules {
    /// `torch.utils.data.Dataset`.
    static let dataset: PyClass = {
        let c = PyClass(name: "Dataset", base: BuiltinTypes.object)
        method(c, "__getitem__") { _, d, _, _ in
            throw PyError(BuiltinTypes.notImplementedError, "Subclasses of Dataset should implement __getitem__.")
        }
        return c
    }()

    /// `TensorDataset(*tensors)`: sample i is `(t[i] for t in tensors)`.
    static let tensorDataset: PyClass = {
        let c = PyClass(name: "TensorDataset", base: dataset)
        method(c, "__init__") { _, d, args, kw in
            guard kw.isEmpty else { throw PyError.type("TensorDataset() got an unexpected keyword argument '\(kw[0].0)'") }
            let ts = try args.map { try TensorArgs.variable($0, "TensorDataset") }
            let n = ts.first.map { $0.data.shape.first ?? 0 }
            for t in ts where t.data.shape.first != n || t.data.ndim == 0 {
                throw PyError(BuiltinTypes.assertionError, "Size mismatch between tensors")
            }
            d.attrs["tensors"] = .object(PyTuple(args))
            return .none
        }
        method(c, "__getitem__") { rt, d, args, _ in
            guard args.count == 1 else { throw PyError.type("__getitem__ expected 1 argument") }
            return .object(PyTuple(try datasetTensors(d).map { try rt.getItem($0, args[0]) }))
        }
        method(c, "__len__") { rt, d, _, _ in
            guard let first = try datasetTensors(d).first else { throw PyError.index("tuple index out of range") }
            return .int(try rt.len(first))
        }
        return c
    }()

    static func datasetTensors(_ d: PyInstance) throws -> [Value] {
        guard case .object(let t as PyTuple)? = d.attrs["tensors"] else { throw PyError.attribute("'TensorDataset' object has no attribute 'tensors'") }
        return t.items
    }

    /// `Sampler` (the base class of samplers).
    static let sampler: PyClass = PyClass(name: "Sampler", base: BuiltinTypes.object)

    /// `SequentialSampler(data_source)`: 0, 1, ..., len - 1.
    static let sequentialSampler: PyClass = {
        let c = PyClass(name: "SequentialSampler", base: sampler)
        method(c, "__init__") { _, s, args, kw in
            let a = try BoundArgs("SequentialSampler", args, kw, ["data_source"], required: 1)
            s.attrs["data_source"] = a.given("data_source")
            return .none
        }
        method(c, "__iter__") { rt, s, _, _ in
            let n = try rt.len(s.attrs["data_source"] ?? .none)
            var k = 0
            return .object(PyIterator(kind: BuiltinTypes.iterator) {
                guard k < n else { return nil }
                defer { k += 1 }
                return .int(k)
            })
        }
        method(c, "__len__") { rt, s, _, _ in .int(try rt.len(s.attrs["data_source"] ?? .none)) }
        return c
    }()

    /// `RandomSampler(data_source, replacement=False, num_samples=None)`: a permutation
    /// drawn from a generator seeded by the global one when iteration starts.
    static let randomSampler: PyClass = {
        let c = PyClass(name: "RandomSampler", base: sampler)
        method(c, "__init__") { _, s, args, kw in
            let a = try BoundArgs("RandomSampler", args, kw, ["data_source", "replacement", "num_samples", "generator"], required: 1)
            if try a.bool("replacement", false) {
                throw PyError(BuiltinTypes.notImplementedError, "RandomSampler(replacement=True) is not supported in nn")
            }
            if let g = a["generator"], !g.isNone {
                throw PyError(BuiltinTypes.notImplementedError, "RandomSampler(generator=...) is not supported in nn")
            }
            if let n = try a.int("num_samples"), n <= 0 {
                throw PyError.value("num_samples should be a positive integer value, but got num_samples=\(n)")
            }
            s.attrs["data_source"] = a.given("data_source")
            s.attrs["replacement"] = .bool(false)
            s.attrs["_num_samples"] = a["num_samples"] ?? Value.none
            return .none
        }
        method(c, "__iter__") { rt, s, _, _ in
            let n = try rt.len(s.attrs["data_source"] ?? .none)
            var total = n
            if case .int(let k)? = s.attrs["_num_samples"] { total = k }
            let global = try binding(rt).generator
            var order: [Int] = []
            var k = 0
            var started = false
            return .object(PyIterator(kind: BuiltinTypes.iterator) {
                if !started {
                    // PyTorch's generator body starts at the first next(): the seed is drawn then.
                    started = true
                    let seed = global.next64() % (1 << 63)
                    let g = Generator(seed: seed)
                    while order.count + n <= total && n > 0 {
                        order += try Tensor.randperm(n, generator: g).scalars().map { Int($0) }
                    }
                    if order.count < total && n > 0 {
                        order += try Tensor.randperm(n, generator: g).scalars().prefix(total - order.count).map { Int($0) }
                    }
                }
                guard k < order.count else { return nil }
                defer { k += 1 }
                return .int(order[k])
            })
        }
        method(c, "__len__") { rt, s, _, _ in
            if case .int(let k)? = s.attrs["_num_samples"] { return .int(k) }
            return .int(try rt.len(s.attrs["data_source"] ?? .none))
        }
        return c
    }()

    /// `BatchSampler(sampler, batch_size, drop_last)`: lists of indices.
    static let batchSampler: PyClass = {
        let c = PyClass(name: "BatchSampler", base: sampler)
        method(c, "__init__") { rt, s, args, kw in
            let a = try BoundArgs("BatchSampler", args, kw, ["sampler", "batch_size", "drop_last"], required: 3)
            guard case .int(let bs) = a.given("batch_size"), bs > 0 else {
                let shown = (try? rt.repr(a.given("batch_size"))) ?? "?"
                throw PyError.value("batch_size should be a positive integer value, but got batch_size=\(shown)")
            }
            guard case .bool(let drop) = a.given("drop_last") else {
                throw PyError.value("drop_last should be a boolean value, but got drop_last=\(a.given("drop_last").typeName)")
            }
            s.attrs["sampler"] = a.given("sampler")
            s.attrs["batch_size"] = .int(bs)
            s.attrs["drop_last"] = .bool(drop)
            return .none
        }
        method(c, "__iter__") { rt, s, _, _ in
            let next = try rt.makeIterator(s.attrs["sampler"] ?? .none)
            guard case .int(let bs)? = s.attrs["batch_size"], case .bool(let drop)? = s.attrs["drop_last"] else { return .none }
            return .object(PyIterator(kind: BuiltinTypes.iterator) {
                var batch: [Value] = []
                while batch.count < bs, let i = try next() { batch.append(i) }
                if batch.isEmpty || (drop && batch.count < bs) { return nil }
                return .object(PyList(batch))
            })
        }
        method(c, "__len__") { rt, s, _, _ in
            guard case .int(let bs)? = s.attrs["batch_size"], case .bool(let drop)? = s.attrs["drop_last"] else { return .int(0) }
            let n = try rt.len(s.attrs["sampler"] ?? .none)
            return .int(drop ? n / bs : (n + bs - 1) / bs)
        }
        return c
    }()

    /// `default_collate(batch)`: stacks tensors, turns numbers into tensors, and recurses
    /// into tuples/lists (giving lists) and dicts.
    static func collate(_ rt: Runtime, _ batch: [Value]) throws -> Value {
        guard let first = batch.first else { throw PyError.index("list index out of range") }
        switch first {
        case .tensor, .tscalar:
            let vs = try batch.map { try TensorArgs.variable($0, "default_collate") }
            return try Grad.v { try Variable.stack(vs, dim: 0) }
        case .int, .bool:
            return .tensor(Variable(try TensorData.make(.object(PyList(batch)), dtype: first.isBoolValue ? .bool : .int64)))
        case .float:
            // PyTorch's `torch.tensor(batch, dtype=torch.float64)`.
            return .tensor(Variable(try TensorData.make(.object(PyList(batch)), dtype: .float64)))
        case .str:
            return .object(PyList(batch))
        case .object(let d as PyDict):
            let out = PyDict()
            for k in d.keys {
                out.set(try rt.str(k), try collate(rt, try batch.map { v in
                    guard case .object(let e as PyDict) = v, let x = try e.get(k) else { throw PyError.key(k) }
                    return x
                }))
            }
            return .object(out)
        default:
            guard let items = TensorArgs.sequence(first) else {
                throw PyError.type("default_collate: batch must contain tensors, numbers, dicts or lists; found \(first.typeName)")
            }
            var columns: [[Value]] = Array(repeating: [], count: items.count)
            for sample in batch {
                guard let s = TensorArgs.sequence(sample), s.count == items.count else {
                    throw PyError.runtime("each element in list of batch should be of equal size")
                }
                for (i, x) in s.enumerated() { columns[i].append(x) }
            }
            return .object(PyList(try columns.map { try collate(rt, $0) }))
        }
    }

    /// `torch.utils.data.DataLoader`.
    static let dataLoader: PyClass = {
        let c = PyClass(name: "DataLoader", base: BuiltinTypes.object)
        method(c, "__init__") { rt, l, args, kw in
            let a = try BoundArgs("DataLoader", args, kw, ["dataset", "batch_size", "shuffle", "sampler", "batch_sampler",
                                                           "num_workers", "collate_fn", "pin_memory", "drop_last", "timeout",
                                                           "worker_init_fn", "multiprocessing_context", "generator",
                                                           "prefetch_factor", "persistent_workers", "pin_memory_device", "in_order"], required: 1)
            if let g = a["generator"], !g.isNone {
                throw PyError(BuiltinTypes.notImplementedError, "DataLoader(generator=...) is not supported in nn")
            }
            let ds = a.given("dataset")
            let shuffle = try a["shuffle"].map { $0.isNone ? false : try rt.truth($0) } ?? false
            let drop = try a.bool("drop_last", false)
            var batchSize: Value = a["batch_size"] ?? .int(1)
            var sampler = a["sampler"].flatMap { $0.isNone ? nil : $0 }
            let givenBatchSampler = a["batch_sampler"].flatMap { $0.isNone ? nil : $0 }
            if givenBatchSampler != nil {
                if a["batch_size"].map({ !(TensorArgs.intValue($0) == 1) && !$0.isNone }) ?? false || shuffle || sampler != nil || drop {
                    throw PyError.value("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last")
                }
                batchSize = .none
            }
            if sampler != nil && shuffle {
                throw PyError.value("sampler option is mutually exclusive with shuffle")
            }
            if sampler == nil {
                sampler = try rt.call(.object(shuffle ? randomSampler : sequentialSampler), [ds], [])
            }
            var batchSampler = givenBatchSampler ?? .none
            if givenBatchSampler == nil && !batchSize.isNone {
                batchSampler = try rt.call(.object(NNModules.batchSampler), [sampler!, batchSize, .bool(drop)], [])
            }
            l.attrs["dataset"] = ds
            l.attrs["batch_size"] = batchSize
            l.attrs["drop_last"] = .bool(drop)
            l.attrs["sampler"] = sampler!
            l.attrs["batch_sampler"] = batchSampler
            l.attrs["num_workers"] = a["num_workers"] ?? .int(0)
            l.attrs["collate_fn"] = a["collate_fn"] ?? Value.none
            return .none
        }
        method(c, "__iter__") { rt, l, _, _ in
            let ds = l.attrs["dataset"] ?? .none
            let batchSampler = l.attrs["batch_sampler"] ?? .none
            let autoCollate = !batchSampler.isNone
            let nextIndex = try rt.makeIterator(autoCollate ? batchSampler : (l.attrs["sampler"] ?? .none))
            // PyTorch's iterator draws its base seed from the global generator when created.
            _ = try binding(rt).generator.next64()
            let collateFn = l.attrs["collate_fn"] ?? .none
            let fastTensors = NNModules.plainTensorDataset(ds)
            return .object(PyIterator(kind: BuiltinTypes.iterator) {
                guard let idx = try nextIndex() else { return nil }
                if !autoCollate {
                    let sample = try rt.getItem(ds, idx)
                    return collateFn.isNone ? sample : try rt.call(collateFn, [sample], [])
                }
                let indices = try rt.iterateToArray(idx)
                if collateFn.isNone, let ts = fastTensors {
                    // Stacking t[i] for each i is indexing t with the index list.
                    let list = Value.object(PyList(indices))
                    return .object(PyList(try ts.map { try rt.getItem($0, list) }))
                }
                let samples = try indices.map { try rt.getItem(ds, $0) }
                if collateFn.isNone { return try collate(rt, samples) }
                return try rt.call(collateFn, [.object(PyList(samples))], [])
            })
        }
        method(c, "__len__") { rt, l, _, _ in
            let bs = l.attrs["batch_sampler"] ?? .none
            return .int(try rt.len(bs.isNone ? (l.attrs["sampler"] ?? .none) : bs))
        }
        return c
    }()

    /// The tensors of a TensorDataset whose item access is TensorDataset's own (not overridden).
    static func plainTensorDataset(_ ds: Value) -> [Value]? {
        guard case .object(let d as PyInstance) = ds, d.cls.isSubclass(of: tensorDataset),
              case .object(let f)? = d.cls.lookup("__getitem__"), case .object(let own)? = tensorDataset.dict["__getitem__"], f === own,
              let ts = try? datasetTensors(d), ts.allSatisfy({ $0.isTensorValue }) else { return nil }
        return ts
    }

    /// `default_collate` as a function value.
    static let defaultCollate = PyBuiltin("default_collate", acceptsTScalar: false) { rt, args, _ in
        guard args.count == 1 else { throw PyError.type("default_collate() takes 1 positional argument") }
        return try collate(rt, try rt.iterateToArray(args[0]))
    }
}

extension Value {
    fileprivate var isBoolValue: Bool { if case .bool = self { return true }; return false }
}
