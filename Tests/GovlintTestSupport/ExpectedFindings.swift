import Foundation
import GovlintCore
import Yams

/// A fixture's `expected.yaml`: every finding a run must produce.
public struct ExpectedFinding: Hashable, Sendable, CustomStringConvertible {
    public var rule: String, file: String, line: Int, column: Int?
    public var description: String { "\(file):\(line):\(column.map(String.init) ?? "*") [\(rule)]" }
}

public enum ExpectedFindings {
    /// The parsed `expected.yaml` of a fixture folder: its keys and its findings.
    public static func load(_ dir: URL) throws -> (spec: [String: Any], findings: [ExpectedFinding]) {
        let text = try String(contentsOf: dir.appendingPathComponent("expected.yaml"), encoding: .utf8)
        let spec = try Yams.load(yaml: text) as? [String: Any] ?? [:]
        let findings = ((spec["findings"] as? [[String: Any]]) ?? []).map {
            ExpectedFinding(rule: $0["rule"] as! String, file: $0["file"] as! String, line: $0["line"] as! Int, column: $0["column"] as? Int)
        }
        return (spec, findings)
    }

    /// Expected findings the run did not produce ("missing") and failed findings it
    /// produced that nobody expected ("noisy"), ast-grep's vocabulary.
    public static func compare(_ expected: [ExpectedFinding], _ findings: [Finding]) -> (missing: [ExpectedFinding], noisy: [String]) {
        var got = findings.filter { $0.outcome == .failed && $0.file != "expected.yaml" }
        var missing: [ExpectedFinding] = []
        for e in expected {
            if let i = got.firstIndex(where: { $0.ruleID == e.rule && $0.file == e.file && $0.line == e.line && (e.column == nil || $0.column == e.column) }) {
                got.remove(at: i)
            } else {
                missing.append(e)
            }
        }
        return (missing, got.map { "\($0.file):\($0.line):\($0.column) [\($0.ruleID)] \($0.message.en)" })
    }
}
