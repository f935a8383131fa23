import GovlintAccessibility
import GovlintHTML

/// Content tests shared by the table checks (axe-core `dom.hasContent`,
/// `table.isDataCell`), read from markup.
enum TableContent {
    /// Elements that are content even without text.
    static let contentElements: Set<String> = [
        "img", "svg", "input", "select", "textarea", "button", "video", "audio", "canvas",
        "object", "iframe", "embed", "math", "picture", "meter", "progress",
    ]

    /// Text (not only whitespace), an embedded or form element, or an `aria-label`.
    static func hasContent(_ element: HTMLElement) -> Bool {
        if !AccessibilityContext.normalise(element.textContent).isEmpty { return true }
        if let label = element.attribute("aria-label"), !AccessibilityContext.normalise(label).isEmpty { return true }
        return element.descendants.contains { $0.isElement && contentElements.contains($0.name) }
    }

    /// A non-empty cell that is a `td`, or has role `cell`/`gridcell`.
    static func isDataCell(_ cell: TableCell, _ ax: AccessibilityContext) -> Bool {
        let el = cell.element
        if el.children.isEmpty && AccessibilityContext.normalise(el.textContent).isEmpty { return false }
        if let role = ax.explicitRole(of: el) { return role == "cell" || role == "gridcell" }
        return el.name == "td"
    }

    /// An `aria-label` or a resolvable `aria-labelledby` with text.
    static func hasAriaLabel(_ element: HTMLElement, _ ax: AccessibilityContext) -> Bool {
        if let label = element.attribute("aria-label"), !AccessibilityContext.normalise(label).isEmpty { return true }
        guard let ids = element.attribute("aria-labelledby") else { return false }
        return ids.split(whereSeparator: \.isHTMLWhitespace).contains { id in
            ax.document.element(withID: String(id)).map { !AccessibilityContext.normalise($0.textContent).isEmpty } ?? false
        }
    }

    /// A short quote of a cell's text for messages.
    static func quote(_ element: HTMLElement) -> String {
        let t = AccessibilityContext.normalise(element.textContent)
        return t.count > 40 ? String(t.prefix(39)) + "…" : t
    }
}
