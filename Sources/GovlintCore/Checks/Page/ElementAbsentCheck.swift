import GovlintHTML

/// Holds when no element inside the target matches `selector`; failures point at each match.
struct ElementAbsentCheck: PageCheck {
    static let id = "element-absent"
    static let summary = "No element inside the target matches `selector`; each match is reported."
    let selector: Selector
    var pageSelectors: [Selector] { [selector] }

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.requireSelector("selector")
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let found = page.select(selector).filter { element.index == 0 || $0.isDescendant(of: element) }
        if found.isEmpty { return .holds }
        return CheckResult(.doesNotHold, at: found, data: ["selector": selector.text])
    }
}
