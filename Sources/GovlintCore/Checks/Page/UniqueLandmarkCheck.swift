import GovlintAccessibility
import GovlintHTML

/// For a target that is a landmark: holds unless an earlier landmark in the
/// accessibility tree has the same role and the same accessible name
/// (compared case-insensitively; two unnamed landmarks of one role clash too).
struct UniqueLandmarkCheck: PageCheck {
    static let id = "unique-landmark"
    static let summary = "No earlier landmark has the same role and accessible name."
    static let memoKey = MemoKey<[String: Int]>("unique-landmark|first")

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    static func key(_ e: HTMLElement, _ ax: AccessibilityContext) -> String? {
        // Hidden first (an array read): roles are memoised and do not depend on the order asked.
        guard !ax.isHiddenFromAccessibilityTree(e), let id = ax.effectiveRoleID(of: e) else { return nil }
        return key(e, role: id, ax)
    }

    /// The key of an element in the accessibility tree with this role number.
    static func key(_ e: HTMLElement, role id: Int, _ ax: AccessibilityContext) -> String? {
        guard AriaData.landmarkByID[id] else { return nil }
        let role = AriaData.roleNames[id]
        let name = ax.accessibleName(of: e).text.lowercased()
        // An unnamed form is not a landmark.
        if role == "form", name.isEmpty, ax.explicitRole(of: e) == nil { return nil }
        return role + "\u{1F}" + name
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        guard let mine = Self.key(element, ax) else { return .holds }
        let first: [String: Int] = page.memo(Self.memoKey) {
            var map: [String: Int] = [:]
            let document = page.document
            for (i, role) in ax.exposedRoles where AriaData.landmarkByID[Int(role)] {
                let e = HTMLElement(document: document, index: Int(i))
                if let k = Self.key(e, role: Int(role), ax), map[k] == nil { map[k] = Int(i) }
            }
            return map
        }
        guard let firstIndex = first[mine], firstIndex < element.index else { return .holds }
        let parts = mine.split(separator: "\u{1F}", omittingEmptySubsequences: false)
        return CheckResult(.doesNotHold, data: ["role": String(parts[0]),
                                                "name": parts.count > 1 && !parts[1].isEmpty ? "\"\(parts[1])\"" : "no name"])
    }
}
