import Foundation
import GovlintAccessibility
import GovlintHTML
@testable import GovlintCore
import Testing

/// The shortcuts of the text-pattern rules (`us-gov-banner`, `cn-unrendered-placeholder`,
/// `eu-accessibility-statement-link`, `avoid-inline-spacing`…) answer as the code they skip.
struct TextRuleShortcutTests {
    /// Every scalar on its own, after ASCII, inside a run of CJK and before one: `foldsSafely` reads the lead
    /// byte (and the next ones only for the seven lead bytes the list's scalars have).
    @Test func foldsSafelyIsTheListOnEveryScalar() {
        let listed = Set(RegexPrefilter.foldsToASCII)
        var wrong: [UInt32] = []
        for v in UInt32(0x80)...0x10FFFF where v < 0x20000 || v % 61 == 0 {
            guard let u = Unicode.Scalar(v) else { continue }
            let expected = !listed.contains(v)
            let c = String(Character(u))
            for text in ["ab" + c, "办办" + c + "办", c + "办办办", "abcdefgh" + c + "abcdefgh"] {
                var s = text
                if s.withUTF8({ RegexPrefilter.foldsSafely($0) }) != expected { wrong.append(v); break }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20).map { String($0, radix: 16) })")
    }

    /// The byte loop `contains` had before it chose its anchor.
    static func referenceContains(_ hay: [UInt8], _ needle: [UInt8], ignoreCase: Bool) -> Bool {
        LinkFastPathTests.referenceContains(hay, needle, ignoreCase: ignoreCase)
    }

