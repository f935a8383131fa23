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
