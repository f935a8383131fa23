import Foundation

/// Shrinks each file's outcome as soon as its worker finishes, so the page
/// phase keeps memory proportional to what reports need rather than to
/// everything every page produced:
///
/// * outcome counts are summed into run totals instead of one 183-entry
///   dictionary per file;
/// * facts of site checks that only look at distinct values
///   (``SiteCheck/distinctValuesOnly``) are reduced to the set of values
///   plus a count, instead of one fact per link on every page;
/// * repeated strings of findings and facts (messages, snippets of template
///   markup, CSS paths, link targets) share one copy.
///
/// Thread-safe; workers call ``fold(_:)`` concurrently. The result does not
/// depend on scheduling: counts are sums and value sets are sets.
final class PageFold: @unchecked Sendable {
    private let lock = NSLock()
    /// The checks of the rules whose facts are kept as distinct values, by rule id.
    private let distinctRules: [String: any SiteCheck]
    private var strings: Set<String> = []
    private(set) var outcomes: [String: OutcomeCounts] = [:]
    private(set) var distinctValues: [String: Set<String>] = [:]
    private(set) var factCounts: [String: Int] = [:]

    /// Whether findings and per-file facts go to a spool next (``FindingSpool``): then their strings are
    /// not shared, which would keep every distinct one in memory.
    private let spooling: Bool

    /// The export's files: a distinct value naming one of them keeps its string (one copy, not two).
    private let files: Set<String>

    init(rules: [ActiveRule], spooling: Bool = false, files: Set<String> = []) {
        self.spooling = spooling
        self.files = files
        distinctRules = Dictionary(rules.compactMap { active -> (String, any SiteCheck)? in
            guard case let .site(invocation) = active.rule.check else { return nil }
            return type(of: invocation.check).distinctValuesOnly ? (active.rule.id, invocation.check) : nil
        }, uniquingKeysWith: { a, _ in a })
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
            if distinctRules[id] != nil {
                factCounts[id, default: 0] += facts.count
                var values = distinctValues.removeValue(forKey: id) ?? [] // uniquely referenced while it grows
                // Grown once for a page of many new values (the 20 MB page: 125,000), not by doublings that rehash.
                values.reserveCapacity(values.count + facts.count)
                for f in facts where values.insert(f.value).inserted && f.value.utf8.count > 15 {
                    // A new value naming a file keeps the file list's string (short strings are inline).
                    if let i = files.firstIndex(of: f.value) { values.update(with: files[i]) }
                }
                distinctValues[id] = values
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

    /// Distinct-value facts by rule id, in value order: one fact per value the check keeps
    /// (``SiteCheck/keptValue(_:site:)``), without file or position (the checks read values only; which page
    /// linked first is not kept). Releases the collected values.
    func takeDistinctFactLists(site: SiteInfo) -> [String: [SiteFact]] {
        lock.lock(); defer { lock.unlock() }
        var lists: [String: [SiteFact]] = [:]
        // Each set is released as soon as the next is made from it (the collected values, the kept ones, the
        // sorted list, the facts), so at most two of them are held at once.
        for id in Array(distinctValues.keys) {
            var values = distinctValues.removeValue(forKey: id)!
            guard let check = distinctRules[id] else { continue }
            var kept = Set<String>()
            for v in values { if let k = check.keptValue(v, site: site) { kept.insert(k) } }
            values = []
            var sorted = kept.sorted()
            kept = []
            lists[id] = sorted.map(Self.valueFact)
            sorted = []
        }
        return lists
    }

    static func valueFact(_ value: String) -> SiteFact {
        SiteFact(file: "", value: value, range: .fileStart, snippet: "")
    }

    private func intern(_ s: String) -> String {
        // Short strings are stored inline; sharing them saves nothing.
        guard s.utf8.count > 15 else { return s }
        if let existing = strings.firstIndex(of: s) { return strings[existing] }
        strings.insert(s)
        return s
    }
}
