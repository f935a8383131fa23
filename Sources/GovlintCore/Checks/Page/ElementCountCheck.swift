import GovlintHTML

/// Holds when the number of elements matching `selector` inside the target is within `min`…`max`.
struct ElementCountCheck: PageCheck {
    static let id = "element-count"
    static let summary = "The number of elements matching `selector` inside the target lies within `min`…`max`."
    let selector: Selector
    var pageSelectors: [Selector] { [selector] }
    let min: Int
    let max: Int

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.requireSelector("selector")
        min = try options.int("min") ?? 0
        max = try options.int("max") ?? Int.max
        if min > max || min < 0 { throw options.error("'min' must be between 0 and 'max'") }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let found = page.select(selector).filter { element.index == 0 || $0.isDescendant(of: element) }
        let data = ["count": String(found.count), "min": String(min), "max": max == Int.max ? "∞" : String(max),
                    "selector": selector.text]
        if found.count > max { return CheckResult(.doesNotHold, at: Array(found.dropFirst(max)), data: data) }
        return .verdict(found.count >= min, data: data)
    }
}
