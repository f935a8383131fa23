/// Runs site rules on the facts every page contributed.
public enum SiteRunner {
    /// `factCounts` gives, for rules whose facts were reduced to one per distinct value, how many were collected.
    public static func run(_ rules: [ActiveRule], facts: [String: [SiteFact]], factCounts: [String: Int] = [:],
                           site: SiteContext) -> FileOutcome {
        var out = FileOutcome()
        for active in rules where active.rule.target == .site {
            guard case let .site(invocation) = active.rule.check else { continue }
            let ruleFacts = (facts[active.rule.id] ?? []).sorted {
                ($0.file, $0.range.start) < ($1.file, $1.range.start)
            }
            let verdicts = invocation.check.evaluate(ruleFacts, in: SiteContext(info: site.info))
            var counts = OutcomeCounts()
            var failing = Set<Int>()
            for v in verdicts {
                let message = (invocation.message ?? active.rule.message).filled(v.data)
                let failed = v.verdict == .doesNotHold
                if failed { counts.failed += 1 } else { counts.cantTell += 1 }
                if v.factIndex >= 0, v.factIndex < ruleFacts.count {
                    failing.insert(v.factIndex)
                    let f = ruleFacts[v.factIndex]
                    out.findings.append(Finding(ruleID: active.rule.id, severity: active.severity,
                                                outcome: failed ? .failed : .cantTell, file: f.file, range: f.range,
                                                message: message, snippet: f.snippet))
                } else {
                    out.findings.append(Finding(ruleID: active.rule.id, severity: active.severity,
                                                outcome: failed ? .failed : .cantTell, file: v.data["path"] ?? ".",
                                                range: .fileStart, message: message))
                }
            }
            counts.passed = (factCounts[active.rule.id] ?? ruleFacts.count) - failing.count
            if ruleFacts.isEmpty && verdicts.isEmpty && invocation.check is FileExistsCheck { counts.passed = 1 }
            if ruleFacts.isEmpty && verdicts.isEmpty && counts.passed == 0 { counts.inapplicable = 1 }
            out.outcomes[active.rule.id] = counts
        }
        return out
    }
}
