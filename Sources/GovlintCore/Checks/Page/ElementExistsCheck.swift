import Foundation
import GovlintHTML

/// Holds when at least one element inside the target matches `selector`;
/// with `hidden: exclude`, only elements in the accessibility tree count.
struct ElementExistsCheck: PageCheck {
    static let id = "element-exists"
    static let summary = "At least one element inside the target matches `selector` (with `hidden: exclude`, one in the accessibility tree)."
    let selector: Selector
    var pageSelectors: [Selector] { [selector] }
    let excludeHidden: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.requireSelector("selector")
        switch try options.string("hidden") {
        case nil, "include": excludeHidden = false
        case "exclude": excludeHidden = true
        default: throw options.error(at: "hidden", "'hidden' must be 'exclude' or 'include'")
        }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let found = page.select(selector).contains {
            (element.index == 0 || $0.isDescendant(of: element))
                && !(excludeHidden && page.accessibility.isHiddenFromAccessibilityTree($0))
        }
        return .verdict(found, data: ["selector": selector.text])
    }
}
