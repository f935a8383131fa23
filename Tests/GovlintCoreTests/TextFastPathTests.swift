import Foundation
import GovlintHTML
@testable import GovlintCore
import Testing

/// Byte-level fast paths must answer exactly as the Unicode-aware code they replace.
struct TextFastPathTests {
    static let samples = [
        "", " ", "plain text", "  lead and trail  ", "tabs\tand\nnew\r\nlines", "nbsp\u{A0}here", "next\u{85}line",
        "ogham\u{1680}space", "en\u{2002}em\u{2003}thin\u{2009}", "line\u{2028}para\u{2029}", "narrow\u{202F}x", "math\u{205F}y",
        "全角\u{3000}空格", "办事指南 办理条件、办理流程", "zero\u{200B}width", "é vs e\u{301}", "emoji 👍🏽 ok", "\u{180E}mongolian",
        "Déclaration d’accessibilité", "caf\u{E9} cafe\u{301} e", "Kelvin \u{212A} x", "compat \u{F900} 豈", "q\u{37E} done",
        "办理条件\u{301} 办理流程\u{200D}", "© 2024 办理条件 café", "２０２３年５月１２日", "2023-05-12", "١٢٣٤ arabic digits", "no digits",
    ]

    /// The scalar loop `normalized` had before it worked on bytes.
    static func reference(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace { pending = !out.isEmpty } else {
                if pending { out.append(" "); pending = false }
                out.append(u)
            }
        }
        return String(out)
    }

    @Test(arguments: samples)
    func normalizedMatchesTheScalarDefinition(_ s: String) {
        #expect(TextMatching.normalized(s) == Self.reference(s))
    }

    /// Random texts long enough for the eight-byte skip, with every kind of byte next to plain ones: the
    /// edges of the plain range (0x20, 0x21, 0x7F, 0x80), controls, non-ASCII spaces and letters, ’.
    @Test func normalizedMatchesTheScalarDefinitionOnRandomTexts() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "!", "~", "\u{7F}", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{01}", "\u{1F}", "\u{80}",
                      "\u{A0}", "\u{85}", "é", "\u{2009}", "\u{3000}", "’", "办", "👍", "\u{1680}", "\u{205F}", "abcdefgh", "0123456789"]
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0...24, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let normalized = TextMatching.normalized(s)
            #expect(normalized == Self.reference(s), "\(Array(s.utf8))")
            let doc = HTMLParser.parse("<p>\(s.replacingOccurrences(of: "<", with: "&lt;"))</p>")
            if let p = doc.elements.first(where: { $0.name == "p" }) {
                var has99 = false
                let text = TextMatching.normalizedText(of: p, has99: &has99)
                #expect(text == TextMatching.normalized(p.textContent))
                #expect(has99 == text.utf8.contains(0x99))
            }
        }
    }

    @Test(arguments: ["", " ", "x", " x", "x ", "\tx\n", "a b", "é", " é ", "\u{A0}x", "x\u{3000}", "\u{85}", "\r\n", "e\u{301}", "👍",
                      " \u{301}x ", "x \u{301}", "\u{2028}x\u{2029}", "\u{180E}x\u{200B}", "👍 ", " \u{3000}全 角\u{3000}", "\u{1680}\u{202F}\u{205F}"]
                     + samples)
    func trimmedIsFoundationsTrim(_ s: String) {
        let expected = Array(s.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        #expect(Array(TextMatching.trimmed(s).utf8) == expected)
        let bridged = NSString(string: s) as String
        #expect(Array(TextMatching.trimmed(bridged).utf8) == expected)
    }

    @Test func whitespaceOrNewlineIsFoundationsSet() {
        let set = CharacterSet.whitespacesAndNewlines
        var differ: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if set.contains(u) != UnicodeWhitespace.contains(v, newlines: true) { differ.append(v) }
        }
        #expect(differ.isEmpty, "\(differ.map { String($0, radix: 16) })")
    }

    @Test func containsAgreesWithFoundation() {
        let terms = ["办理条件", "办理流程", "空格", "e", "é", "text", "ext", "👍", "accessibilit", "２０２３", "", "x",
                     "caf", "cafe", "K", "豈", "q;", "Kelvin K"]
        for text in Self.samples.map(TextMatching.normalized) {
            for term in terms where !term.isEmpty {
                #expect(TextMatching.contains(text, term) == text.contains(term), "\(text) ⊇ \(term)")
            }
        }
    }

    @Test(arguments: [("2023", true), ("x 12 345", false), ("２０２３年", true), ("١٢٣٤", true), ("二〇二三年", false), ("12-34", false)])
    func fourDigitPrefilter(_ text: String, _ expected: Bool) {
        #expect(DateExtraction.hasFourDigits(text) == expected)
    }

    /// Element texts normalised node by node, as `normalized(textContent)`: spaces at node
    /// boundaries, nested elements, non-ASCII spaces, empty nodes, script text.
    @Test(arguments: [
        "<p> a <b> b </b>c </p>", "<p><span>  </span>x<span>\u{A0}</span>y </p>", "<ul><li>一</li>\n  <li>二\u{3000}</li></ul>",
        "<div><p>2023-<b>05</b>-12</p><script>var x = 1</script> tail</div>", "<p></p>", "<p>  </p>", "<p>x<!-- c -->y</p>",
        "<table><tr><td> a</td><td>b </td></tr></table>", "<p>\u{2028}lead</p>", "<p>end\u{2003}</p>",
    ])
    func normalizedTextOfElementMatchesNormalizedTextContent(_ html: String) throws {
        let doc = HTMLParser.parse(html)
        for element in doc.elements {
            #expect(TextMatching.normalizedText(of: element) == TextMatching.normalized(element.textContent), "\(element.name)")
        }
        #expect(TextMatching.normalizedText(of: doc.document) == TextMatching.normalized(doc.document.textContent))
    }

}

