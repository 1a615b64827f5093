import NNSyntax

extension Runtime {
    /// `s |= t` and friends mutate the set in place (others holding it see the change).
    func setInplace(_ op: BinaryOp, _ a: PySet, _ b: Value) throws -> Bool {
        guard case .object(is PySet) = b, [.bitOr, .bitAnd, .bitXor, .sub].contains(op) else { return false }
        guard case .object(let r as PySet) = try binary(op, .object(a), b) else { return false }
        a.dict = r.dict
        return true
    }
}
