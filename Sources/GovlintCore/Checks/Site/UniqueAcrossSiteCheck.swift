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
        var first: [String: Int] = [:]
        var counts: [String: Int] = [:]
        let order = facts.indices.sorted { (facts[$0].file, facts[$0].range.start) < (facts[$1].file, facts[$1].range.start) }
        for i in order {
            let key = ignoreCase ? facts[i].value.lowercased() : facts[i].value
            counts[key, default: 0] += 1
            if first[key] == nil { first[key] = i }
        }
        var verdicts: [SiteVerdict] = []
        for i in order {
            let key = ignoreCase ? facts[i].value.lowercased() : facts[i].value
            guard let f = first[key], f != i else { continue }
            verdicts.append(SiteVerdict(factIndex: i, data: [
                "value": facts[i].value, "firstFile": facts[f].file, "count": String(counts[key] ?? 0),
            ]))
        }
        return verdicts
    }
}
