import GovlintAccessibility
import GovlintHTML

/// For a target whose explicit role needs a context (WAI-ARIA "Required
/// Context Role": `listitem` in `list`, `tab` in `tablist`, `option` in
/// `listbox` or `group`, `row` in `table`/`grid`/`rowgroup`, …): holds when the
/// nearest ancestor with a meaningful role has one of the required roles.
/// Ancestors without a role, or with `generic`, `none` or `presentation`, are
/// skipped. When the element is owned through another element's `aria-owns`,
/// the check is cantTell. Roles without a required context hold.
struct RequiredContextCheck: PageCheck {
    static let id = "required-context"
    static let summary = "An explicit role that needs a parent role (listitem, tab, option, row, …) is inside an element with one."
    static let memoKey = MemoKey<Set<String>>("aria-owns-ids")

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    static let transparent: Set<String> = ["generic", "none", "presentation"]

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        guard let roleName = ax.explicitRole(of: element), ax.effectiveRole(of: element) == roleName,
              let role = AriaRole.named(roleName), !role.requiredContext.isEmpty else { return .holds }
        let context = Set(role.requiredContext)
        let data = ["role": roleName, "context": role.requiredContext.sorted().joined(separator: ", ")]
        if let id = element.id, !id.isEmpty {
            let owned: Bool = page.memo(Self.memoKey) {
                Set(page.document.elements.compactMap { $0.attribute("aria-owns") }
                    .flatMap { $0.split(whereSeparator: \.isHTMLWhitespace).map(String.init) })
            }.contains(id)
            if owned { return CheckResult(.cantTell, data: data.merging(["reason": "owned through aria-owns"]) { a, _ in a }) }
        }
        var p = element.parent
        while let cur = p, cur.isElement {
            if let r = ax.effectiveRole(of: cur), !Self.transparent.contains(r) {
                return context.contains(r) ? .holds : CheckResult(.doesNotHold, data: data.merging(["parent": r]) { a, _ in a })
            }
            p = cur.parent
        }
        return CheckResult(.doesNotHold, data: data.merging(["parent": "(none)"]) { a, _ in a })
    }
}
