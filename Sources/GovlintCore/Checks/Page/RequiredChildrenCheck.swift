import GovlintAccessibility
import GovlintHTML

/// For a target whose explicit role requires owned elements (WAI-ARIA
/// "Required Owned Elements": `list` → `listitem`, `tablist` → `tab`,
/// `listbox` → `option`, `table`/`grid` → `row`, …), following axe-core:
/// the owned elements (children and `aria-owns` targets in the accessibility
/// tree; wrappers without a role, and `group`/`rowgroup` where allowed, are
/// looked through) must all have an allowed role, and at least one must be
/// present. An empty container is cantTell for roles whose content is often
/// added by script (`list`, `listbox`, `menu`, `table`, `tablist`, `tree`, …);
/// `aria-busy="true"` holds.
struct RequiredChildrenCheck: PageCheck {
    static let id = "required-children"
    static let summary = "An explicit role that requires owned elements (list, tablist, listbox, table, …) owns only and at least one allowed role."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    static let reviewEmpty: Set<String> = [
        "doc-bibliography", "doc-endnotes", "grid", "list", "listbox", "menu", "menubar", "table", "tablist", "tree",
        "treegrid", "rowgroup",
    ]
    static let noRole: Set<String> = ["generic", "none", "presentation"]
    /// Owned roles that neither count nor break the rule (table captions, menu separators).
    static let neutral: Set<String> = ["caption", "separator"]

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        guard let roleName = ax.explicitRole(of: element), ax.effectiveRole(of: element) == roleName,
              let role = AriaRole.named(roleName), !role.requiredOwned.isEmpty else { return .holds }
        var allowed = Set<String>()
        var lookThrough = Set<String>()
        for entry in role.requiredOwned {
            let parts = entry.split(separator: ">").map { $0.trimmingCharacters(in: .whitespaces) }
            allowed.insert(parts.last!)
            if parts.count > 1 { lookThrough.insert(parts[0]) }
        }
        var queue = element.children
        if let owns = element.attribute("aria-owns") {
            for id in owns.split(whereSeparator: \.isHTMLWhitespace) {
                if let e = page.document.element(withID: String(id)), e != element, !e.isDescendant(of: element) { queue.append(e) }
            }
        }
        var owned: [String] = []
        var i = 0
        while i < queue.count {
            let child = queue[i]
            i += 1
            guard !ax.isHiddenFromAccessibilityTree(child) else { continue }
            let r = ax.effectiveRole(of: child)
            let hasRole = r.map { !Self.noRole.contains($0) } ?? false
            let counts = hasRole || ax.hasGlobalAriaAttribute(child) || ax.isFocusable(child)
            if !counts || (r.map { lookThrough.contains($0) } ?? false) {
                queue += child.children
                continue
            }
            if let r, Self.neutral.contains(r) { continue }
            let name = hasRole ? r! : "(\(child.name))"
            if !allowed.contains(name) {
                return CheckResult(.doesNotHold, data: ["role": roleName, "child": name,
                                                        "required": allowed.sorted().joined(separator: ", ")])
            }
            owned.append(name)
        }
        if !owned.isEmpty { return .holds }
        if (element.attribute("aria-busy") ?? "").trimmingCharacters(in: .whitespaces).lowercased() == "true" { return .holds }
        let data = ["role": roleName, "child": "nothing", "required": allowed.sorted().joined(separator: ", ")]
        if Self.reviewEmpty.contains(roleName) {
            return CheckResult(.cantTell, data: data.merging(["reason": "the container is empty; content may be added by script"]) { a, _ in a })
        }
        return CheckResult(.doesNotHold, data: data)
    }
}
