import Foundation
import GovlintHTML

/// Holds when the attribute `name` matches the regular expression `pattern`
/// (whole value unless the pattern says otherwise). A missing attribute holds:
/// presence is `attribute-present`'s job.
struct AttributeMatchesCheck: PageCheck {
    static let id = "attribute-matches"
    static let summary = "The attribute `name`, when present, matches the regular expression `pattern`."
    let name: String
    /// Whether a missing attribute counts as holding (`missing: pass`, the default) or not.
    let missingHolds: Bool
    let regex: NSRegularExpression
    let trim: Bool
    /// For a pattern `^(?!.*(INNER)).*$` (the value has no INNER), INNER's prefilter (see ``absenceFilter(_:)``).
    let absenceFilter: RegexPrefilter?
    /// The absence pattern starts with `(?s)`: `.` also matches line terminators, so multi-line values qualify.
    let absenceDotAll: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        name = try options.requireString("name").lowercased()
        let ignoreCase = try options.bool("ignoreCase") ?? false
        guard let r = try options.regex("pattern", caseInsensitive: ignoreCase) else {
            throw options.error("missing required option 'pattern'")
        }
        regex = r
        trim = try options.bool("trim") ?? true
        missingHolds = try options.missingAttributeHolds()
        absenceFilter = Self.absenceFilter(r)
        absenceDotAll = absenceFilter != nil && r.pattern.hasPrefix(Self.dotAllFlag)
        filter = RegexPrefilters.filter(for: r)
        try options.finish()
    }

    /// The pattern's prefilter, looked up once (``RegexPrefilters`` takes a lock).
    let filter: RegexPrefilter?

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        evaluate(element, in: page, holdData: true)
    }

    /// An absence pattern (see ``absenceFilter(_:)``) holds on every element when the page has no value of
    /// the attribute that is multi-line or has the literals of what must be absent (and a missing one holds).
    func holdsOnEveryTarget(in page: PageContext) -> Bool {
        guard let absenceFilter, missingHolds else { return false }
        let atom = NameAtom.of(name)
        guard atom != NameAtom.unknown else { return false }
        let doc = page.document
        for j in doc.attributeCores.indices where doc.attributeCores[j].nameAtom == atom {
            var value = doc.attributes[j].value
            if trim { value = TextMatching.trimmed(value) }
            if !(absenceDotAll || Self.isOneLine(value)) || absenceFilter.mayMatch(value) { return false }
        }
        return true
    }

    /// A holding result's data (the attribute and its value) is made only when the caller reads it.
    func evaluate(_ element: HTMLElement, in page: PageContext, holdData: Bool) -> CheckResult {
        guard var value = element.attribute(name) else { return missingHolds ? .holds : .doesNotHold }
        if trim { value = TextMatching.trimmed(value) }
        let holds = Self.matches(regex, value, absenceFilter: absenceFilter, dotAll: absenceDotAll, filter: filter)
        if holds && !holdData { return .holds }
        return .verdict(holds, data: ["attribute": name, "value": value])
    }

    /// `TextMatching.matches`, answered without ICU when the pattern asks for the absence of INNER
    /// (``absenceFilter(_:)``), INNER's literals are absent and the value is one line: `.*$` then
    /// matches the whole value and the lookahead cannot fail.
    static func matches(_ regex: NSRegularExpression, _ value: String, absenceFilter: RegexPrefilter?) -> Bool {
        matches(regex, value, absenceFilter: absenceFilter, dotAll: absenceFilter != nil && regex.pattern.hasPrefix(dotAllFlag),
                filter: RegexPrefilters.filter(for: regex))
    }

    /// ``matches(_:_:absenceFilter:)`` with the pattern's prefilter (`RegexPrefilters.filter(for: regex)`) given.
    static func matches(_ regex: NSRegularExpression, _ value: String, absenceFilter: RegexPrefilter?, dotAll: Bool,
                        filter: RegexPrefilter?) -> Bool {
        if let absenceFilter, !RuleDeadline.isPast, dotAll || isOneLine(value), !absenceFilter.mayMatch(value) { return true }
        return TextMatching.matches(regex, value, filter: filter)
    }

    static let dotAllFlag = "(?s)"

    /// The prefilter of INNER in a pattern `^(?!.*(INNER)).*$` (or the same after `(?s)`) with no option but case
    /// insensitivity, INNER balanced (its group is the one closed before `).*$`); nil for other patterns.
    static func absenceFilter(_ regex: NSRegularExpression) -> RegexPrefilter? {
        var p = regex.pattern
        if p.hasPrefix(dotAllFlag) { p.removeFirst(dotAllFlag.count) }
        guard regex.options.isSubset(of: [.caseInsensitive]), p.hasPrefix("^(?!.*("), p.hasSuffix(")).*$"),
              p.unicodeScalars.count >= 12 else { return nil }
        let inner = Array(p.unicodeScalars.dropFirst(7).dropLast(5))
        var depth = 0, i = 0, inClass = false
        while i < inner.count {
            let c = inner[i]
            if c == "\\" {
                guard i + 1 < inner.count else { return nil } // it would escape the group's `)`
                i += 2
                continue
            }
            if inClass { if c == "]" { inClass = false } }
            else if c == "[" { inClass = true }
            else if c == "(" { depth += 1 }
            else if c == ")" { depth -= 1; if depth < 0 { return nil } }
            i += 1
        }
        guard depth == 0, !inClass else { return nil }
        return RegexPrefilter(pattern: String(String.UnicodeScalarView(inner)), ignoreCase: regex.options.contains(.caseInsensitive))
    }

    /// Whether the value has no line terminator (U+000A–U+000D, U+0085, U+2028, U+2029), where ICU's `.` stops.
    static func isOneLine(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { b in
            var i = 0
            while i < b.count {
                let x = b[i]
                if x >= 0x0A && x <= 0x0D { return false }
                if x == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 { return false }
                if x == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return false }
                i += 1
            }
            return true
        }
    }
}

