import Foundation

/// A fresh temporary folder holding `files` (name -> text).
public func tempFolder(_ files: [String: String] = [:]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8) }
    return dir
}

public func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
