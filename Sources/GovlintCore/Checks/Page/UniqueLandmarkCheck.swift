import GovlintAccessibility
import GovlintHTML

/// For a target that is a landmark: holds unless an earlier landmark in the
/// accessibility tree has the same role and the same accessible name
/// (compared case-insensitively; two unnamed landmarks of one role clash too).
struct UniqueLandmarkCheck: PageCheck {
    static let id = "unique-landmark"
    static let summary = "No earlier landmark has the same role and accessible name."
    static let memoKey = MemoKey<Landmarks>("unique-landmark|first")

    /// The page's landmarks, keyed once: each one's key by element index, and each key's first element.
    struct Landmarks {
        var keys: [Int: String] = [:]
        var first: [String: Int] = [:]
    }

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
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
        let landmarks = page.memo(Self.memoKey) {
            // The elements in the accessibility tree with a landmark role, in document order.
            let ax = page.accessibility
            var result = Landmarks()
            for (i, role) in ax.exposedRoles where AriaData.landmarkByID[Int(role)] {
                guard let k = Self.key(HTMLElement(document: page.document, index: Int(i)), role: Int(role), ax) else { continue }
                result.keys[Int(i)] = k
                if result.first[k] == nil { result.first[k] = Int(i) }
            }
            return result
        }
        guard let mine = landmarks.keys[element.index], let firstIndex = landmarks.first[mine], firstIndex < element.index else {
            return .holds
        }
        let parts = mine.split(separator: "\u{1F}", omittingEmptySubsequences: false)
        return CheckResult(.doesNotHold, data: ["role": String(parts[0]),
                                                "name": parts.count > 1 && !parts[1].isEmpty ? "\"\(parts[1])\"" : "no name"])
    }
}
