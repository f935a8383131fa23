import Foundation
import GovlintHTML
@testable import GovlintCore
import GovlintTestSupport
import Testing

/// Findings are spooled to a temporary file as files finish and streamed back
/// in report order (issue 7, bounded memory); everything computed over the
/// stream must equal what the same findings in memory give.
@Suite(.serialized) struct FindingStreamTests {
    static let now = ConfigurationLoader.parseDate("2026-11-25")!

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Pages in several folders with findings of several rules each, some pages without any.
    static func makeSite(pages: Int = 60) throws -> URL {
        let dir = try tempDir()
        for i in 0..<pages {
            let folder = ["", "a/", "b/c/", "zz/"][i % 4]
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
            let lang = i % 5 == 0 ? "" : " lang=\"en\""
            let title = i % 3 == 0 ? "Shared title" : "Page \(i)"
            let images = String(repeating: "<img src=\"i\(i).png\">", count: i % 4)
            let html = i % 7 == 6
                ? "<!DOCTYPE html><html lang=\"en\"><head><title>Fine \(i)</title></head><body><main><h1>Fine</h1></main></body></html>"
                : """
                <html\(lang)><head><title>\(title)</title></head>
                <body>\(images)<a href="p\(i + 1).html">next</a> <a href="missing\(i % 3).html">x</a></body></html>
                """
            try html.write(to: dir.appendingPathComponent("\(folder)p\(i).html"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    static func finding(_ i: Int, file: String = "a.html", path: String? = nil) -> Finding {
        Finding(ruleID: "rule-\(i % 3)", severity: [.info, .warning, .error][i % 3], outcome: i % 4 == 0 ? .cantTell : .failed,
                file: file,
                range: SourceRange(start: SourcePosition(line: i + 1, column: 2, offset: 10 * i),
                                   end: SourcePosition(line: i + 2, column: 1, offset: 10 * i + 7)),
                message: LocalizedText(en: "message \(i) ✓", zhCN: "说明 \(i)"), snippet: i == 1 ? "" : "<img\n src=\"\(i)\">", path: path)
    }

    /// Fields a reader omits are left empty; every other field reads back as written.
    @Test func spoolLeavesOmittedFieldsEmpty() throws {
        let spool = try FindingSpool()
        let written = (0..<20).map { Self.finding($0, path: $0 % 2 == 0 ? "html > body > img:nth-child(\($0))" : nil) }
        let slice = try #require(spool.append(written, for: "a.html"))
        for omitted: FindingFields in [[], [.snippet], [.path], [.zhCN], [.snippet, .path, .zhCN]] {
            var read: [Finding] = []
            spool.read(slice, into: &read, strings: StringInterner(), omitting: omitted)
            let expected = written.map { f -> Finding in
                var f = f
                if omitted.contains(.snippet) { f.snippet = "" }
                if omitted.contains(.path) { f.path = nil }
                if omitted.contains(.zhCN) { f.message.zhCN = "" }
                return f
            }
            #expect(read == expected, "\(omitted)")
        }
    }

    @Test func spoolReturnsFindingsAsWritten() throws {
        let spool = try FindingSpool()
        let first = (0..<20).map { Self.finding($0, path: $0 % 2 == 0 ? "html > body > img:nth-child(\($0))" : nil) }
        let second = [Self.finding(7, file: "b/ü.html"), Finding(ruleID: "x", severity: .error, file: "b/ü.html", range: .fileStart,
                                                                  message: LocalizedText(en: "", zhCN: ""))]
        spool.append(first, for: "a.html")
        spool.append(second, for: "b/ü.html")
        spool.append([], for: "empty.html")
        #expect(spool.findings(for: "a.html") == first)
        #expect(spool.findings(for: "b/ü.html") == second)
        #expect(spool.slice(for: "empty.html") == nil)
        #expect(Set(spool.paths) == ["a.html", "b/ü.html"])
    }

    /// Appends are written in batches: a read must see findings and facts still in the batch, whether they
    /// straddle a batch's end or sit whole in it, and reads interleaved with appends stay right.
    @Test(arguments: [1, 40, 700, 1 << 18])
    func spoolReadsWhatIsNotWrittenYet(batch: Int) throws {
        Self.appendAndReadBack(try FindingSpool(factChunkSize: 90, writeBatchSize: batch))
    }

    /// The spool's first stretch is a memory file that moves to disk past its limit: reads before, across
    /// and after the move give back what was appended (limit 0: on disk from the start).
    @Test(arguments: [(0, 40), (1, 1), (100, 40), (3_000, 700), (1 << 30, 40)])
    func spoolMovesFromMemoryToDiskWithoutLosingRecords(limit: Int, batch: Int) throws {
        let spool = try FindingSpool(factChunkSize: 90, writeBatchSize: batch, memoryLimit: limit)
        #expect(spool.inMemory == (limit > 0))
        Self.appendAndReadBack(spool)
        #expect(spool.inMemory == (limit == 1 << 30), "moved to disk past the limit, not before")
    }

    static func appendAndReadBack(_ spool: FindingSpool) {
        var expected: [String: [Finding]] = [:]
        for i in 0..<40 {
            let file = "p\(i).html"
            let findings = (0..<(i % 4)).map { Self.finding(i + $0, file: file) }
            spool.append(findings, for: file)
            if !findings.isEmpty { expected[file] = findings }
            spool.appendFacts([SiteFact(file: file, value: "v\(i)", range: .fileStart, snippet: "<a id=\(i)>")], rule: "r", path: file)
            if i % 7 == 3 { #expect(spool.findings(for: "p\(i - 1).html") == expected["p\(i - 1).html"] ?? []) }
        }
        for (file, findings) in expected { #expect(spool.findings(for: file) == findings) }
        #expect(spool.readFacts(rule: "r").map(\.value) == (0..<40).map { "v\($0)" })
        let (facts, at) = spool.readFactsWithoutSnippets(rule: "r")
        #expect(facts.count == 40)
        #expect(at.map(spool.snippet(at:)) == (0..<40).map { "<a id=\($0)>" })
    }

    @Test func spoolLeavesNothingOnDisk() throws {
        let dir = try Self.tempDir()
        let spool = try FindingSpool(directory: dir)
        spool.append([Self.finding(1)], for: "a.html")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "the spool is unlinked as soon as it is open")
        #expect(spool.findings(for: "a.html") == [Self.finding(1)])
    }

    @Test func runSpoolsFindingsAndRemovesTheSpool() throws {
        let site = try Self.makeSite()
        let spoolDir = try Self.tempDir()
        let linter = Linter(catalog: try SourcePacks.catalog())
        var options = RunOptions(jobs: 2, profiles: ["starter"], now: Self.now)
        options.spoolDirectory = spoolDir
        let part = linter.collect(paths: [site], options: options)
        let spool = try #require(part.spool)
        #expect(spool.size > 0)
        #expect(part.files.values.allSatisfy { $0.findings.isEmpty }, "findings live in the spool, not in memory")
        #expect(part.files.values.allSatisfy { $0.facts.isEmpty }, "so do the facts of locating site rules")
        #expect(spool.factSlices["unique-page-title"]?.count == 60)
        let result = try linter.finish([part])
        #expect(!result.findings.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: spoolDir.path).isEmpty)
        // Nothing left in the temporary directory by whole runs either.
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("govlint-spool-") })
        _ = linter.run(paths: [site], options: RunOptions(jobs: 2, profiles: ["starter"], now: Self.now)).findings
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("govlint-spool-") })
        #expect(after.subtracting(before).isEmpty)
    }

    @Test(arguments: [1, 2, 4])
    func streamIsInReportOrderWhateverTheScheduling(_ jobs: Int) throws {
        let site = try Self.makeSite()
        let linter = Linter(catalog: try SourcePacks.catalog())
        let result = linter.run(paths: [site], options: RunOptions(jobs: jobs, profiles: ["starter", "site-hygiene"], now: Self.now))
        let streamed = Array(result.stream)
        #expect(streamed.count > 100)
        #expect(Set(streamed.map(\.file)).count > 30, "findings of many files")
        #expect(streamed == streamed.sorted(by: Finding.ordered), "file, line, column, rule order")
        // Iterating again, by file, or counting gives the same findings.
        var byFile: [Finding] = []
        result.stream.forEachFile { batch in
            #expect(Set(batch.map(\.file)).count == 1)
            byFile += batch
        }
        #expect(byFile == streamed)
        #expect(Array(result.stream) == streamed)
        #expect(result.stream.counts == FindingCounts(streamed))
        // The same as the findings kept in memory (no spool: its folder does not exist).
        var options = RunOptions(jobs: 1, profiles: ["starter", "site-hygiene"], now: Self.now)
        options.spoolDirectory = URL(fileURLWithPath: "/nonexistent-govlint-\(UUID().uuidString)")
        let part = linter.collect(paths: [site], options: options)
        #expect(part.spool == nil)
        #expect(try linter.finish([part]).findings == streamed)
    }

    @Test func partWithSpoolEncodesItsFindings() throws {
        let site = try Self.makeSite(pages: 20)
        let linter = Linter(catalog: try SourcePacks.catalog())
        var options = RunOptions(jobs: 2, profiles: ["starter"], now: Self.now)
        options.shard = Shard("1/1")
        let part = linter.collect(paths: [site], options: options)
        #expect(part.spool != nil)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(RunPart.self, from: encoder.encode(part))
        #expect(decoded.spool == nil)
        for (path, outcome) in decoded.files { #expect(outcome.findings == part.outcome(for: path)?.findings) }
        #expect(decoded.files.values.reduce(0) { $0 + $1.findings.count } > 0)
        #expect(try linter.finish([decoded]).findings == linter.finish([part]).findings)
    }

    @Test func baselineOverTheStreamEqualsBaselineInMemory() throws {
        let site = try Self.makeSite()
        let linter = Linter(catalog: try SourcePacks.catalog())
        let options = RunOptions(jobs: 2, profiles: ["starter"], now: Self.now)
        let streamed = linter.run(paths: [site], options: options)
        var inMemory = streamed
        inMemory.findings = streamed.findings
        // A baseline of every other finding, one fingerprint counted twice.
        let all = streamed.findings
        let known = stride(from: 0, to: all.count, by: 2).map { all[$0] } + [all[0]]
        let baseline = Baseline(findings: known)
        let a = baseline.apply(to: streamed), b = baseline.apply(to: inMemory)
        #expect(a.findings == b.findings)
        #expect(a.findings == baseline.newFindings(all))
        #expect(a.baseline == b.baseline)
        #expect(a.baseline?.known ?? 0 > 0 && a.baseline?.new ?? 0 > 0)
        #expect(a.stream.counts == FindingCounts(a.findings))
        #expect(a.count(atLeast: .warning) == a.findings.filter { $0.outcome == .failed && $0.severity >= .warning }.count)
        // Created from the stream, the baseline equals one made from the array.
        #expect(Baseline(findings: streamed.stream) == Baseline(findings: all))
    }

    @Test func scoringOverTheStreamEqualsScoringInMemory() throws {
        let site = try Self.makeSite()
        let catalog = try SourcePacks.catalog()
        let linter = Linter(catalog: catalog)
        let profile = try #require(catalog.profiles.first { $0.value.scoring != nil }?.key)
        let streamed = linter.run(paths: [site], options: RunOptions(jobs: 2, profiles: [profile], now: Self.now))
        let model = try #require(try linter.inspectionModel(for: profile))
        var inMemory = streamed
        inMemory.findings = streamed.findings
        #expect(!streamed.findings.filter { $0.outcome == .failed }.isEmpty)
        #expect(model.score(streamed) == model.score(inMemory))
        #expect(streamed.inspection == model.score(inMemory))
    }

    @Test func countsFollowStages() {
        let findings = (0..<30).map { Self.finding($0) }
        let stream = FindingStream(findings)
        #expect(stream.counts == FindingCounts(findings))
        #expect(Array(stream.failedOnly()) == findings.filter { $0.outcome == .failed })
        #expect(stream.failedOnly().counts.cantTell == 0)
        #expect(stream.counts.total == 30 && stream.counts.failed + stream.counts.cantTell == 30)
        #expect(stream.counts.byRule["rule-2"]?.errors == findings.filter { $0.ruleID == "rule-2" && $0.outcome == .failed }.count)
    }
}

extension FindingStreamTests {
    @Test func partWrittenPieceByPieceDecodesLikeTheEncodedPart() throws {
        let site = try Self.makeSite(pages: 24)
        let linter = Linter(catalog: try SourcePacks.catalog())
        var options = RunOptions(jobs: 2, profiles: ["starter"], now: Self.now)
        options.shard = Shard("2/3")
        let part = linter.collect(paths: [site], options: options)
        var text = ""
        try part.writeJSON { text += $0 }
        #expect(text.hasSuffix("}\n"))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let written = try decoder.decode(RunPart.self, from: Data(text.utf8))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let encoded = try decoder.decode(RunPart.self, from: encoder.encode(part))
        #expect(try encoder.encode(written) == encoder.encode(encoded))
        #expect(written.files.values.contains { !$0.findings.isEmpty })
    }
}

extension FindingStreamTests {
    @Test func spooledSiteFactsEqualFactsKeptInMemory() throws {
        let site = try Self.makeSite(pages: 30)
        let linter = Linter(catalog: try SourcePacks.catalog())
        var options = RunOptions(jobs: 2, profiles: ["starter", "site-hygiene"], now: Self.now)
        options.shard = Shard("1/1")
        let spooled = linter.collect(paths: [site], options: options)
        options.spoolDirectory = URL(fileURLWithPath: "/nonexistent-govlint-\(UUID().uuidString)")
        let inMemory = linter.collect(paths: [site], options: options)
        #expect(spooled.spool != nil && inMemory.spool == nil)
        var compared = 0
        for (path, outcome) in inMemory.files {
            let restored = try #require(spooled.outcome(for: path))
            #expect(restored.facts == outcome.facts, "\(path)")
            #expect(restored.findings == outcome.findings, "\(path)")
            compared += outcome.facts.values.reduce(0) { $0 + $1.count }
        }
        #expect(compared > 60)
        let a = try linter.finish([spooled]), b = try linter.finish([inMemory])
        #expect(a.findings == b.findings)
        #expect(a.outcomes == b.outcomes)
        #expect(a.findings.contains { $0.ruleID == "unique-page-title" })
    }

    @Test(arguments: [1, 200, 1 << 16])
    func spooledFactsReadBackByRuleAndByFile(_ chunkSize: Int) throws {
        let spool = try FindingSpool(factChunkSize: chunkSize)
        func fact(_ file: String, _ n: Int) -> SiteFact {
            SiteFact(file: file, value: "v\(n) 值", range: SourceRange(start: SourcePosition(line: n, column: 2, offset: 3 * n),
                                                                   end: SourcePosition(line: n, column: 9, offset: 3 * n + 7)),
                     snippet: n.isMultiple(of: 2) ? "" : "<a href=\"x\(n)\">")
        }
        var expected: [String: [SiteFact]] = [:]
        for p in 0..<40 {
            let path = "dir/page-\(p).html"
            for rule in ["a", "b"] where rule == "a" || p.isMultiple(of: 3) {
                let facts = (0..<(p % 4 + 1)).map { fact(path, p * 10 + $0) }
                spool.appendFacts(facts, rule: rule, path: path)
                expected[rule, default: []] += facts
            }
        }
        spool.appendFacts([], rule: "c", path: "empty.html")
        #expect(Set(spool.factRules) == ["a", "b"])
        #expect(Array(spool.readFacts(rule: "a")) == expected["a"])
        #expect(Array(spool.readFacts(rule: "b")) == expected["b"])
        #expect(spool.readFacts(rule: "c").isEmpty)
        #expect(Array(spool.readFacts(rule: "a") { $0.hasSuffix("-7.html") }) == expected["a"]!.filter { $0.file.hasSuffix("-7.html") })
        // Snippets left in the spool, each read back where it is.
        for rule in ["a", "b"] {
            let (facts, at) = spool.readFactsWithoutSnippets(rule: rule)
            #expect(facts.map { SiteFact(file: $0.file, value: $0.value, range: $0.range, snippet: "") }
                    == expected[rule]!.map { SiteFact(file: $0.file, value: $0.value, range: $0.range, snippet: "") })
            #expect(at.map(spool.snippet(at:)) == expected[rule]!.map(\.snippet))
        }
        // By file group, as a part file is written.
        let groups = spool.factSlices
        #expect(groups["a"]?.count == 40 && groups["b"]?.count == 14)
        for (rule, list) in groups {
            #expect(list.flatMap { spool.readFacts($0.slice, file: $0.path) } == expected[rule])
        }
        // Findings appended in between are not disturbed.
        spool.append([Self.finding(1)], for: "x.html")
        #expect(Array(spool.readFacts(rule: "a")) == expected["a"])
        #expect(spool.findings(for: "x.html") == [Self.finding(1)])
    }
}

/// The report path's shortcuts (shared strings, position sort, counting without decoding)
/// must give exactly what decoding every finding and sorting them does.
@Suite struct SpoolShortcutTests {
    static func finding(rule: String, file: String = "pages/some/long/folder/index.html", line: Int, column: Int = 1,
                        offset: Int? = nil, outcome: Outcome = .failed, severity: Severity = .error, en: String = "A message long enough to be shared",
                        snippet: String = "<a href=\"x\">", path: String? = nil) -> Finding {
        let at = SourcePosition(line: line, column: column, offset: offset ?? line * 100 + column)
        return Finding(ruleID: rule, severity: severity, outcome: outcome, file: file, range: SourceRange(start: at, end: at),
                       message: LocalizedText(en: en, zhCN: "说明：" + en), snippet: snippet, path: path)
    }

