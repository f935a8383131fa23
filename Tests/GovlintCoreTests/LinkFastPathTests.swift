import Foundation
import GovlintHTML
@testable import GovlintCore
import Testing

/// The byte-level link, fragment, date and prefilter paths must answer exactly as the code they replaced.
struct LinkFastPathTests {
    // MARK: ExportPath, against the former slice-array implementation

    enum Reference {
        static let slash = UInt8(ascii: "/")
        static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
        static func trimmed(_ s: String) -> ArraySlice<UInt8> {
            var bytes = Array(s.utf8)[...]
            while let f = bytes.first, isSpace(f) { bytes = bytes.dropFirst() }
            while let l = bytes.last, isSpace(l) { bytes = bytes.dropLast() }
            return bytes
        }

        static func resolve(_ rawLink: String, from page: String, base: String? = nil) -> String? {
            var link = trimmed(rawLink)
            guard let first = link.first, first != UInt8(ascii: "#"), !ExportPath.isExternal(link) else { return nil }
            if let cut = link.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
                link = link[..<cut]
            }
            if link.isEmpty { return nil }
            let decoded = link.contains(UInt8(ascii: "%")) ? ExportPath.percentDecode(link) : link
            var parts: [ArraySlice<UInt8>] = []
            if decoded.first != slash {
                if let base {
                    let b = trimmed(base)
                    if !ExportPath.isExternal(b) {
                        guard let dir = resolve(base.hasSuffix("/") ? base + "x" : base, from: page) else { return nil }
                        parts = Array(dir.utf8).split(separator: slash).dropLast().map { $0[...] }
                    }
                } else {
                    parts = Array(page.utf8).split(separator: slash).dropLast().map { $0[...] }
                }
            }
            for part in decoded.split(separator: slash, omittingEmptySubsequences: true) {
                if part.count == 1 && part.first == UInt8(ascii: ".") { continue }
                if part.count == 2 && part.first == UInt8(ascii: ".") && part.last == UInt8(ascii: ".") {
                    if parts.isEmpty { return nil }
                    parts.removeLast()
                    continue
                }
                parts.append(part)
            }
            var out: [UInt8] = []
            for (i, p) in parts.enumerated() {
                if i > 0 { out.append(slash) }
                out.append(contentsOf: p)
            }
            if decoded.last == slash {
                if !out.isEmpty { out.append(slash) }
                out.append(contentsOf: Array("index.html".utf8))
            }
            if out.isEmpty { return "index.html" }
            return String(decoding: out, as: UTF8.self)
        }

