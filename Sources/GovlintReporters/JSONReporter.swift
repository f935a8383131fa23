import Foundation
import GovlintCore

/// govlint's own JSON, schema `docs/schemas/govlint-report.schema.json` (`schemaVersion` 1).
public enum JSONReporter: Reporter {
    public static let id = "json"
    public static let summary = "Findings and per-rule outcomes as JSON (versioned schema)."
    public static let schemaVersion = 1

    public static func write(_ context: ReportContext, to output: inout some TextOutputStream) throws {
        let r = context.result
        let counts = context.counts
        func findingObject(_ f: Finding) -> JSONOutput.Item {
            var o: [(String, JSONOutput.Item)] = [
                ("ruleId", .string(f.ruleID)), ("severity", .string(f.severity.rawValue)), ("outcome", .string(f.outcome.rawValue)),
                ("file", .string(f.file)), ("line", .int(f.range.start.line)), ("column", .int(f.range.start.column)),
                ("offset", .int(f.range.start.offset)), ("endLine", .int(f.range.end.line)), ("endColumn", .int(f.range.end.column)),
                ("message", .object([("en", .string(f.message.en)), ("zh-CN", .string(f.message.zhCN))])), ("snippet", .string(f.snippet)),
            ]
            if let p = f.path { o.append(("path", .string(p))) }
            return .object(o)
        }
        var rules: [[String: Any]] = []
        for id in r.rulesRun {
            guard let rule = context.rule(id) else { continue }
            let c = r.outcomes[id] ?? OutcomeCounts()
            rules.append([
                "id": id, "pack": rule.pack, "severity": rule.severity.rawValue, "target": rule.target.rawValue,
                "title": ["en": rule.title.en, "zh-CN": rule.title.zhCN], "outcome": c.overall.rawValue,
                "counts": ["passed": c.passed, "failed": c.failed, "cantTell": c.cantTell, "inapplicable": c.inapplicable],
                "references": rule.references.map { ref -> [String: Any] in
                    var o: [String: Any] = ["standard": ref.standard]
                    if let v = ref.version { o["version"] = v }
                    if let v = ref.clause { o["clause"] = v }
                    if let v = ref.level { o["level"] = v }
                    return o
                },
            ])
        }
        var object: [String: Any] = [
            "schemaVersion": schemaVersion,
            "tool": ["name": "govlint", "version": context.toolVersion],
            "profile": r.profile ?? NSNull(),
            "now": JSONOutput.iso8601(r.now),
            "summary": [
                "pages": r.pagesChecked, "descriptors": r.descriptorsChecked, "files": r.filesSeen,
                "errors": counts.errors, "warnings": counts.warnings, "info": counts.info, "cantTell": counts.cantTell,
            ],
            // Streamed in below, one finding at a time.
            "findings": [JSONOutput.placeholder],
            "rules": rules,
        ]
        if let i = r.inspection {
            var inspection: [String: Any] = [
                "model": i.model, "score": i.score, "passed": i.passed, "vetoes": i.vetoes,
                "items": i.items.map { item -> [String: Any] in
                    ["id": item.id, "title": ["en": item.title.en, "zh-CN": item.title.zhCN], "kind": item.kind.rawValue,
                     "state": item.state.rawValue, "failedFindings": item.failedFindings, "deducted": item.deducted,
                     "vetoed": item.vetoed]
                },
            ]
            if let note = i.note { inspection["note"] = ["en": note.en, "zh-CN": note.zhCN] }
            object["inspection"] = inspection
        }
        try JSONOutput.write(object, to: &output, itemCount: context.findingCount) { emit in
            for f in context.findings { try emit(findingObject(f)) }
        }
    }
}