    /// Ties on position (rule, then message decide), equal findings (stability: told apart by snippet),
    /// an extra from the site phase, and a rule filtered out.
    static var tricky: [Finding] {
        [
            finding(rule: "rule-b-with-a-long-identifier", line: 9, snippet: "first"),
            finding(rule: "rule-a-with-a-long-identifier", line: 9, column: 4),
            finding(rule: "rule-a-with-a-long-identifier", line: 9, en: "A message long enough to be shared, later"),
            finding(rule: "rule-a-with-a-long-identifier", line: 9, en: "A message long enough to be shared", snippet: "second"),
            finding(rule: "rule-a-with-a-long-identifier", line: 9, en: "A message long enough to be shared", snippet: "third"),
            finding(rule: "rule-b-with-a-long-identifier", line: 2, offset: 5, outcome: .cantTell),
            finding(rule: "rule-b-with-a-long-identifier", line: 2, offset: 3, severity: .warning, path: "html > body > a:nth-child(2)"),
            finding(rule: "file-truncated", line: 1, severity: .info),
            finding(rule: "short", line: 10, en: "", snippet: ""),
            finding(rule: "rule-c-ünïcödé-identifier-long", line: 3, en: "Ünïcödé message that is long, with “quotes”"),
        ]
    }

    @Test(arguments: 0..<8)
    func sortedEqualsTheStableSort(seed: Int) {
        // Orders of the same findings: rotated, reversed every other time.
        var list = Self.tricky
        list = Array(list[(seed % list.count)...] + list[..<(seed % list.count)])
        if seed % 2 == 1 { list.reverse() }
        if seed == 7 { list.append(Self.finding(rule: "other-file-rule", file: "a.html", line: 1)) }
        let expected = list.sorted(by: Finding.ordered)
        let got = SpooledFindings.sorted(list)
        #expect(got == expected)
        #expect(got.map(\.snippet) == expected.map(\.snippet), "stable")
    }

