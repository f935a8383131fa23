import GovlintAccessibility
import GovlintHTML

/// Holds when the page (or the target's subtree) has at most `max` elements in
/// the accessibility tree whose role in effect is one of `roles`.
struct RoleCountCheck: PageCheck {
    static let id = "role-count"
    static let summary = "At most `max` elements inside the target, in the accessibility tree, have one of `roles`."
    let roles: Set<String>
    let max: Int

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let r = try options.strings("roles"), !r.isEmpty else { throw options.error("missing required option 'roles'") }
        roles = Set(r.map { $0.lowercased() })
        max = try options.int("max") ?? 1
        if max < 0 { throw options.error(at: "max", "'max' must not be negative") }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        var count = 0
        for e in element.descendants where e.isElement {
            guard let r = ax.effectiveRole(of: e), roles.contains(r), !ax.isHiddenFromAccessibilityTree(e) else { continue }
            count += 1
        }
        return .verdict(count <= max, data: ["count": String(count), "max": String(max),
                                             "roles": roles.sorted().joined(separator: ", ")])
    }
}
