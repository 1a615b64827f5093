import Foundation
import NNBookCLI
import Notebook
import Site

/// The seam between the runner and the HTML writer (the `Site` module).
enum SiteWriter {
    /// Writes the rendered runs into `folder`; Site's warnings (bad math, images) go to stderr.
    static func write(_ runs: [NotebookRun], to folder: String, unsafeHTML: Bool, console: Console) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            throw SiteWriteError(folder: folder, reason: "it is a file, not a folder")
        }
        let report: Site.Report
        do {
            report = try Site.render(runs, to: URL(fileURLWithPath: folder), options: SiteOptions(unsafeHTML: unsafeHTML))
        } catch {
            throw SiteWriteError(folder: folder, reason: describe(error))
        }
        for line in report.diagnostics { console.err("\(line)\n") }
        console.out("wrote \(report.pages.count) page\(report.pages.count == 1 ? "" : "s") to \(folder)/\n")
    }
}

/// The site could not be written: a sentence with the folder, not a raw Foundation error.
struct SiteWriteError: Error, CustomStringConvertible {
    var folder: String
    var reason: String
    var description: String { "cannot write the site to \(folder): \(reason)" }
}

/// The reason behind a file-system error, as `strerror` words it (`Not a directory`), with
/// the path involved when Foundation names one.
func describe(_ error: Error) -> String {
    let ns = error as NSError
    var reason = ns.localizedDescription
    if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
        reason = String(cString: strerror(Int32(posix.code)))
    } else if ns.domain == NSPOSIXErrorDomain {
        reason = String(cString: strerror(Int32(ns.code)))
    }
    if let path = ns.userInfo[NSFilePathErrorKey] as? String { return "\(path): \(reason)" }
    return reason
}
