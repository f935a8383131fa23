import Foundation
import GovlintHTML

/// Holds when the target's normalised text matches `pattern` (or, with
/// `negate: true`, does not). With `selector`, the first match inside the target is read.
struct TextMatchesCheck: PageCheck {
    static let id = "text-matches"
    static let summary = "The target's whitespace-normalised text matches `pattern` (`negate: true` inverts)."
    /// With a selector the text read is usually a large container (`body`).
    var cost: CheckCost { selector == nil ? .normal : .expensive }
    let selector: Selector?
    let regex: NSRegularExpression
    let negate: Bool
    /// Memo key of the page-level prefilter verdict for this pattern.
    let pageKey: MemoKey<Bool>
    /// The pattern's prefilter when it is plain literals (a banner's sentence): then finding one in the
    /// start of the text decides (see ``earlyMatch(_:)``).
    let literalFilter: RegexPrefilter?

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.selector("selector")
        let ignoreCase = try options.bool("ignoreCase") ?? false
        guard let r = try options.regex("pattern", caseInsensitive: ignoreCase) else {
            throw options.error("missing required option 'pattern'")
        }
        regex = r
        negate = try options.bool("negate") ?? false
        pageKey = MemoKey("text-matches.page:\(ignoreCase ? "i" : "-")" + r.pattern)
        literalFilter = RegexPrefilters.filter(for: r).flatMap { $0.isPureLiteral ? $0 : nil }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        evaluate(element, in: page, holdData: true)
    }

    /// A negated pattern holds on every element when the page's text has none of the literals a match needs.
    func holdsOnEveryTarget(in page: PageContext) -> Bool {
        negate && selector == nil && !TextMatching.pageMayMatch(regex, page, key: pageKey)
    }

    func evaluate(_ element: HTMLElement, in page: PageContext, holdData: Bool) -> CheckResult {
        // `negate` rules (no template placeholder in any p, li, td…) run on hundreds of elements a page.
        // When the page's whole text has none of the literals a match needs, no element's text can
        // match: the check holds without building each element's text, unless the caller wants it.
        // (Without a selector the subject is the target itself: decided first, nothing to resolve.)
        if negate, !holdData, selector == nil, !TextMatching.pageMayMatch(regex, page, key: pageKey) { return .holds }
        guard let subject = TextSubject.resolve(element, selector, page) else { return .doesNotHold }
        if negate, !holdData, !TextMatching.pageMayMatch(regex, page, key: pageKey) {
            return .holds
        }
        // A banner or statement sought on pages that lack it: no match, without normalising the whole body.
        if !negate, !TextMatching.pageMayMatch(regex, page, key: pageKey), let start = Self.normalizedStart(subject) {
            return .verdict(false, data: ["text": start.text])
        }
        if let early = earlyMatch(subject) { return early }
        let text = page.normalizedText(of: subject)
        return .verdict(TextMatching.matches(regex, text) != negate, data: ["text": String(text.prefix(80))])
    }

    /// The first 80 characters of the subject's normalised text (as the data of a result reports them),
    /// normalised text node by text node into ``earlyLimit`` bytes only until `decided` (asked with the bytes
    /// written so far, until it says yes) has said yes and the 80 characters are final (more than 81
    /// written: a character boundary depends on the scalars around it only); or, at the end of the text,
    /// all of it. Also whether `decided` said yes. nil when the buffer fills first.
    static func normalizedStart(_ subject: HTMLElement,
                                decided: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true }) -> (text: String, decided: Bool)? {
        guard subject.kind == .element else { return nil }
        let cores = subject.document.cores, nodes = subject.document.nodes
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.earlyLimit) { buffer -> (text: String, decided: Bool)? in
            var writer = TextMatching.NormalizingWriter(buffer.baseAddress!)
            var yes = false
            func written() -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<writer.count]), as: UTF8.self) }
            // Scalars written so far (bytes that do not continue a scalar), counted up to `counted`: fewer than
            // 82 scalars cannot make 82 characters, and the written text is not decoded until there are 82.
            var scalars = 0, counted = 0
            for i in subject.descendantIndices where cores[i].kind == .text {
                let text = nodes[i].text
                // At most the node's bytes and a pending space are written.
                guard writer.count + text.utf8.count + 1 <= Self.earlyLimit else { return nil }
                writer.append(text)
                if !yes { yes = decided(UnsafeBufferPointer(rebasing: buffer[..<writer.count])) }
                guard yes else { continue }
                while counted < writer.count, scalars < 82 {
                    if buffer[counted] & 0xC0 != 0x80 { scalars += 1 }
                    counted += 1
                }
                guard scalars >= 82 else { continue }
                if let start = Self.plainStart(UnsafeBufferPointer(rebasing: buffer[..<writer.count])) { return (start, true) }
                if written().prefix(82).count == 82 { return (String(written().prefix(80)), true) }
            }
            return (String(written().prefix(80)), yes)
        }
    }

    /// The first 80 scalars, when the first 82 are plain (``TextMatching/plainForSearch(_:)``: no CR, no
    /// character that extends another or decomposes): each is then a character of its own, so the text has at
    /// least 82 characters and its first 80 are these, whatever follows. nil otherwise, or with fewer than 82.
    static func plainStart(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        var scalars = 0, end80 = 0, i = 0
        while i < b.count {
            if b[i] & 0xC0 != 0x80 {
                if scalars == 80 { end80 = i }
                if scalars == 82 { break }
                scalars += 1
            }
            i += 1
        }
        guard scalars == 82, TextMatching.plainForSearch(UnsafeBufferPointer(rebasing: b[..<i])) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: b[..<end80]), as: UTF8.self)
    }

    /// How much normalised text ``earlyMatch(_:)`` looks at before it leaves the decision to the whole text.
    static let earlyLimit = 8192

    /// The result when the pattern is plain literals and one occurs within the first ``earlyLimit`` bytes of
    /// the subject's normalised text, which is normalised only up to there (a page whose `body` starts with
    /// the banner sought): the prefilter's answer (`decide`) for plain literals found, and the first 80
    /// characters (``normalizedStart(_:decided:)``). Otherwise nil.
    func earlyMatch(_ subject: HTMLElement) -> CheckResult? {
        guard !negate, let filter = literalFilter, subject.kind == .element, !RuleDeadline.isPast else { return nil }
        let longest = filter.literals.map(\.count).max() ?? 0
        var searched = 0
        let start = Self.normalizedStart(subject) { written in
            // Written bytes are final: only the new ones, and an occurrence reaching into them, are searched.
            let hay = UnsafeBufferPointer(rebasing: written[max(0, searched - longest + 1)...])
            searched = written.count
            return filter.literals.indices.contains {
                RegexPrefilter.contains(hay, filter.literals[$0], ignoreCase: filter.ignoreCase, anchor: filter.anchors[$0])
            }
        }
        guard let start, start.decided else { return nil }
        return .verdict(true, data: ["text": start.text])
    }
}
