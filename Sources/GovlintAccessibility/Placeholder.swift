import GovlintHTML
// Temporary stand-in until the a11y branch lands.
public final class AccessibilityContext {
    public let document: HTMLDocument
    public init(document: HTMLDocument) { self.document = document }
    public func isHiddenFromAccessibilityTree(_ element: HTMLElement) -> Bool {
        var e: HTMLElement? = element
        while let c = e, c.isElement {
            if c.hasAttribute("hidden") || c.attribute("aria-hidden") == "true" || c.name == "template" { return true }
            e = c.parent
        }
        return false
    }
}
