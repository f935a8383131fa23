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
    static let memoKey = MemoKey<[Link]>("link-exists-links")
    /// Link texts are built on first use; a check on hrefs alone never needs them.
    var cost: CheckCost { text == nil ? .normal : .expensive }
    let text: NSRegularExpression?
    let href: NSRegularExpression?
    let sameNumber: Bool
    /// The patterns' prefilters, looked up once rather than for every link.
    let textFilter: RegexPrefilter?
    let hrefFilter: RegexPrefilter?

    init(options: inout CheckOptions) throws(LocatedError) {
        let ignoreCase = try options.bool("ignoreCase") ?? true
        text = try options.regex("text", caseInsensitive: ignoreCase)
        href = try options.regex("href", caseInsensitive: ignoreCase)
        sameNumber = try options.bool("sameNumber") ?? false
        textFilter = text.flatMap { RegexPrefilters.filter(for: $0) }
        hrefFilter = href.flatMap { RegexPrefilters.filter(for: $0) }
        if text == nil, href == nil { throw options.error("give 'text', 'href' or both") }
        if sameNumber, text == nil || (text?.numberOfCaptureGroups ?? 0) < 1 {
            throw options.error(at: "sameNumber", "'sameNumber' needs a 'text' pattern with a capture group")
        }
        try options.finish()
    }

    static func linkText(_ a: HTMLElement) -> String {
        var extra: [String] = []
        for key in ["aria-label", "title"] { if let v = a.attribute(key) { extra.append(v) } }
        let doc = a.document, cores = doc.cores
        for i in a.descendantIndices where cores[i].kind == .element && cores[i].nameAtom == imgAtom {
            if let alt = HTMLElement(document: doc, index: i).attribute("alt") { extra.append(alt) }
        }
        // Most links have only their text: normalise it straight from the text nodes
        // (replacing ’ and collapsing whitespace commute), noting on the way whether a 0x99 byte was copied.
        var has99 = false
        let text: String
        if extra.isEmpty {
            text = TextMatching.normalizedText(of: a, has99: &has99)
        } else {
            text = TextMatching.normalized(([a.textContent] + extra).joined(separator: " "))
            has99 = text.utf8.contains(0x99)
        }
        // Foundation's replacing scans the whole text even when there is nothing to replace.
        return has99 ? text.replacingOccurrences(of: "’", with: "'") : text
    }

    /// `img` is a known tag name, so its atom stands for the name.
    private static let imgAtom: Int32 = {
        let atom = NameAtom.of("img")
        precondition(atom != NameAtom.unknown)
        return atom
    }()

    /// A page's links with their trimmed href and text, computed once and shared
    /// by every link rule (a page has hundreds of links and there are many rules).
    /// One link of the page; its text is built when a check first reads it. Used by one thread.
    final class Link {
        let element: HTMLElement
        let href: String
        private(set) lazy var text: String = LinkExistsCheck.linkText(element)

        init(element: HTMLElement, href: String) {
            self.element = element
            self.href = href
        }
    }

    static func links(_ page: PageContext) -> [Link] {
        page.memo(Self.memoKey) {
            page.elements(named: "a", "area").compactMap { e in
                e.attribute("href").map { Link(element: e, href: TextMatching.trimmed($0)) }
            }
        }
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        // The root is a child of the document node: other elements skip looking it up.
        let isRoot = element.index == 0 || (element.core.parent == 0 && element.index == page.document.root?.index)
        let scope = isRoot ? nil : element
        for link in Self.links(page) {
            if let scope, !link.element.isDescendant(of: scope) { continue }
            let h = link.href
            if let href, !TextMatching.matches(href, h, filter: hrefFilter) { continue }
            guard let text else { return .holds }
            let t = link.text
            guard textFilter?.mayMatch(t) ?? true else { continue }
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
