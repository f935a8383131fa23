import Foundation
@testable import GovlintCore
import GovlintHTML
import Testing

/// `DateScanner` must find exactly the dates ICU finds with the three patterns it replaces.
@Suite struct DateScannerTests {
    /// Every day of every month of the years dates are read in (and days no month has), against Foundation's calendar.
    @Test func datesAreCountedAsTheGregorianCalendarCounts() {
        for y in [1989, 1990, 1999, 2000, 2023, 2024, 2099, 2100, 2101] {
            for m in 0...13 {
                for d in 0...32 {
                    #expect(DateExtraction.make(y, m, d) == DateExtraction.makeWithCalendar(y, m, d), "\(y)-\(m)-\(d)")
                }
            }
        }
        for y in 1990...2100 {
            #expect(DateExtraction.make(y, 2, 29) == DateExtraction.makeWithCalendar(y, 2, 29), "\(y)-02-29")
            #expect(DateExtraction.make(y, 12, 31) == DateExtraction.makeWithCalendar(y, 12, 31), "\(y)-12-31")
        }
        #expect(DateExtraction.make(nil, 1, 1) == nil)
    }

    /// Dates are written as a UTC `DateFormatter` writes them, at any time of day, before and after 1970.
    @Test func datesAreFormattedAsTheFormatterFormatsThem() {
        var rng = SystemRandomNumberGenerator()
        let edges: [TimeInterval] = [0, -1, 86_399, 86_400, -86_400, -86_401, 951_782_400, 4_107_542_399, -2_208_988_800, 253_402_300_799]
        let random = (0..<3000).map { _ in TimeInterval.random(in: -2_500_000_000...8_000_000_000, using: &rng) }
        for t in edges + random {
            let date = Date(timeIntervalSince1970: t)
            #expect(DateExtraction.format(date) == DateExtraction.formatWithFormatter(date), "\(t)")
        }
    }

