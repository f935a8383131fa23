import GovlintHTML

/// Holds when the attribute `name`, when present, is one of `values`.
struct AttributeInSetCheck: PageCheck {
    static let id = "attribute-in-set"
    static let summary = "The attribute `name`, when present, is one of `values`."
    let name: String
    /// Whether a missing attribute counts as holding (`missing: pass`, the default) or not.
    let missingHolds: Bool
    let values: Set<String>
    let ignoreCase: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        name = try options.requireString("name").lowercased()
        ignoreCase = try options.bool("ignoreCase") ?? true
        guard let v = try options.strings("values"), !v.isEmpty else { throw options.error("missing required option 'values'") }
        values = Set(ignoreCase ? v.map { $0.lowercased() } : v)
        missingHolds = try options.missingAttributeHolds()
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let raw = element.attribute(name) else { return missingHolds ? .holds : .doesNotHold }
        let value = raw.trimmingCharacters(in: .whitespaces)
        return .verdict(values.contains(ignoreCase ? value.lowercased() : value), data: ["attribute": name, "value": value])
    }
}

import Foundation
