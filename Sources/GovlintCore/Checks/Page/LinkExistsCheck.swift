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
    static let memoKey = MemoKey<Links>("link-exists-links")
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

    /// A link's text: its normalised text content joined with `aria-label`, `title` and image `alt`s, ’
    /// read as '. The definition ``linkTexts(_:_:)`` follows for a whole page.
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

    /// Whether the text has ’ (U+2019, E2 80 99): only then can replacing it with ' change the text (no other
    /// character is canonically equivalent to it). Its last byte is looked for, which in Chinese text continues
    /// one character in ~60 (the first byte, E2, starts all general punctuation).
    static func hasRightSingleQuote(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, text.count >= 3 else { return false }
        var from = 2
        while from < text.count, let found = memchr(base + from, 0x99, text.count - from) {
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if base[at - 1] == 0x80 && base[at - 2] == 0xE2 { return true }
            from = at + 1
        }
        return false
    }

    /// `img` is a known tag name, so its atom stands for the name.
    private static let imgAtom: Int32 = {
        let atom = NameAtom.of("img")
        precondition(atom != NameAtom.unknown)
        return atom
    }()

    /// A page's links (`<a href>`, `<area href>`) with their trimmed hrefs, shared by every link rule (a
    /// page has hundreds of links and there are many rules). Hrefs and texts are also kept as columns
    /// (``TextColumn``), built on first use, where each pattern's literals are searched once for all links.
    /// Used by one thread.
    final class Links {
        let document: HTMLDocument
        /// The links' node indices, in document order.
        let indices: [Int]
        let hrefs: [String]
        private(set) lazy var hrefColumn = TextColumn(hrefs)
        /// Every link's ``LinkExistsCheck/linkText(_:)``.
        private(set) lazy var texts: TextColumn = LinkExistsCheck.linkTexts(indices, document)

        init(document: HTMLDocument, indices: [Int], hrefs: [String]) {
            self.document = document
            self.indices = indices
            self.hrefs = hrefs
        }
    }

    static func links(_ page: PageContext) -> Links {
        page.memo(Self.memoKey) {
            let links = PageLinks.of(page)
            return Links(document: page.document, indices: links.indices, hrefs: links.hrefs.map(TextMatching.trimmed))
        }
    }

    /// ``linkText(_:)`` of each link, written straight into one column: the text nodes, then `aria-label`,
    /// `title` and image `alt`s, normalised as if joined by spaces.
    static func linkTexts(_ indices: [Int], _ doc: HTMLDocument) -> TextColumn {
        let cores = doc.cores
        var column = TextColumn(reserving: indices.count)
        var scratch = [UInt8](repeating: 0, count: 256)
        let attributes = doc.attributes
        // A link's text nodes are one run of the document's text bytes (``HTMLDocument/textRange(of:)``),
        // normalised in one piece: no string of a text node is read.
        doc.textBytes.withUnsafeBufferPointer { textBytes in
            for index in indices {
                let core = cores[index]
                let descendants = (index + 1)..<Int(core.subtreeEnd)
                // `a.attribute("aria-label")` and `a.attribute("title")` in one pass; names of another length
                // are not compared (comparing different strings is a call into the runtime).
                var ariaLabel: String?, title: String?
                for k in Int(core.attributeStart)..<(Int(core.attributeStart) + Int(core.attributeCount)) {
                    let name = attributes[k].name
                    switch name.utf8.count {
                    case 10 where ariaLabel == nil && name == "aria-label": ariaLabel = attributes[k].value
                    case 5 where title == nil && name == "title": title = attributes[k].value
                    default: break
                    }
                }
                let text = doc.textRange(of: index)
                // Normalising never lengthens: the pieces and the spaces joining them bound the text.
                var bound = text.count
                var hasImage = false
                for i in descendants where cores[i].kind == .element && cores[i].nameAtom == imgAtom {
                    hasImage = true
                    bound += 1 + (HTMLElement(document: doc, index: i).attribute("alt")?.utf8.count ?? 0)
                }
                bound += 2 + (ariaLabel?.utf8.count ?? 0) + (title?.utf8.count ?? 0)
                if scratch.count < bound { scratch = [UInt8](repeating: 0, count: max(bound, 2 * scratch.count)) }
                let count = scratch.withUnsafeMutableBufferPointer { out -> Int in
                    var w = TextMatching.NormalizingWriter(out.baseAddress!)
                    w.append(utf8: UnsafeBufferPointer(rebasing: textBytes[text]))
                    if let ariaLabel { w.appendJoined(ariaLabel) }
                    if let title { w.appendJoined(title) }
                    if hasImage {
                        for i in descendants where cores[i].kind == .element && cores[i].nameAtom == imgAtom {
                            if let alt = HTMLElement(document: doc, index: i).attribute("alt") { w.appendJoined(alt) }
                        }
                    }
                    return w.count
                }
                scratch.withUnsafeBufferPointer { b in
                    let text = UnsafeBufferPointer(rebasing: b[..<count])
                    if hasRightSingleQuote(text) {
                        // Foundation's replacing, as linkText does it, for the few texts that hold ’.
                        var replaced = String(decoding: text, as: UTF8.self).replacingOccurrences(of: "’", with: "'")
                        replaced.withUTF8 { column.append($0) }
                    } else {
                        column.append(text)
                    }
                }
            }
        }
        column.finish()
        return column
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        // The root is a child of the document node: other elements skip looking it up.
        let isRoot = element.index == 0 || (element.core.parent == 0 && element.index == page.document.root?.index)
        let scope = isRoot ? nil : (element.index + 1)..<Int(element.core.subtreeEnd)
        let links = Self.links(page)
        // Links whose href or text the prefilters rule out are skipped (`mayMatch` per link, answered for all at once).
        let hrefMayMatch = href == nil ? nil : hrefFilter.map { links.hrefColumn.mayMatch($0) }
        // The link texts are made only when a link's href has matched (or no href is asked for).
        var textMayMatchMade = false
        var textMayMatch: [Bool]?
        for (i, index) in links.indices.enumerated() {
            if let scope, !scope.contains(index) { continue }
            let h = links.hrefs[i]
            if let href {
                if let hrefMayMatch, !hrefMayMatch[i] { continue }
                if !TextMatching.matches(href, h, filter: hrefFilter) { continue }
            }
            guard let text else { return .holds }
            if !textMayMatchMade {
                textMayMatch = textFilter.map { links.texts.mayMatch($0) }
                textMayMatchMade = true
            }
            if let textMayMatch, !textMayMatch[i] { continue }
            let t = links.texts.text(i)
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
