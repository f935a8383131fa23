import GovlintHTML

/// Holds when the target's normalised text has `min`…`max` characters.
struct TextLengthCheck: PageCheck {
    static let id = "text-length"
    static let summary = "The target's whitespace-normalised text has between `min` and `max` characters."
    let selector: Selector?
    let min: Int
    let max: Int

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.selector("selector")
        min = try options.int("min") ?? 0
        max = try options.int("max") ?? Int.max
        if min > max || min < 0 { throw options.error("'min' must be between 0 and 'max'") }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let subject = TextSubject.resolve(element, selector, page) else { return .doesNotHold }
        let length = page.normalizedText(of: subject).count
        return .verdict(length >= min && length <= max,
                        data: ["length": String(length), "min": String(min), "max": max == Int.max ? "∞" : String(max)])
    }
}
