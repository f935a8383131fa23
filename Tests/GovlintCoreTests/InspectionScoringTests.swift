import Foundation
import GovlintHTML
import GovlintTestSupport
import Testing
@testable import GovlintCore

/// The cn-gov-inspection scoring model (data in Rules/cn-gov-website/data) and its scorer.
@Suite struct InspectionScoringTests {
    static func model() throws -> InspectionModel {
        let catalog = try SourcePacks.catalog()
        let text = try #require(catalog.dataFiles["cn-gov-website/data/scoring-inspection.yaml"])
        return try InspectionModel.load(yaml: text)
    }

    static func finding(_ rule: String, _ outcome: Outcome = .failed) -> Finding {
        Finding(ruleID: rule, severity: .error, outcome: outcome, file: "index.html",
                range: SourceRange(start: SourcePosition(line: 1, column: 1, offset: 0), end: SourcePosition(line: 1, column: 1, offset: 0)),
                message: LocalizedText(en: "x", zhCN: "x"))
    }

    @Test func modelNamesOnlyKnownRules() throws {
        let model = try Self.model()
        let known = Set(try SourcePacks.catalog().rules.map(\.id))
        #expect(model.ruleIDs.subtracting(known).isEmpty, "unknown rules: \(model.ruleIDs.subtracting(known))")
        #expect(model.veto.contains { $0.id == "home-not-updated" })
    }

    @Test func everyIndicatorIsListed() throws {
        let model = try Self.model()
        let report = model.score(RunResult())
        #expect(report.items.count == model.veto.count + model.deductions.count)
        #expect(report.items.allSatisfy { $0.state != .assessed })
        #expect(report.items.contains { $0.id == "site-unreachable" && $0.state == .notAssessable })
        #expect(report.score == 100 && report.passed)
    }

    @Test func deductionsAreCappedAndVetoesFail() throws {
        let model = try Self.model()
        var result = RunResult(rulesRun: ["broken-internal-link", "cn-home-updated", "cn-home-search"])
        var ok = OutcomeCounts(); ok.passed = 1
        result.outcomes = ["broken-internal-link": ok, "cn-home-updated": ok, "cn-home-search": ok]
        result.findings = Array(repeating: Self.finding("broken-internal-link"), count: 40) + [Self.finding("cn-home-updated", .cantTell)]
        var report = model.score(result)
        #expect(report.items.first { $0.id == "link-availability" }?.deducted == 10)
        #expect(report.items.first { $0.id == "site-search" }?.state == .assessed)
        #expect(report.items.first { $0.id == "page-labels" }?.state == .notApplicable)
        #expect(report.score == 90 && report.vetoes.isEmpty && report.passed, "a cantTell finding neither deducts nor vetoes")
        result.findings.append(Self.finding("cn-home-updated"))
        report = model.score(result)
        #expect(report.vetoes == ["home-not-updated"] && !report.passed)
    }

    @Test(arguments: [
        "id: x\ntitle: {en: a, zh-CN: b}\ntotal: 100\npassMark: 60\nveto: []\ndeductions: [{id: d, title: {en: a, zh-CN: b}, assessment: static, cap: 5, points: 1}]",
        "id: x\ntitle: {en: a, zh-CN: b}\ntotal: 100\npassMark: 60\nveto: []\ndeductions: [{id: d, title: {en: a, zh-CN: b}, assessment: live}]",
        "id: x\ntitle: {en: a, zh-CN: b}\ntotal: 100\npassMark: 60\nveto: [{id: d, title: {en: a, zh-CN: b}, assessment: live}]\ndeductions: [{id: d, title: {en: a, zh-CN: b}, assessment: live, cap: 1}]",
    ])
    func invalidModelsAreRejected(_ yaml: String) {
        #expect(throws: (any Error).self) { try InspectionModel.load(yaml: yaml) }
    }

    @Test func countyFixtureScore() throws {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("sites/cn-county-gov")
        let catalog = try SourcePacks.catalog()
        // The export states its page types in .govlint.yml (one column carries an ArticleTitle).
        let configuration = try ConfigurationLoader.load(dir.appendingPathComponent(".govlint.yml"), catalog: catalog)
        let linter = Linter(catalog: catalog, configuration: configuration)
        let result = linter.run(paths: [dir], options: RunOptions(jobs: 2, profiles: ["cn-gov"], now: ConfigurationLoader.parseDate("2026-11-25")))
        let report = try Self.model().score(result)
        // column-updates (stale + blank) 2 × 2, page-labels 7 × 0.5, identity-marks 1 × 1, service-guides 1 × 1; one stale column is below the veto's 5.
        #expect(report.score == 90.5)
        #expect(report.vetoes.isEmpty && report.passed)
        #expect(report.items.first { $0.id == "columns-not-updated" }?.failedFindings == 1)
    }

    static let models = ["cn-gov-inspection", "us-federal-inspection", "eu-monitoring"]

    /// Every scoring profile's model loads, names only known rules, has no
    /// static indicator without rules, and says what its score is (the US and EU
    /// models: plainly govlint's own weighting, not an official score).
    @Test(arguments: models)
    func scoringProfilesLoad(_ profile: String) throws {
        let catalog = try SourcePacks.catalog()
        let model = try #require(try Linter(catalog: catalog).inspectionModel(for: profile))
        let known = Set(catalog.rules.map(\.id))
        #expect(model.ruleIDs.subtracting(known).isEmpty, "unknown rules: \(model.ruleIDs.subtracting(known))")
        #expect(model.deductions.allSatisfy { $0.assessment != .static || !($0.rules ?? []).isEmpty })
        #expect(model.note?.en.contains("official") == true, "every model says whether its score is official")
        if profile != "cn-gov-inspection" {
            #expect(model.note?.en.contains("Not an official score") == true)
            #expect(model.note?.zhCN.contains("非官方评分") == true)
            #expect((model.sources ?? []).count >= 3)
        }
        // A failed finding is deducted once: no rule belongs to two deduction indicators.
        let counted = model.deductions.flatMap { $0.rules ?? [] }
        #expect(counted.count == Set(counted).count, "rules in two deductions: \(Dictionary(grouping: counted) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        let report = model.score(RunResult())
        #expect(report.items.count == model.veto.count + model.deductions.count)
        #expect(report.note == model.note)
    }

    /// `tags:` indicators count the findings of every rule carrying the tags.
    @Test func tagIndicatorsCountTaggedRules() throws {
        let catalog = try SourcePacks.catalog()
        let model = try #require(try Linter(catalog: catalog).inspectionModel(for: "eu-monitoring"))
        let wcag = try #require(model.deductions.first { $0.id == "wcag-static" })
        #expect(wcag.rules?.contains("image-alt") == true && wcag.rules?.contains("label") == true)
        #expect(wcag.rules?.contains("eu-statement-feedback") == false)
        var result = RunResult(rulesRun: ["image-alt", "label"])
        var ok = OutcomeCounts(); ok.passed = 1
        result.outcomes = ["image-alt": ok, "label": ok]
        result.findings = [Self.finding("image-alt"), Self.finding("label"), Self.finding("label")]
        let report = model.score(result)
        #expect(report.items.first { $0.id == "wcag-static" }?.deducted == 6)
        #expect(report.items.first { $0.id == "statement-feedback" }?.state == .notApplicable)
        #expect(report.items.first { $0.id == "wcag-in-depth" }?.state == .notAssessable)
        #expect(report.score == 94 && report.passed)
    }
}
