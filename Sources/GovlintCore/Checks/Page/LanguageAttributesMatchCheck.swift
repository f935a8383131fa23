import GovlintAccessibility
import GovlintHTML

/// Holds when the target's `lang` and `xml:lang` name the same primary
/// language (ASCII case-insensitive). When either is missing or not a valid
/// language tag the check holds: that is html-has-lang's and
/// html-lang-valid's concern.
struct LanguageAttributesMatchCheck: PageCheck {
    static let id = "lang-attributes-match"
    static let summary = "`lang` and `xml:lang`, when both are valid, have the same primary language."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let lang = element.attribute("lang")?.trimmingCharacters(in: .whitespaces),
              let xml = element.attribute("xml:lang")?.trimmingCharacters(in: .whitespaces),
              LanguageTag.isValidPrimaryLanguage(lang), LanguageTag.isValidPrimaryLanguage(xml),
              let a = LanguageTag.primarySubtag(lang), let b = LanguageTag.primarySubtag(xml) else { return .holds }
        return .verdict(a.lowercased() == b.lowercased(), data: ["lang": lang, "xmlLang": xml])
    }
}
