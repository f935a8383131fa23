import Foundation

/// Spectral `pattern`: a string value matches `match` and does not match `notMatch`.
/// Non-string and missing values are not checked (as in Spectral).
struct PatternCheck: DescriptorCheck {
    static let id = "pattern"
    static let summary = "A string value matches `match` and/or does not match `notMatch` (Spectral `pattern`)."
    let match: NSRegularExpression?
    let notMatch: NSRegularExpression?

    init(options: inout CheckOptions) throws(LocatedError) {
        match = try options.regex("match")
        notMatch = try options.regex("notMatch")
        if match == nil && notMatch == nil { throw options.error("give 'match' or 'notMatch'") }
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, let text = value.value.scalarText else { return [] }
        if let match, !TextMatching.matches(match, text) {
            return [DescriptorFailure(at: value, data: ["value": text, "pattern": match.pattern])]
        }
        if let notMatch, TextMatching.matches(notMatch, text) {
            return [DescriptorFailure(at: value, data: ["value": text, "pattern": notMatch.pattern])]
        }
        return []
    }
}
