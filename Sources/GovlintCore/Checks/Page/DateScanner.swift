import Foundation

/// The three date patterns of ``DateExtraction`` matched on UTF-8 bytes, as
/// ICU matches them (the same matches in the same order), without ICU:
/// a 20 MB page spent a quarter of its lint in `NSRegularExpression`.
///
/// * numeric: `(?<!\d)(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})(?!\d)`
/// * month first: `\b(January|…|December)\s+(\d{1,2}),?\s+(\d{4})\b`, ignoring case
/// * day first: `\b(\d{1,2})\s+(January|…|December)\s+(\d{4})\b`, ignoring case
///
/// `\d` is any decimal digit (Nd), `\s` any White_Space character, and `\b`
/// ICU's default word boundary (word characters are letters, marks, Nd, Pc,
/// ZWNJ and ZWJ; combining and format characters are skipped when looking
/// back, and there is no boundary before one). Each pattern is scanned on its
/// own, leftmost match first, resuming after each match; captured numbers
/// count only when their digits are ASCII (`Int(_:)`).
struct DateScanner {
    private let b: UnsafeBufferPointer<UInt8>

    static let monthNames: [[UInt8]] = ["january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december"].map { Array($0.utf8) }

    static func dates(in text: String) -> [Date] {
        var text = text
        return text.withUTF8 { DateScanner(b: $0).all() }
    }

    /// ``dates(in:)`` of valid UTF-8 bytes.
    static func dates(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Date] {
        DateScanner(b: bytes).all()
    }

    /// The three patterns' scans (each leftmost match first, resuming after its match) done in one pass over
    /// the bytes: a pattern is tried at a position only once its last match has ended there. Bytes that start
    /// no digit or month name (``mayStartDigit(_:)``, ``mayStartMonth(_:)``: most of a text, continuation
    /// bytes included) are stepped over without trying a pattern.
    private func all() -> [Date] {
        var numericDates: [Date] = [], monthFirstDates: [Date] = [], dayFirstDates: [Date] = []
        var numericFrom = 0, monthFirstFrom = 0, dayFirstFrom = 0
        var p = 0
        let n = b.count
        while p < n {
            let x = b[p]
            if Self.mayStartDigit(x) {
                if p >= numericFrom, let m = numeric(p) {
                    if let d = m.date { numericDates.append(d) }
                    numericFrom = m.end
                }
                if p >= dayFirstFrom, let m = dayFirst(p) {
                    if let d = m.date { dayFirstDates.append(d) }
                    dayFirstFrom = m.end
                }
            } else if Self.mayStartMonth(x), p >= monthFirstFrom, let m = monthFirst(p) {
                if let d = m.date { monthFirstDates.append(d) }
                monthFirstFrom = m.end
            }
            p &+= 1
        }
        if monthFirstDates.isEmpty && dayFirstDates.isEmpty { return numericDates }
        return numericDates + monthFirstDates + dayFirstDates
    }

    /// A match: where it ends and the date its captures make (nil when they make none).
    private typealias Match = (end: Int, date: Date?)

    /// Whether a decimal digit may start at a byte: an ASCII digit, or the lead byte of a character at or above
    /// U+0640 outside U+3000–U+9FFF (lead bytes E3–E9), where ``DateExtraction/isDecimalDigit(_:)`` finds none.
    /// False for continuation bytes.
    @inline(__always) static func mayStartDigit(_ x: UInt8) -> Bool {
        x &- 0x30 < 10 || (x >= 0xD9 && (x < 0xE3 || x > 0xE9))
    }

    // MARK: Patterns

    private func numeric(_ p: Int) -> Match? {
        guard p < b.count, isDigit(at: p), !digitBefore(p) else { return nil }
        let (yearEnd, yearCount) = digits(from: p, max: 4)
        guard yearCount == 4 else { return nil }
        var q = spaces(from: yearEnd)
        guard let s1 = separator(at: q, ideograph: 0x5E74) else { return nil } // 年
        q = spaces(from: s1)
        let (monthEnd, monthCount) = digits(from: q, max: 3)
        guard monthCount == 1 || monthCount == 2 else { return nil }
        let month = q
        q = spaces(from: monthEnd)
        guard let s2 = separator(at: q, ideograph: 0x6708) else { return nil } // 月
        q = spaces(from: s2)
        let (dayEnd, dayCount) = digits(from: q, max: 3)
        guard dayCount == 1 || dayCount == 2 else { return nil }
        return (dayEnd, DateExtraction.make(number(p, yearEnd), number(month, monthEnd), number(q, dayEnd)))
    }

