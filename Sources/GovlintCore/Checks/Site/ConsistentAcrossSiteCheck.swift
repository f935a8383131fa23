import GovlintHTML

/// Fails for every page whose value differs from the value most pages have
/// (ties go to the value of the first page in path order).
struct ConsistentAcrossSiteCheck: SiteCheck {
    static let id = "consistent-across-site"
    static let summary = "Every page has the same collected value as the majority of pages."
    let value: SiteValue

    init(options: inout CheckOptions) throws(LocatedError) {
        value = try SiteValue(options: &options)
        try options.finish()
    }

    func collect(_ element: HTMLElement, in page: PageContext) -> String? { value.read(element) }

    func evaluate(_ facts: [SiteFact], in site: SiteContext) -> [SiteVerdict] {
        guard !facts.isEmpty else { return [] }
        let order = facts.indices.sorted { (facts[$0].file, facts[$0].range.start) < (facts[$1].file, facts[$1].range.start) }
        var counts: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        for (rank, i) in order.enumerated() {
            counts[facts[i].value, default: 0] += 1
            if firstSeen[facts[i].value] == nil { firstSeen[facts[i].value] = rank }
        }
        let majority = counts.max { a, b in
            a.value != b.value ? a.value < b.value : firstSeen[a.key]! > firstSeen[b.key]!
        }!.key
        return order.filter { facts[$0].value != majority }.map {
            SiteVerdict(factIndex: $0, data: ["value": facts[$0].value, "expected": majority])
        }
    }
}
