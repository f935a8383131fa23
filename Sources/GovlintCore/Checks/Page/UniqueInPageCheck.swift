import GovlintHTML

/// Holds when no earlier element of the page has the same value: the
/// attribute `attribute`, or with `text: true` the normalised text, compared
/// among the elements matching `among` (default: all elements with the attribute).
struct UniqueInPageCheck: PageCheck {
    static let id = "unique-in-page"
    static let summary = "No earlier element (among `among`) has the same `attribute` value or text."
    let attribute: String?
    let among: Selector?

    init(options: inout CheckOptions) throws(LocatedError) {
        attribute = try options.string("attribute")?.lowercased()
        let text = try options.bool("text") ?? false
        among = try options.selector("among")
        if (attribute == nil) == !text { throw options.error("give exactly one of 'attribute' or 'text: true'") }
        if attribute == nil && among == nil { throw options.error("'text: true' needs 'among'") }
        try options.finish()
    }

    private func value(_ e: HTMLElement) -> String? {
        if let attribute { return e.attribute(attribute) }
        return TextMatching.normalized(e.textContent)
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let mine = value(element), !mine.isEmpty else { return .holds }
        // First occurrence of each value, built once per page and option set.
        let key = "unique-in-page|\(attribute ?? "#text")|\(among?.text ?? "")"
        let first: [String: Int] = page.memo(key) {
            var map: [String: Int] = [:]
            let candidates = among.map { page.select($0) } ?? page.document.elements.filter { $0.hasAttribute(attribute!) }
            for e in candidates {
                if let v = value(e), map[v] == nil { map[v] = e.index }
            }
            return map
        }
        guard let firstIndex = first[mine], firstIndex != element.index, firstIndex < element.index else { return .holds }
        let other = page.document[firstIndex]
        return CheckResult(.doesNotHold, data: ["value": mine, "firstLine": String(other.startPosition.line)])
    }
}
