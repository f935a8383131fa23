import GovlintHTML

/// Holds when the target's text (or that of the first `selector` match inside it)
/// contains every string in `terms`; `{missing}` lists the absent ones. For
/// documents with required parts, such as the eight elements of a 办事指南.
struct TextContainsAllCheck: PageCheck {
    static let id = "text-contains-all"
    static let summary = "The target's text contains every string in `terms`; `{missing}` lists the absent ones."
    var cost: CheckCost { .expensive }
    let selector: Selector?
    let terms: [String]

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.selector("selector")
        guard let t = try options.strings("terms"), !t.isEmpty else { throw options.error("missing required option 'terms'") }
        terms = t
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let subject = TextSubject.resolve(element, selector, page) else {
            return .verdict(false, data: ["missing": terms.joined(separator: "、")])
        }
        let text = page.normalizedText(of: subject)
        var missing: [String] = []
        for term in terms {
            // One search of a huge page's text takes seconds: stop at the rule's
            // deadline (the runner discards a verdict reached after it).
            if RuleDeadline.isPast { return .cantTell("time limit reached") }
            if !TextMatching.contains(text, term) { missing.append(term) }
        }
        return .verdict(missing.isEmpty, data: ["missing": missing.joined(separator: "、")])
    }
}
