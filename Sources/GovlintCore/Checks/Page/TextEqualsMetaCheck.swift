import Foundation
import GovlintHTML

/// Holds when the target's text contains `pattern` and its first capture group
/// equals the content of `<meta name="{meta}">` (a footer's 网站标识码 and the
/// page's SiteIDCode). No match in the text fails (`{found}` is empty); a page
/// without the meta label cannot be compared (cantTell).
struct TextEqualsMetaCheck: PageCheck {
    static let id = "text-equals-meta"
    static let summary = "The target's text has `pattern` and its first capture group equals `<meta name=meta>` content."
    let regex: NSRegularExpression
    let meta: String
    let pageKey: MemoKey<Bool>
    let filter: RegexPrefilter?

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let r = try options.regex("pattern") else { throw options.error("missing required option 'pattern'") }
        guard r.numberOfCaptureGroups >= 1 else { throw options.error(at: "pattern", "'pattern' needs a capture group") }
        regex = r
        meta = try options.requireString("meta")
        pageKey = MemoKey("text-equals-meta.page:" + r.pattern)
        filter = RegexPrefilters.filter(for: r)
        leading = filter?.leading.flatMap { bytes in
            String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { $0.properties.isWhitespace } ? nil : bytes
        }
        try options.finish()
    }

    /// The literal every match starts with, when it has no whitespace: its first occurrence in the raw text is
    /// its first in the normalised text (normalising changes whitespace only), and no match starts before it.
    let leading: [UInt8]?

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        // The footer code is looked for in the whole body: pages whose text lacks the label word
        // are answered without normalising the body.
        guard TextMatching.pageMayMatch(regex, page, key: pageKey) else {
            return .verdict(false, data: ["found": "", "expected": GovPageFacts.labels(page)[meta] ?? ""])
        }
        // With a leading literal, only the text from its first occurrence on is normalised (the footer code at
        // the end of a long body).
        let text: String
        if let leading, element.kind == .element {
            text = element.withTextContentUTF8 { raw in
                RegexPrefilter.offset(of: leading, in: raw, from: 0).map { TextMatching.normalized(utf8: UnsafeBufferPointer(rebasing: raw[$0...])) } ?? ""
            }
        } else {
            text = page.normalizedText(of: element)
        }
        guard filter?.mayMatch(text) ?? true, let (m, searched) = TextMatching.firstMatch(regex, in: text, filter: filter),
              m.range(at: 1).location != NSNotFound else {
            return .verdict(false, data: ["found": "", "expected": GovPageFacts.labels(page)[meta] ?? ""])
        }
        let found = (searched as NSString).substring(with: m.range(at: 1))
        guard let expected = GovPageFacts.labels(page)[meta], !expected.isEmpty else {
            return CheckResult(.cantTell, data: ["found": found, "expected": "", "reason": "the page has no \(meta) label"])
        }
        return .verdict(found == expected, data: ["found": found, "expected": expected])
    }
}
