import Foundation
import GovlintCore
import GovlintHTML

/// One embedded example of one rule, named `pack/rule#fail-2` in test output.
public struct ExampleCase: Sendable, CustomStringConvertible {
    public let rule: Rule
    public let example: RuleExample
    public var description: String { "\(rule.pack)/\(rule.id)#\(example.kind.rawValue)-\(example.index)" }
}

/// Where a fail or review example expected a finding but got none ("missing"),
/// or got one it did not expect ("noisy") — ast-grep's vocabulary.
public struct ExampleMismatch: Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var kind: String
    public var description: String { "\(kind) at \(file):\(line):\(column)" }
}

public enum ExampleRunner {
    public static let marker = "↓"

    public static func allCases() throws -> [ExampleCase] {
        try SourcePacks.catalog().rules.flatMap { rule in rule.examples.map { ExampleCase(rule: rule, example: $0) } }
    }

    /// Strips `↓` markers, returning the code and the UTF-8 offsets they marked.
    public static func stripMarkers(_ code: String) -> (String, [Int]) {
        var out = ""
        var offsets: [Int] = []
        var utf8Count = 0
        for ch in code {
            if String(ch) == marker {
                offsets.append(utf8Count)
            } else {
                out.append(ch)
                utf8Count += String(ch).utf8.count
            }
        }
        return (out, offsets)
    }

    /// Runs the example and returns every mismatch (empty = the example holds).
    public static func run(_ c: ExampleCase) -> [ExampleMismatch] {
        let rule = c.rule
        let active = [ActiveRule(rule: rule, severity: rule.severity)]
        let linter = Linter(catalog: try! SourcePacks.catalog())
        var expected: [String: [Int]] = [:]
        var sources: [String: String] = [:]
        for f in c.example.files {
            let (code, offsets) = stripMarkers(f.code)
            sources[f.path] = code
            expected[f.path] = offsets
        }
        let now = c.example.now.flatMap(ConfigurationLoader.parseDate) ?? Date()
        let site = SiteInfo(files: Set(sources.keys), now: now)
        var findings: [Finding] = []
        var facts: [String: [SiteFact]] = [:]
        for (path, code) in sources.sorted(by: { $0.key < $1.key }) {
            let outcome: FileOutcome
            if rule.target == .descriptor {
                outcome = linter.checkDescriptor(text: code, relative: path, rules: active)
            } else {
                outcome = linter.checkPage(bytes: Array(code.utf8), relative: path, rules: active, site: site)
            }
            findings += outcome.findings
            for (k, v) in outcome.facts { facts[k, default: []] += v }
        }
        if rule.target == .site {
            findings += SiteRunner.run(active, facts: facts, site: SiteContext(info: site)).findings
        }
        let ours = findings.filter { $0.ruleID == rule.id }
        // The ↓ marks are failures in a fail example and cantTell findings in a review
        // example; a pass example has no marks and may produce neither.
        let marked: Outcome = c.example.kind == .review ? .cantTell : .failed
        let hits = ours.filter { $0.outcome == marked }
        let others = ours.filter { $0.outcome != marked && (c.example.kind != .fail || $0.outcome == .failed) }
        var mismatches: [ExampleMismatch] = []
        let what = marked == .cantTell ? "review finding" : "finding"
        for (path, code) in sources {
            let text = SourceText(code)
            var got = hits.filter { $0.file == path }.map(\.range.start.offset).sorted()
            for offset in (expected[path] ?? []).sorted() {
                if let i = got.firstIndex(of: offset) {
                    got.remove(at: i)
                } else {
                    let p = text.position(ofOffset: offset)
                    mismatches.append(ExampleMismatch(file: path, line: p.line, column: p.column, kind: "missing \(what)"))
                }
            }
            for offset in got {
                let p = text.position(ofOffset: offset)
                mismatches.append(ExampleMismatch(file: path, line: p.line, column: p.column, kind: "unexpected \(what)"))
            }
        }
        // Findings on files the example does not have (e.g. a missing file).
        for f in hits where sources[f.file] == nil {
            mismatches.append(ExampleMismatch(file: f.file, line: f.line, column: f.column, kind: "unexpected \(what)"))
        }
        // A failure in a review example, or a cantTell finding in a pass example.
        for f in others {
            let kind = f.outcome == .failed ? "unexpected finding" : "unexpected review finding (move the example to 'review')"
            mismatches.append(ExampleMismatch(file: f.file, line: f.line, column: f.column, kind: kind))
        }
        return mismatches
    }
}
