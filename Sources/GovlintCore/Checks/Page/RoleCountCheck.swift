import GovlintAccessibility
import GovlintHTML

/// Holds when the page (or the target's subtree) has at most `max` elements in
/// the accessibility tree whose role in effect is one of `roles`.
struct RoleCountCheck: PageCheck {
    static let id = "role-count"
    static let summary = "At most `max` elements inside the target, in the accessibility tree, have one of `roles`."
    let roles: Set<String>
    /// `roles` by role number (``AriaData/roleNames``).
    let wanted: [Bool]
    let max: Int

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let r = try options.strings("roles"), !r.isEmpty else { throw options.error("missing required option 'roles'") }
        roles = Set(r.map { $0.lowercased() })
        wanted = AriaData.roleTable(of: roles)
        max = try options.int("max") ?? 1
        if max < 0 { throw options.error(at: "max", "'max' must not be negative") }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        // The landmark rules count three roles over the same page: the elements with roles are listed once.
        let exposed = page.accessibility.exposedRoles
        let inside = element.descendantIndices
        var lo = 0, hi = exposed.count
        while lo < hi { let mid = (lo + hi) / 2; if Int(exposed[mid].index) < inside.lowerBound { lo = mid + 1 } else { hi = mid } }
        var count = 0
        for entry in exposed[lo...] {
            guard Int(entry.index) < inside.upperBound else { break }
            if wanted[Int(entry.role)] { count += 1 }
        }
        return .verdict(count <= max, data: ["count": String(count), "max": String(max),
                                             "roles": roles.sorted().joined(separator: ", ")])
    }
}
