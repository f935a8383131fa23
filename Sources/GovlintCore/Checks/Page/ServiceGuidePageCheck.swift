import Foundation
import GovlintHTML

/// Holds when the page is a 办事指南 (service guide): the configuration's `page-types:`
/// says `service-guide`; or, when the configuration states no type for the page,
/// its `<title>` or an `<h1>` contains 办事指南. Rules on guide elements apply only to these.
struct ServiceGuidePageCheck: PageCheck {
    static let id = "service-guide-page"
    static let summary = "The page is a 办事指南 (service guide): page-types says service-guide, or (no type stated) its <title> or an <h1> contains 办事指南."
    var cost: CheckCost { .cheap }

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        .verdict(GovPageFacts.isServiceGuide(page))
    }
}
