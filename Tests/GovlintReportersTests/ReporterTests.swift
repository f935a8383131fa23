import Foundation
import GovlintCore
import GovlintHTML
import GovlintReporters
import GovlintTestSupport
import Testing

/// A small, fixed run that every reporter renders; the outputs are compared
/// with `Fixtures/reports/<format>[.<language>].golden`.
/// Run with `GOVLINT_UPDATE_GOLDEN=1` to rewrite the golden files, then review the diff.
enum ReportSample {
    /// A message that tries everything: markup, quotes, a newline, a control
    /// character, a right-to-left mark, and the characters that are special in
    /// Markdown tables, workflow commands and XML.
    static let hostileEN = "Image <script>alert(\"x\")</script> has no 'alt' text\nsee: a,b | `code` 100% \u{1}done\u{200F}."
    static let hostileZH = "图片 <script> 缺少 \"alt\" 文本\n见：a,b | `code` 100% \u{1}完\u{200F}。"

    static func range(_ line: Int, _ column: Int, _ endLine: Int? = nil, _ endColumn: Int? = nil) -> SourceRange {
        SourceRange(start: SourcePosition(line: line, column: column, offset: line * 100 + column),
                    end: SourcePosition(line: endLine ?? line, column: endColumn ?? column + 10,
                                        offset: (endLine ?? line) * 100 + (endColumn ?? column + 10)))
    }

    static let findings: [Finding] = [
        Finding(ruleID: "image-alt", severity: .error, file: "index.html", range: range(3, 5),
                message: LocalizedText(en: hostileEN, zhCN: hostileZH),
                snippet: "<img src=\"a.png\" onerror=\"alert(1)\">", path: "html > body > img"),
        Finding(ruleID: "document-title", severity: .error, file: "index.html", range: range(1, 1),
                message: LocalizedText(en: "The page has no <title> element.", zhCN: "页面没有 <title> 元素。"),
                snippet: "<html>", path: "html"),
        Finding(ruleID: "html-lang-valid", severity: .error, outcome: .cantTell, file: "about/page.html",
                range: range(10, 2, 12, 4),
                message: LocalizedText(en: "The language tag comes from a script; review it by hand.",
                                       zhCN: "语言标签由脚本设置，请人工复核。"),
                snippet: "<html lang=\"{{lang}}\">"),
        Finding(ruleID: "image-alt", severity: .warning, file: "about/page.html", range: range(5, 1),
                message: LocalizedText(en: "Image has no alt text.", zhCN: "图片缺少替代文本。"),
                snippet: "<img src=\"b.png\">"),
        Finding(ruleID: "image-alt", severity: .warning, file: "about/page.html", range: range(8, 3),
                message: LocalizedText(en: "Image has no alt text.", zhCN: "图片缺少替代文本。"),
                snippet: "<img src=\"c.png\">"),
        Finding(ruleID: "unique-page-title", severity: .warning, file: "news/a,b:c%.html", range: range(7, 3),
                message: LocalizedText(en: "The title \"News\" is also used by 2 other pages.",
                                       zhCN: "标题“News”还被另外 2 个页面使用。"),
                snippet: "<title>News</title>"),
        Finding(ruleID: "publiccode-name-present", severity: .error, file: "publiccode.yml", range: range(2, 1, 2, 5),
                message: LocalizedText(en: "publiccode.yml has no 'name'.", zhCN: "publiccode.yml 缺少 'name'。"),
                snippet: "nme: Portal", path: "$"),
    ].sorted(by: Finding.ordered)

    static func counts(passed: Int = 0, failed: Int = 0, cantTell: Int = 0, inapplicable: Int = 0) -> OutcomeCounts {
        var c = OutcomeCounts()
        c.passed = passed
        c.failed = failed
        c.cantTell = cantTell
        c.inapplicable = inapplicable
        return c
    }

    static let result = RunResult(
        findings: findings,
        outcomes: [
            "document-title": counts(passed: 2, failed: 1),
            "frame-title": counts(inapplicable: 3),
            "html-has-lang": counts(passed: 3),
            "html-lang-valid": counts(passed: 2, cantTell: 1),
            "image-alt": counts(passed: 4, failed: 3),
            "publiccode-name-present": counts(failed: 1),
            "unique-page-title": counts(passed: 2, failed: 1),
        ],
        rulesRun: ["document-title", "frame-title", "html-has-lang", "html-lang-valid", "image-alt",
                   "publiccode-name-present", "unique-page-title"],
        profile: "starter", pagesChecked: 3, descriptorsChecked: 1, filesSeen: 5, durationSeconds: 1.25,
        now: Date(timeIntervalSince1970: 1_790_000_000))

