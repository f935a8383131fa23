import GovlintHTML

/// BCP 47 (RFC 5646) language tags: syntax and primary-subtag validity against
/// the IANA Language Subtag Registry (see `LanguageSubtags.swift`).
///
/// All checks are ASCII-case-insensitive and allocation-light (no regex).
public enum LanguageTag {
    /// Every registered primary language subtag (lower-case), built once.
    static let languageSubtags = SubtagTable(languageSubtagList)

    /// A set of lower-case subtags: a bit for each of two or three letters (every registered
    /// primary language subtag is), a `Set` for any other. Built without hashing 8,000 strings.
    struct SubtagTable: Sendable {
        private var bits = [UInt64](repeating: 0, count: (26 * 26 + 26 * 26 * 26 + 63) / 64)
        private var others: Set<String> = []
        private(set) var count = 0

        /// `list`: subtags separated by spaces or line breaks.
        init(_ list: String) {
            var list = list
            list.withUTF8 { b in
                var start = 0
                for i in 0...b.count where i == b.count || b[i] == 0x20 || b[i] == 0x0A {
                    if i > start { insert(UnsafeBufferPointer(rebasing: b[start..<i])) }
                    start = i + 1
                }
            }
        }

        /// The bit of a two- or three-letter lower-case subtag, nil for any other.
        private static func bit(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
            guard b.count == 2 || b.count == 3, b.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
            let v = b.reduce(0) { $0 * 26 + Int($1 - 0x61) }
            return b.count == 2 ? v : 26 * 26 + v
        }

        private mutating func insert(_ b: UnsafeBufferPointer<UInt8>) {
            if let k = Self.bit(b) {
                if bits[k >> 6] & (1 << UInt64(k & 63)) == 0 { count += 1 }
                bits[k >> 6] |= 1 << UInt64(k & 63)
            } else if others.insert(String(decoding: b, as: UTF8.self)).inserted {
                count += 1
            }
        }

        func contains(_ subtag: String) -> Bool {
            var subtag = subtag
            if let k = subtag.withUTF8({ Self.bit($0) }) { return bits[k >> 6] & (1 << UInt64(k & 63)) != 0 }
            return others.contains(subtag)
        }
    }

    /// Whether `tag` matches the RFC 5646 `Language-Tag` production: a
    /// `langtag`, a private-use tag (`x-…`) or a grandfathered tag. Leading and
    /// trailing whitespace is not allowed; the empty string is not well-formed.
    public static func isWellFormed(_ tag: String) -> Bool {
        let lower = tag.lowercased()
        if grandfatheredTags.contains(lower) { return true }
        let parts = lower.split(separator: "-", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy(isAlphanumeric) })
        else { return false }
        var i = 0
        // privateuse = "x" 1*("-" 1*8alphanum)
        if parts[0] == "x" { return parts.count >= 2 }
        // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA
        let first = parts[0]
        guard first.count >= 2, first.allSatisfy(isAlpha) else { return false }
        i = 1
        if first.count <= 3 {
            // extlang = 3ALPHA *2("-" 3ALPHA)
            var ext = 0
            while i < parts.count, ext < 3, parts[i].count == 3, parts[i].allSatisfy(isAlpha) {
                i += 1; ext += 1
            }
        }
        // script = 4ALPHA
        if i < parts.count, parts[i].count == 4, parts[i].allSatisfy(isAlpha) { i += 1 }
        // region = 2ALPHA / 3DIGIT
        if i < parts.count,
           (parts[i].count == 2 && parts[i].allSatisfy(isAlpha)) || (parts[i].count == 3 && parts[i].allSatisfy(isDigit)) {
            i += 1
        }
        // variant = 5*8alphanum / (DIGIT 3alphanum)
        while i < parts.count, isVariant(parts[i]) { i += 1 }
        // extension = singleton 1*("-" (2*8alphanum))
        var singletons = Set<Character>()
        while i < parts.count, parts[i].count == 1, parts[i] != "x" {
            guard singletons.insert(parts[i].first!).inserted else { return false }
            i += 1
            var n = 0
            while i < parts.count, parts[i].count >= 2 { i += 1; n += 1 }
            if n == 0 { return false }
        }
        // privateuse
        if i < parts.count, parts[i] == "x" { return parts.count - i >= 2 }
        return i == parts.count
    }

    /// The primary language subtag, lower-cased: the text before the first `-`
    /// after trimming whitespace (`"i"` for `i-klingon`, `"x"` for `x-foo`).
    /// `nil` when that is empty.
    public static func primarySubtag(_ tag: String) -> String? {
        let trimmed = tag.trimmingASCIIWhitespace()
        let head = trimmed.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return head.isEmpty ? nil : head.lowercased()
    }

    /// Whether the primary language subtag of `tag` is registered (a
    /// `Type: language` registry entry, deprecated ones included, or the
    /// private-use range `qaa`–`qtz`). A whole grandfathered tag and a
    /// private-use tag (`x-…`) also count as valid. Only the primary subtag is
    /// examined, as axe-core's `valid-lang` does; combine with
    /// ``isWellFormed(_:)`` for full syntax.
    public static func isValidPrimaryLanguage(_ tag: String) -> Bool {
        let trimmed = tag.trimmingASCIIWhitespace().lowercased()
        if grandfatheredTags.contains(trimmed) { return true }
        guard let primary = primarySubtag(trimmed) else { return false }
        if primary == "x" { return trimmed.count > 2 && isWellFormed(trimmed) }
        if languageSubtags.contains(primary) { return true }
        let u = Array(primary.utf8)
        return u.count == 3 && u[0] == UInt8(ascii: "q") && u[1] >= UInt8(ascii: "a") && u[1] <= UInt8(ascii: "t")
            && u[2] >= UInt8(ascii: "a") && u[2] <= UInt8(ascii: "z")
    }

    @inline(__always) static func isAlpha(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return (a >= 97 && a <= 122) || (a >= 65 && a <= 90)
    }

    @inline(__always) static func isDigit(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return a >= 48 && a <= 57
    }

    @inline(__always) static func isAlphanumeric(_ c: Character) -> Bool { isAlpha(c) || isDigit(c) }

    static func isVariant(_ s: Substring) -> Bool {
        if s.count >= 5 { return true } // already checked alphanumeric and ≤ 8
        return s.count == 4 && isDigit(s.first!)
    }
}

extension String {
    /// The string without leading and trailing HTML whitespace.
    func trimmingASCIIWhitespace() -> Substring {
        // Nothing to trim when the first and last bytes are ASCII and not whitespace (a
        // whitespace Character starts and ends with a whitespace byte): skip Characters.
        var copy = self
        let untouched = copy.withUTF8 { u -> Bool in
            guard let f = u.first, let l = u.last else { return true }
            return f < 0x80 && l < 0x80 && !AriaData.isHTMLSpace(f) && !AriaData.isHTMLSpace(l)
        }
        if untouched { return self[...] }
        var s = self[...]
        while let f = s.first, f.isHTMLWhitespace { s.removeFirst() }
        while let l = s.last, l.isHTMLWhitespace { s.removeLast() }
        return s
    }
}