    @Test func spooledStreamEqualsTheFindingsInMemory() throws {
        let spool = try FindingSpool()
        let file = "pages/some/long/folder/index.html"
        let pages = (0..<3).map { page in Self.tricky.map { f -> Finding in var f = f; f.file = "\(page)/" + file; return f } }
        for (i, list) in pages.enumerated() { spool.append(Array(list.dropLast(2)), for: "\(i)/" + file) }
        let steps = pages.enumerated().map { i, list in
            SpooledFindings.Step(slices: [(spool, spool.slice(for: "\(i)/" + file)!)], extra: Array(list.suffix(2)))
        }
        let keep: @Sendable (String, String) -> Bool = { rule, file in !(rule == "file-truncated" && file.hasPrefix("1/")) }
        let stream = FindingStream(storage: .spooled(SpooledFindings(steps: steps, keep: keep)))
        let expected = pages.flatMap { $0.filter { keep($0.ruleID, $0.file) }.sorted(by: Finding.ordered) }
        #expect(stream.array == expected)
        #expect(stream.counts == FindingCounts(expected))
        #expect(stream.failedOnly().counts == FindingCounts(expected.filter { $0.outcome == .failed }))
    }

    /// What ``FindingStream/forEachFileLines(_:)`` gives, as findings with the fields lines carry.
    static func lineFindings(_ stream: FindingStream) -> [[Finding]] {
        var runs: [[Finding]] = []
        stream.forEachFileLines { run in
            runs.append(run.lines.map { l in
                let en = run.withMessage(l, in: .en) { String(decoding: $0, as: UTF8.self) }
                let zh = run.withMessage(l, in: .zhCN) { String(decoding: $0, as: UTF8.self) }
                return Finding(ruleID: run.ruleID(l), severity: l.severity, outcome: l.outcome, file: run.file(l),
                               range: SourceRange(start: l.start, end: l.start), message: LocalizedText(en: en, zhCN: zh))
            })
        }
        return runs
    }

