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

    func evaluate(_ facts: [SiteFact], in site: SiteContext) -> [SiteVerdict] {
        // One table (first fact, count) per value: it holds one entry per distinct value of the export.
        var seen: [String: (first: Int32, count: Int32)] = [:]
        let inOrder = facts.isSorted { ($0.file, $0.range.start) < ($1.file, $1.range.start) }
        // The engine hands the facts in this order already; a list of positions is made only when they are not.
        let order = inOrder ? [] : facts.indices.sorted { (facts[$0].file, facts[$0].range.start) < (facts[$1].file, facts[$1].range.start) }
        let count = facts.count
        for k in 0..<count {
            let i = inOrder ? k : order[k]
            let key = ignoreCase ? facts[i].value.lowercased() : facts[i].value
            if let s = seen[key] {
                seen[key] = (s.first, s.count + 1)
            } else {
                seen[key] = (Int32(i), 1)
            }
        }
        var verdicts: [SiteVerdict] = []
        for k in 0..<count {
            let i = inOrder ? k : order[k]
            let key = ignoreCase ? facts[i].value.lowercased() : facts[i].value
            guard let s = seen[key], Int(s.first) != i else { continue }
            verdicts.append(SiteVerdict(factIndex: i, data: [
                "value": facts[i].value, "firstFile": facts[Int(s.first)].file, "count": String(s.count),
            ]))
        }
        return verdicts
    }
}