    private func monthFirst(_ p: Int) -> Match? {
        guard p < b.count, Self.mayStartMonth(b[p]), !asciiWordCharacterBefore(p), isBoundary(p),
              let (monthEnd, month) = monthName(at: p) else { return nil }
        var q = spaces(from: monthEnd)
        guard q > monthEnd else { return nil }
        let (dayEnd, dayCount) = digits(from: q, max: 3)
        guard dayCount == 1 || dayCount == 2 else { return nil }
        let day = q
        q = dayEnd
        if q < b.count, b[q] == UInt8(ascii: ",") { q += 1 }
        let year = spaces(from: q)
        guard year > q else { return nil }
        let (yearEnd, yearCount) = digits(from: year, max: 4)
        guard yearCount == 4, isBoundary(yearEnd) else { return nil }
        return (yearEnd, DateExtraction.make(number(year, yearEnd), month, number(day, dayEnd)))
    }

    private func dayFirst(_ p: Int) -> Match? {
        guard p < b.count, isDigit(at: p), !asciiWordCharacterBefore(p), isBoundary(p) else { return nil }
        let (dayEnd, dayCount) = digits(from: p, max: 3)
        guard dayCount == 1 || dayCount == 2 else { return nil }
        let name = spaces(from: dayEnd)
        guard name > dayEnd, let (monthEnd, month) = monthName(at: name) else { return nil }
        let year = spaces(from: monthEnd)
        guard year > monthEnd else { return nil }
        let (yearEnd, yearCount) = digits(from: year, max: 4)
        guard yearCount == 4, isBoundary(yearEnd) else { return nil }
        return (yearEnd, DateExtraction.make(number(year, yearEnd), month, number(p, dayEnd)))
    }

    // MARK: Pieces

    /// Whether the byte before `p` is an ASCII letter, digit or `_`: a word character right before `p` (no
    /// combining mark lies between), so there is no boundary at `p`. Decided from one byte, before
    /// ``isBoundary(_:)`` looks back through the scalars (inside words and numbers, most of a text).
    @inline(__always) private func asciiWordCharacterBefore(_ p: Int) -> Bool {
        guard p > 0 else { return false }
        let x = b[p - 1]
        return x &- 0x30 < 10 || (x | 0x20) &- 0x61 < 26 || x == 0x5F
    }

    /// Up to `max` decimal digits from `p`: where they end and how many there are.
    private func digits(from p: Int, max: Int) -> (end: Int, count: Int) {
        var q = p, n = 0
        while n < max, q < b.count {
            let x = b[q]
            if x < 0x80 {
                guard x &- 0x30 < 10 else { break }
                q += 1
                n += 1
                continue
            }
            let (v, len) = decode(q)
            guard DateExtraction.isDecimalDigit(v) else { break }
            q += len
            n += 1
        }
        return (q, n)
    }

