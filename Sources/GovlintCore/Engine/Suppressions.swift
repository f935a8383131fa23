import GovlintHTML

/// In-page suppression comments:
/// `<!-- govlint-disable RULE[, RULE…] [-- reason] -->` until `<!-- govlint-enable RULE -->`,
/// and `<!-- govlint-disable-next-line RULE -->` for the following line.
/// In YAML descriptors, `# govlint-disable-next-line RULE [-- reason]`.
/// `all` stands for every rule. A disable comment that suppresses nothing is
/// reported as `unused-suppression`, so stale exceptions do not pile up.
public enum Suppressions {
    struct Directive {
        enum Kind { case disable, enable, nextLine }
        var kind: Kind
        var rules: Set<String>
        var line: Int
        /// Where the comment is, and its source, for unused-suppression findings.
        var range: SourceRange
        var snippet: String
    }

    /// Parses the words of one comment (without `<!--`/`-->` or `#`).
    static func parse(_ comment: String) -> (Directive.Kind, Set<String>)? {
        // Every directive starts with "govlint-": most comments (conditional comments, CMS markers) are
        // ruled out by a byte search instead of Foundation's trimming and a split into characters.
        var bytes = comment
        guard bytes.withUTF8({ RegexPrefilter.offset(of: Self.marker, in: $0, from: 0) }) != nil else { return nil }
        var text = Substring(comment.trimmingCharacters(in: .whitespacesAndNewlines))
        if let reason = text.range(of: " -- ") { text = text[..<reason.lowerBound] }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline })
        guard let head = words.first else { return nil }
        let kind: Directive.Kind
        switch head {
        case "govlint-disable": kind = .disable
        case "govlint-enable": kind = .enable
        case "govlint-disable-next-line": kind = .nextLine
        default: return nil
        }
        var rules = Set(words.dropFirst().map(String.init))
        if rules.isEmpty { rules = ["all"] }
        return (kind, rules)
    }

    private static let marker = Array("govlint-".utf8)

    static func directives(in document: HTMLDocument) -> [Directive] {
        var result: [Directive] = []
        for index in document.commentIndices {
            let comment = document[Int(index)]
            guard let (kind, rules) = parse(comment.node.text) else { continue }
            let range = comment.sourceRange
            result.append(Directive(kind: kind, rules: rules, line: kind == .nextLine ? range.end.line : range.start.line,
                                    range: range, snippet: "<!--\(comment.node.text)-->"))
        }
        return result
    }

    /// `# govlint-disable-next-line RULE` comments of a YAML file: a `#` at the
    /// start of a line or after whitespace (JSON has no comments, so nothing matches there).
    static func directives(inYAML source: SourceText) -> [Directive] {
        var result: [Directive] = []
        guard source.utf8.count >= 9 else { return [] }
        for i in 0..<source.lineCount {
            let line = source.line(i + 1)
            guard line.contains("govlint-") else { continue }
            var hash: String.Index?
            var previous: Character = " "
            for idx in line.indices {
                if line[idx] == "#" && (previous == " " || previous == "\t") { hash = idx; break }
                if line[idx] == "\"" || line[idx] == "'" { break }  // a comment after a quoted scalar is rare; do not guess
                previous = line[idx]
            }
            guard let hash, let (kind, rules) = parse(String(line[line.index(after: hash)...])), kind == .nextLine else { continue }
            let column = line.distance(from: line.startIndex, to: hash) + 1
            let start = source.offset(line: i + 1, column: column)
            let end = source.offset(line: i + 1, column: line.count + 1)
            result.append(Directive(kind: kind, rules: rules, line: i + 1, range: source.range(start, end),
                                    snippet: line[hash...].trimmingCharacters(in: .whitespaces)))
        }
        return result
    }

    /// Drops suppressed findings. With `activeRules`, also reports disable
    /// comments that suppress nothing, for the rules named that ran on the file
    /// (a comment naming a rule that did not run, or a site rule, cannot be judged here).
    public static func apply(_ findings: [Finding], document: HTMLDocument, file: String? = nil,
                             activeRules: Set<String>? = nil) -> [Finding] {
        guard !document.commentIndices.isEmpty else { return findings }
        return apply(findings, directives: directives(in: document), file: file, activeRules: activeRules)
    }

    public static func apply(_ findings: [Finding], yaml source: SourceText, file: String, activeRules: Set<String>?) -> [Finding] {
        apply(findings, directives: directives(inYAML: source), file: file, activeRules: activeRules)
    }

    static func apply(_ findings: [Finding], directives: [Directive], file: String?, activeRules: Set<String>?) -> [Finding] {
        guard !directives.isEmpty else { return findings }
        var used = Array(repeating: Set<String>(), count: directives.count)
        var kept: [Finding] = []
        for f in findings {
            if let i = suppressor(of: f, directives) {
                used[i].insert(f.ruleID)
            } else {
                kept.append(f)
            }
        }
        guard let activeRules, let file else { return kept }
        let rule = SystemRules.unusedSuppression
        for (i, d) in directives.enumerated() where d.kind != .enable {
            let unused: [String]
            if d.rules.contains("all") {
                unused = used[i].isEmpty ? ["all"] : []
            } else {
                unused = d.rules.filter { activeRules.contains($0) && !used[i].contains($0) }.sorted()
            }
            guard !unused.isEmpty else { continue }
            kept.append(Finding(ruleID: rule.id, severity: rule.severity, file: file, range: d.range,
                                message: rule.message.filled(["rules": unused.joined(separator: ", ")]),
                                snippet: d.snippet))
        }
        return kept
    }

    static func isSuppressed(_ f: Finding, _ directives: [Directive]) -> Bool {
        suppressor(of: f, directives) != nil
    }

    /// The index of the directive that suppresses the finding, if any.
    static func suppressor(of f: Finding, _ directives: [Directive]) -> Int? {
        guard f.ruleID != SystemRules.unusedSuppression.id else { return nil }
        var disabledBy: Int?
        for (i, d) in directives.enumerated() {
            let applies = d.rules.contains(f.ruleID) || d.rules.contains("all")
            guard applies else { continue }
            switch d.kind {
            case .nextLine:
                if f.line == d.line + 1 { return i }
            case .disable:
                if d.line <= f.line { disabledBy = i }
            case .enable:
                if d.line <= f.line { disabledBy = nil }
            }
        }
        return disabledBy
    }
}
