import Foundation

/// Runs site rules on the facts every page contributed.
public enum SiteRunner {
    /// The file site-wide limit findings are reported on (the export as a whole).
    public static let siteFile = "."

    /// Runs the site rules; with `limits.siteTimeout`, rules not started in
    /// time are reported as not run, and a running rule is stopped at the
    /// deadline (site checks consult `RuleDeadline`), keeping what it found.
    /// `factCounts` gives, for rules whose facts were reduced to one per distinct value, how many were collected.
    public static func run(_ rules: [ActiveRule], facts: [String: [SiteFact]], factCounts: [String: Int] = [:],
                           site: SiteContext, limits: Limits? = nil) -> FileOutcome {
        run(rules, facts: { SiteFactBatch(facts: SiteFacts(facts[$0] ?? [])) }, factCounts: factCounts, site: site, limits: limits)
    }

    /// Puts `list[order[i]]` at `i` for every `i`, in place (cycle by cycle: no second copy of the list).
    static func permute<T>(_ list: inout [T], _ order: [Int]) {
        var placed = [Bool](repeating: false, count: list.count)
        for start in list.indices where !placed[start] {
            let first = list[start]
            var i = start
            while true {
                placed[i] = true
                let j = order[i]
                if j == start {
                    list[i] = first
                    break
                }
                list[i] = list[j]
                i = j
            }
        }
    }

    /// One site rule's facts. With `snippet`, the facts' snippets are left where they are stored and fetched
    /// only for the facts a finding reports (by index in `facts`): a rule reports few of its facts.
    struct SiteFactBatch {
        var facts: SiteFacts
        var snippet: ((Int) -> String)?
    }

    /// As above, with each rule's facts fetched when the rule runs (from a spool: one rule's facts in memory at a time).
    /// With `spill`, findings are handed over after each rule (in order) instead of returned.
    static func run(_ rules: [ActiveRule], facts: (String) -> SiteFactBatch, factCounts: [String: Int] = [:],
                    site: SiteContext, limits: Limits? = nil, spill: (([Finding]) -> Void)? = nil,
                    times: RuleTimes? = nil) -> FileOutcome {
        var out = FileOutcome()
        let siteRules = rules.filter { $0.rule.target == .site }
        let started = Date()
        let deadline = limits?.siteTimeout.map { started.addingTimeInterval($0) }
        defer { RuleDeadline.set(nil) }
        for (index, active) in siteRules.enumerated() {
            guard case let .site(invocation) = active.rule.check else { continue }
            if let deadline, let limit = limits?.siteTimeout, Date() >= deadline {
                let skipped = siteRules[index...].map(\.rule.id)
                out.findings.append(PageRunner.notFullyChecked(siteFile,
                    "time limit of \(PageRunner.seconds(limit)) s for the site rules reached (limit site-timeout); not run: \(skipped.joined(separator: ", "))"))
                break
            }
            let ruleStart = Date()
            let clock = times == nil ? 0 : RuleTimes.now()
            defer { times?.add([(active.rule.id, RuleTimes.now() - clock)]) }
            RuleDeadline.set(deadline)
            defer {
                if let deadline, Date() >= deadline {
                    out.findings.append(PageRunner.notFullyChecked(siteFile,
                        "rule \(active.rule.id) stopped after \(PageRunner.seconds(Date().timeIntervalSince(ruleStart))) s (limit site-timeout)"))
                }
            }
            var batch = facts(active.rule.id)
            // In (file, position) order; `unsorted[i]` is where the sorted fact `i` was in the batch, for its
            // snippet (nil: the facts came in that order, as they usually do, and nothing was copied).
            let (ruleFacts, unsorted) = batch.facts.sortedByFileAndPosition()
            batch.facts = SiteFacts()
            var counts = OutcomeCounts()
            // Facts reported, as bits (a rule may fail on most pages); verdicts are turned into findings as the
            // check gives them, not held as a list.
            var failing = [UInt64](repeating: 0, count: (ruleFacts.count + 63) / 64)
            var failingCount = 0
            var verdictCount = 0
            invocation.check.evaluate(ruleFacts, in: SiteContext(info: site.info)) { v in
                verdictCount += 1
                if let spill, out.findings.count >= 1024 { // a rule failing on every page: a batch at a time
                    spill(out.findings)
                    out.findings = []
                }
                let message = (invocation.message ?? active.rule.message).filled(v.data)
                let failed = v.verdict == .doesNotHold
                if failed { counts.failed += 1 } else { counts.cantTell += 1 }
                if v.factIndex >= 0, v.factIndex < ruleFacts.count {
                    let (word, bit) = (v.factIndex / 64, UInt64(1) << UInt64(v.factIndex % 64))
                    if failing[word] & bit == 0 {
                        failing[word] |= bit
                        failingCount += 1
                    }
                    let f = ruleFacts[v.factIndex]
                    out.findings.append(Finding(ruleID: active.rule.id, severity: active.severity,
                                                outcome: failed ? .failed : .cantTell, file: f.file, range: f.range,
                                                message: message,
                                                snippet: batch.snippet.map { $0(unsorted?[v.factIndex] ?? v.factIndex) } ?? f.snippet))
                } else {
                    out.findings.append(Finding(ruleID: active.rule.id, severity: active.severity,
                                                outcome: failed ? .failed : .cantTell, file: v.data["path"] ?? ".",
                                                range: .fileStart, message: message))
                }
            }
            counts.passed = (factCounts[active.rule.id] ?? ruleFacts.count) - failingCount
            if ruleFacts.isEmpty && verdictCount == 0 && invocation.check is FileExistsCheck { counts.passed = 1 }
            if ruleFacts.isEmpty && verdictCount == 0 && counts.passed == 0 { counts.inapplicable = 1 }
            out.outcomes[active.rule.id] = counts
            if let spill, !out.findings.isEmpty {
                spill(out.findings)
                out.findings = []
            }
        }
        if let spill, !out.findings.isEmpty {
            spill(out.findings)
            out.findings = []
        }
        return out
    }
}