    /// The fields lines carry (the Chinese message as `text(.zhCN)` gives it), in runs of one file.
    static func asLines(_ findings: [Finding]) -> [[Finding]] {
        var runs: [[Finding]] = []
        for f in findings {
            let line = Finding(ruleID: f.ruleID, severity: f.severity, outcome: f.outcome, file: f.file,
                               range: SourceRange(start: f.range.start, end: f.range.start),
                               message: LocalizedText(en: f.message.en, zhCN: f.message.text(.zhCN)))
            if let last = runs.last?.last, last.file == f.file { runs[runs.count - 1].append(line) } else { runs.append([line]) }
        }
        return runs
    }

    @Test(arguments: 0..<4)
    func linesEqualTheFindingsRead(seed: Int) throws {
        let spool = try FindingSpool()
        let file = "pages/some/long/folder/index.html"
        var tricky = Self.tricky
        tricky.append(Self.finding(rule: "no-chinese", line: 4, en: "English only"))
        tricky[tricky.count - 1].message.zhCN = ""
        // Rotated and reversed (unsorted in the spool), one page of them twice (extras spooled apart).
        let pages = (0..<3).map { (page: Int) -> [Finding] in
            let cut = (seed + page) % tricky.count
            var list: [Finding] = Array(tricky[cut...]) + Array(tricky[..<cut])
            if (seed + page) % 2 == 1 { list.reverse() }
            return list.map { (f: Finding) -> Finding in var f = f; f.file = "\(page)/" + file; return f }
        }
        for (i, list) in pages.enumerated() { spool.append(Array(list.dropLast(3)), for: "\(i)/" + file) }
        let apart = try FindingSpool()
        let steps = pages.enumerated().map { i, list in
            var step = SpooledFindings.Step(slices: [(spool, spool.slice(for: "\(i)/" + file)!)], extra: [])
            if i == 1 {
                step.slices.append((apart, apart.appendDetached(Array(list.suffix(3)))!))
            } else {
                step.extra = Array(list.suffix(3))
            }
            return step
        }
        let keep: @Sendable (String, String) -> Bool = { rule, file in !(rule == "file-truncated" && file.hasPrefix("1/")) }
        let stream = FindingStream(storage: .spooled(SpooledFindings(steps: steps, keep: keep)))
        let expected = pages.flatMap { $0.filter { keep($0.ruleID, $0.file) }.sorted(by: Finding.ordered) }
        #expect(Self.lineFindings(stream) == Self.asLines(expected))
        #expect(Self.lineFindings(stream.failedOnly()) == Self.asLines(expected.filter { $0.outcome == .failed }))
        // The pass counted the findings: the counts it left are those of a counting pass.
        let counted = FindingStream(storage: .spooled(SpooledFindings(steps: steps, keep: keep)))
        #expect(counted.counts == FindingCounts(expected))
        let linesFirst = FindingStream(storage: .spooled(SpooledFindings(steps: steps, keep: keep)))
        _ = Self.lineFindings(linesFirst.failedOnly())
        #expect(linesFirst.counts == FindingCounts(expected))
        #expect(linesFirst.failedOnly().counts == FindingCounts(expected.filter { $0.outcome == .failed }))
        // In memory: the findings as they are, in runs of one file.
        #expect(Self.lineFindings(FindingStream(expected)) == Self.asLines(expected))
    }

