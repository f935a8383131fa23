import Foundation
@testable import GovlintCore
import GovlintHTML
@testable import GovlintReporters
import GovlintTestSupport
import Testing

/// Reporters write as they read findings from the run's stream (issue 7):
/// a report of a spooled run must equal the report of the same findings in
/// memory, and the streamed JSON envelope must equal one serialisation.
@Suite(.serialized) struct StreamedReportTests {
    static let now = ConfigurationLoader.parseDate("2026-11-25")!

    /// A spooled run over pages in several folders, and the same result with its findings in memory.
    static func runs() throws -> (streamed: RunResult, inMemory: RunResult, catalog: Catalog) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-streamed-\(UUID().uuidString)")
        for i in 0..<40 {
            let folder = ["", "news/", "about/team/"][i % 3]
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
            let lang = i % 4 == 0 ? "" : " lang=\"en\""
            let html = """
                <html\(lang)><head><title>\(i % 2 == 0 ? "Same" : "Page \(i)")</title></head>
                <body>\(String(repeating: "<img src=\"x\(i).png\">", count: i % 3))<a href="gone\(i % 5).html">x &amp; <y></a>
                <input type="text"></body></html>
                """
            try html.write(to: dir.appendingPathComponent("\(folder)p\(i).html"), atomically: true, encoding: .utf8)
        }
        let catalog = try SourcePacks.catalog()
        let linter = Linter(catalog: catalog)
        let streamed = linter.run(paths: [dir], options: RunOptions(jobs: 2, profiles: ["starter", "wcag22-aa"], now: now))
        var inMemory = streamed
        inMemory.findings = streamed.findings
        return (streamed, inMemory, catalog)
    }

    static let formatCases: [(String, Bool)] = ReporterRegistry.ids.flatMap { [($0, true), ($0, false)] }

    @Test(arguments: formatCases)
    func streamedReportEqualsInMemoryReport(_ format: String, _ includeCantTell: Bool) throws {
        let (streamed, inMemory, catalog) = try Self.runs()
        #expect(streamed.findings.count > 100)
        #expect(streamed.findings.contains { $0.outcome == .cantTell })
        let reporter = try #require(ReporterRegistry.reporter(format))
        func context(_ r: RunResult) -> ReportContext {
            ReportContext(result: r, catalog: catalog, toolVersion: "0.0.0-test", includeCantTell: includeCantTell)
        }
        let expected = try reporter.render(context(inMemory))
        // Written through a file output, as the command line does.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        var output = try FileOutput(path: file.path)
        try reporter.write(context(streamed), to: &output)
        try output.finish()
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written == expected)
        #expect(try reporter.render(context(streamed)) == expected)
    }

    @Test(arguments: [0, 1, 3])
    func streamedJSONEqualsOneSerialisation(_ n: Int) throws {
        let items: [[String: Any]] = (0..<n).map { i in
            ["b": i, "a": ["zh-CN": "说明 \(i)", "en": "a/b \"q\"\n"], "c": [1, 2], "d": NSNull(), "e": [String: Any]()]
        }
        let whole: [String: Any] = ["z": 1, "runs": [["results": items, "tool": ["name": "x"]]], "a": "https://x/y"]
        let streamed: [String: Any] = ["z": 1, "runs": [["results": [JSONOutput.placeholder], "tool": ["name": "x"]]], "a": "https://x/y"]
        var out = ""
        try JSONOutput.write(streamed, to: &out, itemCount: n) { emit in for item in items { try emit(item) } }
        #expect(out == (try JSONOutput.encode(whole)))
    }

    /// Typed items are written without JSONSerialization: same bytes, on keys whose sorted order
    /// differs from plain comparison (case, digits), every escaped character, empty containers, nesting.
    @Test(arguments: [0, 1, 3])
    func typedItemsEqualOneSerialisation(_ n: Int) throws {
        let tricky = "q\"b\\s/ \u{0}\u{1}\u{8}\u{9}\u{a}\u{b}\u{c}\u{d}\u{1f}\u{7f} é 全 👍🏽 \u{202E}"
        let items: [JSONOutput.Item] = (0..<n).map { i in
            .object([
                ("b", .int(i - 1)), ("B2", .string(tricky)), ("a10", .bool(i == 0)), ("a9", .null), ("zh-CN", .string("说明 \(i)")),
                ("$schema", .array([])), ("e", .object([])), ("Ä", .string("")),
                ("nested", .array([.object([("kind", .string("element")), ("fullyQualifiedName", .string(tricky))]), .array([.int(-7)])])),
            ])
        }
        let whole: [String: Any] = ["z": 1, "runs": [["results": items.map(\.any), "tool": ["name": "x"]]], "a": "https://x/y"]
        let streamed: [String: Any] = ["z": 1, "runs": [["results": [JSONOutput.placeholder], "tool": ["name": "x"]]], "a": "https://x/y"]
        var out = ""
        try JSONOutput.write(streamed, to: &out, itemCount: n) { emit in for item in items { try emit(item) } }
        #expect(out == (try JSONOutput.encode(whole)))
    }

    @Test func temporaryChunksKeepOrderPerBucket() {
        let chunks = TemporaryChunks()
        for i in 0..<100 { chunks.append("\(i)é\n", to: i % 3 == 0 ? "a" : "b") }
        var a: [String] = []
        chunks.forEach("a") { a.append($0) }
        #expect(a == stride(from: 0, to: 100, by: 3).map { "\($0)é\n" })
        #expect(chunks.count("b") == 66)
        chunks.append("late", to: "a")
        var last = ""
        chunks.forEach("a") { last = $0 }
        #expect(last == "late")
        #expect(chunks.count("none") == 0)
    }
}
