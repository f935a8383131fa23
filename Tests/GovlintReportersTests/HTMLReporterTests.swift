import Foundation
import GovlintCore
import GovlintHTML
@testable import GovlintReporters
import GovlintTestSupport
import Testing

@Suite struct HTMLReporterTests {
    /// Runs the given profile's rules on a rendered report, in process.
    static func lint(_ html: String, profile: String) throws -> [Finding] {
        let catalog = try SourcePacks.catalog()
        let linter = Linter(catalog: catalog)
        let rules = linter.activeRules(profiles: [profile])
        #expect(rules.count > 20)
        return linter.checkPage(bytes: Array(html.utf8), relative: "report.html", rules: rules.filter { $0.rule.target == .page },
                                site: SiteInfo(files: ["report.html"])).findings
    }

    @Test(arguments: Language.allCases)
    func passesGovlintsOwnAccessibilityRules(_ language: Language) throws {
        let html = try ReportSample.render("html", language: language)
        let findings = try Self.lint(html, profile: "wcag22-aa")
        #expect(findings.filter { $0.outcome == .failed }.isEmpty, "\(findings.map { "\($0.line):\($0.column) \($0.ruleID) \($0.message.en)" })")
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
    }

    @Test func isSelfContainedAndEscapesHostileText() throws {
        let html = try ReportSample.render("html")
        #expect(!html.contains("<script"), "no script, and page text cannot inject one")
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=&quot;a.png&quot; onerror=&quot;alert(1)&quot;&gt;"))
        #expect(!html.contains("http-equiv"))
        #expect(!html.contains("<link"), "no external stylesheet")
        #expect(!html.contains("src=\""), "no external resources")
        #expect(!html.unicodeScalars.contains { $0.value == 1 || $0.value == 0x200F })
        #expect(html.contains("\\u{200f}"))
    }

    @Test func chartsAreNamedImagesWithTheirNumbers() throws {
        let html = try ReportSample.render("html")
        #expect(html.components(separatedBy: "<svg role=\"img\" aria-labelledby=").count - 1 == 4)
        #expect(html.contains("<title id=\"chart-section-t\">Failures by site section (first folder):"))
        #expect(html.contains("<title id=\"chart-severity-t\">Findings by severity: error: 3; warning: 3; info: 0; to review: 1</title>"))
        #expect(html.contains("<title id=\"chart-rule-t\">Failures by rule: image-alt: 3;"))
    }

    @Test func drillDownListsEveryFindingWithLineAndColumn() throws {
        let html = try ReportSample.render("html")
        for f in ReportSample.findings {
            #expect(html.contains("<td class=\"file\">\(HTMLReporter.esc(f.file))</td><td class=\"n\">\(f.line):\(f.column)</td>"))
            #expect(html.contains("id=\"\(HTMLReporter.anchor(f.ruleID))\""))
        }
        #expect(HTMLReporter.anchor("a\"><b") == "rule-a___b")
    }

    @Test func clausesSortNumerically() {
        #expect(["1.4.10", "1.4.2", "1.1.1", "4.1.2"].sorted(by: HTMLReporter.clauseOrder) == ["1.1.1", "1.4.2", "1.4.10", "4.1.2"])
    }
}
