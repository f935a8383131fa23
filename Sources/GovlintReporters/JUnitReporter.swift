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

    struct Case {
        var name: String
        var file: String?
        var failed: [Finding] = []
        var review: [Finding] = []
    }

    public static func render(_ context: ReportContext) throws -> String {
        let r = context.result
        let byRule = Dictionary(grouping: context.findings, by: \.ruleID)
        let ruleIDs = Set(r.rulesRun).union(byRule.keys).sorted()
        var suites: [(id: String, cases: [Case])] = []
        for id in ruleIDs {
            var cases: [Case] = []
            var index: [String: Int] = [:]
            for f in byRule[id] ?? [] {
                if index[f.file] == nil {
                    index[f.file] = cases.count
                    cases.append(Case(name: f.file.isEmpty ? id : "\(id) \(f.file)", file: f.file.isEmpty ? nil : f.file))
                }
                if f.outcome == .cantTell { cases[index[f.file]!].review.append(f) } else { cases[index[f.file]!].failed.append(f) }
            }
            if cases.isEmpty { cases = [Case(name: id, file: nil)] }
            suites.append((id, cases.sorted { ($0.file ?? "") < ($1.file ?? "") }))
        }
        let lang = context.language
        let total = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.cases.filter { !$0.failed.isEmpty }.count }
        let skipped = suites.reduce(0) { $0 + $1.cases.filter { $0.failed.isEmpty && !$0.review.isEmpty }.count }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"govlint\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\""
        out += " time=\"\(String(format: "%.3f", r.durationSeconds))\">\n"
        for suite in suites {
            let rule = context.rule(suite.id)
            let suiteFailures = suite.cases.filter { !$0.failed.isEmpty }.count
            let suiteSkipped = suite.cases.filter { $0.failed.isEmpty && !$0.review.isEmpty }.count
            out += "  <testsuite name=\(attr(suite.id)) tests=\"\(suite.cases.count)\" failures=\"\(suiteFailures)\""
            out += " errors=\"0\" skipped=\"\(suiteSkipped)\" time=\"0\" timestamp=\(attr(JSONOutput.iso8601(r.now)))>\n"
            if let rule {
                out += "    <properties>\n"
                out += "      <property name=\"title\" value=\(attr(rule.title.text(lang)))/>\n"
                out += "      <property name=\"severity\" value=\(attr(rule.severity.rawValue))/>\n"
                out += "      <property name=\"help\" value=\(attr(rule.helpURI))/>\n"
                out += "    </properties>\n"
            }
            for c in suite.cases {
                out += "    <testcase name=\(attr(c.name)) classname=\(attr(suite.id))"
                if let file = c.file { out += " file=\(attr(file))" }
                out += " time=\"0\""
                if c.failed.isEmpty && c.review.isEmpty { out += "/>\n"; continue }
                out += ">\n"
                if !c.failed.isEmpty {
                    let severity = c.failed.map(\.severity).max() ?? .error
                    let first = c.failed[0]
                    let message = c.failed.count == 1
                        ? "\(first.line):\(first.column) \(first.message.text(lang))"
                        : "\(c.failed.count) findings; first at \(first.line):\(first.column): \(first.message.text(lang))"
                    out += "      <failure message=\(attr(message)) type=\(attr(severity.rawValue))>"
                    out += text(c.failed.map { line($0, lang) }.joined(separator: "\n"))
                    out += "</failure>\n"
                } else {
                    out += "      <skipped message=\(attr("\(c.review.count) to review"))/>\n"
                }
                if !c.review.isEmpty {
                    out += "      <system-out>"
                    out += text(c.review.map { "needs review: " + line($0, lang) }.joined(separator: "\n"))
                    out += "</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
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
