import Foundation
import GovlintHTML
@testable import GovlintCore
import Testing

/// `link-exists` searches a pattern's literals once over all of a page's link texts and hrefs
/// (``TextColumn``): it must answer as the per-link loop it replaced.
struct LinkColumnTests {
    /// Link markup with the cases the text and the prefilter treat specially: aria-label, title and image
    /// alts, whitespace of every kind, ’, case folding beyond ASCII, CJK, empty texts and hrefs.
    static let anchors = [
        #"<a href="/about/">About us</a>"#, #"<a href=" /About ">ABOUT</a>"#, #"<a href="/privacy">Privacy  Policy</a>"#,
        #"<a href="x" aria-label="Privacy">p</a>"#, #"<a href="x" title="No Fear Act"><img alt="logo"></a>"#,
        #"<a href="">  </a>"#, ##"<a href="#top"><img alt="Accessibility"><img alt=" statement "></a>"##,
        #"<a href="/foia/">FOIA\#u{3000}requests</a>"#, #"<a href="https://www.usa.gov/">USA.gov</a>"#,
        #"<a href="/a">It’s\#u{A0}the Inspector General’s page</a>"#, #"<a href="/k">\#u{212A}elvin STRAẞE</a>"#,
        #"<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33012702000123">浙公网安备 33012702000123号</a>"#,
        #"<a href="https://beian.miit.gov.cn/">浙ICP备12345678号-1</a>"#, #"<area href="/vulnerability-disclosure-policy" alt="VDP">"#,
        #"<a href="/déclaration">Déclaration d’accessibilité</a>"#, #"<a href="/acc">accessibilité</a>"#,
        #"<a href="/é">ÉÀ privacy</a>"#, #"<a href="/x"><b>Vulnerability</b> <i>disclosure</i></a>"#, #"<a>no href</a>"#,
        #"<a href="/y" aria-label="">  Privacy </a>"#, #"<a href="/z">ſtrasse</a>"#,
        #"<a href="/t" class="c" style="s" aria-level="2" title="Privacy" aria-label="Policy page">x</a>"#,
    ]

    static let options = [
        "text: '^about( us| [a-z].*)?$'", "href: '/about'", #"text: '\baccessibility\b'"#,
        #"text: '\bFOIA\b|freedom of information act'"#, "text: 'inspector general'", "href: 'oig|inspector'",
        "text: 'no fear act'", "text: 'privacy policy|^privacy$'", "href: 'privacy'",
        #"href: '^(https?:)?//(www\.)?usa\.gov(/|$)'"#, "text: 'vulnerability disclosure'",
        "text: 'accessibility statement|d.accessibilit[ée]|^accessibilit(y|é|à)$'",
        #"text: '[京津沪浙]ICP备\d{6,10}号'"#, #"text: '[浙]公网安备\s*(\d{14})\s*号'"#,
        #"text: '[浙]公网安备\s*(\d{14})\s*号'\#nhref: 'beian\.(mps\.)?gov\.cn'\#nsameNumber: true"#,
        "text: 'strasse|kelvin'", "text: 'Privacy'\nignoreCase: false", "href: 'About'\nignoreCase: false",
        "text: 'privacy'\nhref: 'x'", "text: 'é'",
    ]

    /// The loop `link-exists` ran before: every link's text built and prefiltered on its own.
    static func reference(_ check: LinkExistsCheck, _ element: HTMLElement, _ page: PageContext) -> Verdict {
        let isRoot = element.index == page.document.root?.index
        for e in page.elements(named: "a", "area") {
            guard let raw = e.attribute("href") else { continue }
            if !isRoot, !e.isDescendant(of: element) { continue }
            let h = TextMatching.trimmed(raw)
            if let href = check.href, !TextMatching.matches(href, h, filter: check.hrefFilter) { continue }
            guard let text = check.text else { return .holds }
            let t = LinkExistsCheck.linkText(e)
            guard check.textFilter?.mayMatch(t) ?? true else { continue }
            let ns = t as NSString
            guard let m = text.firstMatch(in: t, range: NSRange(location: 0, length: ns.length)) else { continue }
            if check.sameNumber {
                let r = m.range(at: 1)
                guard r.location != NSNotFound else { continue }
                let number = ns.substring(with: r)
                if !number.isEmpty, h.removingPercentEncoding?.contains(number) ?? h.contains(number) { return .holds }
                continue
            }
            return .holds
        }
        return .doesNotHold
    }

