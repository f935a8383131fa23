import Foundation
import GovlintCore
import GovlintHTML
@testable import GovlintReporters
import Testing

@Suite struct BaselineTests {
    static func finding(_ line: Int, snippet: String = "<img  src=\"a.png\">", file: String = "index.html") -> Finding {
        Finding(ruleID: "image-alt", severity: .error, file: file, range: ReportSample.range(line, 1),
                message: LocalizedText(en: "Image has no alt text.", zhCN: "图片缺少替代文本。"), snippet: snippet)
    }

    @Test func matchingIsCountAwareAndIgnoresLinesAndWhitespace() {
        let baseline = Baseline(findings: [Self.finding(3), Self.finding(9)])
        #expect(baseline.entries.count == 1)
        #expect(baseline.entries[0].count == 2)
        #expect(baseline.entries[0].snippet == "<img src=\"a.png\">")
        // Moved lines and reflowed whitespace: known.
        #expect(baseline.newFindings([Self.finding(30, snippet: "<img\n  src=\"a.png\">"), Self.finding(40)]).isEmpty)
        // A third copy is new; so is the same snippet in another file.
        let third = baseline.newFindings([Self.finding(1), Self.finding(2), Self.finding(5)])
        #expect(third.map(\.line) == [5])
        #expect(baseline.newFindings([Self.finding(1, file: "other.html")]).count == 1)
    }

    @Test func applyRecordsTheComparison() throws {
        let baseline = Baseline(findings: [Self.finding(3)])
        let result = baseline.apply(to: RunResult(findings: [Self.finding(4), Self.finding(5, snippet: "<img>")]))
        #expect(result.findings.map(\.line) == [5])
        #expect(result.baseline == BaselineComparison(known: 1, new: 1))
    }

    @Test func encodesSortedAndRoundTrips() throws {
        let baseline = Baseline(findings: [Self.finding(3, file: "b.html"), Self.finding(3, file: "a.html")], toolVersion: "0.0.0-test")
        let text = try baseline.encoded()
        #expect(text.hasPrefix("{\n  \"entries\""))
        #expect(text.contains("\"version\" : 1"))
        #expect(baseline.entries.map(\.file) == ["a.html", "b.html"])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-baseline-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try Baseline.load(url.path) == baseline)
    }
}
