import Testing
@testable import GovlintAccessibility

@Suite struct StyleSheetScannerTests {
    @Test func rulesWithConditions() {
        let sheet = StyleSheetScanner("""
        @charset "utf-8"; @import url("a.css") print;
        body { color: red }
        /* @media (x) { .no { a: b } } */
        @media (orientation: portrait) { .a, .b { transform: rotate(90deg) } @supports (x: y) { #c { rotate: 1turn } } }
        @font-face { font-family: "}" ; src: url(a.woff) }
        p[title="{"] { content: "}"; margin: 0 }
        """)
        #expect(sheet.rules.map(\.selector) == ["body", ".a, .b", "#c", #"p[title="{"]"#])
        #expect(sheet.rules[1].conditions == ["media (orientation: portrait)"])
        #expect(sheet.rules[2].conditions == ["media (orientation: portrait)", "supports (x: y)"])
        #expect(sheet.rules[1].style.value(of: "transform") == "rotate(90deg)")
        #expect(sheet.rules[3].style.value(of: "margin") == "0")
        #expect(sheet.imports.map(\.prelude) == [#"url("a.css") print"#])
    }

    @Test(arguments: ["", "}}}", "@media {", "a { b: c", "/* open", "@media (x) { a { b: c }"])
    func malformedInputDoesNotTrap(_ css: String) {
        _ = StyleSheetScanner(css)
    }

    @Test func unclosedBlockKeepsItsRule() {
        #expect(StyleSheetScanner("a { color: red").rules.first?.style.value(of: "color") == "red")
    }
}
