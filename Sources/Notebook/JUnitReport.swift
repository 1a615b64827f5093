/// `nnbook test --junit FILE`: the runs as JUnit XML, the format CI systems show as a test
/// view: one `<testsuite>` per notebook, one `<testcase>` per cell with its time, failures
/// carrying the message and the diff or traceback.
public enum JUnitReport {
    /// The XML document for `runs`.
    public static func xml(_ runs: [NotebookRun], name: String = "nnbook") -> String {
        var tests = 0, failures = 0, skipped = 0
        var time = 0.0
        var suites = ""
        for run in runs {
            let (suite, t, f, s) = testsuite(run)
            suites += suite
            tests += t; failures += f; skipped += s; time += run.seconds
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"\(escape(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(seconds(time))\">\n"
            + suites + "</testsuites>\n"
    }

    static func testsuite(_ run: NotebookRun) -> (String, Int, Int, Int) {
        let path = escape(run.notebook.path)
        var cases = ""
        var failures = 0, skipped = 0
        // Errors of the notebook itself (unknown option, unclosed fence) are one failing case.
        let errors = run.notebook.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            failures += 1
            cases += "    <testcase classname=\"\(path)\" name=\"notebook\" file=\"\(path)\" time=\"0.000\">\n"
                + "      <failure message=\"\(escape(errors[0].message))\" type=\"error\">"
                + escape(errors.map(\.description).joined(separator: "\n"), attribute: false) + "</failure>\n    </testcase>\n"
        }
        for cellRun in run.cells {
            let cell = cellRun.cell
            cases += "    <testcase classname=\"\(path)\" name=\"cell \(cell.number) (line \(cell.fenceLine))\" file=\"\(path)\" line=\"\(cell.fenceLine)\" time=\"\(seconds(cellRun.seconds))\">\n"
            switch cellRun.verdict {
            case .passed, .volatile:
                break
            case .skipped:
                skipped += 1
                cases += "      <skipped message=\"nn skip\"/>\n"
            case .notRun:
                failures += 1
                cases += "      <failure message=\"not run: an earlier cell failed\" type=\"notRun\"/>\n"
            case .failed(let failure):
                failures += 1
                cases += "      <failure message=\"\(escape(failure.message))\" type=\"\(failure.message.contains("differs") ? "mismatch" : "error")\">"
                    + escape("\(run.notebook.path):\(failure.line): \(failure.message)\n" + failure.details, attribute: false) + "</failure>\n"
            }
            if !cellRun.output.isEmpty {
                cases += "      <system-out>\(escape(cellRun.output, attribute: false))</system-out>\n"
            }
            cases += "    </testcase>\n"
        }
        let tests = run.cells.count + (errors.isEmpty ? 0 : 1)
        let suite = "  <testsuite name=\"\(path)\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(seconds(run.seconds))\">\n"
            + cases + "  </testsuite>\n"
        return (suite, tests, failures, skipped)
    }

    /// Seconds with three decimals (`0.042`).
    static func seconds(_ s: Double) -> String {
        let ms = s.isFinite && s > 0 ? Int((s * 1000).rounded()) : 0
        let frac = ms % 1000
        return "\(ms / 1000)." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + "\(frac)"
    }

    /// Text safe inside XML 1.0 attributes and elements: markup characters escaped, characters
    /// XML cannot hold (other control characters, terminal colour codes) dropped.
    static func escape(_ s: String, attribute: Bool = true) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
