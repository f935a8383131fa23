import Foundation
import GovlintCore
import GovlintHTML
@testable import GovlintReporters
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
            + ["text", "markdown", "html"].filter { ReporterRegistry.ids.contains($0) }.map { GoldenCase(format: $0, language: .zhCN) }
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

/// Runs a python3 script with arguments; returns the exit status and combined output.
enum Python {
    static func run(_ script: String, _ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func withTemporaryFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-report-\(UUID().uuidString)")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }
}

@Suite struct JUnitReporterTests {
    @Test(arguments: Language.allCases)
    func parsesWithPythonAndHasUniqueNames(_ language: Language) throws {
        let xml = try ReportSample.render("junit", language: language)
        let (status, output) = try Python.withTemporaryFile(xml) { path in
            try Python.run("""
                import sys, collections, xml.etree.ElementTree as E
                root = E.parse(sys.argv[1]).getroot()
                assert root.tag == "testsuites", root.tag
                cases = root.findall("./testsuite/testcase")
                keys = collections.Counter((c.get("classname"), c.get("name")) for c in cases)
                dupes = [k for k, n in keys.items() if n > 1]
                assert not dupes, dupes
                for s in root.findall("testsuite"):
                    assert all(c.get("classname") == s.get("name") for c in s.findall("testcase"))
                    assert int(s.get("tests")) == len(s.findall("testcase"))
                    assert int(s.get("failures")) == len(s.findall("testcase/failure"))
                print(len(cases), len(root.findall("./testsuite/testcase/failure")), len(root.findall("./testsuite/testcase/skipped")))
                """, [path])
        }
        #expect(status == 0, "\(output)")
        // 7 rules; image-alt fails on 2 files, html-lang-valid is only to review.
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "8 5 1")
    }

    @Test func failureListsEveryFindingOfTheFile() throws {
        let xml = try ReportSample.render("junit")
        #expect(xml.contains("<testcase name=\"image-alt about/page.html\" classname=\"image-alt\" file=\"about/page.html\""))
        #expect(xml.contains("<failure message=\"2 findings; first at 5:1: Image has no alt text.\" type=\"warning\">5:1 warning: Image has no alt text."))
        #expect(xml.contains("8:3 warning: Image has no alt text."))
        #expect(xml.contains("<testcase name=\"html-has-lang\" classname=\"html-has-lang\" time=\"0\"/>"))
    }

    @Test(arguments: ["plain", "a<b>&\"c\"'d'", "line\nbreak\r\ttab", "nul\u{0}bell\u{7}esc\u{1B}", "\u{FFFE}\u{FFFF}", "rtl\u{200F}中文"])
    func escapingYieldsWellFormedXML(_ value: String) throws {
        let doc = "<a v=\(JUnitReporter.attr(value))>\(JUnitReporter.text(value))</a>"
        let (status, output) = try Python.withTemporaryFile(doc) { path in
            try Python.run("""
                import sys, xml.etree.ElementTree as E
                e = E.parse(sys.argv[1]).getroot()
                print(repr(e.get("v")))
                """, [path])
        }
        #expect(status == 0, "\(output)")
        if !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" || $0.value >= 0xFFFE }) {
            // Attribute values survive exactly, newlines and tabs included.
            let (_, repr) = try Python.run("import sys; print(repr(sys.argv[1]))", [value])
            #expect(output == repr)
        }
    }
}

@Suite struct GitHubReporterTests {
    @Test(arguments: [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("key: a,b", "key: a,b", "key%3A a%2Cb"),
        ("%0A", "%250A", "%250A"),
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
    ])
    func escapesLikeActionsToolkit(_ input: String, _ data: String, _ property: String) {
        #expect(GitHubReporter.escapeData(input) == data)
        #expect(GitHubReporter.escapeProperty(input) == property)
    }

    @Test func oneCommandPerFindingWithToolkitSeverities() throws {
        let lines = try ReportSample.render("github").split(separator: "\n").map(String.init)
        #expect(lines.count == ReportSample.findings.count)
        let commands = lines.map { String($0.dropFirst(2).prefix { $0 != " " }) }
        let expected = ReportSample.findings.map { f in
            f.outcome == .cantTell ? "notice" : f.severity == .error ? "error" : f.severity == .warning ? "warning" : "notice"
        }
        #expect(commands == expected)
    }

    @Test func columnsOnlyWhenTheFindingIsOnOneLine() throws {
        let lines = try ReportSample.render("github").split(separator: "\n").map(String.init)
        let multi = try #require(lines.first { $0.contains("line=10,") })
        #expect(multi.contains("endLine=12") && !multi.contains("col=") && !multi.contains("endColumn="))
        let single = try #require(lines.first { $0.contains("line=3,") })
        #expect(single.contains("line=3,endLine=3,col=5,endColumn=15,"))
    }

