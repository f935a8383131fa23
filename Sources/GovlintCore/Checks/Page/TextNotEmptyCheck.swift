import GovlintHTML

/// Holds when the target's text (or that of the first element matching
/// `selector` inside it) is not only whitespace.
struct TextNotEmptyCheck: PageCheck {
    static let id = "text-not-empty"
    static let summary = "The target's text (or that of the first `selector` match inside it) is not only whitespace."
    let selector: Selector?

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.selector("selector")
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let subject = TextSubject.resolve(element, selector, page) else { return .doesNotHold }
        return .verdict(!subject.textContent.allSatisfy(\.isWhitespace))
    }
}

/// The element whose text a text check reads.
enum TextSubject {
    static func resolve(_ element: HTMLElement, _ selector: Selector?, _ page: PageContext) -> HTMLElement? {
        guard let selector else { return element }
        return page.select(selector).first { element.index == 0 || $0.isDescendant(of: element) }
    }
}
