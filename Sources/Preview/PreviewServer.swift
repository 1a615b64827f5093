import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `nnbook watch`: FlyingFox serving the site folder through `SiteFiles`
/// (pages get the live-reload script) and a server-sent event stream that tells open pages
/// to reload. A router with two handlers; nothing hand-rolled below HTTP.
public final class PreviewServer: Sendable {
    let server: HTTPServer
    let files: SiteFiles
    let events = EventBroadcaster()
    let versions = PageVersions()

    /// A server for the site in `files`, to listen on `host` (an IPv4 or IPv6 literal, or
    /// `localhost`) and `port` (0: any free port).
    public init(files: SiteFiles, host: String, port: UInt16) throws {
        self.files = files
        let address: any SocketAddress
        switch host {
        case "localhost": address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        case let h where h.contains(":"): address = try sockaddr_in6.inet6(ip6: h, port: port)
        default: address = try sockaddr_in.inet(ip4: host, port: port)
        }
        // The event stream lives as long as the page: no per-request timeout cuts it (the
        // timeout covers producing a response, not streaming its body).
        server = HTTPServer(address: address, timeout: 30, logger: DisabledLogger.disabled)
    }

    /// Serves until `stop()`; throws when the address cannot be bound.
    public func run() async throws {
        let files = files, events = events, versions = versions
        await server.appendRoute("GET /__nnbook/events") { (request: HTTPRequest) -> HTTPResponse in  // SiteFiles.eventsPath
            let page = request.query["page"] ?? ""
            let since = request.query["since"].flatMap { Int($0) } ?? Int.max
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache",
                                          HTTPHeader("X-Accel-Buffering"): "no"],
                                body: HTTPBodySequence(from: events.subscribe { stream in
                                    // After subscribing: a change between the page's read and
                                    // now is either seen here or sent on the stream (or both).
                                    if versions.changed(page, after: since) { stream.yield(Array(Self.reloadEvent([page]).utf8)) }
                                }))
        }
        await server.appendRoute("GET,HEAD *") { request in
            Self.serveFile(request, files: files, version: versions.current)
        }
        try await server.run()
    }

    /// Waits until the server listens and returns its port.
    public func waitUntilListening() async throws -> UInt16 {
        // Generous: on a loaded machine (a test run, CI) the server task may wait for a thread.
        try await server.waitUntilListening(timeout: 120)
        switch await server.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: return 0
        }
    }

    /// Stops listening and ends every event stream.
    public func stop() async {
        events.finishAll()
        await server.stop(timeout: 0.2)
    }

    /// Tells the open pages named in `pages` (file names, or `*` for all) to reload.
    public func reload(_ pages: [String]) {
        guard !pages.isEmpty else { return }
        versions.record(pages)
        events.send(Self.reloadEvent(pages))
    }

    static func reloadEvent(_ pages: [String]) -> String {
        "event: reload\ndata: \(pages.joined(separator: " "))\n\n"
    }

    /// A comment on every event stream, so streams of pages that went away end.
    public func ping() { events.send(": ping\n\n") }

    /// The response for a file request: 404 for anything `SiteFiles` refuses. `version` is the
    /// site version read before the file, so a page is never newer than the version it names.
    static func serveFile(_ request: HTTPRequest, files: SiteFiles, version: Int) -> HTTPResponse {
        guard let path = files.resolve(request.path), var data = FileManager.default.contents(atPath: path) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("not found\n".utf8))
        }
        let type = SiteFiles.contentType(of: path)
        if type.hasPrefix("text/html") {
            data = Data(SiteFiles.injectingReloadScript(into: String(decoding: data, as: UTF8.self), version: version).utf8)
        }
        let headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        if request.method == .HEAD {
            var h = headers
            h[.contentLength] = String(data.count)
            return HTTPResponse(statusCode: .ok, headers: h)
        }
        return HTTPResponse(statusCode: .ok, headers: headers, body: data)
    }
}

/// Fans event-stream text out to every open page. A page that went away is dropped when its
/// stream ends; each page buffers a few events at most.
final class EventBroadcaster: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    private var finished = false

    /// A new page's stream, starting with a comment so the browser sees the connection open;
    /// `then` runs once the stream is registered (it may yield a first event).
    func subscribe(then: (AsyncStream<[UInt8]>.Continuation) -> Void = { _ in }) -> EventBytes {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(32))
        lock.lock()
        let id = nextID
        nextID += 1
        if finished { continuation.finish() } else { streams[id] = continuation }
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        continuation.yield(Array(": nnbook live reload\nretry: 500\n\n".utf8))
        then(continuation)
        return EventBytes(stream: stream)
    }

    private func remove(_ id: Int) {
        lock.lock(); streams[id] = nil; lock.unlock()
    }

    /// Sends `text` to every open page.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        lock.lock(); let all = Array(streams.values); lock.unlock()
        for c in all { c.yield(bytes) }
    }

    /// Ends every stream (server shutdown).
    func finishAll() {
        lock.lock(); finished = true; let all = Array(streams.values); streams = [:]; lock.unlock()
        for c in all { c.finish() }
    }

    /// Number of open pages (for tests and the terminal).
    var count: Int { lock.lock(); defer { lock.unlock() }; return streams.count }
}

/// The site's version: a count of re-renders that changed pages, and the version each page
/// last changed at. A page is served with the version current before its file was read; when
/// its event stream connects, a page changed since then is told to reload at once. Without
/// this, an edit saved while a page was loading (before its stream connected) was never shown.
public final class PageVersions: @unchecked Sendable {
    private let lock = NSLock()
    private var version = 0
    private var lastChange: [String: Int] = [:]
    private var allChanged = 0

    public init() {}

    /// The version now.
    public var current: Int { lock.withLock { version } }

    /// A new version in which `pages` (file names, or `*`) changed.
    public func record(_ pages: [String]) {
        lock.withLock {
            version += 1
            for page in pages {
                if page == "*" { allChanged = version } else { lastChange[page] = version }
            }
        }
    }

    /// Whether `page` changed in a version after `since`.
    public func changed(_ page: String, after since: Int) -> Bool {
        lock.withLock { max(allChanged, lastChange[page] ?? 0) > since }
    }
}

/// An event stream as the bytes FlyingFox sends chunk by chunk (each event is one chunk, sent
/// as soon as it is yielded).
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty { pending = await base.next() ?? [] }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if !pending.isEmpty { defer { pending = [] }; return pending }
            return await base.next()
        }
    }
}
