import GovlintAccessibility
import GovlintHTML

/// Holds when the target's parent element matches `selector` or has one of
/// `roles` (its role in effect). With `through`, wrapper parents matching that
/// selector are skipped first (e.g. the `<div>` that may group `<dt>`/`<dd>`
/// in a `<dl>`).
struct ParentCheck: PageCheck {
    static let id = "parent"
    static let summary = "The parent element (skipping `through` wrappers) matches `selector` or has one of `roles`."
    let selector: Selector?
    /// The allowed roles by role number (``AriaData/roleNames``).
    let roles: [Bool]
    let through: Selector?

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.selector("selector")
        let roleNames = (try options.strings("roles") ?? []).map { $0.lowercased() }
        roles = AriaData.roleTable(of: roleNames)
        through = try options.selector("through")
        if selector == nil && roleNames.isEmpty { throw options.error("give 'selector', 'roles' or both") }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        var parent = element.parent
        if let through {
            while let p = parent, p.isElement, through.matches(p) { parent = p.parent }
        }
        guard let p = parent, p.isElement else { return .doesNotHold }
        if let selector, selector.matches(p) { return .holds }
        if let role = page.accessibility.effectiveRoleID(of: p), roles[role] { return .holds }
        return CheckResult(.doesNotHold, data: ["parent": "<\(p.name)>"])
    }
}
