import GovlintAccessibility
import GovlintHTML

/// Holds when the form field has at most one `<label>`, counted as axe-core's
/// `multiple-label` does: every `label[for=id]` of the page that is rendered,
/// plus every ancestor `label`. Several labels still hold when exactly one of
/// them is in the accessibility tree and the field's `aria-labelledby` names it.
struct SingleLabelCheck: PageCheck {
    static let id = "single-label"
    static let summary = "The form field has at most one <label> (label[for=id] and ancestor labels), or only one in the accessibility tree that aria-labelledby names."
    static let memoKey = MemoKey<[String: [Int]]>("single-label|for")

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        var labels: [HTMLElement] = []
        if let id = element.id {
            let byFor: [String: [Int]] = page.memo(Self.memoKey) {
                var map: [String: [Int]] = [:]
                for e in page.elements(named: "label") where e.namespace == .html {
                    if let f = e.attribute("for") { map[f, default: []].append(e.index) }
                }
                return map
            }
            labels = (byFor[id] ?? []).map { page.document[$0] }.filter { !ax.isHiddenFromRendering($0) }
        }
        var p = element.parent
        while let cur = p, cur.index > 0 {
            if cur.name == "label", cur.namespace == .html, !labels.contains(cur) { labels.append(cur) }
            p = cur.parent
        }
        guard labels.count > 1 else { return .holds }
        let exposed = labels.filter { !ax.isHiddenFromAccessibilityTree($0) }
        if exposed.count == 1, let ids = element.attribute("aria-labelledby"),
           ids.split(whereSeparator: \.isHTMLWhitespace).contains(where: { page.document.element(withID: String($0)) == exposed[0] }) {
            return .holds
        }
        let lines = labels.sorted { $0.index < $1.index }.map { String($0.startPosition.line) }
        return CheckResult(.doesNotHold, data: ["count": String(labels.count), "lines": lines.joined(separator: ", ")])
    }
}
