import Tensors

/// A tensor as nn code sees it: data plus PyTorch's autograd state.
///
/// Contract shared by `Autograd` and `NNLang`: an nn tensor value *is* a `Variable` (identity
/// matters: `x.grad is x.grad`). Differentiable ops take and return Variables and record a
/// `Node` when any input requires grad and grad mode is on; `backward()` walks those nodes.
///
///     let w = Variable(try Tensor(floats: [1, 2], shape: [2]), requiresGrad: true)
///     let loss = try w.mul(w).sum()          // tensor(5., grad_fn=<SumBackward0>)
///     try loss.backward()
///     w.grad?.data                            // tensor([2., 4.])
public final class Variable {
    /// The values. Views of one Variable's data share its storage, as in PyTorch.
    public var data: Tensor {
        didSet { elements = ElementView(data); plainElements = Variable.plain(elements, viewBase, storedRequiresGrad) }
    }
    /// `data`'s element addressing, kept in step with it (the interpreter's element loops).
    public private(set) var elements: ElementView
    /// `elements` for a tensor that is not a view and needs no gradient, else `elements.closed`
    /// (no element in reach): the interpreter's first try, one bounds check deciding. Views
    /// go on to `elementsWithoutGrad`, which may refresh their history.
    public private(set) var plainElements: ElementView
    /// `elements` when reading or writing single elements needs no autograd (no gradient is
    /// required), else nil. Cheap for tensors that are not views.
    @inlinable public var elementsWithoutGrad: ElementView? {
        if viewBase == nil { return storedRequiresGrad ? nil : elements }
        return requiresGrad ? nil : elements
    }
    /// True for leaves the user asked gradients for, and for results computed from them.
    public var requiresGrad: Bool {
        get { refreshIfStale(); return storedRequiresGrad }
        set { storedRequiresGrad = newValue }
    }
    @usableFromInline var storedRequiresGrad: Bool {
        didSet { plainElements = Variable.plain(elements, viewBase, storedRequiresGrad) }
    }

    /// What `plainElements` holds for these elements, view base and gradient flag.
    static func plain(_ e: ElementView, _ viewBase: Variable?, _ requiresGrad: Bool) -> ElementView {
        viewBase == nil && !requiresGrad ? e : e.closed
    }

    /// The accumulated gradient (leaves only, as in PyTorch), or nil. Assign through
    /// `setGrad(_:)` to get PyTorch's shape check.
    public var grad: Variable?
    /// The op that produced this value; nil for leaves.
    public var gradFn: Node? {
        get { refreshIfStale(); return storedGradFn }
        set { storedGradFn = newValue }
    }
    private var storedGradFn: Node?
    /// An opaque slot for the language layer (user attributes such as `inp.g`).
    public var userAttributes: AnyObject?
    /// For a view produced by a differentiable view op: the Variable owning the storage.
    /// In-place ops that record history refuse to write through views (see `add_`).
    public internal(set) var viewBase: Variable? {
        didSet {
            viewVersion = viewBase?.historyVersion ?? 0
            plainElements = Variable.plain(elements, viewBase, storedRequiresGrad)
        }
    }
    /// Bumped whenever an in-place op rewrites this Variable's history; a view whose
    /// `viewVersion` lags its base's regenerates its own history (AsStridedBackward0) when next
    /// read, as PyTorch does.
    var historyVersion = 0
    var viewVersion = 0
    /// How many in-place writes this Variable's data has had (kept on the view base, shared
    /// by its views); nodes compare it with the value they saved.
    var version = 0
    var versionOwner: Variable { viewBase ?? self }

    /// A leaf holding `data`. `requiresGrad` needs a float tensor (use `requiresGrad_()` to get
    /// PyTorch's error for other dtypes).
    public init(_ data: Tensor, requiresGrad: Bool = false) {
        self.data = data
        self.elements = ElementView(data)
        self.storedRequiresGrad = requiresGrad
        self.plainElements = Variable.plain(elements, nil, requiresGrad)
    }

    /// A view whose base was written in place with recording gets a history that reads the
    /// gradient out of the base's.
    private func refreshIfStale() {
        guard let base = viewBase, viewVersion != base.historyVersion else { return }
        viewVersion = base.historyVersion
        guard base.requiresGrad,
              let positions = try? Variable.positions(of: data, in: base.data, forWriting: false),
              let positionTensor = try? Tensor(ints: positions.map { Int64($0) }, shape: [positions.count])
        else { return }
        let baseShape = base.shape
        storedGradFn = Node(name: "AsStridedBackward0", next: [Variable.edge(to: base)]) { g, _ in
            [try Variable.scatterAdd(g, into: baseShape, at: positionTensor)]
        }
        storedRequiresGrad = true
    }

