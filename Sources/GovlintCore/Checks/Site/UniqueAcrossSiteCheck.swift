import GovlintHTML

/// Fails for every page whose value (text or `@attribute`) another page
/// already has; the first page in path order keeps it. Empty values are ignored.
struct UniqueAcrossSiteCheck: SiteCheck {
    static let id = "unique-across-site"
    static let summary = "No two pages share the collected value (`value: text` or `value: '@attr'`)."
    let value: SiteValue
    let ignoreCase: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        value = try SiteValue(options: &options)
        ignoreCase = try options.bool("ignoreCase") ?? false
        try options.finish()
    }

    func collect(_ element: HTMLElement, in page: PageContext) -> String? {
        guard let v = value.read(element), !v.isEmpty else { return nil }
        return v
    }

    func evaluate(_ facts: SiteFacts, in site: SiteContext) -> [SiteVerdict] {
        var verdicts: [SiteVerdict] = []
        evaluate(facts, in: site) { verdicts.append($0) }
        return verdicts
    }

    /// Verdicts handed over one at a time: a site where most titles repeat would otherwise hold one (with its
    /// message data) per page.
    func evaluate(_ facts: SiteFacts, in site: SiteContext, each: (SiteVerdict) -> Void) {
        // Values are grouped by their string's hash, each group told apart by comparing strings (as a table keyed
        // by value would): the groups hold no string, and the values stay in the facts' byte buffer.
        let count = facts.count
        let inOrder = (0..<count).dropFirst().allSatisfy { !facts.precedes($0, $0 - 1) }
        // The engine hands the facts in this order already; a list of positions is made only when they are not.
        let order = inOrder ? [] : facts.indices.sorted { (facts.file(at: $0), facts.range(at: $0).start) < (facts.file(at: $1), facts.range(at: $1).start) }
        func key(_ i: Int) -> String { ignoreCase ? facts.value(at: i).lowercased() : facts.value(at: i) }
        var groupOf = [Int32](repeating: -1, count: count)
        var groupFirst: [Int32] = [], groupCount: [Int32] = [], nextGroup: [Int32] = []
        var byHash: [Int: Int32] = [:]
        for k in 0..<count {
            let i = inOrder ? k : order[k]
            let value = key(i)
            let h = value.hashValue
            var g = byHash[h] ?? -1
            while g >= 0, key(Int(groupFirst[Int(g)])) != value { g = nextGroup[Int(g)] }
            if g < 0 {
                g = Int32(groupFirst.count)
                groupFirst.append(Int32(i))
                groupCount.append(0)
                nextGroup.append(byHash[h] ?? -1)
                byHash[h] = g
            }
            groupCount[Int(g)] += 1
            groupOf[i] = g
        }
        for k in 0..<count {
            let i = inOrder ? k : order[k]
            let g = Int(groupOf[i])
            let first = Int(groupFirst[g])
            guard first != i else { continue }
            each(SiteVerdict(factIndex: i, data: [
                "value": facts.value(at: i), "firstFile": facts.file(at: first), "count": String(groupCount[g]),
            ]))
        }
    }
}