    @Test func propertiesAndMessageDecodeBackToTheOriginal() throws {
        let lines = try ReportSample.render("github").split(separator: "\n").map(String.init)
        let hostile = try #require(lines.first { $0.contains("line=3,") })
        let unescape = { (s: Substring) -> String in
            s.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
                .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
                .replacingOccurrences(of: "%25", with: "%")
        }
        let parts = hostile.dropFirst(2).split(separator: "::", maxSplits: 1)
        #expect(parts.count == 2)
        #expect(unescape(parts[1]) == ReportSample.hostileEN.replacingOccurrences(of: "\u{1}", with: "\\u{1}"))
        let file = try #require(lines.first { $0.contains("unique-page-title") })
        #expect(file.contains("file=news/a%2Cb%3Ac%25.html,"))
    }
}

@Suite struct MarkdownReporterTests {
    /// Many findings over many rules, with long hostile messages.
    static func bigContext() throws -> ReportContext {
        let ids = try SourcePacks.catalog().rules.map(\.id) + (0..<8).map { "extra-rule-\($0)" }
        var findings: [Finding] = []
        for i in 0..<1200 {
            let id = ids[i % ids.count]
            findings.append(Finding(ruleID: id, severity: .error, file: "p\(i / 10).html", range: ReportSample.range(i % 10 + 1, 1),
                                    message: LocalizedText(en: String(repeating: ReportSample.hostileEN, count: 20),
                                                           zhCN: String(repeating: ReportSample.hostileZH, count: 20))))
        }
        let result = RunResult(findings: findings.sorted(by: Finding.ordered), rulesRun: ids.sorted(), pagesChecked: 120,
                               now: ReportSample.result.now)
        return ReportContext(result: result, catalog: try SourcePacks.catalog(), toolVersion: "0.0.0-test")
    }

    /// Pipes that are not backslash-escaped, i.e. cell separators.
    static func separators(_ line: Substring) -> Int {
        var n = 0, escaped = false
        for ch in line {
            if escaped { escaped = false; continue }
            if ch == "\\" { escaped = true } else if ch == "|" { n += 1 }
        }
        return n
    }

    @Test(arguments: Language.allCases)
    func fitsAPullRequestComment(_ language: Language) throws {
        var context = try Self.bigContext()
        context.language = language
        let md = try MarkdownReporter.render(context)
        #expect(md.utf8.count < 65_536, "GitHub comments hold at most 65536 characters")
        let findingRows = md.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains(".html |") }
        #expect(findingRows.count == 50)
        let tables = md.components(separatedBy: "\n### ")
        let ruleRows = tables.first { $0.hasPrefix(language == .en ? "Rules with" : "失败最多") }?
            .split(separator: "\n").filter { $0.hasPrefix("| `") } ?? []
        #expect(ruleRows.count == 10)
        #expect(md.contains(language == .en ? "Showing the first 50 of 1200 findings" : "仅显示前 50 个问题，共 1200 个"))
    }

    @Test(arguments: Language.allCases)
    func tableRowsKeepTheirColumns(_ language: Language) throws {
        let md = try ReportSample.render("markdown", language: language)
        for line in md.split(separator: "\n") where line.hasPrefix("|") {
            let n = Self.separators(line)
            #expect([5, 6, 8].contains(n), "a row has \(n) separators: \(line)")
        }
        #expect(!md.contains("<script"))
        #expect(!md.unicodeScalars.contains { $0.value == 1 })
        #expect(md.contains(language == .en ? "❌ **Failed**: 3 errors, 3 warnings, 0 info, 1 to review." : "❌ **未通过**："))
    }

    @Test(arguments: [
        ("a|b", "a\\|b"),
        ("`x`", "\\`x\\`"),
        ("<img src=x onerror=y>", "&lt;img src=x onerror=y&gt;"),
        ("[link](http://e.test)", "\\[link\\](http://e.test)"),
        ("two\nlines", "two lines"),
        ("a & b", "a &amp; b"),
        ("bell\u{7}", "bell\\\\u{7}"),
    ])
    func escapesTableCells(_ input: String, _ expected: String) {
        #expect(MarkdownReporter.cell(input) == expected)
    }

    @Test func cleanRunSaysSo() throws {
        let context = ReportContext(result: RunResult(rulesRun: ["image-alt"], pagesChecked: 1, now: ReportSample.result.now),
                                    catalog: try SourcePacks.catalog(), toolVersion: "0.0.0-test")
        let md = try MarkdownReporter.render(context)
        #expect(md.contains("✅ **Passed**"))
        #expect(md.contains("No findings."))
        #expect(!md.contains("Rules with the most failures"))
    }
}