/// `text-matches` with plain literals decides from the start of the text when a literal is found there: it must
/// give the verdict and data the whole normalised text gives.
struct TextMatchesEarlyTests {
    static let patterns = ["An official website of the United States government|Un sitio oficial", "banner", "x y", "e\u{301}"]
    static let pieces = [
        "An official website of the", " United States government ", "AN OFFICIAL WEBSITE OF THE UNITED STATES GOVERNMENT",
        "un sitio oficial", "Banner", "x\u{A0}y", "x  y", "e\u{301}", "é", "👍🏽", "e", "\u{301}\u{301}", "   ", "\n", "plain words here",
        String(repeating: "long text ", count: 120), "’", "ß", "\u{1680}", String(repeating: "z", count: 79),
    ]

    @Test func earlyMatchGivesTheWholeTextsResult() throws {
        var rng = SystemRandomNumberGenerator()
        let checks = try Self.patterns.flatMap { pattern in
            try [true, false].map { try makeCheck(TextMatchesCheck.self, "selector: body\npattern: '\(pattern)'\nignoreCase: \($0)") }
        }
        var early = 0
        for _ in 0..<400 {
            let nodes = (0..<Int.random(in: 0...12, using: &rng)).map { _ in "<span>\(Self.pieces.randomElement(using: &rng)!)</span>" }
            let html = "<html><body>\(nodes.joined())</body></html>"
            for check in checks {
                let page = PageContext(document: HTMLParser.parse(html), file: "index.html", site: SiteInfo())
                let body = try #require(page.document.body)
                let text = TextMatching.normalizedText(of: body)
                let expected = CheckResult.verdict(TextMatching.matches(check.regex, text), data: ["text": String(text.prefix(80))])
                let result = check.evaluate(page.document.root!, in: page)
                #expect(result.verdict == expected.verdict && result.data == expected.data, "\(check.regex.pattern) on \(html)")
                if check.earlyMatch(body) != nil { early += 1 }
            }
        }
        #expect(early > 300)
    }
}

