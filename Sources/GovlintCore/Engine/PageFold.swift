import Foundation

/// Shrinks each file's outcome as soon as its worker finishes, so the page
/// phase keeps memory proportional to what reports need rather than to
/// everything every page produced:
///
/// * outcome counts are summed into run totals instead of one 183-entry
///   dictionary per file;
/// * facts of site checks that only look at distinct values
///   (``SiteCheck/distinctValuesOnly``) are merged into one fact per value
///   plus a count, instead of one fact per link on every page;
/// * repeated strings of findings and facts (messages, snippets of template
///   markup, CSS paths, link targets) share one copy.
///
/// Thread-safe; workers call ``fold(_:)`` concurrently. The result does not
/// depend on scheduling: counts are sums, and the fact kept for a value is
/// the first in (file, position) order.
final class PageFold: @unchecked Sendable {
    private let lock = NSLock()
    private let distinctRules: Set<String>
    private var strings: Set<String> = []
    private(set) var outcomes: [String: OutcomeCounts] = [:]
    private(set) var distinctFacts: [String: [String: SiteFact]] = [:]
    private(set) var factCounts: [String: Int] = [:]

    /// Whether findings and per-file facts go to a spool next (``FindingSpool``): then their strings are
    /// not shared, which would keep every distinct one in memory.
    private let spooling: Bool

    init(rules: [ActiveRule], spooling: Bool = false) {
        self.spooling = spooling
        distinctRules = Set(rules.compactMap { active -> String? in
            guard case let .site(invocation) = active.rule.check else { return nil }
            return type(of: invocation.check).distinctValuesOnly ? active.rule.id : nil
        })
    }

    /// The outcome as the part keeps it: findings and per-fact site facts only.
    func fold(_ outcome: FileOutcome) -> FileOutcome {
        var kept = FileOutcome()
        lock.lock(); defer { lock.unlock() }
        for (id, c) in outcome.outcomes { outcomes[id, default: OutcomeCounts()].add(c) }
        kept.findings = spooling ? outcome.findings : outcome.findings.map { f in
            var f = f
            f.message = LocalizedText(en: intern(f.message.en), zhCN: intern(f.message.zhCN))
            f.snippet = intern(f.snippet)
            if let p = f.path { f.path = intern(p) }
            return f
        }
        for (id, facts) in outcome.facts {
            if distinctRules.contains(id) {
                factCounts[id, default: 0] += facts.count
                var byValue = distinctFacts[id] ?? [:]
                distinctFacts[id] = nil // keep the dictionary uniquely referenced while it grows
                for f in facts {
                    if let old = byValue[f.value], !Self.precedes(f, old) { continue }
                    var f = f
                    f.value = intern(f.value)
                    // These checks read values only (they never report a fact): the snippet is dead weight,
                    // ~200 bytes for each distinct link target of the site.
                    f.snippet = ""
                    byValue[f.value] = f
                }
                distinctFacts[id] = byValue
            } else if spooling {
                kept.facts[id] = facts
            } else {
                kept.facts[id] = facts.map { f in
                    var f = f
                    f.value = intern(f.value)
                    f.snippet = intern(f.snippet)
                    return f
                }
            }
        }
        return kept
    }

    static func precedes(_ a: SiteFact, _ b: SiteFact) -> Bool {
        (a.file, a.range.start) < (b.file, b.range.start)
    }

    /// Distinct-value facts by rule id, in a stable order.
    var distinctFactLists: [String: [SiteFact]] {
        distinctFacts.mapValues { $0.values.sorted { Self.precedes($0, $1) || (!Self.precedes($1, $0) && $0.value < $1.value) } }
    }

    private func intern(_ s: String) -> String {
        // Short strings are stored inline; sharing them saves nothing.
        guard s.utf8.count > 15 else { return s }
        if let existing = strings.firstIndex(of: s) { return strings[existing] }
        strings.insert(s)
        return s
    }
}
