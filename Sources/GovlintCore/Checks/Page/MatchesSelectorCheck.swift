import GovlintHTML

/// Holds when the target itself matches `selector`. Combine with `none:` to
/// fail on elements that must not be used (`<blink>`, `img[ismap]`).
struct MatchesSelectorCheck: PageCheck {
    static let id = "matches-selector"
    static let summary = "The target itself matches `selector` (use under `none:` to forbid elements)."
    let selector: Selector

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.requireSelector("selector")
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        .verdict(selector.matches(element), data: ["selector": selector.text])
    }
}