    /// The value of ASCII digits in `p..<end`; nil when some digit is not ASCII (as `Int(_:)`).
    private func number(_ p: Int, _ end: Int) -> Int? {
        var v = 0
        for i in p..<end {
            let d = b[i] &- 0x30
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    private func spaces(from p: Int) -> Int {
        var q = p
        while q < b.count {
            let x = b[q]
            if x < 0x80 {
                guard x == 0x20 || (x >= 0x09 && x <= 0x0D) else { break }
                q += 1
                continue
            }
            let (v, len) = decode(q)
            guard Self.isSpace(v) else { break }
            q += len
        }
        return q
    }

    /// After `-`, `/`, `.` or the given ideograph at `p`.
    private func separator(at p: Int, ideograph: UInt32) -> Int? {
        guard p < b.count else { return nil }
        switch b[p] {
        case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."): return p + 1
        default:
            let (v, len) = decode(p)
            return v == ideograph ? p + len : nil
        }
    }

    /// A month name at `p`, ignoring case (ICU folds `ſ` to `s` and `ﬅ`, `ﬆ` to `st`): where it ends and the
    /// month's number when `lowercased()` of the matched text names it (nil when a folded character was in it).
    private func monthName(at p: Int) -> (end: Int, month: Int?)? {
        guard p < b.count else { return nil }
        let first = b[p]
        for (index, name) in Self.monthNames.enumerated() {
            if first < 0x80, first | 0x20 != name[0] { continue }
            var q = p, k = 0
            var plain = true
            while k < name.count, q < b.count {
                let x = b[q]
                if x < 0x80 {
                    guard x | 0x20 == name[k], x & 0xDF >= 0x41, x & 0xDF <= 0x5A else { break }
                    q += 1; k += 1
                    continue
                }
                let (v, len) = decode(q)
                if v == 0x17F, name[k] == UInt8(ascii: "s") { // ſ
                    q += len; k += 1
                } else if v == 0xFB05 || v == 0xFB06, k + 1 < name.count, name[k] == UInt8(ascii: "s"), name[k + 1] == UInt8(ascii: "t") {
                    q += len; k += 2 // ﬅ, ﬆ
                } else {
                    break
                }
                plain = false
            }
            if k == name.count { return (q, plain ? index + 1 : nil) }
        }
        return nil
    }

    /// False for continuation bytes.
    @inline(__always) static func mayStartMonth(_ x: UInt8) -> Bool {
        switch x | 0x20 {
        case UInt8(ascii: "j"), UInt8(ascii: "f"), UInt8(ascii: "m"), UInt8(ascii: "a"), UInt8(ascii: "s"),
             UInt8(ascii: "o"), UInt8(ascii: "n"), UInt8(ascii: "d"):
            return x < 0x80
        default:
            return x == 0xC5 // ſ is C5 BF
        }
    }

    private func isDigit(at p: Int) -> Bool {
        let x = b[p]
        if x < 0x80 { return x &- 0x30 < 10 }
        return DateExtraction.isDecimalDigit(decode(p).scalar)
    }

    /// Whether the code point before `p` is a decimal digit.
    private func digitBefore(_ p: Int) -> Bool {
        guard p > 0 else { return false }
        let x = b[p - 1]
        if x < 0x80 { return x &- 0x30 < 10 }
        return DateExtraction.isDecimalDigit(decode(start(before: p)).scalar)
    }

    /// ICU's `\b` at `p` (UREGEX_UWORD off).
    private func isBoundary(_ p: Int) -> Bool {
        // ASCII on both sides (most texts): no character to look through, a word character or not from its byte.
        if p > 0, b[p - 1] < 0x80, p == b.count || b[p] < 0x80 {
            return (p < b.count && Self.isASCIIWord(b[p])) != Self.isASCIIWord(b[p - 1])
        }
        return isBoundaryLookingThrough(p)
    }

    @inline(never) private func isBoundaryLookingThrough(_ p: Int) -> Bool {
        var here = false
        if p < b.count {
            let v = decode(p).scalar
            if Self.isSkipped(v) { return false }
            here = Self.isWord(v)
        }
        var before = false
        var q = p
        while q > 0 {
            q = start(before: q)
            let v = decode(q).scalar
            if !Self.isSkipped(v) {
                before = Self.isWord(v)
                break
            }
        }
        return here != before
    }

    // MARK: Characters

    private static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return isUnicodeSpace(v)
    }

    /// Out of line, as are the other reads of a scalar's properties: inlined, their resilient types are set up
    /// on every call of the caller, ASCII or not.
    @inline(never) private static func isUnicodeSpace(_ v: UInt32) -> Bool {
        Unicode.Scalar(v)?.properties.isWhitespace ?? false
    }

    @inline(__always) private static func isASCIIWord(_ x: UInt8) -> Bool {
        (x | 0x20) &- 0x61 < 26 || x &- 0x30 < 10 || x == UInt8(ascii: "_")
    }

    /// ICU's word characters: `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d]`.
    private static func isWord(_ v: UInt32) -> Bool {
        if v < 0x80 {
            let x = UInt8(v)
            return (x | 0x20) &- 0x61 < 26 || x &- 0x30 < 10 || x == UInt8(ascii: "_")
        }
        if v == 0x200C || v == 0x200D { return true }
        guard let p = Unicode.Scalar(v)?.properties else { return false }
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// Characters `\b` looks through: Grapheme_Extend and format (Cf) characters.
    private static func isSkipped(_ v: UInt32) -> Bool {
        if v < 0x300 { return v == 0xAD } // soft hyphen is Cf; no combining mark below U+0300
        guard let p = Unicode.Scalar(v)?.properties else { return false }
        return p.isGraphemeExtend || p.generalCategory == .format
    }

    // MARK: UTF-8

    @inline(__always) private func decode(_ p: Int) -> (scalar: UInt32, length: Int) {
        let x = b[p]
        if x < 0x80 { return (UInt32(x), 1) }
        let n = b.count
        @inline(__always) func c(_ k: Int) -> UInt32 { p + k < n ? UInt32(b[p + k] & 0x3F) : 0 }
        if x < 0xE0 { return ((UInt32(x & 0x1F) << 6) | c(1), 2) }
        if x < 0xF0 { return ((UInt32(x & 0x0F) << 12) | (c(1) << 6) | c(2), 3) }
        return ((UInt32(x & 0x07) << 18) | (c(1) << 12) | (c(2) << 6) | c(3), 4)
    }

    private func start(before p: Int) -> Int {
        var q = p - 1
        while q > 0, b[q] & 0xC0 == 0x80 { q -= 1 }
        return q
    }
}
