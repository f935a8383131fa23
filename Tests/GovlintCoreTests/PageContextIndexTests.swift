import GovlintHTML
@testable import GovlintCore
import Testing

/// `PageContext.elements(named:)` reads a per-page index; it must list exactly the elements a
/// walk over every element comparing names finds, in document order, in every namespace.
@Suite struct PageContextIndexTests {
    static let pages = [
        "<html><head><title>T</title><meta name=a content=1><base href=/x/></head><body><ul><li>1<ul><li>2</li></ul></li></ul></body></html>",
        "<body><svg><a href=#x><title>svg title</title></a></svg><a href=y>y</a><map><area href=z></map><h1>H</h1></body>",
        "<body><my-li>custom</my-li><LI>upper</LI><math><mi>x</mi></math><label>L<label>nested</label></label></body>",
        "<p>no head, no body tags</p><meta name=late content=2>",
    ]

    @Test(arguments: pages)
    func indexListsWhatAWalkFinds(_ html: String) {
        let page = PageContext(document: HTMLParser.parse(html), file: "a.html", site: SiteInfo())
        for names in [["li"], ["meta"], ["a", "area"], ["title", "h1"], ["base"], ["label"], ["my-li"], ["mi"], ["svg", "a"]] {
            let walked: [Int] = Array(page.document.elements.filter { names.contains($0.name) }.map(\.index))
            let indexed: [Int]
            switch names.count {
            case 1: indexed = page.elements(named: names[0]).map(\.index)
            default: indexed = page.elements(named: names[0], names[1]).map(\.index)
            }
            #expect(indexed == walked, "\(names) in \(html)")
        }
    }
}

/// Rules with `hidden: exclude` read `selectExposed`, memoised per selector; it must equal
/// the selection filtered by the accessibility tree, also after the plain selection was memoised.
@Suite struct ExposedSelectionTests {
    static let html = """
        <body><div hidden><p>a</p></div><p aria-hidden=true>b</p><p style="display:none">c</p><p>d</p>
        <span style="visibility:hidden"><p>e</p></span><input type=hidden><p>f</p></body>
        """

    @Test(arguments: ["p", "*", "input, p", "body"])
    func exposedSelectionIsTheFilteredSelection(_ text: String) throws {
        let selector = try Selector(text)
        let page = PageContext(document: HTMLParser.parse(Self.html), file: "a.html", site: SiteInfo())
        let expected = page.select(selector).filter { !page.accessibility.isHiddenFromAccessibilityTree($0) }.map(\.index)
        #expect(page.selectExposed(selector).map(\.index) == expected)
        #expect(page.selectExposed(selector).map(\.index) == expected)
        let fresh = PageContext(document: HTMLParser.parse(Self.html), file: "a.html", site: SiteInfo())
        #expect(fresh.selectExposed(selector).map(\.index) == expected)
        #expect(expected.count < page.select(selector).count || text == "body")
    }
}

/// orphan-page asks which link values could name each page; that must be the exact inverse of
/// the aliases a link value names.
@Suite struct OrphanPageInverseTests {
    static let values = ["", "/", "a", "a/", "a/b", "a/b/", "a.html", "a/index.html", "x.htm", "deep/dir/", "deep/dir/page", "index.html",
                         "b/index.htm", "c/index.shtml", "page", "page.html.html", "dir/index", "weird/.html"]
    static let pages = ["index.html", "index.htm", "index.shtml", "a.html", "a.htm", "a/index.html", "a/b.html", "a/b/index.html",
                        "x.htm", "deep/dir/index.html", "deep/dir/page.html", "b/index.htm", "c/index.shtml", "page.html",
                        "page.html.html", "dir/index.html", "dir/index.htm", "weird/.html", "weird.html", "other.html"]

    @Test func namingValuesInvertAliases() {
        for page in Self.pages {
            let byAliases = Set(Self.values.filter { SiteURL.aliases($0).contains(page) })
            let byInverse = Set(Self.values.filter { OrphanPageCheck.namingValues(of: page).contains($0) })
            #expect(byAliases == byInverse, "\(page)")
        }
    }

    /// The page phase keeps each link value as the one page it names (or as it is, or not at all):
    /// orphan-page must find the same orphans with the kept values as with every collected one.
    @Test(arguments: [0, 1, 2, 3])
    func keptValuesFindTheSameOrphans(_ variant: Int) throws {
        // Every page, then exports missing some of them (so that values name one, several or no pages).
        let files = Set(Self.pages.enumerated().filter { $0.offset % 4 != variant || variant == 0 }.map(\.element)
                        + ["img/logo.png", "doc.pdf", "a.html.html", "a.html/index.html"])
        let node = try YAMLReader.load("{}", file: "test.yaml")
        var options = try CheckOptions(node, file: "test.yaml", anchor: node)
        let check = try OrphanPageCheck(options: &options)
        let site = SiteInfo(files: files)
        let values = Self.values + files.sorted() + ["img/logo.png", "https://example.gov/", "missing.html", "a.html"]
        func orphans(_ values: [String]) -> [String] {
            check.evaluate(values.map(PageFold.valueFact), in: SiteContext(info: site)).compactMap { $0.data["path"] }
        }
        for n in [1, 3, values.count] {
            // Several windows of the values, so that pages are linked by some and not others.
            for start in stride(from: 0, to: values.count, by: n) {
                let window = Array(values[start..<min(values.count, start + n)])
                let kept = Set(window.compactMap { check.keptValue($0, site: site) }).sorted()
                #expect(orphans(kept) == orphans(window), "\(window)")
                #expect(kept.count <= window.count)
            }
        }
        // Values naming no page are dropped; a value naming one page is kept as that page, unless the
        // page's own aliases name more (`a.html` names `a.html.html` and `a.html/index.html` too).
        #expect(check.keptValue("img/logo.png", site: site) == nil)
        #expect(check.keptValue("https://example.gov/", site: site) == nil)
        #expect(check.keptValue("a.html", site: site) == "a.html")
        if files.contains("deep/dir/page.html") {
            #expect(check.keptValue("deep/dir/page", site: site) == "deep/dir/page.html")
        }
    }

    @Test(arguments: ["a.html", "a.HTML", "x/y.Htm", "p.shtml", "q.xhtml", "html", "a.html.", "a.html..", ".html", "a.htm/",
                      "dir.html/file", "a.html5", "a.php", "", ".", "..", "a.ht", "a.\u{130}tml", "ä.html", "a.htmlx", "a.xhtml.bak"])
    func pageExtensionOnBytesAsSplit(_ path: String) {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        #expect(OrphanPageCheck.isPage(path) == Discovery.pageExtensions.contains(ext))
    }
}
