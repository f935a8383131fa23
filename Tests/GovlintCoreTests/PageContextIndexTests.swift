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
}
