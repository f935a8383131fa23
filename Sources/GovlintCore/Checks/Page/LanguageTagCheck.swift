import GovlintAccessibility
import GovlintHTML

/// Holds when the attribute `attribute` (default `lang`), when present and not
/// empty, is a well-formed BCP 47 tag whose primary language subtag is in the
/// IANA registry.
struct LanguageTagCheck: PageCheck {
    static let id = "language-tag"
    static let summary = "A non-empty `lang`-like attribute is a well-formed BCP 47 tag with a registered primary language."
    let attribute: String

    init(options: inout CheckOptions) throws(LocatedError) {
        attribute = (try options.string("attribute") ?? "lang").lowercased()
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let raw = element.attribute(attribute) else { return .holds }
        let value = UnicodeWhitespace.trimmed(raw, newlines: false)
        if value.isEmpty { return .holds }
        let ok = LanguageTag.isWellFormed(value) && LanguageTag.isValidPrimaryLanguage(value)
        return .verdict(ok, data: ["attribute": attribute, "value": value])
    }
}

import Foundation
