import Foundation
import GovlintHTML

/// Holds when the attribute `name` matches the regular expression `pattern`
/// (whole value unless the pattern says otherwise). A missing attribute holds:
/// presence is `attribute-present`'s job.
struct AttributeMatchesCheck: PageCheck {
    static let id = "attribute-matches"
    static let summary = "The attribute `name`, when present, matches the regular expression `pattern`."
    let name: String
    /// Whether a missing attribute counts as holding (`missing: pass`, the default) or not.
    let missingHolds: Bool
    let regex: NSRegularExpression
    let trim: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        name = try options.requireString("name").lowercased()
        let ignoreCase = try options.bool("ignoreCase") ?? false
        guard let r = try options.regex("pattern", caseInsensitive: ignoreCase) else {
            throw options.error("missing required option 'pattern'")
        }
        regex = r
        trim = try options.bool("trim") ?? true
        missingHolds = try options.missingAttributeHolds()
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard var value = element.attribute(name) else { return missingHolds ? .holds : .doesNotHold }
        if trim { value = value.trimmingCharacters(in: .whitespacesAndNewlines) }
        return .verdict(TextMatching.matches(regex, value), data: ["attribute": name, "value": value])
    }
}

enum TextMatching {
    static func matches(_ regex: NSRegularExpression, _ value: String) -> Bool {
        regex.boundedFirstMatch(in: value) != nil // bounded by the rule's time limit
    }

    /// Collapses runs of whitespace and trims, as accessible text is compared.
    /// Scalar loop with an ASCII fast path: this runs on every text a rule reads.
    static func normalized(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            let space = u.value < 0x80 ? (u.value == 0x20 || (u.value >= 0x09 && u.value <= 0x0D)) : u.properties.isWhitespace
            if space {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(u)
            }
        }
        return String(out)
    }
}
