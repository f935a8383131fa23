import GovlintHTML

/// In-page suppression comments:
/// `<!-- govlint-disable RULE[, RULE…] [-- reason] -->` until `<!-- govlint-enable RULE -->`,
/// and `<!-- govlint-disable-next-line RULE -->` for the following line.
/// `all` stands for every rule.
public enum Suppressions {
    struct Directive {
        enum Kind { case disable, enable, nextLine }
        var kind: Kind
        var rules: Set<String>
        var line: Int
    }

    static func directives(in document: HTMLDocument) -> [Directive] {
        var result: [Directive] = []
        for index in document.commentIndices {
            let comment = document[Int(index)]
            var text = Substring(comment.node.text.trimmingCharacters(in: .whitespacesAndNewlines))
            if let reason = text.range(of: " -- ") { text = text[..<reason.lowerBound] }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline })
            guard let head = words.first else { continue }
            let kind: Directive.Kind
            switch head {
            case "govlint-disable": kind = .disable
            case "govlint-enable": kind = .enable
            case "govlint-disable-next-line": kind = .nextLine
            default: continue
            }
            var rules = Set(words.dropFirst().map(String.init))
            if rules.isEmpty { rules = ["all"] }
            let range = comment.sourceRange
            result.append(Directive(kind: kind, rules: rules, line: kind == .nextLine ? range.end.line : range.start.line))
        }
        return result
    }

    public static func apply(_ findings: [Finding], document: HTMLDocument) -> [Finding] {
        guard !findings.isEmpty, !document.commentIndices.isEmpty else { return findings }
        let directives = directives(in: document)
        guard !directives.isEmpty else { return findings }
        return findings.filter { !isSuppressed($0, directives) }
    }

    static func isSuppressed(_ f: Finding, _ directives: [Directive]) -> Bool {
        var disabled = false
        for d in directives {
            let applies = d.rules.contains(f.ruleID) || d.rules.contains("all")
            guard applies else { continue }
            switch d.kind {
            case .nextLine:
                if f.line == d.line + 1 { return true }
            case .disable:
                if d.line <= f.line { disabled = true }
            case .enable:
                if d.line <= f.line { disabled = false }
            }
        }
        return disabled
    }
}

import Foundation
