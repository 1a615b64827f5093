import NNSyntax

extension BuiltinTypes {
    public static let dictKeys = builtin("dict_keys")
    public static let dictValues = builtin("dict_values")
    public static let dictItems = builtin("dict_items")
}

/// A live view of a dict (`d.keys()`, `d.values()`, `d.items()`).
package final class PyDictView: PyObject, @unchecked Sendable {
    package enum Kind { case keys, values, items }
    package let dict: PyDict
    let kind: Kind
    package init(_ d: PyDict, _ k: Kind) { dict = d; kind = k }
    package override var pyType: PyClass {
        switch kind {
        case .keys: BuiltinTypes.dictKeys
        case .values: BuiltinTypes.dictValues
        case .items: BuiltinTypes.dictItems
        }
    }
    package var items: [Value] {
        switch kind {
        case .keys: return dict.keys
        case .values: return dict.values
        case .items: return (0..<dict.count).map { .object(PyTuple([dict.keys[$0], dict.values[$0]])) }
        }
    }
}
