import Foundation
import GovlintCore

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.
/// Columns are Unicode code points (`columnKind: unicodeCodePoints`).
public enum SARIFReporter: Reporter {
    public static let id = "sarif"
    public static let summary = "SARIF 2.1.0 (GitHub code scanning)."

    public static func write(_ context: ReportContext, to output: inout some TextOutputStream) throws {
        let r = context.result
        let reported = context.counts.byRule.keys.filter { context.findingCount(rule: $0) > 0 }
        let usedIDs = Array(Set(r.rulesRun + reported)).sorted()
        var ruleIndex: [String: Int] = [:]
        var rules: [[String: Any]] = []
        for id in usedIDs {
            guard let rule = context.rule(id) else { continue }
            ruleIndex[id] = rules.count
            let summary = rule.summary?.en ?? rule.title.en
            var help = summary
            if !rule.references.isEmpty { help += "\n\nStandards: " + rule.references.map(\.label).joined(separator: "; ") }
            var tags = rule.tags
            tags += rule.references.map { "\($0.standard)\($0.clause.map { " \($0)" } ?? "")" }
            var properties: [String: Any] = ["tags": Array(Set(tags)).sorted().prefix(20).map { $0 }, "pack": rule.pack,
                                             "title-zh-CN": rule.title.zhCN,
                                             "problem.severity": rule.severity == .error ? "error" : rule.severity == .warning ? "warning" : "recommendation"]
            if !rule.axe.isEmpty { properties["axe-core"] = rule.axe }
            if !rule.act.isEmpty { properties["act"] = rule.act }
            rules.append([
                "id": id,
                "name": camel(id),
                "shortDescription": ["text": truncate(rule.title.en)],
                "fullDescription": ["text": truncate(summary)],
                "help": ["text": truncate(help, 4000), "markdown": truncate(help, 4000)],
                "helpUri": rule.helpURI,
                "defaultConfiguration": ["level": level(rule.severity)],
                "properties": properties,
            ])
        }
        // Findings come file by file: the file's URI is worked out once.
        var lastFile: (file: String, uri: String)?
        func result(_ f: Finding) -> JSONOutput.Item {
            let start = f.range.start, end = max(f.range.end, f.range.start)
            var region: [(String, JSONOutput.Item)] = [
                ("startLine", .int(max(1, start.line))), ("startColumn", .int(max(1, start.column))),
                ("endLine", .int(max(1, end.line))),
                ("endColumn", .int(max(1, end.column == start.column && end.line == start.line ? start.column + 1 : end.column))),
            ]
            if !f.snippet.isEmpty { region.append(("snippet", .object([("text", .string(f.snippet))]))) }
            let fileURI: String
            if let lastFile, lastFile.file == f.file {
                fileURI = lastFile.uri
            } else {
                fileURI = uri(f.file)
                lastFile = (f.file, fileURI)
            }
            var location: [(String, JSONOutput.Item)] = [
                ("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(fileURI)), ("uriBaseId", .string("ROOT"))])),
                    ("region", .object(region)),
                ])),
            ]
            if let path = f.path {
                location.append(("logicalLocations", .array([.object([("fullyQualifiedName", .string(path)), ("kind", .string("element"))])])))
            }
            let message = f.message.text(context.language)
            var result: [(String, JSONOutput.Item)] = [
                ("ruleId", .string(f.ruleID)),
                ("level", .string(f.outcome == .cantTell ? "note" : level(f.severity))),
                ("kind", .string(f.outcome == .cantTell ? "review" : "fail")),
                ("message", .object([("text", .string(message.isEmpty ? f.ruleID : message))])),
                ("locations", .array([.object(location)])),
                ("partialFingerprints", .object([("primaryLocationLineHash", .string(Fingerprint.of(f)))])),
            ]
            if let i = ruleIndex[f.ruleID] { result.append(("ruleIndex", .int(i))) }
            return .object(result)
        }
        let run: [String: Any] = [
            "tool": ["driver": [
                "name": "govlint", "version": context.toolVersion, "semanticVersion": context.toolVersion,
                "informationUri": "https://govlint.dev", "rules": rules,
            ] as [String: Any]],
            "originalUriBaseIds": ["ROOT": ["description": ["text": "The checked export or project root."]]],
            "columnKind": "unicodeCodePoints",
            // Streamed in below, one result at a time.
            "results": [JSONOutput.placeholder],
            "automationDetails": ["id": "govlint/\(r.profile ?? "default")/"],
        ]
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        try JSONOutput.write(log, to: &output, itemCount: context.findingCount) { emit in
            for f in context.findings { try emit(result(f)) }
        }
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func camel(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func truncate(_ s: String, _ limit: Int = 1000) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }

    /// A relative URI with each path segment percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }
}
