import GovlintHTML

/// Holds when the target's `autocomplete` attribute follows the HTML
/// autofill grammar: optional `section-*`, optional `shipping`/`billing`,
/// optional `home`/`work`/`mobile`/`fax`/`pager` (only before a contact
/// field such as `tel` or `email`), one field name, optional `webauthn`.
/// `on`, `off`, an empty value, and the common non-standard values axe-core
/// tolerates (`none`, `false`, `true`, `disabled`, `enabled`, `undefined`,
/// `null`) hold too.
struct AutocompleteCheck: PageCheck {
    static let id = "autocomplete-valid"
    static let summary = "The `autocomplete` attribute is a valid HTML autofill detail token list."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    static let stateTerms: Set<String> = ["on", "off", "none", "false", "true", "disabled", "enabled", "undefined", "null"]
    static let locations: Set<String> = ["billing", "shipping"]
    static let qualifiers: Set<String> = ["home", "work", "mobile", "fax", "pager"]
    static let standaloneTerms: Set<String> = [
        "name", "honorific-prefix", "given-name", "additional-name", "family-name", "honorific-suffix", "nickname",
        "username", "new-password", "current-password", "organization-title", "organization", "street-address",
        "address-line1", "address-line2", "address-line3", "address-level4", "address-level3", "address-level2",
        "address-level1", "country", "country-name", "postal-code", "cc-name", "cc-given-name",
        "cc-additional-name", "cc-family-name", "cc-number", "cc-exp", "cc-exp-month", "cc-exp-year", "cc-csc",
        "cc-type", "transaction-currency", "transaction-amount", "language", "bday", "bday-day", "bday-month",
        "bday-year", "sex", "url", "photo", "one-time-code",
    ]
    static let qualifiedTerms: Set<String> = [
        "tel", "tel-country-code", "tel-national", "tel-area-code", "tel-local", "tel-local-prefix",
        "tel-local-suffix", "tel-extension", "email", "impp",
    ]

    static func isValid(_ raw: String) -> Bool {
        let value = raw.lowercased().split(whereSeparator: \.isHTMLWhitespace).joined(separator: " ")
        if value.isEmpty || stateTerms.contains(value) { return true }
        var terms = value.split(separator: " ").map(String.init)
        if terms.last == "webauthn" {
            terms.removeLast()
            if terms.isEmpty { return false }
        }
        if let first = terms.first, first.count > 8, first.hasPrefix("section-") { terms.removeFirst() }
        if let first = terms.first, locations.contains(first) { terms.removeFirst() }
        var allowStandalone = true
        if let first = terms.first, qualifiers.contains(first) {
            terms.removeFirst()
            allowStandalone = false
        }
        guard terms.count == 1, let purpose = terms.first else { return false }
        return qualifiedTerms.contains(purpose) || (allowStandalone && standaloneTerms.contains(purpose))
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let value = element.attribute("autocomplete") else { return .holds }
        return .verdict(Self.isValid(value), data: ["value": value])
    }
}
