import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads JUnit XML back: suites with their attributes, and each case's children.
public final class JUnitReader: NSObject, XMLParserDelegate {
    public struct Case { public var attributes: [String: String]; public var failure: [String: String]?; public var failureText = ""; public var skipped = false }
    public struct Suite { public var attributes: [String: String]; public var cases: [Case] = [] }
    public var root: [String: String] = [:]
    public var suites: [Suite] = []
    private var inFailure = false

    public static func parse(_ text: String) -> JUnitReader? {
        let reader = JUnitReader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    public func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "testsuites": root = attributes
        case "testsuite": suites.append(Suite(attributes: attributes))
        case "testcase": suites[suites.count - 1].cases.append(Case(attributes: attributes, failure: nil))
        case "failure": suites[suites.count - 1].cases[suites[suites.count - 1].cases.count - 1].failure = attributes; inFailure = true
        case "skipped": suites[suites.count - 1].cases[suites[suites.count - 1].cases.count - 1].skipped = true
        default: break
        }
    }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "failure" { inFailure = false }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { suites[suites.count - 1].cases[suites[suites.count - 1].cases.count - 1].failureText += string }
    }
}
