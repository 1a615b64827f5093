import Foundation
import Site

/// The site folder as the preview server sees it: request paths mapped to files inside it (and
/// never outside: no `..`, no symlink leading out), and the live-reload script put into pages.
public struct SiteFiles: Sendable {
    /// The site folder, fully resolved (symlinks and `..` removed).
    public let root: String

    /// The folder `directory` (created when missing).
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard let real = Self.realPath(directory) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory])
        }
        root = real
    }

    /// The file a request path names, or nil when it names nothing servable: a component
    /// `..`, a NUL, a path that resolves (through symlinks) outside the root, or no regular
    /// file. `/` and folders serve their `index.html`. `requestPath` may be percent-encoded.
    public func resolve(_ requestPath: String) -> String? {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        guard !decoded.contains("\u{0}"), !decoded.contains("\\") else { return nil }
        var parts: [Substring] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return nil }
            parts.append(part)
        }
        var candidate = ([root] + parts.map(String.init)).joined(separator: "/")
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), isDir.boolValue {
            candidate += "/index.html"
        }
        guard let real = Self.realPath(candidate), real.hasPrefix(root + "/") else { return nil }
        var st = stat()
        guard stat(real, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return real
    }

    /// `path` with every symlink, `.` and `..` resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// The Content-Type of a file, by extension.
    public static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "json": "application/json"
        case "txt", "md": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// The path of the server-sent event stream pages listen to.
    public static let eventsPath = "/__nnbook/events"

    /// The live-reload script: listens to the event stream and reloads the page when an event
    /// names it (or `*`), keeping the scroll position across the reload. No CDN, no library.
    /// The stream's URL carries the page and the site version it was served at (`SINCE`), so a
    /// change made before the stream connected still reloads it (`PageVersions`).
    public static let reloadScript = """
    <script>
    (function () {
      var key = "nnbook-scroll:" + location.pathname;
      var saved = sessionStorage.getItem(key);
      if (saved !== null) {
        sessionStorage.removeItem(key);
        var restore = function () { window.scrollTo(0, parseFloat(saved) || 0); };
        if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
      }
      var page = decodeURIComponent(location.pathname.split("/").pop() || "index.html");
      var events = new EventSource("\(eventsPath)?page=" + encodeURIComponent(page) + "&since=SINCE");
      events.addEventListener("reload", function (e) {
        var pages = e.data.split(" ");
        if (pages.indexOf(page) < 0 && pages.indexOf("*") < 0) return;
        sessionStorage.setItem(key, String(window.scrollY));
        location.reload();
      });
    })();
    </script>

    """

    /// `html` with the live-reload script before `</body>` (at the end when there is none), for
    /// a page read at site version `version`. The page's Content-Security-Policy gains this
    /// server's nonce for the script and `connect-src 'self'` for the event stream; nothing
    /// else is allowed that was not.
    public static func injectingReloadScript(into html: String, version: Int = 0) -> String {
        let script = reloadScript.replacingOccurrences(of: "<script>", with: "<script nonce=\"\(nonce)\">")
            .replacingOccurrences(of: "SINCE", with: String(version))
        var s = html.replacingOccurrences(
            of: "content=\"\(Site.contentSecurityPolicy)\"",
            with: "content=\"\(Site.contentSecurityPolicy); script-src 'nonce-\(nonce)'; connect-src 'self'\"")
        guard let end = s.range(of: "</body>", options: .backwards) else { return s + script }
        s.insert(contentsOf: script, at: end.lowerBound)
        return s
    }

    /// A random nonce for this server process (CSP: only the reload script may run).
    static let nonce: String = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
}