    static func context(language: Language = .en, includeCantTell: Bool = true) throws -> ReportContext {
        ReportContext(result: result, catalog: try SourcePacks.catalog(), toolVersion: "0.0.0-test",
                      language: language, colour: false, includeCantTell: includeCantTell)
    }

    static func render(_ format: String, language: Language = .en, includeCantTell: Bool = true) throws -> String {
        let reporter = try #require(ReporterRegistry.reporter(format), "no reporter '\(format)'")
        return try reporter.render(context(language: language, includeCantTell: includeCantTell))
    }
}

struct GoldenCase: Sendable, CustomStringConvertible {
    var format: String
    var language: Language
    var fileName: String { language == .en ? "\(format).golden" : "\(format).\(language.rawValue).golden" }
    var description: String { fileName }

    static var all: [GoldenCase] {
        ReporterRegistry.ids.map { GoldenCase(format: $0, language: .en) }
            + ["text", "markdown"].filter { ReporterRegistry.ids.contains($0) }.map { GoldenCase(format: $0, language: .zhCN) }
    }
}

@Suite struct ReporterGoldenTests {
    static let folder = RepositoryPaths.fixtures.appendingPathComponent("reports")

    @Test func sampleNamesRealRules() throws {
        let catalog = try SourcePacks.catalog()
        for id in ReportSample.result.rulesRun {
            #expect(catalog.rule(id) != nil, "the sample run names '\(id)', which is not in Rules/")
        }
    }

    @Test(arguments: GoldenCase.all)
    func matchesGoldenFile(_ c: GoldenCase) throws {
        let output = try ReportSample.render(c.format, language: c.language)
        let url = Self.folder.appendingPathComponent(c.fileName)
        if ProcessInfo.processInfo.environment["GOVLINT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(url.path); run with GOVLINT_UPDATE_GOLDEN=1")
            return
        }
        let golden = String(decoding: data, as: UTF8.self)
        if output != golden {
            let a = output.split(separator: "\n", omittingEmptySubsequences: false)
            let b = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            let got = i < a.count ? String(a[i]) : "<end>"
            let want = i < b.count ? String(b[i]) : "<end>"
            Issue.record("""
                \(c.fileName) differs at line \(i + 1) (GOVLINT_UPDATE_GOLDEN=1 rewrites it):
                  got:  \(got.debugDescription)
                  want: \(want.debugDescription)
                """)
        }
    }

    @Test(arguments: ReporterRegistry.ids)
    func outputIsDeterministic(_ format: String) throws {
        #expect(try ReportSample.render(format) == ReportSample.render(format))
    }

    @Test(arguments: ReporterRegistry.ids)
    func cantTellFindingsCanBeLeftOut(_ format: String) throws {
        let with = try ReportSample.render(format)
        let without = try ReportSample.render(format, includeCantTell: false)
        #expect(with.contains("review it by hand"))
        #expect(!without.contains("review it by hand"))
    }
}

@Suite struct ReporterContentTests {
    @Test func jsonParsesAndKeepsTheMessageExactly() throws {
        let text = try ReportSample.render("json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == ReportSample.findings.count)
        let messages = findings.compactMap { ($0["message"] as? [String: String])?["en"] }
        #expect(messages.contains(ReportSample.hostileEN))
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["errors"] == 3 && summary["warnings"] == 3 && summary["cantTell"] == 1)
    }

    @Test func sarifCarriesEveryFindingWithAFingerprint() throws {
        let text = try ReportSample.render("sarif")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == ReportSample.findings.count)
        let prints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] }
        #expect(prints == ReportSample.findings.map(Fingerprint.of))
        #expect(results.filter { $0["kind"] as? String == "review" }.count == 1)
    }

    @Test func textNeutralisesControlAndBidiCharacters() throws {
        let text = try ReportSample.render("text")
        #expect(!text.unicodeScalars.contains { $0.value == 1 || $0.value == 0x1B })
        #expect(text.contains("\\u{1}"))
    }
}