enum TextMatching {
    /// Whether the pattern matches, as `boundedFirstMatch` answers (bounded by the rule's time limit).
    static func matches(_ regex: NSRegularExpression, _ value: String) -> Bool {
        matches(regex, value, filter: RegexPrefilters.filter(for: regex))
    }

    /// ``matches(_:_:)`` with the pattern's prefilter (`RegexPrefilters.filter(for: regex)`) already looked
    /// up. A pattern of plain literals found by the byte search matches without running ICU (which
    /// first copies the whole text to UTF-16).
    static func matches(_ regex: NSRegularExpression, _ value: String, filter: RegexPrefilter?) -> Bool {
        if RuleDeadline.isPast { return false }
        if let filter, let answer = filter.decide(value) { return answer }
        if filter?.leading != nil { return firstMatch(regex, in: value, filter: filter) != nil }
        return regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
    }

    /// `regex.firstMatch` over the text, begun where the pattern's leading literal first occurs (no match
    /// starts before it; ICU then copies only the rest of the text to UTF-16): the match and the text its
    /// ranges refer to (the text itself, or the part from that occurrence on).
    static func firstMatch(_ regex: NSRegularExpression, in text: String,
                           filter: RegexPrefilter?) -> (match: NSTextCheckingResult, in: String)? {
        var searched = text
        if let leading = filter?.leading {
            var copy = text
            guard let offset = copy.withUTF8({ RegexPrefilter.offset(of: leading, in: $0, from: 0) }) else { return nil }
            // Copying the rest pays when it skips much (a footer's code at the end of a page's text); ICU
            // reads the text in chunks from the start, so a literal early on costs it little.
            if offset > 0, offset >= copy.utf8.count / 2 {
                searched = String(text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...])
            }
        }
        guard let m = regex.firstMatch(in: searched, range: NSRange(searched.startIndex..., in: searched)) else { return nil }
        return (m, searched)
    }


    /// Collapses runs of whitespace (Unicode White_Space) and trims, as accessible text is compared.
    /// Works on UTF-8 bytes: only the lead bytes of the few non-ASCII spaces are decoded.
    static func normalized(_ s: String) -> String {
        var s = s
        return s.withUTF8 { normalized(utf8: $0) }
    }

    /// ``normalized(_:)`` of the text with these UTF-8 bytes.
    static func normalized(utf8 b: UnsafeBufferPointer<UInt8>) -> String {
        guard b.count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: b.count) { out in
            var count = 0, pendingSpace = false, has99 = false
            appendNormalized(b, to: out.baseAddress!, count: &count, pendingSpace: &pendingSpace, has99: &has99)
            return count
        }
    }

    /// False only when no element's normalised text on the page can match (memoised under `key`): an
    /// element's text is a run of the document's text bytes (``HTMLDocument/textBytes``, every text node
    /// back to back, scripts and styles included), and normalising changes only whitespace, so each run
    /// without whitespace of a literal it contains is in them too (``RegexPrefilter/mayMatchNormalized(ofRaw:)``).
    static func pageMayMatch(_ regex: NSRegularExpression, _ page: PageContext, key: MemoKey<Bool>) -> Bool {
        page.memo(key) { () -> Bool in
            guard let filter = RegexPrefilters.filter(for: regex) else { return true }
            return page.document.textBytes.withUnsafeBufferPointer { filter.mayMatchNormalized(ofRaw: $0) }
        }
    }

    /// `normalized(element.textContent)` without building the text first: the text nodes are
    /// normalised one after the other, a pending space carried across them.
    static func normalizedText(of element: HTMLElement) -> String {
        var has99 = false
        return normalizedText(of: element, has99: &has99)
    }

    /// ``normalizedText(of:)``, also telling whether the result has a 0x99 byte (as in ’, U+2019).
    static func normalizedText(of element: HTMLElement, has99: inout Bool) -> String {
        let doc = element.document
        if element.kind == .text || element.kind == .comment {
            let t = normalized(element.textContent)
            has99 = t.utf8.contains(0x99)
            return t
        }
        let cores = doc.cores, nodes = doc.nodes
        // Normalising never lengthens: the text nodes' total bounds the result, written in place.
        var total = 0
        for i in element.descendantIndices where cores[i].kind == .text { total += nodes[i].text.utf8.count }
        guard total > 0 else { return "" }
        var flag = false
        let result = String(unsafeUninitializedCapacity: total) { out in
            var count = 0, pendingSpace = false
            for i in element.descendantIndices where cores[i].kind == .text {
                var t = nodes[i].text
                t.withUTF8 { appendNormalized($0, to: out.baseAddress!, count: &count, pendingSpace: &pendingSpace, has99: &flag) }
            }
            return count
        }
        has99 = flag
        return result
    }

    /// Writes strings one after the other as ``normalized(_:)`` would write them joined (at most the
    /// bytes given, plus one per `appendJoined`, must fit at `out`).
    struct NormalizingWriter {
        let out: UnsafeMutablePointer<UInt8>
        private(set) var count = 0
        private var pendingSpace = false, has99 = false

        init(_ out: UnsafeMutablePointer<UInt8>) { self.out = out }

        mutating func append(_ s: String) {
            var s = s
            s.withUTF8 { append(utf8: $0) }
        }

        /// Appends the text with these UTF-8 bytes.
        mutating func append(utf8 b: UnsafeBufferPointer<UInt8>) {
            appendNormalized(b, to: out, count: &count, pendingSpace: &pendingSpace, has99: &has99)
        }

        /// Appends a space, then `s`.
        mutating func appendJoined(_ s: String) {
            pendingSpace = count > 0 // what appending " " does
            append(s)
        }
    }

    /// Writes `b` at `out + count` with whitespace runs collapsed to one space and no leading space; a
    /// trailing run is left pending (and dropped if nothing follows). Runs without whitespace are copied
    /// whole. Sets `has99` when a copied character has a 0x99 byte (no whitespace character has one).
    /// Never longer than its input: each space written stands for at least one whitespace byte read.
    private static func appendNormalized(_ b: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>, count: inout Int,
                                         pendingSpace: inout Bool, has99: inout Bool) {
        guard let base = b.baseAddress else { return }
        var i = 0
        let n = b.count
        var runStart = 0
        @inline(__always) func flush(_ end: Int) {
            guard end > runStart else { return }
            if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
            (out + count).update(from: base + runStart, count: end - runStart)
            count += end - runStart
        }
        while i < n {
            if i &+ 8 <= n {
                // Bytes 0x21–0x7F (neither whitespace nor part of a multi-byte character) only extend the
                // run: skip them eight at a time, up to the first other byte (subtracting 0x21 borrows, or
                // the byte has its high bit, only there or after it).
                let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let special = ((w &- 0x2121_2121_2121_2121) | w) & 0x8080_8080_8080_8080
                if special == 0 { i += 8; continue }
                i += special.trailingZeroBitCount >> 3
            }
            let x = b[i]
            if x < 0x80 {
                if x == 0x20 || (x >= 0x09 && x <= 0x0D) {
                    flush(i)
                    pendingSpace = count > 0
                    runStart = i + 1
                }
                i += 1
                continue
            }
            let len = x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : 2
            var space = false
            if x == 0xC2, i + 1 < n {
                space = b[i + 1] == 0x85 || b[i + 1] == 0xA0 // U+0085, U+00A0
            } else if x == 0xE1, i + 2 < n {
                space = b[i + 1] == 0x9A && b[i + 2] == 0x80 // U+1680
            } else if x == 0xE2, i + 2 < n {
                let y = b[i + 1], z = b[i + 2]
                // U+2000–U+200A, U+2028, U+2029, U+202F; U+205F
                space = (y == 0x80 && (z <= 0x8A || z == 0xA8 || z == 0xA9 || z == 0xAF)) || (y == 0x81 && z == 0x9F)
            } else if x == 0xE3, i + 2 < n {
                space = b[i + 1] == 0x80 && b[i + 2] == 0x80 // U+3000
            }
            let end = min(i + len, n)
            if space {
                flush(i)
                pendingSpace = count > 0
                runStart = end
            } else if !has99 {
                var k = i + 1
                while k < end { if b[k] == 0x99 { has99 = true }; k += 1 }
            }
            i += len
        }
        flush(n)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` on the string's UTF-8 bytes (Foundation's trim bridges
    /// to UTF-16 and was ~3% of a run through accessible names).
    static func trimmed(_ s: String) -> String { UnicodeWhitespace.trimmed(s) }

    /// `text.contains(term)` as Foundation answers it (canonical equivalence), with a byte search
    /// when neither string has characters that equivalence or grapheme clustering could affect.
    static func contains(_ text: String, _ term: String) -> Bool {
        var text = text, term = term
        let fast: Bool? = text.withUTF8 { t in
            term.withUTF8 { w in
                guard plainForSearch(w) else { return nil }
                if RegexPrefilter.contains(t, Array(w), ignoreCase: false) {
                    // Found as bytes: a match for Foundation too when no cluster can straddle its ends.
                    return plainForSearch(t) ? true : nil
                }
                // Not found as bytes. A plain term can only be matched canonically through text characters
                // whose whole decomposition is plain (a combining mark in it would have to be in the term).
                return hasPlainSingletonDecomposition(t) ? nil : false
            }
        }
        return fast ?? text.contains(term)
    }

    /// Whether the text has a character whose canonical decomposition is a single plain character:
    /// U+037E (;), U+1FEF (`), U+212A (K), U+2329/U+232A (〈〉), CJK compatibility ideographs.
    static func hasPlainSingletonDecomposition(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let x = b[i]
            if x < 0x80 { i += 1; continue }
            let y: UInt8 = i + 1 < n ? b[i + 1] : 0, z: UInt8 = i + 2 < n ? b[i + 2] : 0
            switch x {
            case 0xCD where y == 0xBE: return true                                   // U+037E
            case 0xE1 where y == 0xBF && z == 0xAF: return true                      // U+1FEF
            case 0xE2 where (y == 0x84 && z == 0xAA) || (y == 0x8C && (z == 0xA9 || z == 0xAA)): return true
            case 0xEF where y >= 0xA4 && y <= 0xAB: return true                      // U+F900–U+FAFF
            case 0xF0 where y == 0xAF && z >= 0xA0 && z <= 0xA8: return true         // U+2F800–U+2FA1F
            default: break
            }
            i += x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : 2
        }
        return false
    }

    /// Only scalars without decompositions that are each their own grapheme cluster:
    /// ASCII except CR, CJK punctuation and unified ideographs, general punctuation
    /// (no format characters), fullwidth forms.
    static func plainForSearch(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let x = b[i]
            if x < 0x80 {
                if x == 0x0D { return false }
                i += 1
                continue
            }
            guard x >= 0xE0, x < 0xF0, i + 2 < b.count else { return false }
            let v = (UInt32(x & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
            // (U+302A–U+302F and U+FF9E–U+FF9F extend graphemes and are left out.)
            let ok = (0x3000...0x3029).contains(v) || (0x3030...0x303F).contains(v) || (0x4E00...0x9FFF).contains(v)
                || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) || (0xFF01...0xFF5E).contains(v)
                || (0xFF61...0xFF9D).contains(v) || (0xFFE0...0xFFEE).contains(v)
            if !ok { return false }
            i += 3
        }
        return true
    }
}
