import Foundation
@testable import GovlintCore
import GovlintHTML
import GovlintAccessibility
import GovlintTestSupport
import Testing

/// The fast paths of finding construction give what the plain ways give.
@Suite struct FindingConstructionTests {
    /// The byte-level filler before it wrote into the result's storage and matched names by bytes:
    /// the reference the fast one is held to.
    static func plainFill(_ template: String, _ values: [String: String]) -> String {
        let t = Array(template.utf8)
        guard let firstOpen = t.firstIndex(of: UInt8(ascii: "{")) else { return template }
        var out: [UInt8] = Array(t[..<firstOpen])
        var i = firstOpen
        while i < t.count {
            if t[i] == UInt8(ascii: "{"), let close = t[(i + 1)...].firstIndex(of: UInt8(ascii: "}")),
               let value = values[String(decoding: t[(i + 1)..<close], as: UTF8.self)] {
                out.append(contentsOf: value.utf8)
                i = close + 1
            } else {
                out.append(t[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func fillEqualsThePlainFiller() {
        let templates = [
            "", "no placeholder", "{url}", "The link \"{url}\" points to {path}.", "链接“{url}”指向的文件不在导出内容中。",
            "{{url}}", "{url", "url}", "{}", "{ url }", "{missing} and {url}", "{url}{url}{path}", "{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}",
            "{é}", "{e\u{301}}", "{K}", "{\u{212A}}", "{中文}", "end {", "{{}}", "x{url}y{", "😀{url}😀",
        ]
        let valueSets: [[String: String]] = [
            [:], ["url": "t0.html"], ["url": "", "path": "a/b.html"], ["url": "{path}", "path": "}{"],
            ["url": "a long value that is not stored inline: \u{e9}中😀 and more text"],
            ["é": "precomposed"], ["K": "ascii kelvin"], ["\u{212A}": "kelvin sign"], ["中文": "chinese"],
            Dictionary(uniqueKeysWithValues: "abcdefghij".map { (String($0), "v\($0)") }),
            ["": "empty name", " url ": "spaced"],
        ]
        for template in templates {
            for values in valueSets {
                #expect(LocalizedText.fill(template, values) == Self.plainFill(template, values), "\(template) \(values)")
                #expect(Array(LocalizedText.fill(template, values).utf8) == Array(Self.plainFill(template, values).utf8))
            }
        }
    }

    /// A message is reused only for the same template and the very same data; otherwise filled anew.
    @Test func filledMessagesEqualFreshlyFilledOnes() {
        let page = PageContext(document: HTMLParser.parse("<p>x</p>"), file: "index.html", site: SiteInfo())
        let a = LocalizedText(en: "The resource \"{url}\" is missing.", zhCN: "资源“{url}”不在。")
        let b = LocalizedText(en: "The link \"{url}\" is missing.", zhCN: "链接“{url}”不在。")
        let kept = ["url": "i.png"]
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let template = Bool.random(using: &rng) ? a : b
            let data: [String: String]
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: data = kept
            case 1: data = ["url": "t\(Int.random(in: 0..<3, using: &rng)).html"]
            case 2: data = [:]
            case 3: data = ["url": "i.png"] // equal to `kept`, another dictionary
            // Canonically equivalent values of other bytes: other messages, byte for byte.
            case 4: data = ["url": "caf\u{E9}.png"]
            case 5: data = ["url": "cafe\u{301}.png"]
            default: data = ["url": "i.png", "path": "i.png"]
            }
            let got = PageRunner.filledMessage(template, data, page), expected = template.filled(data)
            #expect(Array(got.en.utf8) == Array(expected.en.utf8) && Array(got.zhCN.utf8) == Array(expected.zhCN.utf8))
        }

        #expect(PageRunner.sameStorage(kept, kept))
        #expect(!PageRunner.sameStorage(kept, ["url": "i.png"]))
    }

    /// `redundant-alt` as it was before its shortcuts: the container's text made, normalised and lowercased
    /// by the standard library, then compared.
    static func plainRedundantAlt(_ element: HTMLElement, _ page: PageContext) -> (Verdict, String?) {
        let ax = page.accessibility
        if ax.isPresentational(element) { return (.holds, nil) }
        let container = try! Selector("button, [role=button i], a[href], p, li, td, th")
        var p = element.parent
        while let cur = p, cur.isElement, !container.matches(cur) { p = cur.parent }
        guard let parent = p, parent.isElement else { return (.holds, nil) }
        var bytes: [UInt8] = []
        for i in parent.descendantIndices where page.document.cores[i].kind == .text {
            if ax.isHiddenFromAccessibilityTree(page.document[i]) { continue }
            bytes.append(contentsOf: page.document.textBytes[page.document.textRange(of: i)])
            bytes.append(0x20)
        }
        let visible = AccessibilityContext.normalise(String(decoding: bytes, as: UTF8.self)).lowercased()
        if visible.isEmpty { return (.holds, nil) }
        let name = ax.accessibleName(of: element).text.lowercased()
        return (visible != name ? .holds : .doesNotHold, name)
    }

    /// `redundant-alt`'s shortcuts (CJK container text against an ASCII alternative, byte-level lowercasing,
    /// data only when asked) give the plain answer, data included.
    @Test func redundantAltEqualsThePlainCheck() throws {
        let check = try makeCheck(RedundantAltCheck.self)
        let cells = [
            "<td><img alt=\"icon\"> 江滨市人民政府 row 1</td>", "<td>中<img alt=\"中\"></td>", "<td><img alt=\"中\"> 中 </td>",
            "<td><span aria-hidden=\"true\">中文</span><img alt=\"Home\"> HOME</td>", "<td><img alt=\"豈\">\u{8C48}</td>",
            "<td><img alt=\"\u{8C48}\">豈</td>", "<td><img alt=\"icon\"></td>", "<td><img alt=\"\"> 中</td>", "<td><img alt=\"ＡＢ\">ａｂ</td>",
            "<p><img alt=\"Print  page\"> print page 印</p>", "<p><img alt=\"print page\">Print page</p>", "<li><img alt=\"Σ\">σ</li>",
            "<a href=\"/\"><img alt=\"K\">\u{212A}</a>", "<a href=\"/\"><img role=\"presentation\" alt=\"x\">中</a>",
            "<button><img alt=\"中 文\"> 中\n文 </button>", "<div><img alt=\"中\">中</div>", "<td><img aria-label=\"icon\" alt=\"x\">中</td>",
        ]
        let html = "<!doctype html><html lang=en><head><title>x</title></head><body><table><tr>" + cells.joined() + "</tr></table></body></html>"
        let document = HTMLParser.parse(html)
        let page = PageContext(document: document, file: "index.html", site: SiteInfo())
        var verdicts: [Verdict] = []
        for image in document.elements where image.name == "img" {
            let (verdict, name) = Self.plainRedundantAlt(image, page)
            let full = check.evaluate(image, in: page)
            let bare = check.evaluate(image, in: page, holdData: false)
            #expect(full.verdict == verdict && bare.verdict == verdict, "\(image.attribute("alt") ?? "")")
            #expect(full.data == (name.map { ["alt": $0] } ?? [:]), "\(image.attribute("alt") ?? "")")
            #expect(bare.data == (verdict == .holds ? [:] : full.data))
            verdicts.append(verdict)
        }
        #expect(verdicts.count == cells.count)
        #expect(verdicts.filter { $0 == .doesNotHold }.count >= 6)
    }

    /// Every scalar of the ranges `redundant-alt` lowercases by copying is its own lowercase mapping.
    @Test func caselessRangesHaveNoLowercaseMapping() {
        var checked = 0
        for v in UInt32(0x80)...0x10FFFF where RedundantAltCheck.isCaseless(v) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            #expect(scalar.properties.lowercaseMapping == String(scalar), "U+\(String(v, radix: 16))")
            checked += 1
        }
        #expect(checked > 40_000)
    }

    /// `redundant-alt`'s lowercasing equals `String.lowercased()`, byte for byte, on mixed text.
    @Test func redundantAltLowercasingEqualsTheStandardOne() {
        let pieces = ["", "a", "Z", "Home", "PRINT page", " ", "\t", "中", "江滨市人民政府", "，", "（", "Ａ", "ａ", "「", "…", "“", "İ",
                      "\u{212A}", "É", "e\u{301}", "Σ", "ΣΑΣ", "ß", "한국어", "😀", "ﾟ", "\u{2C00}", "ǅ", "@[`{", "\u{3000}", "\u{9FFF}"]
        var rng = SplitMix64(seed: 3)
        var samples = pieces
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { s += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            samples.append(s)
        }
        for s in samples {
            #expect(Array(RedundantAltCheck.lowercased(s).utf8) == Array(s.lowercased().utf8), "\(s)")
        }
    }

    /// The CSS path of an element, made with a page whose last path is kept, equals one made on a fresh page.
    @Test func cssPathsWithTheLastPathKeptEqualFreshOnes() {
        let html = """
        <html><body><div id="main"><p>a</p><p>b<span>c</span><span id="x y">d</span></p></div>
        <ul><li><a href="1">1</a></li><li><a href="2">2</a><a href="3">3</a></li></ul>
        <div id="dup"><i>1</i></div><div id="dup"><i>2</i><b id="solo"><i>3</i><i>4</i></b></div>
        <table><tr><td><img src="a"></td><td><img src="b"><img src="c"></td></tr><tr><td><a href="4"><img src="d"></a></td></tr></table>
        <custom-el><custom-el><x-y></x-y><x-y></x-y></custom-el></custom-el><section id=""><p>e</p></section></body></html>
        """
        let document = HTMLParser.parse(html)
        let elements = Array(document.elements)
        let shared = PageContext(document: document, file: "index.html", site: SiteInfo())
        var rng = SplitMix64(seed: 11)
        var order = elements + elements.reversed() + elements
        for _ in 0..<300 { order.append(elements[Int.random(in: 0..<elements.count, using: &rng)]) }
        var seen = Set<String>()
        for e in order {
            let fresh = PageContext(document: document, file: "index.html", site: SiteInfo())
            let expected = PageRunner.cssPath(e, fresh)
            #expect(PageRunner.cssPath(e, shared) == expected, "\(e.name) \(e.index)")
            if let expected { seen.insert(expected) }
        }
        // The page's paths use both kinds of start and sibling numbers.
        #expect(seen.contains("#main > p:nth-of-type(2) > span:nth-of-type(1)"))
        #expect(seen.contains("#solo > i:nth-of-type(2)"))
        #expect(seen.contains { $0.hasPrefix("html > body > div:nth-of-type(3) > i") })
        #expect(seen.contains { $0.hasSuffix("custom-el > custom-el > x-y:nth-of-type(2)") })
    }
}
