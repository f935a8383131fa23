import GovlintAccessibility
import GovlintHTML

/// Holds when the target's role in effect (explicit, else implicit, after
/// presentational conflict resolution) is one of `roles`. No role, `none` or
/// `presentation` does not hold, nor does an implicit role listed in
/// `implicitNone` (roles a tool such as axe-core does not compute, e.g.
/// `generic` for `<div>`). Any other role does not hold, or with
/// `otherRoles: review` is `cantTell` (the role may work, a person checks).
struct RoleInSetCheck: PageCheck {
    static let id = "role-in-set"
    static let summary = "The target's role in effect is one of `roles`; none fails, and another role fails or, with `otherRoles: review`, is cantTell."
    let roles: Set<String>
    let implicitNone: Set<String>
    let reviewOthers: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let r = try options.strings("roles"), !r.isEmpty else { throw options.error("missing required option 'roles'") }
        roles = Set(r.map { $0.lowercased() })
        implicitNone = Set((try options.strings("implicitNone") ?? []).map { $0.lowercased() })
        switch try options.string("otherRoles") {
        case nil, "fail": reviewOthers = false
        case "review": reviewOthers = true
        default: throw options.error(at: "otherRoles", "'otherRoles' must be 'fail' or 'review'")
        }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        let role = ax.effectiveRole(of: element)
        let explicit = ax.explicitRole(of: element) == role
        guard let role, role != "none", role != "presentation", explicit || !implicitNone.contains(role) else {
            return CheckResult(.doesNotHold, data: ["role": "none"])
        }
        if roles.contains(role) { return CheckResult(.holds, data: ["role": role]) }
        return CheckResult(reviewOthers ? .cantTell : .doesNotHold, data: ["role": role])
    }
}
