import Foundation

/// A cheap test that rules out most texts before ICU runs a pattern.
///
/// From the pattern it derives, for every top-level alternative, one literal
/// run that any match of that alternative must contain (`accessibility
/// statement|d.accessibilit[ée]` needs "accessibility statement" or
/// "accessibilit"). A text containing none of them cannot match, and the
/// regular expression is not run; otherwise it is, so results never change.
/// Calling ICU through Foundation copies the whole text to UTF-16 each time,
/// which made regular expressions the largest single cost of a lint.
///
/// The analysis is deliberately conservative: groups, classes, escapes other
/// than escaped punctuation, and quantified characters end a literal run;
/// inline flags (`(?i)`, `(?x)`…) or an alternative without any literal turn
/// the filter off. With case-insensitive patterns, ASCII letters are compared
/// without case only in texts whose non-ASCII characters cannot fold to ASCII.
struct RegexPrefilter: Sendable {
    /// One required literal per alternative, as UTF-8 (ASCII lowercased when ignoring case).
    let literals: [[UInt8]]
    let ignoreCase: Bool
    /// Whether each alternative is its literal (no character ICU treats specially): finding a literal
    /// then is a match, and the regular expression need not run.
    let isPureLiteral: Bool
    /// The literal (UTF-8) every match starts with, when the pattern is one alternative that begins with
    /// one, matched exactly (no case to fold) and never looks behind its start (no lookbehind, `\G`, `\Q`):
    /// a match can start only where it occurs, so a search may begin at its first occurrence.
    let leading: [UInt8]?

