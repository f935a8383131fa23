import Foundation
import GovlintCore

/// JUnit XML (Ant / Jenkins `junit-4.xsd`, GitLab unit test reports).
///
/// One `<testsuite>` per rule; one `<testcase>` per rule and file with
/// `classname` = rule id and `name` = rule id and file, unique because GitLab
/// keeps only the first test of a `classname` + `name`. Failed findings of a
/// file become one `<failure type="severity">` listing `line:col message`;
/// files with only cannot-tell findings are `<skipped>` (a person must review
/// them). A rule without findings has one passing test case.
public enum JUnitReporter: Reporter {
    public static let id = "junit"
    public static let summary = "JUnit XML (GitLab test reports, Jenkins): a test suite per rule."

    struct Suite {
        var cases = 0
        var failures = 0
        var skipped = 0
    }

    /// One pass over the findings (in file order) writes each rule-and-file test case aside
    /// (``TemporaryChunks``); the suites, which need their totals first, are then written rule by rule.
    public static func write(_ context: ReportContext, to out: inout some TextOutputStream) throws {
        let r = context.result
        let lang = context.language
        let chunks = TemporaryChunks()
        var suites: [String: Suite] = [:]
        try context.findings.forEachFile { batch in
            // This file's findings by rule, rules in order of first appearance.
            var order: [String] = []
            var byRule: [String: (failed: [Finding], review: [Finding])] = [:]
            for f in batch {
                if byRule[f.ruleID] == nil { order.append(f.ruleID); byRule[f.ruleID] = ([], []) }
                if f.outcome == .cantTell { byRule[f.ruleID]!.review.append(f) } else { byRule[f.ruleID]!.failed.append(f) }
            }
            for id in order {
                let (failed, review) = byRule[id]!
                let file = batch[0].file
                chunks.append(testCase(name: file.isEmpty ? id : "\(id) \(file)", classname: id, file: file.isEmpty ? nil : file,
                                       failed: failed, review: review, lang), to: id)
                suites[id, default: Suite()].cases += 1
                if !failed.isEmpty { suites[id]!.failures += 1 } else if !review.isEmpty { suites[id]!.skipped += 1 }
            }
        }
        let ruleIDs = Set(r.rulesRun).union(suites.keys).sorted()
        for id in ruleIDs where suites[id] == nil { suites[id] = Suite(cases: 1) } // one passing test case
        let total = suites.values.reduce(0) { $0 + $1.cases }
        let failures = suites.values.reduce(0) { $0 + $1.failures }
        let skipped = suites.values.reduce(0) { $0 + $1.skipped }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.write("<testsuites name=\"govlint\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\"")
        out.write(" time=\"\(String(format: "%.3f", r.durationSeconds))\">\n")
        for id in ruleIDs {
            let suite = suites[id]!
            let rule = context.rule(id)
            out.write("  <testsuite name=\(attr(id)) tests=\"\(suite.cases)\" failures=\"\(suite.failures)\"")
            out.write(" errors=\"0\" skipped=\"\(suite.skipped)\" time=\"0\" timestamp=\(attr(JSONOutput.iso8601(r.now)))>\n")
            if let rule {
                out.write("    <properties>\n")
                out.write("      <property name=\"title\" value=\(attr(rule.title.text(lang)))/>\n")
                out.write("      <property name=\"severity\" value=\(attr(rule.severity.rawValue))/>\n")
                out.write("      <property name=\"help\" value=\(attr(rule.helpURI))/>\n")
                out.write("    </properties>\n")
            }
            if chunks.count(id) == 0 {
                out.write(testCase(name: id, classname: id, file: nil, failed: [], review: [], lang))
            } else {
                chunks.forEach(id) { out.write($0) }
            }
            out.write("  </testsuite>\n")
        }
        out.write("</testsuites>\n")
    }

    static func testCase(name: String, classname: String, file: String?, failed: [Finding], review: [Finding], _ lang: Language) -> String {
        var out = "    <testcase name=\(attr(name)) classname=\(attr(classname))"
        if let file { out += " file=\(attr(file))" }
        out += " time=\"0\""
        if failed.isEmpty && review.isEmpty { return out + "/>\n" }
        out += ">\n"
        if !failed.isEmpty {
            let severity = failed.map(\.severity).max() ?? .error
            let first = failed[0]
            let message = failed.count == 1
                ? "\(first.line):\(first.column) \(first.message.text(lang))"
                : "\(failed.count) findings; first at \(first.line):\(first.column): \(first.message.text(lang))"
            out += "      <failure message=\(attr(message)) type=\(attr(severity.rawValue))>"
            out += text(failed.map { line($0, lang) }.joined(separator: "\n"))
            out += "</failure>\n"
        } else {
            out += "      <skipped message=\(attr("\(review.count) to review"))/>\n"
        }
        if !review.isEmpty {
            out += "      <system-out>"
            out += text(review.map { "needs review: " + line($0, lang) }.joined(separator: "\n"))
            out += "</system-out>\n"
        }
        return out + "    </testcase>\n"
    }

    static func line(_ f: Finding, _ lang: Language) -> String {
        var s = "\(f.line):\(f.column) \(f.severity.rawValue): \(f.message.text(lang))"
        if !f.snippet.isEmpty { s += "\n    \(f.snippet.split(whereSeparator: \.isNewline).joined(separator: " "))" }
        return s
    }

    /// A quoted attribute value; whitespace other than spaces is kept through character references.
    static func attr(_ s: String) -> String { "\"" + escape(s, attribute: true) + "\"" }

    static func text(_ s: String) -> String { escape(s, attribute: false) }

    /// Escapes markup characters and replaces characters XML 1.0 forbids
    /// (C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF)
    /// with a visible `\u{…}`, as the text reporter shows them.
    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
