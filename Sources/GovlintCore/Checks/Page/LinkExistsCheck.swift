import Foundation
import GovlintHTML

/// Holds when some `<a href>` / `<area href>` inside the target (the whole page
/// for the root) has text (accessible text: content, `aria-label`, `title`, image
/// `alt`) matching `text` and an href matching `href` — each only when given.
/// With `sameNumber: true`, the first capture group of `text` must also occur in the href
/// (a filing number and the record it links to).
struct LinkExistsCheck: PageCheck {
    static let id = "link-exists"
    static let summary = "A link inside the target has text matching `text` and/or an href matching `href` (`sameNumber`: text's capture in the href)."
    var cost: CheckCost { .expensive }
    let text: NSRegularExpression?
    let href: NSRegularExpression?
    let sameNumber: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        let ignoreCase = try options.bool("ignoreCase") ?? true
        text = try options.regex("text", caseInsensitive: ignoreCase)
        href = try options.regex("href", caseInsensitive: ignoreCase)
        sameNumber = try options.bool("sameNumber") ?? false
        if text == nil, href == nil { throw options.error("give 'text', 'href' or both") }
        if sameNumber, text == nil || (text?.numberOfCaptureGroups ?? 0) < 1 {
            throw options.error(at: "sameNumber", "'sameNumber' needs a 'text' pattern with a capture group")
        }
        try options.finish()
    }

    static func linkText(_ a: HTMLElement) -> String {
        var parts = [a.textContent]
        for key in ["aria-label", "title"] { if let v = a.attribute(key) { parts.append(v) } }
        for img in a.descendants(named: "img") { if let alt = img.attribute("alt") { parts.append(alt) } }
        let joined = parts.count == 1 ? parts[0] : parts.joined(separator: " ")
        // Foundation's replacing scans the whole text even when there is nothing to replace.
        let text = joined.utf8.contains(0x99) ? joined.replacingOccurrences(of: "’", with: "'") : joined
        return TextMatching.normalized(text)
    }

    /// A page's links with their trimmed href and text, computed once and shared
    /// by every link rule (a page has hundreds of links and there are many rules).
    struct Link {
        let element: HTMLElement
        let href: String
        let text: String
    }

    static func links(_ page: PageContext) -> [Link] {
        page.memo("link-exists-links") {
            page.document.elements.filter { ($0.name == "a" || $0.name == "area") && $0.hasAttribute("href") }.map {
                Link(element: $0, href: TextMatching.trimmed($0.attribute("href") ?? ""),
                     text: linkText($0))
            }
        }
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let scope = element.index == 0 || element.index == page.document.root?.index ? nil : element
        for link in Self.links(page) {
            if let scope, !link.element.isDescendant(of: scope) { continue }
            let h = link.href
            if let href, !TextMatching.matches(href, h) { continue }
            guard let text else { return .holds }
            let t = link.text
            guard text.mayMatch(t) else { continue }
            let ns = t as NSString
            guard let m = text.firstMatch(in: t, range: NSRange(location: 0, length: ns.length)) else { continue }
            if sameNumber {
                let r = m.range(at: 1)
                guard r.location != NSNotFound else { continue }
                let number = ns.substring(with: r)
                if !number.isEmpty, h.removingPercentEncoding?.contains(number) ?? h.contains(number) { return .holds }
                continue
            }
            return .holds
        }
        return .verdict(false, data: ["text": text?.pattern ?? "", "href": href?.pattern ?? ""])
    }
}
