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

    init(options: inout CheckOptions) throws(LocatedError) {
        name = try options.requireString("name").lowercased()
        let ignoreCase = try options.bool("ignoreCase") ?? false
        guard let r = try options.regex("pattern", caseInsensitive: ignoreCase) else {
            throw options.error("missing required option 'pattern'")
        }
        regex = r
        trim = try options.bool("trim") ?? true
        missingHolds = try options.missingAttributeHolds()
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard var value = element.attribute(name) else { return missingHolds ? .holds : .doesNotHold }
        if trim { value = value.trimmingCharacters(in: .whitespacesAndNewlines) }
        return .verdict(TextMatching.matches(regex, value), data: ["attribute": name, "value": value])
    }
}

enum TextMatching {
    static func matches(_ regex: NSRegularExpression, _ value: String) -> Bool {
        regex.boundedFirstMatch(in: value) != nil // bounded by the rule's time limit
    }

    /// Collapses runs of whitespace (Unicode White_Space) and trims, as accessible text is compared.
    /// Works on UTF-8 bytes: only the lead bytes of the few non-ASCII spaces are decoded.
    static func normalized(_ s: String) -> String {
        var s = s
        return s.withUTF8 { b -> String in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var pendingSpace = false
            appendNormalized(b, to: &out, pendingSpace: &pendingSpace)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Every text node of the page joined, once per page (scripts and styles included, as in
    /// `textContent`): any element's text is a run of it, so a literal absent here is absent there.
    static func documentText(_ page: PageContext) -> String {
        page.memo("document-text") { () -> String in
            let doc = page.document
            var out = ""
            for i in doc.nodes.indices where doc.nodes[i].kind == .text { out += doc.nodes[i].text }
            return out
        }
    }

    /// False only when no element's normalised text on the page can match (memoised under `key`): the
    /// prefilter's literals hold no whitespace (normalising only changes whitespace), and an element's
    /// text is a run of the document's text, so a literal it contains is in ``documentText(_:)`` too.
    static func pageMayMatch(_ regex: NSRegularExpression, _ page: PageContext, key: String) -> Bool {
        page.memo(key) { () -> Bool in
            guard let filter = RegexPrefilters.filter(for: regex), !filter.hasWhitespace else { return true }
            return filter.mayMatch(documentText(page))
        }
    }

    /// `normalized(element.textContent)` without building the text first: the text nodes are
    /// normalised one after the other, a pending space carried across them.
    static func normalizedText(of element: HTMLElement) -> String {
        let doc = element.document
        if element.kind == .text || element.kind == .comment { return normalized(element.textContent) }
        var out: [UInt8] = []
        var pendingSpace = false
        for i in element.descendantIndices where doc.nodes[i].kind == .text {
            var t = doc.nodes[i].text
            t.withUTF8 { appendNormalized($0, to: &out, pendingSpace: &pendingSpace) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `b` with whitespace runs collapsed to one space and no leading space; a trailing run
    /// is left pending (and dropped if nothing follows).
    private static func appendNormalized(_ b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], pendingSpace: inout Bool) {
        var i = 0
        let n = b.count
        while i < n {
            let x = b[i]
            var len = 1
            var space = false
            if x < 0x80 {
                space = x == 0x20 || (x >= 0x09 && x <= 0x0D)
            } else {
                len = x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : 2
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
            }
            if space {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<min(i + len, n)]))
            }
            i += len
        }
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, skipping Foundation when no end is ASCII whitespace
    /// or non-ASCII (the common case for attribute values).
    static func trimmed(_ s: String) -> String {
        guard let first = s.utf8.first, let last = s.utf8.last else { return s }
        func plain(_ b: UInt8) -> Bool { b < 0x80 && b != 0x20 && !(b >= 0x09 && b <= 0x0D) }
        return plain(first) && plain(last) ? s : s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

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
