import Testing
import Site
import Foundation

@Test func scratchDump() throws {
    if let dir = ProcessInfo.processInfo.environment["SCRATCH_SITE"] {
        _ = try Site.render([Fixture.notebook, Fixture.second], to: URL(fileURLWithPath: dir))
    }
    if let path = ProcessInfo.processInfo.environment["SCRATCH_IN"] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        var out = ""
        for l in lines {
            let r = MathML.convert(String(l), display: false)
            out += "        (#\"\(l)\"#,\n         #\"\(r.html)\"#, \(r.diagnostics.map { "\"\($0.message)\"" })),\n"
        }
        try out.write(toFile: path + ".out", atomically: true, encoding: .utf8)
    }
}

@Test func scratchPNG() throws {
    guard let path = ProcessInfo.processInfo.environment["SCRATCH_PNG"] else { return }
    let a = try PNG.encodeGrayscale(width: 2, height: 2, pixels: [0, 255, 128, 64], scale: 2, level: 0)
    let b = try PNG.encodeGrayscale(width: 28, height: 28, pixels: Fixture.digit, scale: 8)
    try (a.map { String(format: "%02x", $0) }.joined() + "\n" + b.map { String(format: "%02x", $0) }.joined() + "\n")
        .write(toFile: path, atomically: true, encoding: .utf8)
}
