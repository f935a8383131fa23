import GovlintHTML

/// Holds when no earlier element of the page has the same value: the
/// attribute `attribute`, or with `text: true` the normalised text, compared
/// among the elements matching `among` (default: all elements with the attribute).
/// `normalize: true` compares whitespace-collapsed, case-folded values;
/// `hidden: exclude` leaves elements outside the accessibility tree out of the
/// comparison; `every: true` fails every element of a duplicated value, the first too.
struct UniqueInPageCheck: PageCheck {
    static let id = "unique-in-page"
    static let summary = "No earlier element (among `among`) has the same `attribute` value or text (`every: true`: no other element at all)."
    let attribute: String?
    let among: Selector?
    let normalize: Bool
    let excludeHidden: Bool
    let every: Bool
    let groupsKey: MemoKey<[String: [Int]]>

    init(options: inout CheckOptions) throws(LocatedError) {
        attribute = try options.string("attribute")?.lowercased()
        let text = try options.bool("text") ?? false
        among = try options.selector("among")
        normalize = try options.bool("normalize") ?? false
        every = try options.bool("every") ?? false
        switch try options.string("hidden") {
        case nil, "include": excludeHidden = false
        case "exclude": excludeHidden = true
        default: throw options.error(at: "hidden", "'hidden' must be 'exclude' or 'include'")
        }
        if (attribute == nil) == !text { throw options.error("give exactly one of 'attribute' or 'text: true'") }
        if attribute == nil && among == nil { throw options.error("'text: true' needs 'among'") }
        groupsKey = MemoKey("unique-in-page|\(attribute ?? "#text")|\(among?.text ?? "")|\(normalize)|\(excludeHidden)")
        try options.finish()
    }

    private func value(_ e: HTMLElement) -> String? {
        let raw: String?
        if let attribute { raw = e.attribute(attribute) } else { raw = TextMatching.normalizedText(of: e) }
        guard let raw else { return nil }
        return normalize ? TextMatching.normalized(raw).lowercased() : raw
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let mine = value(element), !mine.isEmpty else { return .holds }
        // The elements of each value in document order, built once per page and option set.
        let groups = page.memo(groupsKey) {
            var map: [String: [Int]] = [:]
            let candidates = among.map { page.select($0) } ?? page.document.elements.filter { $0.hasAttribute(attribute!) }
            for e in candidates where !(excludeHidden && page.accessibility.isHiddenFromAccessibilityTree(e)) {
                if let v = value(e), !v.isEmpty { map[v, default: []].append(e.index) }
            }
            return map
        }
        let group = groups[mine] ?? []
        let other: Int?
        if every {
            other = group.first { $0 != element.index }
        } else {
            other = group.first.flatMap { $0 < element.index ? $0 : nil }
        }
        guard let otherIndex = other else { return .holds }
        let first = page.document[otherIndex]
        return CheckResult(.doesNotHold, data: ["value": mine, "firstLine": String(first.startPosition.line),
                                                "count": String(group.count)])
    }
}
