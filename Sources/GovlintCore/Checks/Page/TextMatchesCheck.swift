import Foundation
import GovlintHTML

/// Holds when the target's normalised text matches `pattern` (or, with
/// `negate: true`, does not). With `selector`, the first match inside the target is read.
struct TextMatchesCheck: PageCheck {
    static let id = "text-matches"
    static let summary = "The target's whitespace-normalised text matches `pattern` (`negate: true` inverts)."
    /// With a selector the text read is usually a large container (`body`).
    var cost: CheckCost { selector == nil ? .normal : .expensive }
    let selector: Selector?
    let regex: NSRegularExpression
    let negate: Bool
    /// Memo key of the page-level prefilter verdict for this pattern.
    let pageKey: MemoKey<Bool>

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.selector("selector")
        let ignoreCase = try options.bool("ignoreCase") ?? false
        guard let r = try options.regex("pattern", caseInsensitive: ignoreCase) else {
            throw options.error("missing required option 'pattern'")
        }
        regex = r
        negate = try options.bool("negate") ?? false
        pageKey = MemoKey("text-matches.page:\(ignoreCase ? "i" : "-")" + r.pattern)
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        evaluate(element, in: page, holdData: true)
    }

    func evaluate(_ element: HTMLElement, in page: PageContext, holdData: Bool) -> CheckResult {
        // `negate` rules (no template placeholder in any p, li, td…) run on hundreds of elements a page.
        // When the page's whole text has none of the literals a match needs, no element's text can
        // match: the check holds without building each element's text, unless the caller wants it.
        guard let subject = TextSubject.resolve(element, selector, page) else { return .doesNotHold }
        if negate, !holdData, !TextMatching.pageMayMatch(regex, page, key: pageKey) {
            return .holds
        }
        let text = page.normalizedText(of: subject)
        return .verdict(TextMatching.matches(regex, text) != negate, data: ["text": String(text.prefix(80))])
    }
}
