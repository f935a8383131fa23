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
                ($0.name == "h1" || ($0.namespace == .html && $0.parent?.name == "head")) && $0.textContent.contains("办事指南")
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
            // Items nest (menus): each text node's digit runs are read once and shared by every item holding it.
            var summaries = [UInt8](repeating: 0, count: page.document.cores.count)
            for item in page.elements(named: "li") where DateExtraction.mayHaveDate(inTextOf: item, summaries: &summaries) {
                if !DateExtraction.dates(in: item.textContent).isEmpty {
                    dated += 1
                    if dated >= 5 { return .column }
                }
            }
            func hasMarker(_ text: String) -> Bool {
                var text = text
                return text.withUTF8 { t in publishedMarkers.contains { RegexPrefilter.contains(t, $0, ignoreCase: false) } }
            }
            // The body's text is a run of the document's (memoised): without a marker word there, none in the body.
            if !page.elements(named: "h1").isEmpty, hasMarker(TextMatching.documentText(page)),
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
        let doc = element.document
        var chunks: [String] = []
        for i in element.descendantIndices where doc.nodes[i].kind == .text {
            let t = HTMLElement(document: doc, index: i)
            if let p = t.parent?.name, p == "script" || p == "style" { continue }
            chunks.append(doc.nodes[i].text)
        }
        if element.kind == .text { chunks.append(element.textContent) }
        return dates(in: chunks.joined(separator: "\n"))
    }

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
        let doc = element.document
        if element.kind == .text || element.kind == .comment { return hasFourDigits(element.textContent) }
        var run = 0 // a run may continue into the next text node
        for i in element.descendantIndices where doc.nodes[i].kind == .text {
            if fourDigits(doc.nodes[i].text, run: &run) { return true }
        }
        return false
    }

    /// ``mayHaveDate(inTextOf:)`` with each text node's digit runs summarised once in `summaries`
    /// (one byte per node of the document, 0 until read): nested items do not rescan their texts.
    static func mayHaveDate(inTextOf element: HTMLElement, summaries: inout [UInt8]) -> Bool {
        let doc = element.document
        if element.kind == .text || element.kind == .comment { return hasFourDigits(element.textContent) }
        let cores = doc.cores
        var run = 0
        for i in element.descendantIndices where cores[i].kind == .text {
            var s = summaries[i]
            if s == 0 {
                s = digitSummary(doc.nodes[i].text)
                summaries[i] = s
            }
            if s & 0x40 != 0 { return true }
            let lead = Int(s & 3)
            if s & 0x20 != 0 {
                run += lead // all digits: `lead` is the length
                if run >= 4 { return true }
            } else {
                if run + lead >= 4 { return true }
                run = Int((s >> 2) & 3)
            }
        }
        return false
    }

    /// A text's digit runs in one byte: 0x80 (read), 0x40 four digits in a row, 0x20 only digits;
    /// bits 0–1 the leading run (the length when only digits), bits 2–3 the trailing run
    /// (both below four when there is no run of four).
    static func digitSummary(_ text: String) -> UInt8 {
        var text = text
        return text.withUTF8 { b -> UInt8 in
            var lead = 0, run = 0
            var all = true
            var ok = true
            forEachDigitFlag(b) { digit in
                run = digit ? run + 1 : 0
                if run == 4 { ok = false; return false }
                if !digit { all = false } else if all { lead += 1 }
                return true
            }
            if !ok { return 0xC0 }
            return 0x80 | (all ? 0x20 : 0) | UInt8(run << 2) | UInt8(lead)
        }
    }

    /// Scans for four digits in a row, continuing a run carried over from the text before.
    static func fourDigits(_ text: String, run: inout Int) -> Bool {
        var text = text
        var found = false
        var r = run
        text.withUTF8 { b in
            forEachDigitFlag(b) { digit in
                r = digit ? r + 1 : 0
                if r == 4 { found = true; return false }
                return true
            }
        }
        run = r
        return found
    }

    /// Calls `body` with whether each scalar is a decimal digit (Nd) until it returns false.
    @inline(__always) static func forEachDigitFlag(_ b: UnsafeBufferPointer<UInt8>, _ body: (Bool) -> Bool) {
        var i = 0
        let n = b.count
        while i < n {
            let x = b[i]
            let digit: Bool
            if x < 0x80 {
                digit = x &- 0x30 < 10
                i += 1
            } else if x < 0xE0 {
                // U+0080–U+07FF; none below U+0660 is a digit
                let v = (UInt32(x & 0x1F) << 6) | UInt32(i + 1 < n ? b[i + 1] & 0x3F : 0)
                digit = v >= 0x660 && isDecimalDigit(v)
                i += 2
            } else if x < 0xF0 {
                let v = (UInt32(x & 0x0F) << 12) | (UInt32(i + 1 < n ? b[i + 1] & 0x3F : 0) << 6) | UInt32(i + 2 < n ? b[i + 2] & 0x3F : 0)
                digit = isDecimalDigit(v)
                i += 3
            } else {
                let v = (UInt32(x & 0x07) << 18) | (UInt32(i + 1 < n ? b[i + 1] & 0x3F : 0) << 12)
                    | (UInt32(i + 2 < n ? b[i + 2] & 0x3F : 0) << 6) | UInt32(i + 3 < n ? b[i + 3] & 0x3F : 0)
                digit = isDecimalDigit(v)
                i += 4
            }
            if !body(digit) { return }
        }
    }

    /// Whether the scalar is a decimal digit (general category Nd), with the common ranges answered directly.
    static func isDecimalDigit(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        if v < 0x660 { return false }
        if v >= 0x3000 && v <= 0x9FFF { return false } // CJK punctuation, kana and ideographs: none is Nd
        return Unicode.Scalar(v)?.properties.generalCategory == .decimalNumber
    }

    static func make(_ y: Int?, _ m: Int?, _ d: Int?) -> Date? {
        guard let y, let m, let d, (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        var c = DateComponents()
        c.year = y; c.month = m; c.day = d
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        guard let date = cal.date(from: c), cal.component(.day, from: date) == d else { return nil }
        return date
    }

    static func format(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: date)
    }
}
