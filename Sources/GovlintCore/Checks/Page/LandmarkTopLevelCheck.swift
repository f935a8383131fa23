import GovlintAccessibility
import GovlintHTML

/// For a target whose role in effect is one of `roles` (e.g. `banner`):
/// holds when no ancestor is a landmark. An unnamed `<form>` is not a
/// landmark, and `complementary` may sit inside `main` (as axe-core allows).
/// Targets with another role (a `<header>` inside an `<article>` is not a
/// banner) hold.
struct LandmarkTopLevelCheck: PageCheck {
    static let id = "landmark-top-level"
    static let summary = "A landmark with one of `roles` is not inside another landmark."
    let roles: Set<String>

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let r = try options.strings("roles"), !r.isEmpty else { throw options.error("missing required option 'roles'") }
        roles = Set(r.map { $0.lowercased() })
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        guard let role = ax.effectiveRole(of: element), roles.contains(role) else { return .holds }
        var p = element.parent
        while let cur = p, cur.isElement {
            if let r = ax.effectiveRole(of: cur), AriaData.landmarkRoleNames.contains(r) {
                let unnamedForm = r == "form" && ax.explicitRole(of: cur) == nil && ax.accessibleName(of: cur).isEmpty
                if !unnamedForm, !(r == "main" && role == "complementary") {
                    return CheckResult(.doesNotHold, data: ["role": role, "parent": r])
                }
            }
            p = cur.parent
        }
        return .holds
    }
}
