import Foundation
import GovlintHTML
@testable import GovlintCore
import GovlintTestSupport
import Testing

@Suite struct EngineTests {
    static func run(_ html: String, rules ids: [String], file: String = "index.html") throws -> [Finding] {
        let catalog = try SourcePacks.catalog()
        let rules = ids.map { ActiveRule(rule: catalog.rule($0)!, severity: catalog.rule($0)!.severity) }
        return Linter(catalog: catalog).checkPage(bytes: Array(html.utf8), relative: file, rules: rules,
                                                   site: SiteInfo(files: [file])).findings
    }

    @Test func suppressionsCoverNextLineAndRegions() throws {
        let html = """
            <html lang="en"><head><title>x</title></head><body>
            <!-- govlint-disable-next-line image-alt -- decorative, reviewed -->
            <img src="index.html">
            <img src="index.html">
            <!-- govlint-disable image-alt -->
            <img src="index.html">
            <!-- govlint-enable image-alt -->
            <img src="index.html">
            </body></html>
            """
        let lines = try Self.run(html, rules: ["image-alt"]).map(\.line)
        #expect(lines == [4, 8])
    }

    @Test func outcomesFollowActSemantics() throws {
        let catalog = try SourcePacks.catalog()
        let rule = catalog.rule("image-alt")!
        let linter = Linter(catalog: catalog)
        func counts(_ html: String) -> OutcomeCounts {
            linter.checkPage(bytes: Array(html.utf8), relative: "a.html", rules: [ActiveRule(rule: rule, severity: .error)],
                             site: SiteInfo()).outcomes["image-alt"]!
        }
        #expect(counts("<p>no images</p>").overall == .inapplicable)
        #expect(counts("<img alt=x><img alt=y>").passed == 2)
        #expect(counts("<img alt=x><img>").overall == .failed)
    }

    /// The engine keeps the plan of the last rule list it saw: alternating lists (per-file overrides)
    /// must each run with their own rules, selectors and suppressible ids.
    @Test func alternatingRuleListsEachRunTheirOwnRules() throws {
        let catalog = try SourcePacks.catalog()
        let linter = Linter(catalog: catalog)
        func active(_ ids: [String]) -> [ActiveRule] { ids.map { ActiveRule(rule: catalog.rule($0)!, severity: .error) } }
        let a = active(["image-alt", "html-has-lang"]), b = active(["link-name", "document-title"])
        let html = "<html><body><!-- govlint-disable link-name --><img src=x.png><a href=y.html></a></body></html>"
        for _ in 0..<2 {
            for (rules, expected) in [(a, ["html-has-lang", "image-alt"]), (b, ["document-title", "link-name"])] {
                let outcome = linter.checkPage(bytes: Array(html.utf8), relative: "a.html", rules: rules, site: SiteInfo())
                #expect(outcome.outcomes.keys.sorted() == expected)
                #expect(Set(outcome.findings.map(\.ruleID)).isSubset(of: Set(expected)))
                #expect(!outcome.findings.contains { $0.ruleID == "link-name" })
            }
        }
        #expect(PageRunner.RulePlan.of(a) === PageRunner.RulePlan.of(a))
        #expect(PageRunner.RulePlan.of(a).selectors.count == Set(PageRunner.RulePlan.of(a).selectors.map(\.key)).count)
    }

    @Test(arguments: [["base"], ["a", "x-foo"], ["x-foo", "x-bar"], ["a", "area"], ["nosuchname"]])
    func elementsByNameAgreeWithAScanOfEveryElement(_ names: [String]) {
        let html = "<html><head><base href=/x/></head><body><a href=1>a</a><x-foo><area href=2><x-bar></x-bar></x-foo><svg><a>s</a></svg></body></html>"
        let page = PageContext(document: HTMLParser.parse(html), file: "a.html", site: SiteInfo())
        let expected: [Int] = Array(page.document.elements.filter { names.contains($0.name) }.map(\.index))
        let found: [HTMLElement]
        switch names.count {
        case 1: found = page.elements(named: names[0])
        default: found = page.elements(named: names[0], names[1])
        }
        #expect(found.map(\.index) == expected)
    }

