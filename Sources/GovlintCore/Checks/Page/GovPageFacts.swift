import Foundation
import GovlintHTML

/// Page facts shared by the government-website checks: `<meta name>` labels
/// (case-sensitive names, as 《网页设计规范》 prints them), the page type and
/// the dates a page shows. Computed once per page.
enum GovPageFacts {
    /// The page types of 《政府网站网页设计规范》: home (首页), column (栏目/列表页),
    /// article (内容页), other, or redirect (a `<meta http-equiv=refresh>` stub
    /// sending the reader to another URL: not a page of content).
    enum PageType: String, CaseIterable, Sendable { case home, column, article, other, redirect }

    static let labelsKey = MemoKey<[String: String]>("gov.labels")
    static let serviceGuideKey = MemoKey<Bool>("gov.serviceGuide")
    static let pageTypeKey = MemoKey<PageType>("gov.pageType")

    /// First `content` of each `<meta name=…>` (name case kept).
    static func labels(_ page: PageContext) -> [String: String] {
        page.memo(labelsKey) { () -> [String: String] in
            var out: [String: String] = [:]
            for e in page.elements(named: "meta") {
                guard let name = e.attribute("name"), out[name] == nil else { continue }
                out[name] = TextMatching.trimmed(e.attribute("content") ?? "")
            }
            return out
        }
    }

    /// Meta element with the exact name, if any.
    static func labelElement(_ name: String, _ page: PageContext) -> HTMLElement? {
        page.elements(named: "meta").first { $0.attribute("name") == name }
    }

    /// A 办事指南 page: stated as `service-guide` in `page-types:`; or, with no type stated,
    /// a `<title>` or `<h1>` containing 办事指南.
    static func isServiceGuide(_ page: PageContext) -> Bool {
        page.memo(serviceGuideKey) { () -> Bool in
            if let stated = PageTypeAssignment.type(for: page.file, in: page.site.pageTypes) {
                return stated == PageTypeAssignment.serviceGuide
            }
            return page.elements(named: "title", "h1").contains {
                // `TextMatching.contains` answers as Foundation's `contains` (canonical equivalence), on bytes.
                ($0.name == "h1" || ($0.namespace == .html && $0.parent?.name == "head")) && TextMatching.contains($0.textContent, "办事指南")
            }
        }
    }

    /// A heading's "published" line: the words any match needs, then the pattern.
    static let publishedMarkers = ["发布时间", "发布日期", "Published"].map { Array($0.utf8) }
    static let publishedDate = try! NSRegularExpression(pattern: #"(发布时间|发布日期|Published)[：:\s]*\d{4}"#)

    static let homeFiles: Set<String> = ["index.html", "index.htm", "index.shtml", "default.html", "default.htm", "index.php"]

    static func isRedirect(_ page: PageContext) -> Bool {
        page.elements(named: "meta").contains {
            ($0.attribute("http-equiv") ?? "").lowercased() == "refresh"
                && ($0.attribute("content") ?? "").lowercased().contains("url=")
        }
    }

    /// The configuration's `page-types:` first (the first matching glob wins); then a refresh-redirect stub; then labels (ArticleTitle ⇒ article; ColumnType 首页 ⇒ home; other Column* ⇒ column),
    /// then the export root's index file ⇒ home, then structure: a heading with a
    /// 发布时间 / published date ⇒ article, five or more dated list items ⇒ column.
    static func pageType(_ page: PageContext) -> PageType {
        page.memo(pageTypeKey) { () -> PageType in
            if let stated = PageTypeAssignment.type(for: page.file, in: page.site.pageTypes) {
                // A service guide (办事指南) is a content page for every type-based rule.
                if stated == PageTypeAssignment.serviceGuide { return .article }
                if let type = PageType(rawValue: stated) { return type }
            }
            if isRedirect(page) { return .redirect }
            let l = labels(page)
            func has(_ n: String) -> Bool { !(l[n] ?? "").isEmpty }
            if has("ArticleTitle") || (has("PubDate") && has("ContentSource")) { return PageType.article }
            if l["ColumnType"] == "首页" { return .home }
            if has("ColumnName") || has("ColumnType") || has("ColumnDescription") || has("ColumnKeywords") { return .column }
            if homeFiles.contains(page.file) { return .home }
            // Five dated list items make a column page; most items have no four-digit run, and are
            // skipped without building their text.
            var dated = 0
            let items = page.elements(named: "li")
            // The page's runs of four digits are found once; an item's text is read only when one lies in it.
            let runs = items.isEmpty ? [] : page.document.textBytes.withUnsafeBufferPointer(DateExtraction.longDigitRuns)
            for item in items where DateExtraction.mayHaveDate(inTextOf: item, runs: runs) {
                if !DateExtraction.dates(in: item.textContent).isEmpty {
                    dated += 1
                    if dated >= 5 { return .column }
                }
            }
            func hasMarker(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
                publishedMarkers.contains { RegexPrefilter.contains(t, $0, ignoreCase: false) }
            }
            func hasMarker(_ text: String) -> Bool {
                var text = text
                return text.withUTF8 { hasMarker($0) }
            }
            // The body's text is a run of the document's: without a marker word there, none in the body.
            if !page.elements(named: "h1").isEmpty, page.document.textBytes.withUnsafeBufferPointer(hasMarker),
               let body = page.document.body {
                let text = body.textContent
                if hasMarker(text), publishedDate.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                    return .article
                }
            }
            return .other
        }
    }
}

