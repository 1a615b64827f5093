import Foundation
import Notebook

/// The package root (this file is three levels down).
public let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// The lessons in Notebooks/, in order.
public func lessonPaths() throws -> [String] { try NotebookPaths.expand(["\(packageRoot)/Notebooks"]) }
