import GovlintAccessibility
import GovlintHTML

/// For a target heading: holds when its level is at most one deeper than the
/// previous heading's in document order (`<h2>` may follow `<h1>` or any
/// deeper heading, `<h4>` may not follow `<h2>`). The first heading may have
/// any level. Headings hidden from the accessibility tree are skipped; the
/// level of `role="heading"` is its `aria-level` (default 2).
struct HeadingOrderCheck: PageCheck {
    static let id = "heading-order"
    static let summary = "The heading's level is at most one deeper than the previous heading's."
    static let memoKey = MemoKey<[Int: Int]>("heading-order|previous")

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    static let selector = try! Selector("h1, h2, h3, h4, h5, h6, [role=heading i]")

    /// The heading level, or nil when the element is not a heading in effect.
    static func level(_ e: HTMLElement, _ ax: AccessibilityContext) -> Int? {
        guard ax.effectiveRole(of: e) == "heading" else { return nil }
        if let raw = e.attribute("aria-level"), let n = Int(raw.trimmingCharacters(in: .whitespaces)), n >= 1 {
            return n
        }
        if e.namespace == .html, e.name.count == 2, e.name.first == "h", let n = Int(String(e.name.last!)) { return n }
        return 2
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        guard let mine = Self.level(element, ax) else { return .holds }
        // The level of the previous heading in the accessibility tree, by node index.
        let previousLevel: [Int: Int] = page.memo(Self.memoKey) {
            var map: [Int: Int] = [:]
            var last: Int?
            for h in page.select(Self.selector) {
                guard !ax.isHiddenFromAccessibilityTree(h), let l = Self.level(h, ax) else { continue }
                if let last { map[h.index] = last }
                last = l
            }
            return map
        }
        guard let previous = previousLevel[element.index] else { return .holds }
        return .verdict(mine <= previous + 1, data: ["level": String(mine), "previous": String(previous)])
    }
}
