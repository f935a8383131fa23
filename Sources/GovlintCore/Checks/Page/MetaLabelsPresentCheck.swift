import GovlintHTML

/// Holds when every `<meta name>` in `names` is present (exact, case-sensitive
/// name) with non-empty content. `{missing}` lists the absent or empty ones.
struct MetaLabelsPresentCheck: PageCheck {
    static let id = "meta-labels-present"
    static let summary = "Every `<meta name>` in `names` (case-sensitive) is present with non-empty content; `{missing}` lists the rest."
    var cost: CheckCost { .cheap }
    let names: [String]

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let n = try options.strings("names"), !n.isEmpty else { throw options.error("missing required option 'names'") }
        names = n
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let labels = GovPageFacts.labels(page)
        let missing = names.filter { (labels[$0] ?? "").isEmpty }
        return .verdict(missing.isEmpty, data: [
            "missing": missing.joined(separator: ", "),
            "pageType": GovPageFacts.pageType(page).rawValue,
        ])
    }
}
