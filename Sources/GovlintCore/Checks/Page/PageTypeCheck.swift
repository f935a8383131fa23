import GovlintHTML

/// Holds when the page's type (home, column, article, other, redirect — classified from its
/// 《网页设计规范》 labels, its file and its structure) is one of `types`.
/// Rules use it to make a requirement apply to some page types only.
struct PageTypeCheck: PageCheck {
    static let id = "page-type"
    static let summary = "The page's type (home, column, article, other, redirect; from its labels, file and structure) is one of `types`."
    var cost: CheckCost { .cheap }
    let types: Set<GovPageFacts.PageType>

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let list = try options.strings("types"), !list.isEmpty else { throw options.error("missing required option 'types'") }
        var set: Set<GovPageFacts.PageType> = []
        for t in list {
            guard let type = GovPageFacts.PageType(rawValue: t) else {
                throw options.error(at: "types", "unknown page type '\(t)' (known: home, column, article, other, redirect)")
            }
            set.insert(type)
        }
        types = set
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let type = GovPageFacts.pageType(page)
        return .verdict(types.contains(type), data: ["pageType": type.rawValue])
    }
}