    /// Random pages of those links, some nested in a `<nav id=t>`: every option set, on the root and on the nav.
    @Test func linkExistsAgreesWithThePerLinkLoop() throws {
        var rng = SystemRandomNumberGenerator()
        let checks = try Self.options.map { try makeCheck(LinkExistsCheck.self, $0) }
        var holds = 0, fails = 0
        for _ in 0..<150 {
            let before = (0..<Int.random(in: 0...6, using: &rng)).map { _ in Self.anchors.randomElement(using: &rng)! }
            let inside = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Self.anchors.randomElement(using: &rng)! }
            let html = "<html><body>\(before.joined())<nav id=t>\(inside.joined())</nav></body></html>"
            let page = PageContext(document: HTMLParser.parse(html), file: "index.html", site: SiteInfo())
            let nav = try #require(page.document.element(withID: "t"))
            for (check, options) in zip(checks, Self.options) {
                for element in [page.document.root!, nav] {
                    let fast = check.evaluate(element, in: page).verdict, slow = Self.reference(check, element, page)
                    #expect(fast == slow, "\(options) on \(element.name) of \(html)")
                    if slow == .holds { holds += 1 } else { fails += 1 }
                }
            }
        }
        #expect(holds > 500 && fails > 500)
    }

    @Test func columnTextsAreTheLinkTexts() {
        let html = "<html><body>\(Self.anchors.joined())<a href=x>\(Self.anchors.joined(separator: " \n"))</a></body></html>"
        let page = PageContext(document: HTMLParser.parse(html), file: "index.html", site: SiteInfo())
        let links = LinkExistsCheck.links(page)
        // (The parser closes a link when another opens: the long one is split.)
        #expect(links.indices == page.elements(named: "a", "area").filter { $0.hasAttribute("href") }.map(\.index))
        #expect(links.indices.count > Self.anchors.count)
        for (i, index) in links.indices.enumerated() {
            let element = HTMLElement(document: page.document, index: index)
            #expect(links.texts.text(i) == LinkExistsCheck.linkText(element), "\(element.sourceSnippet)")
            #expect(links.hrefs[i] == TextMatching.trimmed(element.attribute("href")!))
        }
    }

    @Test(arguments: LinkFastPathTests.patterns)
    func columnMayMatchIsThePerTextPrefilter(_ pattern: String, _ ignoreCase: Bool) throws {
        let re = try NSRegularExpression(pattern: pattern, options: ignoreCase ? [.caseInsensitive] : [])
        guard let filter = RegexPrefilters.filter(for: re) else { return }
        let texts = LinkFastPathTests.texts + ["", "a\u{FF}b", "\u{1F600}privacy"]
        let column = TextColumn(texts)
        #expect(column.mayMatch(filter) == texts.map { filter.mayMatch($0) }, "\(pattern)")
        #expect((0..<texts.count).map { column.text($0) } == texts)
    }

    @Test func offsetFindsEveryOccurrenceInOrder() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("aeqz -.".utf8)
        for _ in 0..<2000 {
            let hay = (0..<Int.random(in: 0...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let needle = (0..<Int.random(in: 1...3, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let from = Int.random(in: 0...hay.count, using: &rng)
            let expected = from > hay.count - needle.count ? nil
                : (from...(hay.count - needle.count)).first { Array(hay[$0..<($0 + needle.count)]) == needle }
            let found = hay.withUnsafeBufferPointer { RegexPrefilter.offset(of: needle, in: $0, from: from) }
            #expect(found == expected, "\(needle) in \(hay) from \(from)")
        }
    }
}

/// `link-target-exists` and `orphan-page` read hrefs from the page's ``PageLinks`` (each distinct value resolved
/// once): they must answer, element by element, as the per-element computation they replaced.
struct PageLinksTests {
    static let hrefs = [
        "about/", "/about/", "about", " about ", "x.html", "x.html#a", "missing.html", "../up.html", "../../x", "#top", "",
        "https://www.usa.gov/", "mailto:a@b.gov", "//cdn/x.js", "a%20b.html", "?q=1", "dir/./x.html", "dir/../x.html",
        "caf\u{E9}.html", "cafe\u{301}.html", "/index.html", "sub/", "sub", "K.html", "\u{212A}.html",
    ]
    static let files: Set<String> = ["index.html", "about/index.html", "x.html", "a b.html", "caf\u{E9}.html", "sub/index.htm",
                                     "dir/x.html", "docs/page.html", "K.html"]

    func options(_ yaml: String) throws -> CheckOptions {
        let node = try YAMLReader.load(yaml, file: "test.yaml")
        return try CheckOptions(node, file: "test.yaml", anchor: node)
    }

    @Test(arguments: ["index.html", "docs/page.html", "dir/x.html"], [nil, "/", "/docs/", "https://agency.gov/site/"])
    func linkRulesAgreeWithThePerElementComputation(_ file: String, _ base: String?) throws {
        var rng = SystemRandomNumberGenerator()
        var lte = try options("attribute: href")
        let linkTarget = try LinkTargetExistsCheck(options: &lte)
        var orphanOptions = try options("{}")
        let orphan = try OrphanPageCheck(options: &orphanOptions)
        for _ in 0..<20 {
            let links = (0..<Int.random(in: 1...30, using: &rng)).map { _ -> String in
                let h = Self.hrefs.randomElement(using: &rng)!.replacingOccurrences(of: "\"", with: "&quot;")
                switch Int.random(in: 0..<8, using: &rng) {
                case 0: return "<area href=\"\(h)\">"
                case 1: return "<a>no href</a>"
                case 2: return "<link rel=x href=\"\(h)\">"
                default: return "<a href=\"\(h)\">x</a>"
                }
            }
            let head = base.map { "<base href=\"\($0)\">" } ?? ""
            let html = "<html><head>\(head)</head><body>\(links.joined())</body></html>"
            let page = PageContext(document: HTMLParser.parse(html), file: file, site: SiteInfo(files: Self.files))
            for element in page.document.elements where ["a", "area", "link"].contains(element.name) {
                let raw = element.attribute("href")
                // link-target-exists as it was: resolve, then look up (or see whether it climbs out).
                let expected: CheckResult
                if let raw {
                    let path = ExportPath.resolve(raw, from: file, base: base)
                    let target = LinkTargetExistsCheck.target(raw, path: path, file: file, names: SiteNameTable(Self.files), base: base)
                    expected = LinkTargetExistsCheck.result(raw, target)
                } else {
                    expected = .holds
                }
                let result = linkTarget.evaluate(element, in: page)
                #expect(result.verdict == expected.verdict && result.data == expected.data, "\(element.sourceSnippet) on \(file)")
                let path = raw.flatMap { ExportPath.resolve($0, from: file, base: base) }
                #expect(orphan.collect(element, in: page) == (path == file ? nil : path), "\(element.sourceSnippet) on \(file)")
            }
        }
    }

    @Test func valuesAreNumberedOncePerDistinctHref() {
        let html = #"<a href="x.html">1</a><a href="y.html">2</a><area href="x.html"><a href="x.html ">3</a><a>4</a>"#
        let page = PageContext(document: HTMLParser.parse(html), file: "index.html", site: SiteInfo(files: ["x.html"]))
        let links = PageLinks.of(page)
        let anchors = page.elements(named: "a", "area")
        #expect(links.hrefs == ["x.html", "y.html", "x.html", "x.html "])
        #expect(anchors.map { links.value(of: $0) } == [0, 1, 0, 2, nil])
        #expect(links.path(1) == "y.html")
        #expect(links.raw(2) == "x.html ")
    }
}