    @Test func truncationIsDetectedOnlyInsideTagsAndComments() {
        #expect(Linter.truncationOffset(Array("<p>a < b</p>".utf8)) == nil)
        #expect(Linter.truncationOffset(Array("<p>x</p><img src=".utf8)) == 8)
        #expect(Linter.truncationOffset(Array("<p>x</p><!-- note".utf8)) == 8)
        #expect(Linter.truncationOffset(Array("<p>x</p>\n\n".utf8)) == nil)
        #expect(Linter.truncationOffset(Array("<!-- a --><p>x</p>".utf8)) == nil)
        #expect(Linter.truncationOffset(Array("<p><!-- a --> <!-- b <i>x</i>\n".utf8)) == 14)
        #expect(Linter.truncationOffset(Array("<p><!--> x <b>y</b>".utf8)) == nil)
        #expect(Linter.truncationOffset(Array("<p><!---> x <b>y</b>".utf8)) == nil)
        #expect(Linter.truncationOffset(Array("<p>--> x <!--<b>y</b>".utf8)) == 9)
        #expect(Linter.truncationOffset(Array("<b>".utf8)) == nil)
    }
}

@Suite struct PageContextTests {
    @Test func memoCachesNilResults() throws {
        let page = PageContext(document: GovlintHTML.HTMLParser.parse("<p>x</p>"), file: "a.html", site: SiteInfo())
        var calls = 0
        let first = page.memo(MemoKey<String?>("k")) { calls += 1; return nil }
        let second = page.memo(MemoKey<String?>("k")) { calls += 1; return "late" }
        #expect(first == nil && second == nil)
        #expect(calls == 1)
        let base = page.memo(MemoKey<String?>("other")) { "computed" }
        #expect(base == "computed")
    }

    @Test func memoKeysShareByNameAndTypeAndCacheNil() throws {
        let page = PageContext(document: GovlintHTML.HTMLParser.parse("<p>x</p>"), file: "a.html", site: SiteInfo())
        var calls = 0
        let first = page.memo(MemoKey<String?>("memo-test")) { calls += 1; return nil }
        let second = page.memo(MemoKey<String?>("memo-test")) { calls += 1; return "late" }
        #expect(first == nil && second == nil && calls == 1)
        // Another type under the same name, and another name, get slots of their own.
        #expect(page.memo(MemoKey<Int>("memo-test")) { 7 } == 7)
        #expect(page.memo(MemoKey<String?>("memo-test-2")) { "other" } == "other")
        #expect(page.memo(MemoKey<Int>("memo-test")) { 8 } == 7)
        // Per page: a new page computes again.
        let next = PageContext(document: GovlintHTML.HTMLParser.parse("<p>y</p>"), file: "b.html", site: SiteInfo())
        #expect(next.memo(MemoKey<String?>("memo-test")) { "fresh" } == "fresh")
    }

    /// Selectors read by checks are matched in the page's one bucketed pass: collected from nested trees too.
    @Test func checkSelectorsAreCollectedForThePreselection() throws {
        let catalog = try SourcePacks.catalog()
        let bypass = try #require(catalog.rule("bypass"))
        #expect(bypass.check.pageSelectors.map(\.text).contains("main, [role=main]"))
        #expect(bypass.check.pageSelectors.count == 3)
        let main = try #require(catalog.rule("landmark-one-main"))
        #expect(main.check.pageSelectors.map(\.text) == ["main:not([role], [hidden]), [role=main i]:not([hidden])"])
        #expect(try #require(catalog.rule("image-alt")).check.pageSelectors.isEmpty)
    }

    @Test func absoluteBaseHrefResolvesFromTheExportRoot() throws {
        let html = #"<html lang="en"><head><base href="https://agency.example.gov/site/"><title>t</title></head><body><a href="retirement">r</a> ↓<a href="gone">g</a></body></html>"#
        let catalog = try SourcePacks.catalog()
        let rule = catalog.rule("broken-internal-link")!
        let (code, offsets) = ExampleRunner.stripMarkers(html)
        let out = Linter(catalog: catalog).checkPage(bytes: Array(code.utf8), relative: "a/b/index.html",
                                                      rules: [ActiveRule(rule: rule, severity: .error)],
                                                      site: SiteInfo(files: ["a/b/index.html", "retirement/index.html"]))
        #expect(out.findings.map(\.range.start.offset) == offsets)
    }
}
