import Foundation
import Preview
import Testing

/// A site folder with a page, a subfolder, a secret beside the site and symlinks both ways.
func siteFixture() throws -> (base: String, files: SiteFiles) {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-site-\(UUID().uuidString)").path
    let fm = FileManager.default
    try fm.createDirectory(atPath: base + "/site/img", withIntermediateDirectories: true)
    try "<html><body><p>page</p></body></html>".write(toFile: base + "/site/index.html", atomically: true, encoding: .utf8)
    try "<html><body>one</body></html>".write(toFile: base + "/site/01_a.html", atomically: true, encoding: .utf8)
    try "png".write(toFile: base + "/site/img/a.png", atomically: true, encoding: .utf8)
    try "secret".write(toFile: base + "/secret.txt", atomically: true, encoding: .utf8)
    try fm.createSymbolicLink(atPath: base + "/site/leak.txt", withDestinationPath: base + "/secret.txt")
    try fm.createSymbolicLink(atPath: base + "/site/up", withDestinationPath: base)
    try fm.createSymbolicLink(atPath: base + "/site/same.html", withDestinationPath: base + "/site/01_a.html")
    return (base, try SiteFiles(directory: base + "/site"))
}

@Test func servesFilesInsideTheSite() throws {
    let (_, files) = try siteFixture()
    #expect(files.resolve("/") == files.root + "/index.html")
    #expect(files.resolve("/01_a.html") == files.root + "/01_a.html")
    #expect(files.resolve("/img/a.png") == files.root + "/img/a.png")
    #expect(files.resolve("/img/./a.png") == files.root + "/img/a.png")
    #expect(files.resolve("/%30%31_a.html") == files.root + "/01_a.html")
    // A symlink that stays inside is fine.
    #expect(files.resolve("/same.html") == files.root + "/01_a.html")
    #expect(files.resolve("/missing.html") == nil)
    #expect(files.resolve("/img") == nil)  // a folder without index.html
}

@Test func refusesPathsThatLeaveTheSite() throws {
    let (base, files) = try siteFixture()
    for path in ["/../secret.txt", "/img/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                 "/..%2fsecret.txt", "/img/..", "/leak.txt", "/up/secret.txt",
                 base + "/secret.txt", "/..\\secret.txt", "/index.html%00.png"] {
        #expect(files.resolve(path) == nil, "served \(path)")
    }
}

@Test func pagesGetTheReloadScriptBeforeTheBodyEnds() {
    let html = SiteFiles.injectingReloadScript(into: "<html><body><p>x</p></body></html>\n")
    #expect(html.hasSuffix("</script>\n</body></html>\n"))
    #expect(html.contains("new EventSource(\"/__nnbook/events?page=\""))
    #expect(html.contains("&since=0\");"))
    #expect(html.contains("sessionStorage"))  // the scroll position survives the reload
    #expect(!html.contains("http://") && !html.contains("https://"))  // nothing from elsewhere
    #expect(html.contains("<script nonce=\""))  // the page's CSP lets only this script run
}

/// Sends `GET path` as raw bytes to 127.0.0.1:`port` (so no client library tidies the path)
/// and returns what came back until the server closed, or until `until` arrived.
func rawGet(port: UInt16, path: String, until: String? = nil, timeout: Int = 120) -> String {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = port.bigEndian
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let ok = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard ok == 0 else { return "" }
    // Generous: under a full parallel test run the server's tasks wait for a free thread.
    var tv = timeval(tv_sec: timeout, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    var received: [UInt8] = []
    while true {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        received += buffer[0..<n]
        if received.count > 64 * 1024 { break }
        if let until, String(decoding: received, as: UTF8.self).contains(until) { break }
    }
    return String(decoding: received, as: UTF8.self)
}

/// `rawGet` on a thread of its own, so the blocking socket calls never hold one of the few
/// threads the server's tasks run on.
func get(port: UInt16, path: String, until: String? = nil, timeout: Int = 120) async -> String {
    await withCheckedContinuation { done in
        Thread { done.resume(returning: rawGet(port: port, path: path, until: until, timeout: timeout)) }.start()
    }
}

/// The status line of `GET path` ("" when there was no answer).
func statusLine(port: UInt16, path: String) async -> String {
    await get(port: port, path: path).split(separator: "\r\n").first.map(String.init) ?? ""
}

/// A preview server for the fixture site, listening on a free port; the caller stops it.
func servedFixture() async throws -> (PreviewServer, UInt16) {
    let (_, files) = try siteFixture()
    let server = try PreviewServer(files: files, host: "127.0.0.1", port: 0)
    Task { try await server.run() }
    return (server, try await server.waitUntilListening())
}

@Test func theServerRefusesEscapesOverHTTP() async throws {
    let (server, port) = try await servedFixture()
    #expect(await statusLine(port: port, path: "/01_a.html") == "HTTP/1.1 200 OK")
    for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/img/%2e%2e/%2e%2e/secret.txt", "/leak.txt", "/up/secret.txt"] {
        #expect(await statusLine(port: port, path: path) == "HTTP/1.1 404 Not Found", "\(path)")
    }
    await server.stop()
}

@Test func pageVersionsSayWhatChangedSinceAPageWasServed() {
    let v = PageVersions()
    let served = v.current
    #expect(!v.changed("01_a.html", after: served))
    v.record(["01_a.html"])
    #expect(v.changed("01_a.html", after: served))
    #expect(!v.changed("02_b.html", after: served))
    #expect(!v.changed("01_a.html", after: v.current))
    let later = v.current
    v.record(["*"])
    #expect(v.changed("02_b.html", after: later))
}

/// An edit that lands while a page loads (served, its event stream not yet open) still reloads
/// it: the stream opened with the page's version starts with a reload; an up-to-date one not.
@Test func aPageServedBeforeAChangeIsToldOnConnecting() async throws {
    let (server, port) = try await servedFixture()
    let page = await get(port: port, path: "/01_a.html")
    #expect(page.contains("&since=0\");"))
    server.reload(["01_a.html"])
    let stale = await get(port: port, path: "/__nnbook/events?page=01_a.html&since=0", until: "data: 01_a.html", timeout: 30)
    #expect(stale.contains("event: reload\ndata: 01_a.html\n"))
    let fresh = await get(port: port, path: "/01_a.html")
    #expect(fresh.contains("&since=1\");"))
    let listening = Task { await get(port: port, path: "/__nnbook/events?page=01_a.html&since=1", until: "data: ", timeout: 30) }
    // Another page's change, sent until the stream has seen one: the first event must be it.
    let sender = Task {
        while !Task.isCancelled {
            server.reload(["02_b.html"])
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
    }
    let other = await listening.value
    sender.cancel()
    #expect(other.contains("data: 02_b.html") && !other.contains("data: 01_a.html"))
    await server.stop()
}
