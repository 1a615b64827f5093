/// Walks a notebook's elements in file order: the HTML renderer, the
/// expected-output rewriter and the golden dump all implement this one protocol.
///
///     struct CellCounter: NotebookVisitor {
///         var count = 0
///         mutating func visitCell(_ cell: Cell) { count += 1 }
///     }
///     var counter = CellCounter()
///     notebook.walk(&counter)
public protocol NotebookVisitor {
    /// A top-level Markdown block that is not a cell (headings, paragraphs, math, other code).
    mutating func visitProse(_ block: MarkdownBlock)
    /// A code cell; its expected output (if any) is visited right after.
    mutating func visitCell(_ cell: Cell)
    /// The ```` ```output ```` block that belongs to `cell`.
    mutating func visitExpectedOutput(_ output: ExpectedOutput, of cell: Cell)
}

extension NotebookVisitor {
    /// Does nothing.
    public mutating func visitProse(_ block: MarkdownBlock) {}
    /// Does nothing.
    public mutating func visitCell(_ cell: Cell) {}
    /// Does nothing.
    public mutating func visitExpectedOutput(_ output: ExpectedOutput, of cell: Cell) {}
}

extension Notebook {
    /// Calls `visitor` for every element, in file order.
    public func walk<V: NotebookVisitor>(_ visitor: inout V) {
        for element in elements {
            switch element {
            case .prose(let block):
                visitor.visitProse(block)
            case .cell(let cell):
                visitor.visitCell(cell)
                if let expected = cell.expected { visitor.visitExpectedOutput(expected, of: cell) }
            }
        }
    }
}