    /// The patterns as they were matched with `NSRegularExpression`: the reference.
    static let numeric = try! NSRegularExpression(
        pattern: #"(?<!\d)(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})(?!\d)"#)
    static let months = ["january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"]
    static let monthFirst = try! NSRegularExpression(
        pattern: #"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+(\d{4})\b"#,
        options: [.caseInsensitive])
    static let dayFirst = try! NSRegularExpression(
        pattern: #"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b"#,
        options: [.caseInsensitive])

    static func reference(_ text: String) -> [Date] {
        var out: [Date] = []
        let ns = text as NSString
        let range = NSRange(location: 0, length: ns.length)
        for m in numeric.matches(in: text, range: range) {
            if let d = DateExtraction.make(Int(ns.substring(with: m.range(at: 1))), Int(ns.substring(with: m.range(at: 2))),
                                           Int(ns.substring(with: m.range(at: 3)))) { out.append(d) }
        }
        for m in monthFirst.matches(in: text, range: range) {
            let month = months.firstIndex(of: ns.substring(with: m.range(at: 1)).lowercased()).map { $0 + 1 }
            if let d = DateExtraction.make(Int(ns.substring(with: m.range(at: 3))), month, Int(ns.substring(with: m.range(at: 2)))) { out.append(d) }
        }
        for m in dayFirst.matches(in: text, range: range) {
            let month = months.firstIndex(of: ns.substring(with: m.range(at: 2)).lowercased()).map { $0 + 1 }
            if let d = DateExtraction.make(Int(ns.substring(with: m.range(at: 3))), month, Int(ns.substring(with: m.range(at: 1)))) { out.append(d) }
        }
        return out
    }

    static let samples = [
        "2026-11-20", "2026/1/2", "2026.11.20", "2026年11月20日", "2026 年 3 月 5 日", "November 20, 2026", "20 November 2026",
        "published 2024-02-30 and 2024-02-29", "12026-11-20", "2026-11-201", "2026-111-20", "x2026-11-20y", "2026-11-20-21",
        "2026-11-2023-01-05", "March 5 2024", "march 05, 2024", "MAY 1,2024", "May 1 ,2024", "Mayor 1 2024", "1 Mayor 2024",
        "15 Marchx 2024", "a15 March 2024", "_15 March 2024", "15 March 20245", "15 March 2024a", "15 March 2024_",
        "15\u{A0}March\u{3000}2024", "15\u{B}March\u{85}2024", "15\u{1680}March\u{2028}2024", "15\u{1C}March 2024",
        "June 31, 2024", "July 4, 1989", "Sept 4, 2024", "ſeptember 4, 2024", "Auguﬅ 4, 2024", "Auguﬆ 4, 2024",
        "\u{301}15 March 2024", "é15 March 2024", "\u{200D}15 March 2024", "x\u{200D}15 March 2024", "x\u{AD}15 March 2024",
        " \u{AD}15 March 2024", "15 March 2024\u{301}", "15 March 2024\u{AD}", "15 March ٢٠٢٤", "٢٠٢٤-01-01", "2024-٠١-01",
        "١2024-01-01", "2024-01-01١", "Ｍarch 5, 2024", "２０２４-01-01", "2024－01－01", "2024-1-1\n2025-2-2 May 3, 2024 4 June 2023",
        "", "2024", "9999-99-99", "1989-12-31 1990-01-01 2100-12-31 2101-01-01", "January\t\t7,\n\n2025", "7\r\nJanuary\r\n2025",
    ]

    @Test(arguments: samples)
    func matchesLikeICU(_ text: String) {
        #expect(DateScanner.dates(in: text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    /// Random texts over an alphabet of the characters the patterns care about.
    @Test func randomTextsMatchLikeICU() {
        let pieces = ["2024", "1", "12", "3", "0", "٢", "١٢", "-", "/", ".", "年", "月", " ", "  ", "\u{A0}", "\u{3000}", "\u{B}", "\u{85}",
                      ",", "March", "may", "DECEMBER", "ſeptember", "Auguﬅ", "a", "_", "é", "\u{301}", "\u{200D}", "\u{AD}", "x", "\n", "日",
                      "२", "၂", "꘢", "２", "𝟐", "—", "〇", "ü"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int { // SplitMix64: the same texts on every run
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
        func pick(_ options: [String]) -> String { options[next(options.count)] }
        let years = ["2024", "2024", "1999", "2026", "2101", "٢٠٢٤", "202", "20245"]
        let small = ["1", "7", "12", "28", "1", "09", "31", "0", "123", "٣", ""]
        let spaces = [" ", " ", "", " ", "  ", "\u{A0}", "\u{3000}", "\u{B}", "\u{85}", "\n", "\u{1C}", "\u{200B}"]
        let names = ["March", "march", "MAY", "June", "JULY", "december", "Mayo", "ſeptember", "Auguﬅ", "Sept", "Ｍarch"]
        let glue = [" ", "", " ", "x", "_", "é", "\u{301}", "\u{200D}", "\u{AD}", "1", "٢", ",", "-", "日", "\n", "२", "２", "〇", "—"]
        var mismatches: [String] = []
        var withDates = 0
        for _ in 0..<9000 {
            var text = pick(glue)
            for _ in 0...next(3) {
                switch next(4) {
                case 0:
                    text += pick(years) + pick(spaces) + pick(["-", "/", ".", "年", "－", ""]) + pick(spaces) + pick(small)
                        + pick(spaces) + pick(["-", "/", ".", "月", ""]) + pick(spaces) + pick(small)
                case 1:
                    text += pick(names) + pick(spaces) + pick(small) + pick([",", "", ";"]) + pick(spaces) + pick(years)
                case 2:
                    text += pick(small) + pick(spaces) + pick(names) + pick(spaces) + pick(years)
                default:
                    text += (0..<(1 + next(6))).map { _ in pieces[next(pieces.count)] }.joined()
                }
                text += pick(glue)
            }
            let expected = Self.reference(text)
            if !expected.isEmpty { withDates += 1 }
            if DateScanner.dates(in: text) != expected { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(withDates >= 150, "too few texts with a date to tell: \(withDates)")
    }

    /// The scanner steps over bytes that start no digit (``DateScanner/mayStartDigit(_:)``) or month name
    /// without looking at them: every decimal digit's first byte, and every month name's, must be let through.
    @Test func noDigitOrMonthStartIsSteppedOver() {
        var missed: [String] = []
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v), scalar.properties.generalCategory == .decimalNumber else { continue }
            let lead = Array(String(scalar).utf8)[0]
            if !DateScanner.mayStartDigit(lead) { missed.append(String(v, radix: 16)) }
        }
        #expect(missed.isEmpty, "digits whose first byte is stepped over: \(missed.prefix(10))")
        for name in DateScanner.monthNames {
            for first in [name[0], name[0] - 0x20] { #expect(DateScanner.mayStartMonth(first)) }
        }
        #expect(DateScanner.mayStartMonth(Array("ſ".utf8)[0]))
        for continuation in UInt8(0x80)...0xBF {
            #expect(!DateScanner.mayStartDigit(continuation) && !DateScanner.mayStartMonth(continuation))
        }
    }

    /// A page's dates are those of its text nodes joined by newlines (script and style left out), as the
    /// joined string was read before it was built from the document's text bytes.
    @Test(arguments: [
        "<p>2024</p><p>-05-06</p><span>May</span> <b>7,</b><i>2024</i><script>var d='2030-01-01'</script>",
        "<table><tr><td>2023-05-12</td><td>办事指南 1 May</td></tr><tr><td>2024</td><td>年3月4日</td></tr></table>",
        "<div>updated<style>a{}</style>2024-01-0<!-- c -->2 and 9 June 2025</div>", "<p></p>", "<p>19 June</p>\n<p>2024</p>",
    ])
    func pageDatesAreThoseOfTheJoinedTextNodes(_ html: String) {
        let doc = HTMLParser.parse("<html><body>\(html)</body></html>")
        let cores = doc.cores
        for index in 0..<cores.count where cores[index].kind == .element || cores[index].kind == .text {
            let element = HTMLElement(document: doc, index: index)
            var chunks: [String] = []
            for i in element.descendantIndices where cores[i].kind == .text {
                let p = Int(cores[i].parent)
                if p >= 0, cores[p].kind == .element, ["script", "style"].contains(HTMLElement(document: doc, index: p).name) { continue }
                chunks.append(doc.nodes[i].text)
            }
            if element.kind == .text { chunks.append(element.textContent) }
            #expect(DateExtraction.dates(inTextOf: element) == Self.reference(chunks.joined(separator: "\n")), "\(index) of \(html)")
        }
    }
}

/// The scanner tries the three patterns in one pass, each only where its previous match has ended: the bytes that
/// may start a digit and those that may start a month name must not overlap, or one pattern would hide the other.
@Suite struct DateScannerStartBytesTests {
    @Test func digitAndMonthStartsAreDisjoint() {
        for x in UInt8(0)...0xFF { #expect(!(DateScanner.mayStartDigit(x) && DateScanner.mayStartMonth(x)), "\(x)") }
    }

    /// Overlapping matches of different patterns: each pattern's own matches resume after its match only.
    @Test(arguments: ["2024-05-06 May 2024", "5 May 2024-05-06", "May 5, 2024 5 May 2024", "12 March 2024-3-4 June 7, 2025",
                      "2024年5月6日 6 June 2024", "1 2 3 4 May 2024 2024-1-1"])
    func overlappingPatternsMatchLikeICU(_ text: String) {
        #expect(DateScanner.dates(in: text) == DateScannerTests.reference(text), "\(text)")
    }
}