        static func exists(_ path: String, in files: Set<String>) -> Bool {
            if files.contains(path) { return true }
            let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
            for index in ["index.html", "index.htm", "index.shtml"] where files.contains(trimmed.isEmpty ? index : trimmed + "/" + index) {
                return true
            }
            return false
        }
    }

    static let links = [
        "", " ", "#", "#x", "?q", "a.html", " a.html ", "\ta/b/c.html\n", "./", ".", "..", "../", "../../x", "./a/./b/../c.html",
        "/", "//", "///x", "/a//b/", "a/", "a?x=1#y", "a#b?c", "%2e%2e/x", "caf%C3%A9.html", "bad%ZZ.html", "%", "%4", "%41%42",
        "x%2Fy", "%C3", "https://x.gov/a", "HTTP://x", "mailto:a", "a1+.-:b", "1a:b", "//cdn/x.js", "é/ü.html", "a/..", "a/../..",
        "dir/.", "a\u{301}/b", "\u{600}/x", "x/\u{3000}", "résumé/", "../%2e%2e/", "a/b/../../../c",
    ]
    static let pages = ["index.html", "a/b.html", "a/b/c/d.html", "x//y.html", "/lead.html", "trail/", "", "深/页.html"]
    static let bases: [String?] = [nil, "/", "/docs/", "docs", "https://agency.gov/site/", "../up/", " /sp/ ", "//host/x", "a/\u{301}/"]

    @Test func resolveMatchesTheFormerImplementation() {
        for link in Self.links {
            for page in Self.pages {
                for base in Self.bases {
                    #expect(ExportPath.resolve(link, from: page, base: base) == Reference.resolve(link, from: page, base: base),
                            "\(link) from \(page) base \(base ?? "-")")
                }
            }
        }
    }

    @Test func existsMatchesTheFormerImplementation() {
        let files: Set<String> = ["index.html", "about/index.htm", "x.html", "a/b/index.shtml", "é/index.html", "d\u{600}/index.html",
                                  "v1.2/index.html", "v1.2", "dir.d/page/index.html", "plain", "plain/index.html", "file.pdf"]
        let paths = ["", "/", "index.html", "about", "about/", "about//", "x.html", "x", "a/b", "a/b/", "a", "é", "é/", "e\u{301}",
                     "d\u{600}", "d\u{600}/", "missing", "missing/", "v1.2", "v1.2/", "v1.3", "dir.d/page", "dir.d/page/", "dir.d",
                     "plain", "file.pdf", "file.pdf/", "file", ".", "./", "a./b", "a/.b"]
        for path in paths {
            #expect(ExportPath.exists(path, in: files) == Reference.exists(path, in: files), "\(path)")
        }
    }

    // MARK: Fragments

    @Test(arguments: ["", "#", "a#b", "##", "x#\u{301}y", "\u{600}#x", "é#x", "#é", "a\u{301}#b", "\r\n#x", "no hash", "a#b#c", "\u{600}#a#b"])
    func firstHashIsTheFirstHashCharacter(_ raw: String) {
        #expect(FragmentTargetCheck.firstHash(raw) == raw.firstIndex(of: "#"))
    }

    @Test(arguments: ["top", "TOP", "Top", "tOp", "top ", "to", "tops", "", "t\u{301}op", "\u{212A}", "ｔｏｐ", "4op", "TOP\u{0}"])
    func topIsCaseInsensitive(_ fragment: String) {
        #expect(FragmentTargetCheck.isTop(fragment) == (fragment.lowercased() == "top"))
    }

    /// The hash and the page's id fact as they were built from `String(_:radix:)` and sorted strings.
    static func referenceHash(_ id: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let s = String(h & 0xFF_FFFF_FFFF, radix: 16)
        return String(repeating: "0", count: 10 - s.count) + s
    }

    @Test func fragmentHashesAndIdFactsAreTheFormerStrings() throws {
        let ids = ["", "a", "top", "Staff", "staff", "é", "main-content", "x\u{301}", "办事", "0", "section-1", "section-2", "👍"]
            + (0..<300).map { "id\($0)" }
        for id in ids { #expect(FragmentTargetCheck.hash(id) == Self.referenceHash(id), "\(id)") }
        let html = "<html><body>" + ids.filter { !$0.isEmpty }.map { "<p id=\"\($0)\">x</p>" }.joined()
            + #"<a name="n1"></a><a name="n1"></a><a name="top"></a><a name=""></a></body></html>"#
        let page = PageContext(document: HTMLParser.parse(html), file: "index.html", site: SiteInfo(files: ["index.html"]))
        var options = try CheckOptions(try YAMLReader.load("{}", file: "t.yaml"), file: "t.yaml", anchor: try YAMLReader.load("{}", file: "t.yaml"))
        let check = try FragmentTargetCheck(options: &options)
        var expected = Array(page.document.idIndex.keys).map(Self.referenceHash)
        expected += ["n1", "n1"].map(Self.referenceHash)
        #expect(check.collect(page.document.root!, in: page) == "I" + expected.sorted().joined(separator: " "))
        let empty = PageContext(document: HTMLParser.parse("<p>x</p>"), file: "index.html", site: SiteInfo())
        #expect(check.collect(empty.document.root!, in: empty) == "I")
    }

    // MARK: Dates

    @Test func decimalDigitShortcutAgreesWithUnicode() {
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if DateExtraction.isDecimalDigit(v) != (u.properties.generalCategory == .decimalNumber) {
                Issue.record("U+\(String(v, radix: 16))")
                return
            }
        }
    }

    /// The scalar loop `fourDigits` had before it read bytes.
    static func referenceFourDigits(_ text: String, run: inout Int) -> Bool {
        for u in text.unicodeScalars {
            run = u.properties.generalCategory == .decimalNumber ? run + 1 : 0
            if run == 4 { return true }
        }
        return false
    }

    @Test(arguments: ["", "2023", "x 12 345", "２０２３年", "١٢٣٤", "二〇二三年", "12-34", "1é234", "١٢3٤", "𝟘𝟙𝟚𝟛", "a𝟘𝟙𝟚b3", "999", "123\u{301}4",
                      // longer than a word: the eight-byte skip, runs across word boundaries, a run carried in
                      "abcdefgh2023", "abcdefg20 23abcdefgh", "abcdef12" + "34abcdef", "1abcdefghijklmnop", "abcdefghijklmno/:9",
                      "abcdefghéijklmn12 3", "abcdefgh١٢٣٤ijklmnop", "123abcdefghijklmnop", "abcdefghijklmnop1234"])
    func fourDigitsMatchesTheScalarLoop(_ text: String) {
        for carried in 0...3 {
            var a = carried, b = carried
            let fast = DateExtraction.fourDigits(text, run: &a), slow = Self.referenceFourDigits(text, run: &b)
            #expect(fast == slow, "\(text) after \(carried)")
            #expect(a == b, "\(text) after \(carried): run carried on")
        }
    }

    @Test func wordDigitTestMatchesTheByteTest() {
        for position in 0..<8 {
            for byte in UInt8(0)..<0x80 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = byte
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(DateExtraction.hasASCIIDigit(word) == (byte >= 0x30 && byte <= 0x39), "byte \(byte) at \(position)")
            }
        }
    }

    @Test(arguments: [
        "<ul><li>2023</li><li>20<b>23</b></li><li>2<i>0</i>2<i>3</i></li><li>1 2 3 4</li></ul>",
        "<ul><li>12<ul><li>34</li></ul></li><li>x12<span></span>34y</li><li>123<b>a</b>4</li></ul>",
        "<ol><li><ol><li>１２</li><li>３４</li></ol></li><li>٢٠٢٣</li><li>999<b>9</b></li><li><b>9</b>999</li></ol>",
        "<ul><li>a1</li><li>1a<b>234</b></li><li>12<b></b><b>3</b>4</li><li>no digits</li></ul>",
    ])
    func mayHaveDateReadsTheJoinedText(_ html: String) {
        let doc = HTMLParser.parse(html)
        for element in doc.elements {
            #expect(DateExtraction.mayHaveDate(inTextOf: element) == DateExtraction.hasFourDigits(Self.joinedText(element)),
                    "\(element.name) \(element.textContent)")
        }
    }

    /// `textContent` as the DOM defines it: the descendant text nodes' texts, joined.
    static func joinedText(_ element: HTMLElement) -> String {
        element.descendantIndices.filter { element.document.cores[$0].kind == .text }.map { element.document.nodes[$0].text }.joined()
    }

    // MARK: Link texts

    @Test(arguments: [
        "<a href=x> It’s\u{3000}here </a>", "<a href=x>plain</a>", "<a href=x>ę and ♙</a>", "<a href=x><b> a</b> b\u{A0}c </a>",
        "<a href=x title=t>it’s</a>", "<a href=x><img alt='it’s'> x</a>", "<a href=x>\u{2019}</a>", "<a href=x>\u{2019}\u{301}</a>",
    ])
    func linkTextMatchesItsDefinition(_ html: String) throws {
        let doc = HTMLParser.parse(html)
        let a = try #require(doc.elements.first { $0.name == "a" })
        var extra: [String] = []
        for key in ["aria-label", "title"] { if let v = a.attribute(key) { extra.append(v) } }
        for img in a.descendants(named: "img") { if let alt = img.attribute("alt") { extra.append(alt) } }
        let text = TextMatching.normalized(([a.textContent] + extra).joined(separator: " "))
        #expect(LinkExistsCheck.linkText(a) == text.replacingOccurrences(of: "’", with: "'"))
        var has99 = false
        let t = TextMatching.normalizedText(of: a, has99: &has99)
        #expect(has99 == t.utf8.contains(0x99))
    }

    // MARK: Prefilter search

    /// The byte loop `contains` had before it used memchr.
    static func referenceContains(_ hay: [UInt8], _ needle: [UInt8], ignoreCase: Bool) -> Bool {
        let n = needle.count
        guard n > 0, hay.count >= n else { return n == 0 }
        for i in 0...(hay.count - n) {
            var k = 0
            while k < n {
                let a = hay[i + k], e = needle[k]
                if a != e && !(ignoreCase && e >= 0x61 && e <= 0x7A && a | 0x20 == e) { break }
                k += 1
            }
            if k == n { return true }
        }
        return false
    }

    /// A page's raw text may be ruled out only when its normalised form (whitespace runs collapsed) has no literal.
    @Test func rawTextFilterNeverRulesOutANormalisedMatch() throws {
        var rng = SystemRandomNumberGenerator()
        let words = ["An", "official", "WEBSITE", "of", "the", "United", "States", "government", "Un", "sitio", "oficial",
                     "no", "fear", "act", "办事", "x"]
        let spaces = [" ", "  ", "\n\t", "\u{A0}", "\u{3000}", " \u{2003} ", ""]
        for (pattern, ignoreCase) in [("An official website of the United States government|Un sitio oficial", true),
                                      ("no fear act", true), ("no fear act", false), ("办事 指南|x", false)] {
            let filter = try #require(RegexPrefilter(pattern: pattern, ignoreCase: ignoreCase))
            let runs = filter.whitespaceFreeRuns
            let alternatives = pattern.split(separator: "|").map { $0.split(separator: " ").map(String.init) }
            for _ in 0..<2000 {
                func filler() -> String {
                    (0..<Int.random(in: 0...4, using: &rng)).map { _ in words.randomElement(using: &rng)! + spaces.randomElement(using: &rng)! }.joined()
                }
                // Half the texts hold an alternative's words with any whitespace between them (their normalised form matches).
                let sought = Bool.random(using: &rng) ? alternatives.randomElement(using: &rng)!.map {
                    (ignoreCase && Bool.random(using: &rng) ? $0.uppercased() : $0) + spaces.dropLast().randomElement(using: &rng)!
                }.joined() : ""
                let raw = filler() + sought + filler()
                let normalised = TextMatching.normalized(raw)
                var bytes = raw
                let kept = bytes.withUTF8 { filter.mayMatchNormalized(ofRaw: $0, runs: runs) }
                if filter.mayMatch(normalised) { #expect(kept, "\(pattern): \(raw.debugDescription)") }
            }
        }
    }

    @Test func containsMatchesTheByteLoop() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aAbB -{$<".utf8)
        for _ in 0..<3000 {
            let hay = (0..<Int.random(in: 0...24, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let needle = (0..<Int.random(in: 1...4, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            for ignoreCase in [false, true] {
                let lit = ignoreCase ? needle.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } : needle
                let fast = hay.withUnsafeBufferPointer { RegexPrefilter.contains($0, lit, ignoreCase: ignoreCase) }
                #expect(fast == Self.referenceContains(hay, lit, ignoreCase: ignoreCase), "\(hay) \(lit) \(ignoreCase)")
            }
        }
    }

    static let patterns: [(String, Bool)] = RegexPrefilterTests.patterns + [
        ("no fear act", true), ("inspector general", true), ("vulnerability disclosure", false), ("办事指南|Guide", true),
        ("a-b/c", false), ("An official website of the United States government|Un sitio oficial", true), ("strasse|kelvin", true),
    ]
    static let texts = RegexPrefilterTests.texts + [
        "NO FEAR ACT", "the No Fear Act page", "Inspector  General", "vulnerability disclosure", "Vulnerability Disclosure",
        "办事指南", "guide", "a-b/c", "A-B/C", "AN OFFICIAL WEBSITE OF THE UNITED STATES GOVERNMENT", "un sitio oficial",
        "Straße strasse", "\u{212A}elvin kelvin", "ſtrasse",
    ]

    @Test(arguments: patterns)
    func decideAgreesWithICU(_ pattern: String, _ ignoreCase: Bool) throws {
        let re = try NSRegularExpression(pattern: pattern, options: ignoreCase ? [.caseInsensitive] : [])
        guard let filter = RegexPrefilters.filter(for: re) else { return }
        for text in Self.texts {
            let icu = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            if let answer = filter.decide(text) { #expect(answer == icu, "\(pattern) on \(text)") }
            #expect(TextMatching.matches(re, text) == icu, "\(pattern) on \(text)")
            // mayMatch lowers short texts and searches exactly: the same as the case-insensitive byte loop.
            var t = text
            let expected = t.withUTF8 { b in
                (ignoreCase && !RegexPrefilter.foldsSafely(b))
                    || filter.literals.contains { Self.referenceContains(Array(b), $0, ignoreCase: ignoreCase) }
            }
            #expect(filter.mayMatch(text) == expected, "\(pattern) on \(text)")
        }
    }

    /// `foldsSafely` as its doc comment defines it, scalar by scalar.
    static func referenceFoldsSafely(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { !RegexPrefilter.foldsToASCII.contains($0.value) }
    }

    /// The list holds every scalar whose case mappings (as this Swift's Unicode data gives them) reach ASCII,
    /// and the folding-only ones (ẞ folds to "ss" but maps to ß): a newer Unicode adding one fails here.
    @Test func foldsToASCIIListsEveryScalarWhoseCaseReachesASCII() {
        var mapped: [UInt32] = []
        for v in UInt32(0x80)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let p = u.properties
            if [p.lowercaseMapping, p.uppercaseMapping, p.titlecaseMapping].contains(where: { $0.unicodeScalars.contains { $0.isASCII } }) {
                mapped.append(v)
            }
        }
        let foldingOnly: Set<UInt32> = [0x1E9E] // ẞ: lower-cases to ß, folds to "ss"
        #expect(Set(RegexPrefilter.foldsToASCII) == Set(mapped).union(foldingOnly), "\(mapped.map { String($0, radix: 16) })")
    }

    @Test func foldsSafelyMatchesItsDefinition() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "abcdefghij", "Z", " ", "\u{7F}", "é", "ß", "\u{FF}", "ſ", "\u{212A}", "’", "\u{2070}", "\u{2080}", "办",
                      "\u{2FFF}", "\u{A000}", "ｔ", "\u{FEFF}", "👍", "İ", "\u{100}", "μ", "→", "ﬁ", "ẞ", "ŉ", "Ж", "\u{10000}"]
        // Each piece at every offset of an eight-byte window, then random mixes.
        let placed = pieces.flatMap { piece in (0...17).map { String(repeating: "x", count: $0) + piece + "yyyyyyyyy" } }
        let mixed = (0..<3000).map { _ in (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined() }
        for text in placed + mixed {
            var s = text
            let expected = Self.referenceFoldsSafely(s)
            #expect(s.withUTF8 { RegexPrefilter.foldsSafely($0) } == expected, "\(s.unicodeScalars.map(\.value))")
        }
    }

    @Test func pureLiteralsAreRecognised() {
        #expect(RegexPrefilter(pattern: "no fear act", ignoreCase: true)?.isPureLiteral == true)
        #expect(RegexPrefilter(pattern: "Privacy Policy|Terms", ignoreCase: true)?.isPureLiteral == true)
        #expect(RegexPrefilter(pattern: "privacy policy|^privacy$", ignoreCase: true)?.isPureLiteral == false)
        #expect(RegexPrefilter(pattern: "colou?r", ignoreCase: false)?.isPureLiteral == false)
        #expect(RegexPrefilter(pattern: #"a\.b"#, ignoreCase: false)?.isPureLiteral == false)
    }
}
