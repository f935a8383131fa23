import Foundation
import GovlintHTML

/// Holds when the page's `<title>` or any `<h1>` matches `pattern`
/// (case-insensitive): picks out pages of one kind, such as an accessibility
/// statement, so that a rule applies only to them.
struct PageTitleMatchesCheck: PageCheck {
    static let id = "page-title-matches"
    static let summary = "The page's <title> or an <h1> matches `pattern` (case-insensitive)."
    static let memoKey = MemoKey<[String]>("page-title-matches.texts")
    var cost: CheckCost { .cheap }
    let regex: NSRegularExpression

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let r = try options.regex("pattern", caseInsensitive: true) else { throw options.error("missing required option 'pattern'") }
        regex = r
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let texts = page.memo(Self.memoKey) { () -> [String] in
            page.elements(named: "title", "h1").filter {
                $0.name == "h1" || ($0.namespace == .html && $0.parent?.name == "head")
            }.map { TextMatching.normalizedText(of: $0) }
        }
        return .verdict(texts.contains { TextMatching.matches(regex, $0) })
    }
}
