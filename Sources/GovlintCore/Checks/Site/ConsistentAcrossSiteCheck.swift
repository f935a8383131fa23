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

    func evaluate(_ facts: SiteFacts, in site: SiteContext) -> [SiteVerdict] {
        guard !facts.isEmpty else { return [] }
        let order = facts.indices.sorted { (facts.file(at: $0), facts.range(at: $0).start) < (facts.file(at: $1), facts.range(at: $1).start) }
        var counts: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        for (rank, i) in order.enumerated() {
            counts[facts.value(at: i), default: 0] += 1
            if firstSeen[facts.value(at: i)] == nil { firstSeen[facts.value(at: i)] = rank }
        }
        let majority = counts.max { a, b in
            a.value != b.value ? a.value < b.value : firstSeen[a.key]! > firstSeen[b.key]!
        }!.key
        return order.filter { facts.value(at: $0) != majority }.map {
            SiteVerdict(factIndex: $0, data: ["value": facts.value(at: $0), "expected": majority])
        }
    }
}
