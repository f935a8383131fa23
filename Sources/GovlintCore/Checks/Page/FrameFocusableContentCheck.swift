import GovlintAccessibility
import GovlintHTML

/// For a frame removed from the tab order (`tabindex` below 0): holds when
/// its content has nothing in the tab order, since keyboard users could not
/// reach it. Content given inline in `srcdoc` is parsed and decided; content
/// loaded from `src` is not visible to the engine (cantTell). Frames without
/// a negative `tabindex` hold.
struct FrameFocusableContentCheck: PageCheck {
    static let id = "frame-focusable-content"
    static let summary = "A frame with a negative tabindex has no tabbable content (decided for srcdoc, cantTell for src)."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let raw = element.attribute("tabindex"), let n = Int(raw.trimmingCharacters(in: .whitespaces)), n < 0 else {
            return .holds
        }
        guard let srcdoc = element.attribute("srcdoc") else {
            if (element.attribute("src") ?? "").allSatisfy(\.isWhitespace) { return .holds }
            return .cantTell("the framed document is loaded from src")
        }
        let document = HTMLParser.parse(srcdoc)
        let ax = AccessibilityContext(document: document)
        if let first = document.elements.first(where: { ax.isTabbable($0) }) {
            return CheckResult(.doesNotHold, data: ["focusable": first.name])
        }
        return .holds
    }
}
