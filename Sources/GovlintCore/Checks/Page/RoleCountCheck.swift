import GovlintAccessibility
import GovlintHTML

/// Holds when the page (or the target's subtree) has at most `max` elements in
/// the accessibility tree whose role in effect is one of `roles`.
struct RoleCountCheck: PageCheck {
    static let id = "role-count"
    static let summary = "At most `max` elements inside the target, in the accessibility tree, have one of `roles`."
    static let memoKey = MemoKey<Exposed>("role-count.exposed")
    let roles: Set<String>
    let max: Int

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let r = try options.strings("roles"), !r.isEmpty else { throw options.error("missing required option 'roles'") }
        roles = Set(r.map { $0.lowercased() })
        max = try options.int("max") ?? 1
        if max < 0 { throw options.error(at: "max", "'max' must not be negative") }
        try options.finish()
    }

    /// Elements in the accessibility tree with a role, in document order, and their roles' numbers in `roles`.
    struct Exposed {
        var entries: [(index: Int, role: Int)] = []
        var roles: [String] = []
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        // Every element in the accessibility tree that has a role, in document order, once per page:
        // the landmark rules count three roles over the same page.
        // Roles are numbered per page, so a rule tests each distinct role once, not every element's.
        let exposed = page.memo(Self.memoKey) { () -> Exposed in
            // Hidden elements first: their roles need not be computed (roles are memoised, not order-dependent).
            let ax = page.accessibility
            let document = page.document
            var result = Exposed()
            var numbers: [String: Int] = [:]
            for i in document.cores.indices where document.cores[i].kind == .element {
                let e = HTMLElement(document: document, index: i)
                guard !ax.isHiddenFromAccessibilityTree(e), let r = ax.effectiveRole(of: e) else { continue }
                let n: Int
                if let known = numbers[r] {
                    n = known
                } else {
                    n = result.roles.count
                    numbers[r] = n
                    result.roles.append(r)
                }
                result.entries.append((i, n))
            }
            return result
        }
        let wanted = exposed.roles.map { roles.contains($0) }
        let entries = exposed.entries
        let inside = element.descendantIndices
        var lo = 0, hi = entries.count
        while lo < hi { let mid = (lo + hi) / 2; if entries[mid].index < inside.lowerBound { lo = mid + 1 } else { hi = mid } }
        var count = 0
        for entry in entries[lo...] {
            guard entry.index < inside.upperBound else { break }
            if wanted[entry.role] { count += 1 }
        }
        return .verdict(count <= max, data: ["count": String(count), "max": String(max),
                                             "roles": roles.sorted().joined(separator: ", ")])
    }
}
