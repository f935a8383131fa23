import GovlintHTML
import Yams

/// Runs descriptor rules on one parsed YAML or JSON file.
public enum DescriptorRunner {
    public static func run(_ rules: [ActiveRule], on document: DescriptorDocument, limits: Limits? = nil) -> FileOutcome {
        var out = FileOutcome()
        defer { RuleDeadline.set(nil) }
        let root = document.rootMatch
        let formats = rules.contains { !$0.rule.formats.isEmpty } ? DocumentFormats.detect(root) : []
        for active in rules {
            let rule = active.rule
            let ruleStart = Date()
            RuleDeadline.set(limits?.ruleTimeout.map { ruleStart.addingTimeInterval($0) })
            var counts = OutcomeCounts()
            if !rule.formats.isEmpty, formats.isDisjoint(with: rule.formats) {
                counts.inapplicable = 1
                out.outcomes[rule.id] = counts
                continue
            }
            var targets: [DescriptorMatch] = []
            for given in rule.given {
                if let path = try? JSONPath(given) { targets += path.select(root) }
            }
            if targets.isEmpty {
                counts.inapplicable = 1
                out.outcomes[rule.id] = counts
                continue
            }
            for target in targets {
                let (failures, message) = evaluate(rule.check, target)
                if RuleDeadline.isPast {
                    out.findings.append(PageRunner.notFullyChecked(document.file,
                        "rule \(rule.id) stopped after \(PageRunner.seconds(Date().timeIntervalSince(ruleStart))) s"))
                    break
                }
                if failures.isEmpty {
                    counts.passed += 1
                    continue
                }
                counts.failed += 1
                for failure in failures {
                    var data = failure.data
                    data["path"] = failure.at.pathText
                    // Spectral's {{path}} (a JSON pointer, `#/paths/~1pets/get`), {{property}} (last segment) and {{value}}.
                    data["spectralPath"] = "#" + failure.at.path.map {
                        "/" + $0.description.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                    }.joined()
                    if (data["property"] ?? "").isEmpty { data["property"] = failure.at.path.last?.description ?? "" }
                    if data["value"] == nil { data["value"] = failure.at.scalarText ?? "" }
                    let range = failure.at.range(in: document.source)
                    out.findings.append(Finding(
                        ruleID: rule.id, severity: active.severity, outcome: .failed, file: document.file,
                        range: range, message: (message ?? rule.message).filled(data),
                        snippet: document.source.line(range.start.line).trimmingCharacters(in: .whitespaces),
                        path: failure.at.pathText))
                }
            }
            out.outcomes[rule.id] = counts
        }
        return out
    }

    static func range(of node: Node, in source: SourceText) -> SourceRange {
        DescriptorMatch.range(of: node, in: source)
    }

    /// Failures of a check tree on one value: all = every child's failures; any = none if one child passes.
    static func evaluate(_ tree: CheckTree, _ target: DescriptorMatch) -> ([DescriptorFailure], LocalizedText?) {
        switch tree {
        case let .descriptor(inv):
            let value: DescriptorMatch?
            switch inv.field {
            case nil: value = target
            case "@key"?:
                // Spectral: every key (or index) of the target; a scalar target is checked itself.
                switch target.kind {
                case .mapping, .sequence:
                    return (target.children.compactMap(\.keyMatch).flatMap { inv.check.evaluate($0, parent: target, field: nil) }, inv.message)
                default:
                    value = target
                }
            case let field?: value = target.field(field)
            }
            var failures = inv.check.evaluate(value, parent: target, field: inv.field)
            if value == nil, let field = inv.field, field.contains(".") {
                // A missing dotted field is reported at its deepest existing part (Spectral's closest path).
                var closest = target
                for part in field.split(separator: ".") {
                    guard let next = closest.field(String(part)) else { break }
                    closest = next
                }
                for i in failures.indices where failures[i].at.path == target.path { failures[i].at = closest }
            }
            return (failures, inv.message)
        case let .all(children):
            var all: [DescriptorFailure] = []
            var message: LocalizedText?
            for c in children {
                let (f, m) = evaluate(c, target)
                if !f.isEmpty, message == nil { message = m }
                all += f
            }
            return (all, message)
        case let .any(children):
            var first: ([DescriptorFailure], LocalizedText?)?
            for c in children {
                let r = evaluate(c, target)
                if r.0.isEmpty { return ([], nil) }
                if first == nil { first = r }
            }
            return first ?? ([], nil)
        case let .none(children):
            for c in children where evaluate(c, target).0.isEmpty {
                return ([DescriptorFailure(at: target)], nil)
            }
            return ([], nil)
        case .page, .site:
            return ([], nil)
        }
    }
}

import Foundation
