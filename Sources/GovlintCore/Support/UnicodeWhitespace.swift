/// Foundation's `CharacterSet.whitespaces` and `.whitespacesAndNewlines`, and trimming by them on a
/// string's UTF-8 bytes: `trimmingCharacters(in:)` bridges to UTF-16 and costs tens of thousands of
/// instructions a call. Tests check both sets against Foundation over every scalar.
enum UnicodeWhitespace {
    /// Membership in `.whitespaces` (general category Zs, tab and U+200B), or with `newlines` in
    /// `.whitespacesAndNewlines` (also U+000A–U+000D, U+0085, U+2028 and U+2029).
    @inline(__always) static func contains(_ v: UInt32, newlines: Bool) -> Bool {
        if v < 0x80 { return v == 0x20 || v == 0x09 || (newlines && v >= 0x0A && v <= 0x0D) }
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        case 0x85, 0x2028, 0x2029: return newlines
        default: return false
        }
    }

    /// `s.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)`.
    static func trimmed<S: StringProtocol>(_ s: S, newlines: Bool = true) -> String {
        if let r = s.utf8.withContiguousStorageIfAvailable({ trimmed(bytes: $0, newlines: newlines) }) {
            return r ?? String(s)
        }
        var copy = String(s)
        return copy.withUTF8 { trimmed(bytes: $0, newlines: newlines) } ?? copy
    }

    /// The trimmed text, or nil when nothing is trimmed.
    private static func trimmed(bytes b: UnsafeBufferPointer<UInt8>, newlines: Bool) -> String? {
        let n = b.count
        var lo = 0
        while lo < n {
            let (scalar, length) = scalarAt(b, lo)
            guard contains(scalar, newlines: newlines) else { break }
            lo += length
        }
        var hi = n
        while hi > lo {
            var start = hi - 1
            while b[start] & 0xC0 == 0x80 { start -= 1 }
            guard contains(scalarAt(b, start).0, newlines: newlines) else { break }
            hi = start
        }
        if lo == 0 && hi == n { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
    }

    /// The scalar starting at `i` of valid UTF-8, and its length in bytes.
    @inline(__always) static func scalarAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c = UInt32(b[i])
        if c < 0x80 { return (c, 1) }
        if c < 0xE0 { return ((c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if c < 0xF0 { return ((c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return ((c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
    }
}
