import GovlintHTML

/// Holds when the attribute `name`, when present, is one of `values`.
struct AttributeInSetCheck: PageCheck {
    static let id = "attribute-in-set"
    static let summary = "The attribute `name`, when present, is one of `values`."
    let name: String
    let values: Set<String>
    let ignoreCase: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        name = try options.requireString("name").lowercased()
        ignoreCase = try options.bool("ignoreCase") ?? true
        guard let v = try options.strings("values"), !v.isEmpty else { throw options.error("missing required option 'values'") }
        values = Set(ignoreCase ? v.map { $0.lowercased() } : v)
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let raw = element.attribute(name) else { return .holds }
        let value = raw.trimmingCharacters(in: .whitespaces)
        return .verdict(values.contains(ignoreCase ? value.lowercased() : value), data: ["attribute": name, "value": value])
    }
}

import Foundation