    /// A leaf, checking `requires_grad=True` like `torch.tensor(..., requires_grad=True)`.
    public static func leaf(_ data: Tensor, requiresGrad: Bool) throws -> Variable {
        let v = Variable(data)
        if requiresGrad { try v.requiresGrad_(true) }
        return v
    }

    /// A leaf is a value no recorded op produced (PyTorch's `is_leaf`).
    public var isLeaf: Bool { gradFn == nil }

    /// The shape of `data`.
    public var shape: [Int] { data.shape }
    /// The dtype of `data`.
    public var dtype: DType { data.dtype }
    /// The rank of `data`.
    public var ndim: Int { data.ndim }

    /// `x.requires_grad_(flag)`: marks a leaf as wanting gradients; returns `self`.
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws -> Variable {
        if !isLeaf {
            throw TensorError.runtime("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        }
        if flag && !data.dtype.isFloatingPoint {
            throw TensorError.runtime("only Tensors of floating point dtype can require gradients")
        }
        requiresGrad = flag
        return self
    }

    /// `x.grad = g` with PyTorch's checks; `nil` resets the gradient.
    public func setGrad(_ g: Variable?) throws {
        if let g {
            if g.shape != shape {
                throw TensorError.runtime("attempting to assign a gradient of size '\(Tensor.describe(g.shape))' to a tensor of size '\(Tensor.describe(shape))'. Please ensure that the gradient and the tensor are the same size")
            }
            if g.dtype != dtype {
                throw TensorError.runtime("attempting to assign a gradient with dtype '\(Variable.torchName(g.dtype))' to a tensor with dtype '\(Variable.torchName(dtype))'. Please ensure that the gradient and the tensor have the same dtype")
            }
        }
        grad = g
    }

    /// `x.detach()`: the same data (shared storage) without history or `requires_grad`.
    public func detach() -> Variable { Variable(data) }

    static func torchName(_ d: DType) -> String { "torch.\(d)" }
}

/// Where a gradient flows from a `Node`: into another node, or accumulated into a leaf
/// (PyTorch's `AccumulateGrad`).
public enum Edge {
    case node(Node)
    case leaf(Variable)
}

/// One recorded op in the graph: PyTorch's `grad_fn` (its name prints as `<MulBackward0>`).
///
/// A node keeps what its backward rule needs (captured by `rule`) until `backward()` has run
/// through it without `retainGraph`, then drops it; `next` keeps the graph's shape.
/// A weak reference to a Variable (a node must not keep its outputs alive).
struct WeakVariable {
    weak var variable: Variable?
}

public final class Node {
    /// PyTorch's class name for this backward function, e.g. `MulBackward0`.
    public let name: String
    /// One edge per input of the op; nil where that input does not require grad.
    public internal(set) var next: [Edge?]
    /// The backward rule: output gradient and which inputs need one -> one gradient per input.
    typealias Rule = (Tensor, [Bool]) throws -> [Tensor?]
    var rule: Rule? {
        didSet {
            if (oldValue == nil) != (rule == nil) { counter.add(saved: rule == nil ? -1 : 1) }
        }
    }
    /// The recording thread's counter (see `DebugCounters`).
    private let counter: GraphCounter
    /// Non-leaf results of this node that asked `retain_grad()`: backward stores the
    /// gradient that reaches the node in their `.grad`.
    var retained: [WeakVariable] = []

    /// A node without a rule (backward through it is an error); ops use the internal init.
    public init(name: String) {
        self.name = name
        self.next = []
        counter = DebugCounters.current
        counter.add(live: 1)
    }

    init(name: String, next: [Edge?], rule: @escaping Rule) {
        self.name = name
        self.next = next
        self.rule = rule
        counter = DebugCounters.current
        counter.add(live: 1, saved: 1)
    }

    /// Versions of the Variables `rule` reads, checked before it runs.
    var saved: [SavedVersion] = []

    /// True while the node still holds its saved tensors (before a non-retaining backward).
    public var hasSavedState: Bool { rule != nil }

    /// PyTorch's `grad_fn.next_functions` names: `AccumulateGrad` for leaves, nil for inputs
    /// without grad.
    public var nextFunctionNames: [String?] {
        next.map { e in
            switch e {
            case .node(let n): n.name
            case .leaf: "AccumulateGrad"
            case nil: nil
            }
        }
    }

    deinit {
        counter.add(live: -1, saved: rule != nil ? -1 : 0)
        // Free long chains iteratively: a recursive release of a 100,000-op graph would
        // overflow the stack.
        var stack: [Node] = []
        for case .node(let n)? in next { stack.append(n) }
        next = []
        while var n = stack.popLast() {
            if isKnownUniquelyReferenced(&n) {
                for case .node(let m)? in n.next { stack.append(m) }
                n.next = []
            }
        }
    }
}