    /// nil when no useful filter can be derived.
    init?(pattern: String, ignoreCase: Bool) {
        guard let alternatives = Self.alternatives(Array(pattern.unicodeScalars)) else { return nil }
        var literals: [[UInt8]] = []
        for alt in alternatives {
            guard let lit = Self.requiredLiteral(alt) else { return nil }
            var bytes = Array(String(String.UnicodeScalarView(lit)).utf8)
            if ignoreCase {
                // Non-ASCII letters may fold in ways a byte search cannot follow.
                if lit.contains(where: { $0.value >= 0x80 && ($0.properties.changesWhenCaseFolded || $0.properties.changesWhenCaseMapped) }) {
                    return nil
                }
                bytes = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            }
            literals.append(bytes)
        }
        guard !literals.isEmpty else { return nil }
        self.literals = literals
        self.ignoreCase = ignoreCase
        let special = Set("\\^$.|?*+()[]{}".unicodeScalars)
        isPureLiteral = pattern.split(separator: "|", omittingEmptySubsequences: false).map { alt -> [UInt8] in
            let bytes = Array(alt.utf8)
            return ignoreCase ? bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } : bytes
        } == literals && !pattern.unicodeScalars.contains { $0 != "|" && special.contains($0) }
        leading = alternatives.count == 1 ? Self.leadingLiteral(pattern, ignoreCase: ignoreCase) : nil
        hasWhitespace = literals.contains { String(decoding: $0, as: UTF8.self).unicodeScalars.contains { $0.properties.isWhitespace } }
        whitespaceFreeRuns = Self.whitespaceFreeRuns(literals)
        anchors = literals.map { Self.anchorIndex($0, letters: !ignoreCase) }
        loweredAnchors = literals.map { Self.anchorIndex($0) }
        runAnchors = whitespaceFreeRuns.map { $0.map { Self.anchorIndex($0, letters: !ignoreCase) } }
    }

    /// Each literal's ``anchorIndex(_:letters:)`` for a search as ``contains(_:_:ignoreCase:)`` makes it;
    /// for an exact search (in text already lowered); each whitespace-free run's, as for the literals.
    let anchors: [Int?], loweredAnchors: [Int?], runAnchors: [[Int?]]

    /// The literal run a one-alternative pattern starts with (without a last character a quantifier
    /// follows), or nil (see ``leading``).
    static func leadingLiteral(_ pattern: String, ignoreCase: Bool) -> [UInt8]? {
        guard !pattern.contains("(?<"), !pattern.contains("\\G"), !pattern.contains("\\Q") else { return nil }
        let special = Set("\\^$.|?*+()[]{}".unicodeScalars)
        let scalars = Array(pattern.unicodeScalars)
        var run: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count, !special.contains(scalars[i]) {
            run.append(scalars[i])
            i += 1
        }
        if i < scalars.count, "?*+{".unicodeScalars.contains(scalars[i]), !run.isEmpty { run.removeLast() }
        if ignoreCase, run.contains(where: { $0.properties.changesWhenCaseMapped || $0.properties.changesWhenCaseFolded }) {
            return nil
        }
        return run.isEmpty ? nil : Array(String(String.UnicodeScalarView(run)).utf8)
    }

    /// The offset of the first exact occurrence of `needle` in `hay` at or after `from`, or nil. memchr looks
    /// for the needle's least common byte (by English letter frequency), not always its first.
    static func offset(of needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let n = needle.count
        guard n > 0, let base = hay.baseAddress, hay.count - from >= n else { return nil }
        let k = anchorIndex(needle)!
        let anchor = Int32(needle[k])
        var i = from + k // position in `hay` of needle[k] for the next candidate
        let lastAnchor = hay.count - n + k
        while i <= lastAnchor {
            guard let found = memchr(base + i, anchor, lastAnchor - i + 1) else { return nil }
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if needleAt(hay, at - k, needle, from: 0, ignoreCase: false) { return at - k }
            i = at + 1
        }
        return nil
    }

    /// The index of the needle byte least likely in text: ASCII punctuation, digits and the bytes that continue
    /// a multi-byte character first, then letters from the rarest in English, then the bytes that start a
    /// multi-byte character (in Chinese text six of them start nearly every character: 网 is E7 BD 91), the
    /// space last. With `letters: false`, an ASCII letter is never chosen (nil when the needle has only letters).
    static func anchorIndex(_ needle: [UInt8], letters: Bool = true) -> Int? {
        var best: Int?, bestRank = Int.max
        for (i, b) in needle.enumerated() {
            let rank: Int
            if b == 0x20 { rank = 100 }
            else if b >= 0xC0 { rank = 50 }
            else if b | 0x20 >= 0x61 && b | 0x20 <= 0x7A {
                guard letters else { continue }
                rank = letterRank[Int(b | 0x20 - 0x61)]
            }
            else { rank = 0 }
            if rank < bestRank { best = i; bestRank = rank }
        }
        return best
    }

    /// 26 minus a letter's place in "etaoinshrdlcumwfgypbvkjxqz": rarer letters rank lower.
    private static let letterRank: [Int] = {
        var r = [Int](repeating: 0, count: 26)
        for (place, c) in "etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() { r[Int(c - 0x61)] = 26 - place }
        return r
    }()

    /// The answer of the regular expression when a byte search can give it: false when no literal
    /// occurs (``mayMatch(_:)``), true when the pattern is pure literals and one occurs, else nil.
    func decide(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { buffer -> Bool? in
            let safe = !ignoreCase || Self.foldsSafely(buffer)
            if !safe && !isPureLiteral { return nil }
            for k in literals.indices where Self.contains(buffer, literals[k], ignoreCase: ignoreCase, anchor: anchors[k]) {
                return isPureLiteral ? true : nil
            }
            return safe ? false : nil
        }
    }

    /// Whether a literal contains whitespace (then a match in normalised text may not be one in raw text).
    let hasWhitespace: Bool

    /// Each literal's runs without whitespace, the longest (rarest) first, for ``mayMatchNormalized(ofRaw:)``.
    /// Made once with the filter: splitting the literals again on every page cost more than searching them.
    let whitespaceFreeRuns: [[[UInt8]]]

    static func whitespaceFreeRuns(_ literals: [[UInt8]]) -> [[[UInt8]]] {
        literals.map { literal in
            String(decoding: literal, as: UTF8.self).unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace })
                .map { Array(String(String.UnicodeScalarView($0)).utf8) }
                .sorted { $0.count > $1.count } // the longest, rarest run first: most texts lack it
        }
    }

    /// False only when no literal can occur in the whitespace-normalised form of this raw text: normalising
    /// copies runs without whitespace whole, so a literal found in the normalised text has each of its runs
    /// in the raw text.
    func mayMatchNormalized(ofRaw buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        if !hasWhitespace { return mayMatch(utf8: buffer) }
        if ignoreCase && !Self.foldsSafely(buffer) { return true }
        return whitespaceFreeRuns.indices.contains { k in
            whitespaceFreeRuns[k].indices.allSatisfy {
                Self.contains(buffer, whitespaceFreeRuns[k][$0], ignoreCase: ignoreCase, anchor: runAnchors[k][$0])
            }
        }
    }

    /// ``mayMatchNormalized(ofRaw:)`` with the runs given (``whitespaceFreeRuns``).
    func mayMatchNormalized(ofRaw buffer: UnsafeBufferPointer<UInt8>, runs: [[[UInt8]]]) -> Bool {
        if !hasWhitespace { return mayMatch(utf8: buffer) }
        if ignoreCase && !Self.foldsSafely(buffer) { return true }
        return runs.contains { group in group.allSatisfy { Self.contains(buffer, $0, ignoreCase: ignoreCase) } }
    }

    /// False only when no match is possible.
    func mayMatch(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayMatch(utf8: $0) }
    }

    /// ``mayMatch(_:)`` of the text with these UTF-8 bytes.
    func mayMatch(utf8 buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        if ignoreCase && !Self.foldsSafely(buffer) { return true }
        if ignoreCase && buffer.count > 0 && buffer.count <= 512 {
            // Short texts (link texts, labels) are lowered once on the stack; every literal is then
            // an exact search, anchored on its first byte.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: buffer.count) { tmp in
                for i in 0..<buffer.count { let x = buffer[i]; tmp[i] = x &- 0x41 < 26 ? x | 0x20 : x }
                let lowered = UnsafeBufferPointer(tmp)
                return literals.indices.contains { Self.contains(lowered, literals[$0], ignoreCase: false, anchor: loweredAnchors[$0]) }
            }
        }
        for k in literals.indices where Self.contains(buffer, literals[k], ignoreCase: ignoreCase, anchor: anchors[k]) { return true }
        return false
    }

    // MARK: Pattern analysis

    /// Splits at top-level `|`; nil when the pattern uses constructs the analysis does not follow.
    static func alternatives(_ p: [Unicode.Scalar]) -> [[Unicode.Scalar]]? {
        var result: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var depth = 0
        var inClass = false
        var i = 0
        while i < p.count {
            let c = p[i]
            if c == "\\" {
                // Escapes that take arguments or quote (\x41, \u…, \p{L}, \N{…}, \Q…\E, back references) are not followed.
                if i + 1 < p.count, "xuUNpPckgoQE0123456789".unicodeScalars.contains(p[i + 1]) { return nil }
                current.append(c)
                if i + 1 < p.count { current.append(p[i + 1]) }
                i += 2
                continue
            }
            if inClass {
                // Nested sets (`[[a-z]&&[^q]]`) are not followed.
                if c == "[" { return nil }
                if c == "]" { inClass = false }
                current.append(c)
                i += 1
                continue
            }
            switch c {
            case "[":
                inClass = true
                // A `]` right after `[` or `[^` is not followed either.
                var j = i + 1
                if j < p.count, p[j] == "^" { j += 1 }
                if j < p.count, p[j] == "]" { return nil }
            case "(":
                // Inline flags change how the rest is read; only plain, non-capturing and look-around groups are followed.
                if i + 1 < p.count, p[i + 1] == "?" {
                    let next = i + 2 < p.count ? p[i + 2] : " "
                    let next2 = i + 3 < p.count ? p[i + 3] : " "
                    let ok = next == ":" || next == "=" || next == "!" || (next == "<" && (next2 == "=" || next2 == "!"))
                    if !ok { return nil }
                }
                depth += 1
            case ")": depth -= 1
            case "|" where depth == 0:
                result.append(current)
                current = []
                i += 1
                continue
            default: break
            }
            current.append(c)
            i += 1
        }
        if inClass || depth != 0 { return nil }
        result.append(current)
        return result
    }

    /// The longest run of literal characters every match of `alt` contains; nil if there is none.
    static func requiredLiteral(_ alt: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var best: [Unicode.Scalar] = []
        var run: [Unicode.Scalar] = []
        func endRun() {
            if run.count > best.count { best = run }
            run = []
        }
        func isQuantifier(_ i: Int) -> Bool { i < alt.count && (alt[i] == "?" || alt[i] == "*" || alt[i] == "+" || alt[i] == "{") }
        var i = 0
        while i < alt.count {
            let c = alt[i]
            var literal: Unicode.Scalar?
            var next = i + 1
            switch c {
            case "\\":
                guard i + 1 < alt.count else { return nil }
                let e = alt[i + 1]
                next = i + 2
                // Escaped ASCII punctuation is itself; letters and digits are classes, anchors or references.
                if e.value < 0x80, !(e.properties.isAlphabetic || ("0"..."9").contains(e)), e != " " { literal = e }
            case "[":
                var j = i + 1
                while j < alt.count, alt[j] != "]" { j += alt[j] == "\\" ? 2 : 1 }
                next = j + 1
            case "(":
                var depth = 0
                var j = i
                var inClass = false
                while j < alt.count {
                    let d = alt[j]
                    if d == "\\" { j += 2; continue }
                    if inClass { if d == "]" { inClass = false } }
                    else if d == "[" { inClass = true }
                    else if d == "(" { depth += 1 }
                    else if d == ")" { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                next = j + 1
            case ".", "^", "$", ")", "|", "?", "*", "+", "{", "}":
                break
            default:
                literal = c
            }
            if let literal {
                if isQuantifier(next) {
                    // `x+` needs one x; `x?`, `x*`, `x{0,…}` may have none.
                    if alt[next] == "+" { run.append(literal) }
                    endRun()
                } else {
                    run.append(literal)
                }
            } else {
                endRun()
            }
            i = next
            // Skip a quantifier (and its lazy/possessive suffix) after a non-literal atom.
            while i < alt.count, alt[i] == "?" || alt[i] == "*" || alt[i] == "+" {
                i += 1
            }
            if i < alt.count, alt[i] == "{" {
                var j = i
                while j < alt.count, alt[j] != "}" { j += 1 }
                i = j + 1
                while i < alt.count, alt[i] == "?" || alt[i] == "+" { i += 1 }
            }
        }
        endRun()
        return best.isEmpty ? nil : best
    }

    // MARK: Search

    /// The non-ASCII scalars whose case folding or case mappings contain an ASCII character (ß → ss,
    /// ſ → s, K → k, ﬁ → fi, İ → i̇…): the only ones a case-insensitive pattern of ASCII letters can match.
    static let foldsToASCII: [UInt32] = [
        0xDF, 0x130, 0x131, 0x149, 0x17F, 0x1F0, 0x1E96, 0x1E97, 0x1E98, 0x1E99, 0x1E9A, 0x1E9E, 0x212A,
        0xFB00, 0xFB01, 0xFB02, 0xFB03, 0xFB04, 0xFB05, 0xFB06,
    ]

    /// Whether no character of the text folds to ASCII (see ``foldsToASCII``): then a case-insensitive
    /// search for ASCII letters byte by byte finds what the pattern would. Every scalar of the list starts
    /// with C3, C4, C5, C7, E1, E2 or EF, followed by a byte only some of them have; other scalars (CJK,
    /// Cyrillic, emoji…) are passed over by their lead byte without decoding, ASCII eight bytes at a time.
    static func foldsSafely(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        while i < n {
            let x = base[i]
            if x < 0x80 {
                // ASCII bytes up to the next other one (or eight), read a word at a time.
                if i &+ 8 <= n {
                    let high = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) & 0x8080_8080_8080_8080
                    i += high == 0 ? 8 : high.trailingZeroBitCount >> 3
                } else {
                    i += 1
                }
                continue
            }
            if x &- 0xE3 < 7 {
                // U+3000–U+9FFF (CJK, kana, CJK punctuation), and the run of them that follows.
                i += 3
                while i < n, base[i] &- 0xE3 < 7 { i += 3 }
                continue
            }
            let length = x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : 2
            guard i + length <= n else { return false }
            let y = base[i + 1]
            switch x {
            case 0xC3: if y == 0x9F { return false }                       // ß U+00DF
            case 0xC4: if y == 0xB0 || y == 0xB1 { return false }          // İ ı U+0130, U+0131
            case 0xC5: if y == 0x89 || y == 0xBF { return false }          // ŉ ſ U+0149, U+017F
            case 0xC7: if y == 0xB0 { return false }                       // ǰ U+01F0
            case 0xE1: if y == 0xBA, base[i + 2] &- 0x96 < 5 || base[i + 2] == 0x9E { return false } // U+1E96–U+1E9A, ẞ U+1E9E
            case 0xE2: if y == 0x84, base[i + 2] == 0xAA { return false }   // K U+212A
            case 0xEF: if y == 0xAC, base[i + 2] <= 0x86 { return false }   // U+FB00–U+FB06 ligatures
            default: break
            }
            i += length
        }
        return true
    }

    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], ignoreCase: Bool) -> Bool {
        contains(hay, needle, ignoreCase: ignoreCase, anchor: anchorIndex(needle, letters: !ignoreCase))
    }

    /// ``contains(_:_:ignoreCase:)`` with the needle's anchor (`anchorIndex(needle, letters: !ignoreCase)`)
    /// made once by the caller.
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], ignoreCase: Bool, anchor k: Int?) -> Bool {
        let n = needle.count
        guard n > 0, hay.count >= n else { return n == 0 }
        // A byte of the needle that must occur exactly (any byte, or a non-letter when ignoring case; the
        // rarest, ``anchorIndex(_:letters:)``) is found with memchr, and the needle checked around it: most
        // texts are long and most bytes rule nothing out.
        if let k = k ?? (ignoreCase ? nil : anchorIndex(needle)), let base = hay.baseAddress {
            let anchor = Int32(needle[k])
            var i = k // position in `hay` of needle[k] for the next candidate
            let lastAnchor = hay.count - n + k
            while i <= lastAnchor {
                guard let found = memchr(base + i, anchor, lastAnchor - i + 1) else { return false }
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if needleAt(hay, at - k, needle, from: 0, ignoreCase: ignoreCase) { return true }
                i = at + 1
            }
            return false
        }
        // Every byte a letter, case ignored: the rarest letter's next lower- and upper-case occurrences are
        // found with memchr (each searched again only once passed), and the needle checked around them.
        guard let base = hay.baseAddress else { return false }
        let a = anchorIndex(needle)! // needle positions, like the hay's below, are of the anchor letter
        let lastAnchor = hay.count - n + a
        let lower = Int32(needle[a]), upper = Int32(needle[a] & ~0x20)
        func next(_ byte: Int32, from i: Int) -> Int {
            guard let found = memchr(base + i, byte, lastAnchor - i + 1) else { return Int.max }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
        var nextLower = next(lower, from: a), nextUpper = next(upper, from: a)
        while true {
            let at = min(nextLower, nextUpper)
            guard at <= lastAnchor else { return false }
            if needleAt(hay, at - a, needle, from: 0, ignoreCase: true) { return true }
            if at == nextLower { nextLower = at < lastAnchor ? next(lower, from: at + 1) : Int.max }
            if at == nextUpper { nextUpper = at < lastAnchor ? next(upper, from: at + 1) : Int.max }
        }
    }

    /// Whether `needle[from...]` stands in `hay` at `start + from` (a lower-case ASCII letter of the
    /// needle also matching its upper case when ignoring case).
    @inline(__always)
    private static func needleAt(_ hay: UnsafeBufferPointer<UInt8>, _ start: Int, _ needle: [UInt8], from: Int,
                                 ignoreCase: Bool) -> Bool {
        var j = from
        while j < needle.count {
            let a = hay[start + j], e = needle[j]
            if a != e && !(ignoreCase && e >= 0x61 && e <= 0x7A && a | 0x20 == e) { return false }
            j += 1
        }
        return true
    }
}