    /// Records sized first and written in place read back as the findings written: strings of every
    /// length class (inline, one- and two-byte lengths), large and zero positions, with and without a path.
    @Test func recordsReadBackAsWritten() throws {
        let long = String(repeating: "长", count: 100) // 300 bytes: a two-byte length
        var findings = Self.tricky
        findings.append(Finding(ruleID: "r", severity: .warning, outcome: .cantTell, file: "", range: .fileStart,
                                message: LocalizedText(en: long, zhCN: ""), snippet: long + "x", path: long))
        let far = SourcePosition(line: 1 << 40, column: 300, offset: Int.max)
        findings.append(Finding(ruleID: String(repeating: "r", count: 127), severity: .info, file: "f", range: SourceRange(start: far, end: far),
                                message: LocalizedText(en: "e", zhCN: "z"), snippet: "", path: ""))
        let bytes = RecordWriter.records(findings)
        var reader = RecordReader(bytes: bytes)
        #expect(findings.indices.map { _ in reader.finding() } == findings)
        #expect(reader.at == bytes.count)
        #expect(RecordWriter.records([]).isEmpty)
    }

    @Test func internedStringsEqualDecodedOnes() {
        let strings = StringInterner()
        var samples = ["", "short", String(repeating: "x", count: 15), String(repeating: "y", count: 16), "ünïcödé, long enough to share",
                       String(repeating: "z", count: 512), String(repeating: "z", count: 513), "invalid \u{FFFD} replaced later"]
        // More distinct strings than slots: evicted ones are decoded again.
        samples += (0..<10_000).map { "a generated string number \($0)" }
        for round in 0..<2 {
            for (i, s) in samples.enumerated() {
                var bytes = Array(s.utf8)
                if s.hasPrefix("invalid") { bytes += [0xFF, 0xC3] } // not UTF-8: repaired as decoding does
                let got = bytes.withUnsafeBufferPointer { strings.string($0, field: (i + round) % StringInterner.fields) }
                #expect(got == String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}

@Suite struct FingerprintShortcutTests {
    /// The fingerprint hashes its pieces without building the string; ASCII snippets are
    /// normalised byte by byte: the same hash as hashing the whole normalised text.
    @Test(arguments: ["", "  ", "<a\n  href=x>\t</a>", " lead and trail \r\n", "a\u{0B}b\u{0C}c\u{1C}d", "é  x\u{A0}y", "x\u{3000}y \u{2028}"])
    func fingerprintEqualsHashOfTheNormalisedText(_ snippet: String) {
        let f = Finding(ruleID: "image-alt", severity: .error, file: "a/b.html", range: .fileStart,
                        message: LocalizedText(en: "Image has no alt", zhCN: "图片"), snippet: snippet)
        #expect(Fingerprint.of(f) == Fingerprint.fnv1a("image-alt\u{0}a/b.html\u{0}\(Fingerprint.normalised(snippet))\u{0}Image has no alt"))
    }
}