/// Finds calendar dates in text: `2026-11-20`, `2026/11/20`, `2026.11.20`,
/// `2026年11月20日`, `November 20, 2026`, `20 November 2026`.
enum DateExtraction {
    /// Dates in the element's text nodes, each read on its own (adjacent
    /// elements' text is not run together); script and style text is skipped.
    static func dates(inTextOf element: HTMLElement) -> [Date] {
        let doc = element.document, cores = doc.cores
        if element.kind == .text { return dates(in: element.textContent) }
        // The text nodes joined by newlines, copied from the document's text bytes (a text node's text is its
        // run of them) into one buffer: no string per node, no joined string.
        var joined: [UInt8] = []
        doc.textBytes.withUnsafeBufferPointer { textBytes in
            var first = true
            for i in element.descendantIndices where cores[i].kind == .text {
                let p = Int(cores[i].parent)
                if p >= 0, cores[p].kind == .element, cores[p].nameAtom == scriptAtom || cores[p].nameAtom == styleAtom { continue }
                if !first { joined.append(0x0A) }
                first = false
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: textBytes[doc.textRange(of: i)]))
            }
        }
        return joined.withUnsafeBufferPointer { b in
            var run = 0
            // Every pattern needs four decimal digits in a row; most texts have none.
            return fourDigits(b, run: &run) ? DateScanner.dates(inUTF8: b) : []
        }
    }

    private static let scriptAtom = NameAtom.of("script"), styleAtom = NameAtom.of("style")

    /// Dates in the text, in the order of three patterns (see ``DateScanner``): numeric, month first, day first.
    static func dates(in text: String) -> [Date] {
        // Every pattern needs four decimal digits in a row; most texts have none.
        guard hasFourDigits(text) else { return [] }
        return DateScanner.dates(in: text)
    }

    /// Whether four decimal digits (`\d`: any Unicode Nd) follow each other.
    static func hasFourDigits(_ text: String) -> Bool {
        var run = 0
        return fourDigits(text, run: &run)
    }

    /// Whether the element's text (as `textContent` joins it) has four decimal digits in a row,
    /// without building the text: false means ``dates(in:)`` of its `textContent` finds nothing.
    static func mayHaveDate(inTextOf element: HTMLElement) -> Bool {
        element.withTextContentUTF8 { b in
            var run = 0
            return fourDigits(b, run: &run)
        }
    }

    /// The byte ranges of the runs of four or more decimal digits (as ``fourDigits(_:run:)`` counts them) in
    /// the text, in order.
    static func longDigitRuns(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = b.baseAddress else { return [] }
        let raw = UnsafeRawPointer(base)
        let n = b.count
        var runs: [Range<Int>] = []
        var start = 0, count = 0
        var i = 0
        while i < n {
            if i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 && !hasASCIIDigit(w) {
                    if count >= 4 { runs.append(start..<i) }
                    count = 0
                    i += 8
                    continue
                }
            }
            let (digit, length) = digitFlag(b, at: i)
            if digit {
                if count == 0 { start = i }
                count += 1
            } else {
                if count >= 4 { runs.append(start..<i) }
                count = 0
            }
            i += length
        }
        if count >= 4 { runs.append(start..<n) }
        return runs
    }

    /// ``mayHaveDate(inTextOf:)`` given the ``longDigitRuns(_:)`` of the document's text bytes: the element's
    /// text is a run of them, so it has four digits in a row when a run lies wholly in it, none when no run
    /// reaches into it; only a run that crosses its edge needs its text read.
    static func mayHaveDate(inTextOf element: HTMLElement, runs: [Range<Int>]) -> Bool {
        guard element.kind == .element else { return mayHaveDate(inTextOf: element) }
        let range = element.document.textRange(of: element.index)
        // The first run ending after the text starts.
        var lo = 0, hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].upperBound <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var crossing = false
        var k = lo
        while k < runs.count, runs[k].lowerBound < range.upperBound {
            if runs[k].lowerBound >= range.lowerBound && runs[k].upperBound <= range.upperBound { return true }
            crossing = true
            k += 1
        }
        return crossing && mayHaveDate(inTextOf: element)
    }

    /// Scans for four digits in a row, continuing a run carried over from the text before.
    static func fourDigits(_ text: String, run: inout Int) -> Bool {
        var text = text
        return text.withUTF8 { fourDigits($0, run: &run) }
    }

    static func fourDigits(_ b: UnsafeBufferPointer<UInt8>, run: inout Int) -> Bool {
        guard let base = b.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let n = b.count
        var r = run
        defer { run = r }
        var i = 0
        while i < n {
            // Eight ASCII bytes none of which is a digit end any run: skipped a word at a time (most text).
            if i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 && !hasASCIIDigit(w) {
                    r = 0
                    i += 8
                    continue
                }
            }
            let (digit, length) = digitFlag(b, at: i)
            r = digit ? r + 1 : 0
            if r == 4 { return true }
            i += length
        }
        return false
    }

    /// Whether a word of eight ASCII bytes holds a digit (0x30–0x39): a byte-wise range test without carries
    /// between bytes, as every byte is below 0x80.
    @inline(__always) static func hasASCIIDigit(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // (x + (0x80 - 0x30)) has its high bit set when x >= 0x30; (x + (0x80 - 0x3A)) when x >= 0x3A.
        let atLeast30 = (w &+ ones &* (0x80 - 0x30)) & high
        let atLeast3A = (w &+ ones &* (0x80 - 0x3A)) & high
        return atLeast30 & ~atLeast3A != 0
    }

    /// Whether the scalar at byte `i` is a decimal digit (Nd), and its length in bytes.
    @inline(__always) static func digitFlag(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Bool, Int) {
        let n = b.count
        let x = b[i]
        if x < 0x80 { return (x &- 0x30 < 10, 1) }
        if x < 0xE0 {
            // U+0080–U+07FF; none below U+0660 is a digit
            let v = (UInt32(x & 0x1F) << 6) | UInt32(i + 1 < n ? b[i + 1] & 0x3F : 0)
            return (v >= 0x660 && isDecimalDigit(v), 2)
        }
        if x < 0xF0 {
            let v = (UInt32(x & 0x0F) << 12) | (UInt32(i + 1 < n ? b[i + 1] & 0x3F : 0) << 6) | UInt32(i + 2 < n ? b[i + 2] & 0x3F : 0)
            return (isDecimalDigit(v), 3)
        }
        let v = (UInt32(x & 0x07) << 18) | (UInt32(i + 1 < n ? b[i + 1] & 0x3F : 0) << 12)
            | (UInt32(i + 2 < n ? b[i + 2] & 0x3F : 0) << 6) | UInt32(i + 3 < n ? b[i + 3] & 0x3F : 0)
        return (isDecimalDigit(v), 4)
    }

    /// Whether the scalar is a decimal digit (general category Nd), with the common ranges answered directly.
    static func isDecimalDigit(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        if v < 0x660 { return false }
        if v >= 0x3000 && v <= 0x9FFF { return false } // CJK punctuation, kana and ideographs: none is Nd
        return hasDecimalNumberCategory(v)
    }

    /// Out of line: reading a scalar's properties sets up resilient types, which inlined would cost every caller
    /// on every call, ASCII or not.
    @inline(never) static func hasDecimalNumberCategory(_ v: UInt32) -> Bool {
        Unicode.Scalar(v)?.properties.generalCategory == .decimalNumber
    }

    /// Midnight UTC of a calendar date of 1990–2100, or nil when there is no such date (`2023-02-30`).
    /// Counted directly (days from 1970-01-01 in the Gregorian calendar): a `Calendar` per date cost
    /// more than finding the date, on pages that list thousands.
    private static let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    static func make(_ y: Int?, _ m: Int?, _ d: Int?) -> Date? {
        guard let y, let m, let d, (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        guard d <= (m == 2 && leap ? 29 : monthLengths[m - 1]) else { return nil }
        // Days from civil (H. Hinnant): years start in March, so the leap day ends a year.
        let yy = m <= 2 ? y - 1 : y
        let era = yy / 400 // non-negative for these years
        let yearOfEra = yy - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }

    /// ``make(_:_:_:)`` through Foundation's Gregorian calendar (the definition it is tested against).
    static func makeWithCalendar(_ y: Int?, _ m: Int?, _ d: Int?) -> Date? {
        guard let y, let m, let d, (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        var c = DateComponents()
        c.year = y; c.month = m; c.day = d
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        guard let date = cal.date(from: c), cal.component(.day, from: date) == d else { return nil }
        return date
    }

    /// `yyyy-MM-dd` of the date in UTC. Counted directly (civil from days, H. Hinnant) for years
    /// 1000–9999: a `DateFormatter` per call cost ~100 µs, paid by every page with a `PubDate`.
    static func format(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        guard (1000...9999).contains(y) else { return formatWithFormatter(date) }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// ``format(_:)`` through a `DateFormatter` (other years, and the definition it is tested against).
    static func formatWithFormatter(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: date)
    }
}