/// Short texts (a page's link texts or hrefs) laid end to end, each followed by a 0xFF byte (which
/// neither UTF-8 text nor a literal has, so a literal found lies within one text): a pattern's literals
/// are searched once over all of them instead of once per text.
struct TextColumn {
    /// The texts as they are.
    private(set) var bytes: [UInt8] = []
    /// The texts with ASCII letters lowered, as a case-insensitive prefilter compares.
    private(set) var lowered: [UInt8] = []
    /// Where each text starts in `bytes`; one more entry, the end.
    private(set) var starts: [Int] = [0]
    /// Per text: whether it has characters whose case folding a byte search cannot follow
    /// (`!RegexPrefilter.foldsSafely`).
    private(set) var foldsUnsafely: [Bool] = []

    /// An empty column with room for `count` texts.
    init(reserving count: Int) {
        starts.reserveCapacity(count + 1)
        foldsUnsafely.reserveCapacity(count)
        bytes.reserveCapacity(count * 24)
    }

    init(_ texts: [String]) {
        self.init(reserving: texts.count)
        for var t in texts { t.withUTF8 { append($0) } }
        finish()
    }

    /// Adds one text.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        foldsUnsafely.append(!RegexPrefilter.foldsSafely(text))
        bytes.append(contentsOf: text)
        bytes.append(0xFF)
        starts.append(bytes.count)
    }

    /// Builds `lowered` once every text is in.
    mutating func finish() {
        lowered = bytes.withUnsafeBufferPointer { b in
            [UInt8](unsafeUninitializedCapacity: b.count) { out, count in
                for i in 0..<b.count { let x = b[i]; out[i] = x &- 0x41 < 26 ? x | 0x20 : x }
                count = b.count
            }
        }
    }

    var count: Int { foldsUnsafely.count }

    func text(_ i: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[starts[i]..<(starts[i + 1] - 1)]), as: UTF8.self) }
    }

    /// For each text, whether `filter.mayMatch` would let it through: it folds unsafely (ignoring case) or
    /// contains one of the literals.
    func mayMatch(_ filter: RegexPrefilter) -> [Bool] {
        var out = filter.ignoreCase ? foldsUnsafely : [Bool](repeating: false, count: count)
        (filter.ignoreCase ? lowered : bytes).withUnsafeBufferPointer { hay in
            for literal in filter.literals {
                var from = 0
                while let at = RegexPrefilter.offset(of: literal, in: hay, from: from) {
                    let i = textIndex(at)
                    out[i] = true
                    from = starts[i + 1] // one occurrence per text is enough
                }
            }
        }
        return out
    }

    /// The text holding byte `offset`.
    private func textIndex(_ offset: Int) -> Int {
        var lo = 0, hi = count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

/// Prefilters by regular expression, derived once per pattern object.
enum RegexPrefilters {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [ObjectIdentifier: (NSRegularExpression, RegexPrefilter?)] = [:]

    static func filter(for regex: NSRegularExpression) -> RegexPrefilter? {
        let id = ObjectIdentifier(regex)
        lock.lock(); defer { lock.unlock() }
        if let (re, f) = cache[id], re === regex { return f }
        let f = RegexPrefilter(pattern: regex.pattern, ignoreCase: regex.options.contains(.caseInsensitive))
        // The pattern object is kept alive with its entry, so its identifier is never reused.
        cache[id] = (regex, regex.options.isDisjoint(with: [.allowCommentsAndWhitespace, .ignoreMetacharacters]) ? f : nil)
        return cache[id]!.1
    }
}

extension NSRegularExpression {
    /// False only when the pattern cannot match `text` (see ``RegexPrefilter``).
    func mayMatch(_ text: String) -> Bool {
        RegexPrefilters.filter(for: self)?.mayMatch(text) ?? true
    }
}
