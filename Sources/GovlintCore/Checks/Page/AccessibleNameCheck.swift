import GovlintAccessibility
import GovlintHTML

/// Holds when the target's accessible name (W3C accname 1.2) is not empty.
/// With `sources`, only names from those sources count (e.g. `[ariaLabel, ariaLabelledby]`).
struct AccessibleNameCheck: PageCheck {
    static let id = "accessible-name"
    static let summary = "The target has a non-empty accessible name (accname 1.2), optionally from given sources only."
    let sources: Set<String>?

    init(options: inout CheckOptions) throws(LocatedError) {
        if let s = try options.strings("sources") {
            let known: Set<String> = ["ariaLabelledby", "ariaLabel", "nativeLabel", "alt", "title", "placeholder", "contents"]
            for v in s where !known.contains(v) {
                throw options.error(at: "sources", "unknown name source '\(v)' (known: \(known.sorted().joined(separator: ", ")))")
            }
            sources = Set(s)
        } else {
            sources = nil
        }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        evaluate(element, in: page, holdData: true)
    }

    func evaluate(_ element: HTMLElement, in page: PageContext, holdData: Bool) -> CheckResult {
        let name = page.accessibility.accessibleName(of: element)
        let text = TextMatching.trimmed(name.text)
        if text.isEmpty { return .doesNotHold }
        if let sources, !sources.contains(name.source.rawValue) { return .doesNotHold }
        return holdData ? CheckResult(.holds, data: ["name": text]) : .holds
    }
}

import Foundation