/// `attribute-matches` answers a pattern asking for the absence of something (`^(?!.*(INNER)).*$`) without ICU
/// when INNER's literals are absent and the value is one line: always as ICU answers.
struct AbsencePatternTests {
    static let patterns: [(String, Bool)] = [
        (#"^(?!.*(\{\$[^}]*\}|\$\{[^}]*\}|<%.*?%>|\[!--.*?--\]|<CMSPRO_)).*$"#, false),
        (#"^(?!.*(\{\$[^}]*\}|\$\{[^}]*\}|<%.*?%>|\[!--.*?--\]|<CMSPRO_)).*$"#, true),
        ("^(?!.*(lorem|ipsum)).*$", true), ("^(?!.*(TODO)).*$", false), ("^(?!.*(a)|(b)).*$", false), (#"^(?!.*(x\\)).*$"#, false),
        ("^(?!.*([)]|q)).*$", false), ("^(?!.*(é|ß)).*$", true),
        (#"(?s)^(?!.*(\{\$[^}]*\}|\$\{[^}]*\}|<%.*?%>|\[!--.*?--\]|<CMSPRO_)).*$"#, false), ("(?s)^(?!.*(lorem|ipsum)).*$", true),
    ]
    static let values = [
        "", "plain", "{$title}", "${x}", "<% code %>", "[!--x--]", "<CMSPRO_A", "text {$ x", "a\nb", "a\r\nb", "a\rb", "line\u{2028}sep",
        "para\u{2029}x", "next\u{85}line", "tab\there", "vt\u{0B}x", "ff\u{0C}x", "trailing\n", "\nleading", "Lorem ipsum", "LOREM",
        "todo TODO", "a", "b", "x)", "q", ")", "É", "STRASSE", "ß", "办事指南 {$", "emoji 👍🏽", "\u{1}control",
        String(repeating: "long value ", count: 60),
    ]

    @Test(arguments: patterns)
    func absenceShortcutAgreesWithICU(_ pattern: String, _ ignoreCase: Bool) throws {
        let re = try NSRegularExpression(pattern: pattern, options: ignoreCase ? [.caseInsensitive] : [])
        let filter = AttributeMatchesCheck.absenceFilter(re)
        for value in Self.values {
            let icu = re.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
            #expect(AttributeMatchesCheck.matches(re, value, absenceFilter: filter) == icu, "\(pattern) on \(value.debugDescription)")
        }
    }

    @Test func recognisesOnlyBalancedAbsencePatterns() throws {
        func filter(_ p: String) throws -> RegexPrefilter? { AttributeMatchesCheck.absenceFilter(try NSRegularExpression(pattern: p)) }
        #expect(try filter(Self.patterns[0].0)?.literals.count == 5)
        #expect(try filter("^(?!.*(lorem|ipsum)).*$") != nil)
        #expect(try filter("^(?!.*(a)|(b)).*$") == nil)
        #expect(try filter(#"^(?!.*(x\\)).*$"#)?.literals == [Array("x\\".utf8)])
        #expect(try filter("^(?!.*(a)).*") == nil)
        #expect(try filter("(?s)^(?!.*(a)).*$") != nil)
        #expect(try filter("(?i)^(?!.*(a)).*$") == nil)
        #expect(AttributeMatchesCheck.absenceFilter(try NSRegularExpression(pattern: "^(?!.*(a)).*$", options: [.dotMatchesLineSeparators])) == nil)
    }
}

/// text-equals-meta normalises only the text from its pattern's leading literal on: the code it finds is the
/// one a match over the whole normalised text finds.
struct TextEqualsMetaLeadingTests {
    @Test func theCodeFoundIsTheWholeTextsFirstMatch() throws {
        let check = try makeCheck(TextEqualsMetaCheck.self, #"{ pattern: '网站标识码[：:\s]*(bm\d{8}|\d{10})', meta: SiteIDCode }"#)
        var rng = SystemRandomNumberGenerator()
        let pieces = ["网站标识码", "网站标识码：", "网站", "标识码", ":", "：", " ", "\n\t ", "\u{A0}", "\u{3000}", "1234567890", "bm12345678",
                      "12345", "678", "<b>", "</b>", "<p>", "</p>", "x", "办事", "<span>网站标识码</span>", "<!-- c -->"]
        let regex = try NSRegularExpression(pattern: #"网站标识码[：:\s]*(bm\d{8}|\d{10})"#)
        for _ in 0..<1500 {
            let body = (0..<Int.random(in: 0...14, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let html = "<!doctype html><html><head><meta name=SiteIDCode content=1234567890></head><body id=t>\(body)</body></html>"
            let doc = HTMLParser.parse(html)
            let page = PageContext(document: doc, file: "index.html", site: SiteInfo())
            let body_ = try #require(doc.element(withID: "t"))
            let whole = TextMatching.normalizedText(of: body_)
            let expected = regex.firstMatch(in: whole, range: NSRange(whole.startIndex..., in: whole))
                .map { (whole as NSString).substring(with: $0.range(at: 1)) } ?? ""
            let result = check.evaluate(body_, in: page)
            #expect(result.data["found"] == expected, "\(body.debugDescription)")
            #expect(result.verdict == (expected.isEmpty ? .doesNotHold : expected == "1234567890" ? .holds : .doesNotHold))
        }
    }
}
