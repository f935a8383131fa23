import GovlintHTML

/// Holds when at least one element inside the target matches `selector`.
struct ElementExistsCheck: PageCheck {
    static let id = "element-exists"
    static let summary = "At least one element inside the target matches `selector`."
    let selector: Selector

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.requireSelector("selector")
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let found = element.index == 0 ? !page.select(selector).isEmpty
            : page.select(selector).contains { $0.isDescendant(of: element) }
        return .verdict(found, data: ["selector": selector.text])
    }
}
