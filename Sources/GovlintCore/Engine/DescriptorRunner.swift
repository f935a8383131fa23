import GovlintHTML
import Yams

/// Runs descriptor rules on one parsed YAML or JSON file.
public enum DescriptorRunner {
    /// `url` is the document's file on disk: Spectral rules resolve relative file `$ref`s from it,
    /// never outside the checked folder (the part of its path before `document.file`).
    public static func run(_ rules: [ActiveRule], on document: DescriptorDocument, limits: Limits? = nil,
                           url: URL? = nil) -> FileOutcome {
        var out = FileOutcome()
        defer { RuleDeadline.set(nil) }
        let root = document.rootMatch
        let spectral = rules.contains { $0.rule.resolved != nil }
        let formats = spectral || rules.contains { !$0.rule.formats.isEmpty } ? DocumentFormats.detect(root) : []
        // Spectral rules: `$ref`s resolved once per document, as Spectral does before linting.
        let resolver = spectral ? SpectralRefResolver(document: document, url: url,
                                                      rootDirectory: url.map { SpectralRefResolver.checkedFolder(url: $0, relative: document.file) },
                                                      maxAliasExpansion: limits?.maxAliasExpansion ?? 100_000,
                                                      maxFileSize: limits?.maxFileSize ?? 50 << 20) : nil
        let resolvedRoot = resolver.map { DescriptorMatch(value: $0.resolvedRoot, keyNode: nil, path: []) }
        if let resolver, resolver.readsOtherFiles { out.dependsOnOtherFiles = true }
        for active in rules {
            let rule = active.rule
            let ruleStart = Date()
            RuleDeadline.set(limits?.ruleTimeout.map { ruleStart.addingTimeInterval($0) })
            var counts = OutcomeCounts()
            // Spectral drops repeats of a result at the same place (a `$ref` target reached twice).
            var reported: Set<String> = []
            if !rule.formats.isEmpty, formats.isDisjoint(with: rule.formats) {
                counts.inapplicable = 1
                out.outcomes[rule.id] = counts
                continue
            }
            let ruleRoot = rule.resolved == true ? (resolvedRoot ?? root) : root
            let context = rule.resolved == nil ? nil
                : SpectralContext(root: ruleRoot, resolved: rule.resolved == true, formats: formats, resolver: resolver)
            var targets: [DescriptorMatch] = []
            for given in rule.given {
                if let path = try? JSONPath(given) { targets += path.select(ruleRoot) }
            }
            if RuleDeadline.isPast {
                out.findings.append(PageRunner.notFullyChecked(document.file,
                    "rule \(rule.id) stopped after \(PageRunner.seconds(Date().timeIntervalSince(ruleStart))) s while selecting its targets (given)"))
                out.outcomes[rule.id] = counts
                continue
            }
            if targets.isEmpty {
                counts.inapplicable = 1
                out.outcomes[rule.id] = counts
                continue
            }
            for target in targets {
                let (failures, message) = SpectralContext.$current.withValue(context) { evaluate(rule.check, target) }
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
                    var file = document.file
                    var source = document.source
                    let findingRange: SourceRange
                    if let resolver, let resolved = rule.resolved {
                        // Where the value is written: possibly a `$ref` target, possibly in another file.
                        let place = resolver.locate(failure.at.path, followRefs: resolved)
                        file = place.source.name
                        source = place.source.text
                        findingRange = range(of: place.key ?? place.value, in: source)
                    } else {
                        findingRange = failure.at.range(in: document.source)
                    }
                    var data = failure.data
                    data["path"] = failure.at.pathText
                    // Spectral's {{path}} (a JSON pointer, `#/paths/~1pets/get`), {{property}} (last segment) and {{value}}.
                    data["spectralPath"] = "#" + failure.at.path.map {
                        "/" + $0.description.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                    }.joined()
                    if (data["property"] ?? "").isEmpty { data["property"] = failure.at.path.last?.description ?? "" }
                    if data["value"] == nil { data["value"] = failure.at.scalarText ?? "" }
                    let text = (message ?? rule.message).filled(data)
                    if rule.resolved != nil {
                        let key = "\(file)\u{0}\(findingRange.start.line):\(findingRange.start.column)\u{0}\(text.en)"
                        guard reported.insert(key).inserted else { continue }
                    }
                    out.findings.append(Finding(
                        ruleID: rule.id, severity: active.severity, outcome: .failed, file: file,
                        range: findingRange, message: text,
                        snippet: source.line(findingRange.start.line).trimmingCharacters(in: .whitespaces),
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
