import GovlintHTML
@testable import GovlintAccessibility

/// Parses a body fragment and returns the context and the element with `id`.
func fixture(_ body: String, _ id: String = "t") -> (AccessibilityContext, HTMLElement) {
    let doc = HTMLParser.parse("<!doctype html><html lang=en><head><title>x</title></head><body>\(body)</body></html>")
    let ctx = AccessibilityContext(document: doc)
    guard let e = doc.element(withID: id) else { fatalError("no #\(id) in \(body)") }
    return (ctx, e)
}
