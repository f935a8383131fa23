import Foundation

/// Spectral `pattern`: a string value matches `match` and does not match `notMatch`.
/// Non-string and missing values are not checked (as in Spectral). Patterns may
/// use Spectral's `/regex/flags` form (flags `i`, `m`, `s`; `g`, `u`, `y` change nothing here).
struct PatternCheck: DescriptorCheck {
    static let id = "pattern"
    static let summary = "A string value matches `match` and/or does not match `notMatch`; `/regex/flags` allowed (Spectral `pattern`)."
    let match: (text: String, regex: NSRegularExpression)?
    let notMatch: (text: String, regex: NSRegularExpression)?

    init(options: inout CheckOptions) throws(LocatedError) {
        match = try Self.regex(&options, "match")
        notMatch = try Self.regex(&options, "notMatch")
        if match == nil && notMatch == nil { throw options.error("give 'match' or 'notMatch'") }
        try options.finish()
    }

    static func regex(_ options: inout CheckOptions, _ key: String) throws(LocatedError) -> (String, NSRegularExpression)? {
        guard let text = try options.string(key) else { return nil }
        do {
            return (text, try compile(text))
        } catch {
            throw options.error(at: key, "invalid regular expression '\(text)'")
        }
    }

    /// `^/(.+)/([a-z]*)$` is a JavaScript regex literal (as Spectral reads it); anything else is the pattern itself.
    static func compile(_ text: String) throws -> NSRegularExpression {
        if text.hasPrefix("/"), let close = text.lastIndex(of: "/"), close > text.startIndex {
            let flags = text[text.index(after: close)...]
            let body = String(text[text.index(after: text.startIndex)..<close])
            if !body.isEmpty, flags.allSatisfy({ $0.isASCII && $0.isLowercase }) {
                var options: NSRegularExpression.Options = []
                for f in flags {
                    switch f {
                    case "i": options.insert(.caseInsensitive)
                    case "m": options.insert(.anchorsMatchLines)
                    case "s": options.insert(.dotMatchesLineSeparators)
                    case "g", "u", "y", "d": break
                    default: throw NSError(domain: "govlint", code: 1)
                    }
                }
                return try JSRegex.compile(body, options: options)
            }
        }
        return try JSRegex.compile(text)
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, let text = value.scalarText else { return [] }
        func matches(_ re: NSRegularExpression) -> Bool {
            re.boundedFirstMatch(in: text) != nil
        }
        if let match, !matches(match.regex) {
            return [DescriptorFailure(at: value, data: ["value": text, "pattern": match.text,
                                                        "error": "\"\(text)\" must match the pattern \"\(match.text)\""])]
        }
        if let notMatch, matches(notMatch.regex) {
            return [DescriptorFailure(at: value, data: ["value": text, "pattern": notMatch.text,
                                                        "error": "\"\(text)\" must not match the pattern \"\(notMatch.text)\""])]
        }
        return []
    }
}