    /// Needles of letters (of both cases), CJK, punctuation and spaces, anchored anywhere, in texts that
    /// hold them partly, wholly, at the edges, and in the other case.
    @Test func containsWithAnyAnchorMatchesTheByteLoop() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "B", "z", "Q", "v", "-", " ", "网", "站", "标", "{", "$", "办事", "é", "gov", "GOV", "vz"].map { Array($0.utf8) }
        var found = 0
        for _ in 0..<4000 {
            let needle = (0..<Int.random(in: 1...4, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            let hay = (0..<Int.random(in: 0...16, using: &rng)).flatMap { _ in
                Int.random(in: 0..<5, using: &rng) == 0 ? needle : pieces.randomElement(using: &rng)!
            }
            for ignoreCase in [false, true] {
                let lit = ignoreCase ? needle.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } : needle
                let expected = Self.referenceContains(hay, lit, ignoreCase: ignoreCase)
                if expected { found += 1 }
                hay.withUnsafeBufferPointer { b in
                    #expect(RegexPrefilter.contains(b, lit, ignoreCase: ignoreCase) == expected, "\(hay) \(lit) \(ignoreCase)")
                    // The uppercase letters of a needle (callers may pass them) match only themselves.
                    #expect(RegexPrefilter.contains(b, needle, ignoreCase: ignoreCase)
                            == Self.referenceContains(hay, needle, ignoreCase: ignoreCase), "\(hay) \(needle) \(ignoreCase)")
                    for k in needle.indices {
                        // An exact search is right from any anchor.
                        #expect(RegexPrefilter.contains(b, needle, ignoreCase: false, anchor: k)
                                == Self.referenceContains(hay, needle, ignoreCase: false))
                    }
                }
            }
        }
        #expect(found > 1000)
    }

    @Test func anchorsPreferContinuationBytesToLeadBytes() {
        #expect(RegexPrefilter.anchorIndex(Array("网站标识码".utf8)) == 1)
        #expect(RegexPrefilter.anchorIndex(Array("government".utf8)) == 2) // v
        #expect(RegexPrefilter.anchorIndex(Array("gov ".utf8)) == 2)
        #expect(RegexPrefilter.anchorIndex(Array("{$".utf8)) == 0)
        #expect(RegexPrefilter.anchorIndex(Array("abc".utf8), letters: false) == nil)
        #expect(RegexPrefilter.anchorIndex(Array("ab c".utf8), letters: false) == 2)
    }

    /// ’ is found by its bytes exactly where the text has the scalar U+2019.
    @Test func rightSingleQuoteIsFoundByItsBytes() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["’", "'", "x", "备", "\u{1019}", "〙", "\u{2018}", "\u{2099}", "\u{99}", "\u{2019}\u{301}", "办事", "\u{E2}", "™", "‘"]
        for _ in 0..<3000 {
            var text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let expected = text.unicodeScalars.contains("\u{2019}")
            #expect(text.withUTF8 { LinkExistsCheck.hasRightSingleQuote($0) } == expected, "\(text.debugDescription)")
        }
    }

    /// The first 80 scalars of a plain text are its first 80 characters, once 82 plain scalars are there.
    @Test func plainStartIsThePrefixOfEightyCharacters() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", " ", "办", "，", "e\u{301}", "\u{301}", "\r\n", "\r", "👍🏽", "é", "\u{3000}", "ｔ", "—", "abcdefghij", "办事指南办理"]
        var decided = 0
        for _ in 0..<3000 {
            var text = (0..<Int.random(in: 40...140, using: &rng)).map { _ in
                Int.random(in: 0..<60, using: &rng) == 0 ? pieces.randomElement(using: &rng)! : pieces[Int.random(in: 0...3, using: &rng)]
            }.joined()
            let start = text.withUTF8 { TextMatchesCheck.plainStart($0) }
            if let start {
                decided += 1
                #expect(text.count >= 82 && start == String(text.prefix(80)), "\(text.debugDescription)")
                // Whatever follows leaves it so.
                for tail in ["\u{301}", "\r\n", "🏽", "x"] {
                    #expect(String((text + tail).prefix(80)) == start)
                }
            } else {
                // Fewer than 82 scalars, or one of the first 82 is not plain.
                var first82 = String(String.UnicodeScalarView(text.unicodeScalars.prefix(82)))
                let plain = first82.withUTF8 { TextMatching.plainForSearch($0) }
                #expect(text.unicodeScalars.count < 82 || !plain, "\(text.debugDescription)")
            }
        }
        #expect(decided > 300)
    }

    /// `!important` is recognised only after a `!`: a style without one has no important declaration, which is
    /// all `inline-text-spacing` compares.
    @Test func aStyleWithoutABangHasNoImportantDeclaration() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["letter-spacing", "word-spacing", "line-height", ":", ";", " ", "0", "0.1em", "important", "IMPORTANT",
                      "\u{130}mportant", "/* ! */", "'!'", "\"", "(", ")", "\\", "!", "! important", "\u{212A}", "\t",
                      "letter-spacing: 0 !important;", "word-spacing:1em!IMPORTANT;", "color: red important;"]
        var important = 0
        for _ in 0..<5000 {
            let style = (0..<Int.random(in: 0...10, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let parsed = InlineStyle(parsing: style)
            let hasImportant = parsed.declarations.contains { $0.important }
            if hasImportant { important += 1 }
            if !InlineTextSpacingCheck.hasBang(style) { #expect(!hasImportant, "\(style.debugDescription)") }
        }
        #expect(important > 100)
    }

    /// The check's verdicts with the shortcut are the parsed style's, on styles with and without a `!`.
    @Test(arguments: [
        ("letter-spacing: 0", Verdict.holds), ("letter-spacing: 0 !important", .doesNotHold),
        ("letter-spacing: 0 ! important", .doesNotHold), ("letter-spacing: 0 important", .holds),
        ("word-spacing: 0.1em !IMPORTANT", .doesNotHold), ("line-height: 1 !important", .cantTell), ("", .holds),
    ])
    func inlineSpacingVerdicts(_ style: String, _ expected: Verdict) throws {
        let check = try makeCheck(InlineTextSpacingCheck.self)
        #expect(evaluate(check, #"<p id="t" style="\#(style)">Some text</p>"#).verdict == expected)
    }

    /// An element's four-digit test from the page's digit runs answers as reading its text, for runs inside it,
    /// crossing its edges and outside it, of ASCII, fullwidth and Arabic-Indic digits split across nodes.
    @Test func digitRunsGiveEachElementsFourDigitTest() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["2023", "12", "34", "1", "١٢", "٣٤", "２０", "x", " ", "年", "<li>", "</li>", "<li>", "</li>", "<span>", "</span>",
                      "<!-- 99 -->", "<script>1234</script>", "<b>5</b>", "abcdefgh", "12345678901"]
        var withDate = 0, without = 0
        for _ in 0..<600 {
            let body = (0..<Int.random(in: 0...24, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let doc = HTMLParser.parse("<html><body><ul>\(body)</ul></body></html>")
            let runs = doc.textBytes.withUnsafeBufferPointer(DateExtraction.longDigitRuns)
            for e in doc.elements {
                let expected = DateExtraction.mayHaveDate(inTextOf: e)
                if expected { withDate += 1 } else { without += 1 }
                #expect(DateExtraction.mayHaveDate(inTextOf: e, runs: runs) == expected, "\(e.name) in \(body)")
            }
        }
        #expect(withDate > 1000 && without > 1000)
    }

    /// `cn-unrendered-placeholder`'s two checks give the same verdict whether or not the caller reads a holding
    /// result's data (without it, the page's text or the value decides without the element's text being built).
    @Test func placeholderChecksGiveTheSameVerdictWithoutData() throws {
        let text = try makeCheck(TextMatchesCheck.self, #"{ pattern: '\{\$[^}]*\}|\$\{[^}]*\}|<%.*?%>|\[!--.*?--\]|<CMSPRO_', negate: true }"#)
        let attribute = try makeCheck(AttributeMatchesCheck.self,
                                      #"{ name: content, pattern: '^(?!.*(\{\$[^}]*\}|\$\{[^}]*\}|<%.*?%>|\[!--.*?--\]|<CMSPRO_)).*$' }"#)
        var rng = SystemRandomNumberGenerator()
        let pieces = ["正文", "{$title}", "${x}", "&lt;% a %&gt;", "[!--x--]", "&lt;CMSPRO_A", "{$", "${", " ", "<b>", "</b>",
                      "<script>let s = `${a}`;</script>", "<p>", "</p>", "<li>", "</li>", "{10}"]
        let contents = ["江滨", "{$article.title}", "${t}", "a\nb", "<% x %>", "", "  {$x}  "]
        var held = 0, failed = 0
        for _ in 0..<300 {
            let body = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let content = contents.randomElement(using: &rng)!
            let html = "<html><head><meta name=a content=\"\(content)\"><title>t</title></head><body><p>\(body)</p></body></html>"
            let page = PageContext(document: HTMLParser.parse(html), file: "index.html", site: SiteInfo())
            for e in page.document.elements {
                for check in [text as any PageCheck, attribute as any PageCheck] {
                    let full = check.evaluate(e, in: page).verdict
                    #expect(check.evaluate(e, in: page, holdData: false).verdict == full, "\(e.name) in \(html)")
                    if full == .holds { held += 1 } else { failed += 1 }
                }
            }
        }
        #expect(held > 1000 && failed > 100)
    }
}
