import Foundation
import GovlintHTML

/// Holds unless a date in the target's `attribute` (default `content`) lies after
/// `--now` (a day's grace for time zones). No readable date holds: the format is
/// another rule's concern.
struct DateNotAfterNowCheck: PageCheck {
    static let id = "date-not-after-now"
    static let summary = "The date in the target's `attribute` (default content) is not after --now."
    let attribute: String

    init(options: inout CheckOptions) throws(LocatedError) {
        attribute = (try options.string("attribute") ?? "content").lowercased()
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let value = element.attribute(attribute), let date = DateExtraction.dates(in: value).max() else { return .holds }
        return .verdict(date <= page.site.now.addingTimeInterval(86_400),
                        data: ["value": value.trimmingCharacters(in: .whitespaces), "now": DateExtraction.format(page.site.now)])
    }
}
