import Dispatch
import Foundation
import NNBookCLI
import Notebook

/// `nnbook watch`: renders the notebooks, serves the site, re-runs a notebook when it (or a
/// file it read) is saved, and tells open pages to reload. Ends cleanly on Ctrl-C or SIGTERM.
public enum WatchSession {
    /// Runs until interrupted; returns the exit status (2 for bad paths or an address that
    /// cannot be bound).
    public static func run(_ options: WatchOptions, host: String, port: UInt16, open: Bool,
                           console: Console = Console()) -> Int32 {
        let files: SiteFiles
        let server: PreviewServer
        do {
            files = try SiteFiles(directory: options.outDir)
            server = try PreviewServer(files: files, host: host, port: port)
        } catch {
            console.err("nnbook: error: \(error)\n")
            return 2
        }
        let watcher = Watcher(options: options, console: console) { pages in server.reload(pages) }
        guard watcher.start() else {
            console.err("nnbook: error: no notebooks at \(options.paths.joined(separator: " "))\n")
            return 2
        }

        let done = DispatchSemaphore(value: 0)
        let status = StatusBox()
        Task {
            do {
                try await server.run()
            } catch where !status.stopping {
                console.err("nnbook: error: cannot serve on \(host):\(port): \(error)\n")
                status.set(2)
            } catch {
                // Stopping closes the listening socket under `run`: that is the clean way out.
            }
            done.signal()
        }
        Task {
            guard let bound = try? await server.waitUntilListening() else { return }
            let shownHost = host.contains(":") ? "[\(host)]" : host
            let url = "http://\(shownHost):\(bound)/"
            console.out("serving \(options.outDir)/ at \(url)  (watching; Ctrl-C stops)\n")
            if open { openInBrowser(url, console: console) }
        }

        // Polling, not inotify: it works the same on every platform and a stat of a few files
        // five times a second costs nothing.
        let poller = Thread {
            var pings = 0
            while !status.stopping {
                Thread.sleep(forTimeInterval: options.pollInterval)
                if status.stopping { break }
                watcher.poll()
                pings += 1
                if Double(pings) * options.pollInterval >= 15 { server.ping(); pings = 0 }
            }
        }
        poller.start()

        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let queue = DispatchQueue(label: "nnbook.watch.signals")
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: queue) }
        for source in sources {
            source.setEventHandler {
                guard !status.stopping else { return }
                status.stop()
                console.out("\nstopping\n")
                watcher.stop()
                Task { await server.stop() }
            }
            source.resume()
        }
        // Dispatch sources stop delivering once released: keep them until the server ends.
        withExtendedLifetime(sources) { done.wait() }
        status.stop()
        watcher.stop()
        return status.value
    }

    /// Opens `url` in the desktop's browser (`xdg-open`, `open` on macOS); says so when it cannot.
    static func openInBrowser(_ url: String, console: Console) {
        #if os(macOS)
        let tool: String? = "/usr/bin/open"
        #else
        let tool = ["/usr/bin/xdg-open", "/usr/local/bin/xdg-open"].first { FileManager.default.isExecutableFile(atPath: $0) }
        #endif
        guard let tool else {
            console.err("nnbook: note: no xdg-open here; open \(url) in a browser\n")
            return
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = [url]
        do { try p.run() } catch { console.err("nnbook: note: cannot open a browser (\(error)); open \(url)\n") }
    }
}

/// The exit status and the stop request, shared by the signal handler and the loops.
final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var status: Int32 = 0
    private var stopRequested = false
    func set(_ s: Int32) { lock.lock(); status = s; lock.unlock() }
    var value: Int32 { lock.lock(); defer { lock.unlock() }; return status }
    func stop() { lock.lock(); stopRequested = true; lock.unlock() }
    var stopping: Bool { lock.lock(); defer { lock.unlock() }; return stopRequested }
}
