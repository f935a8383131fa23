import GovlintAccessibility
import GovlintHTML
import Testing
@testable import GovlintCore

/// The table checks' byte- and atom-level shortcuts against the string code they replaced.
@Suite struct TableContentFastPathTests {
    static let texts = [
        "", " ", "\t\n\u{0C}\r\n ", "a", " a ", "\u{00A0}", "\u{3000}", "\u{2003}", " \u{301}", "\u{301}", "\r\n",
        "\u{200B}", "\u{01}", "江滨", " \t江 ", "\u{FEFF}", "\u{85}", "&nbsp;", "&#32;&#9;",
    ]

    @Test(arguments: texts)
    func notBlankIsNormaliseNotEmpty(_ text: String) {
        #expect(TableContent.notBlank(text) == !AccessibilityContext.normalise(text).isEmpty)
        // And the same on the text of a parsed cell (entities resolved, CR LF as the parser leaves it).
        let doc = HTMLParser.parse("<table><tr><td id=c>\(text)</td></tr></table>")
        let cell = doc.element(withID: "c")!
        #expect(TableContent.hasText(cell) == !AccessibilityContext.normalise(cell.textContent).isEmpty)
    }

    /// The cells `headers-attribute` reads: `td`/`th` descendants whose nearest HTML `table` is the table.
    static func referenceCells(_ table: HTMLElement) -> [Int] {
        func owningTable(_ cell: HTMLElement) -> HTMLElement? {
            var p = cell.parent
            while let cur = p, cur.index > 0 {
                if cur.name == "table", cur.namespace == .html { return cur }
                p = cur.parent
            }
            return nil
        }
        return table.descendants.filter {
            ($0.name == "td" || $0.name == "th") && $0.namespace == .html && owningTable($0) == table
        }.map(\.index)
    }

    @Test(arguments: [
        "<table id=t><tr><td>a</td><th>b</th></tr></table>",
        "<table id=t><tr><td><table><tr><td>in</td></tr></table></td><td>b</td></tr><tr><th>c</th></tr></table>",
        "<table id=t><tr><td><svg><table><td>x</td></table><foreignObject><table><tr><td>y</td></tr></table></foreignObject></svg></td></tr></table>",
        "<table id=t><caption><table><tr><td>cap</td></tr></table></caption><tfoot><tr><td>f</td></tr></tfoot><tr><td headers=a>1</td></tr></table>",
        "<table id=t><template><tr><td>t</td></tr></template><tr><td>1</td></tr></table>",
    ])
    func headersAttributeCells(_ html: String) {
        let doc = HTMLParser.parse(html)
        for table in doc.elements where table.name == "table" {
            let (cells, anyHeaders) = HeadersAttributeCheck.cells(of: table)
            let reference = Self.referenceCells(table)
            #expect(cells == reference)
            #expect(anyHeaders == reference.contains { doc[$0].attribute("headers") != nil })
        }
    }
}
