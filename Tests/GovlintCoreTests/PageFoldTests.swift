import Foundation
@testable import GovlintCore
import GovlintTestSupport
import Testing

/// The page phase shrinks outcomes as files finish (PageFold); results must equal
/// what the per-file outcomes give when summed and merged directly.
@Suite(.serialized) struct PageFoldTests {
    static let now = ConfigurationLoader.parseDate("2026-11-25")!

    static func makeSite() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-fold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("news"), withIntermediateDirectories: true)
        for i in 0..<9 {
            // Every page links to the next two (twice each), so link targets repeat across and within pages;
            // page 0 is linked by nobody (an orphan unless it is the root index).
            let links = [(i + 1) % 9, (i + 2) % 9, (i + 1) % 9, (i + 2) % 9].filter { $0 != 0 }
                .map { "<a href=\"/news/p\($0).html\">page \($0)</a>" }.joined(separator: " ")
            let html = """
                <html lang="en"><head><title>Page \(i % 4)</title></head>
                <body><main>\(links) <img src="i\(i).png"></main></body></html>
                """
            try html.write(to: dir.appendingPathComponent("news/p\(i).html"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test(arguments: [1, 3])
    func foldedRunEqualsPerFileOutcomes(_ shards: Int) throws {
        let site = try Self.makeSite()
        let linter = Linter(catalog: try SourcePacks.catalog())
        let rules = linter.activeRules(profiles: [])
        #expect(rules.contains { $0.rule.id == "orphan-page" })

        // Reference: every page checked on its own, outcomes summed, all facts kept.
        let files = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("news").path).sorted()
        let info = SiteInfo(files: Set(files.map { "news/\($0)" }), now: Self.now)
        var expectedOutcomes: [String: OutcomeCounts] = [:]
        var facts: [String: [SiteFact]] = [:]
        var findings: [Finding] = []
        for f in files {
            let o = linter.checkPage(at: site.appendingPathComponent("news/\(f)"), relative: "news/\(f)",
                                     rules: rules.filter { $0.rule.target != .descriptor }, site: info)
            for (id, c) in o.outcomes { expectedOutcomes[id, default: OutcomeCounts()].add(c) }
            for (id, v) in o.facts { facts[id, default: []] += v }
            findings += o.findings
        }
        let siteOutcome = SiteRunner.run(rules.filter { $0.rule.target == .site }, facts: facts,
                                         site: SiteContext(info: info))
        for (id, c) in siteOutcome.outcomes { expectedOutcomes[id, default: OutcomeCounts()].add(c) }
        findings += siteOutcome.findings
        #expect(facts["orphan-page"]?.count == 9 * 4 - 4) // links to p0 are dropped by the filter above

        var parts: [RunPart] = []
        for i in 1...shards {
            var options = RunOptions(jobs: 2, profiles: [], now: Self.now)
            if shards > 1 { options.shard = Shard("\(i)/\(shards)") }
            parts.append(linter.collect(paths: [site], options: options))
        }
        // Repeated link targets are kept once per part, with the count of all of them.
        #expect(parts.map { $0.factCounts?["orphan-page"] ?? 0 }.reduce(0, +) == 32)
        #expect(parts.allSatisfy { ($0.distinctFacts?["orphan-page"]?.count ?? 0) <= 8 })
        let result = try linter.finish(parts)
        #expect(result.outcomes == expectedOutcomes)
        #expect(result.outcomes["orphan-page"]?.passed == 32)
        #expect(Set(result.findings) == Set(findings))
        #expect(result.findings.contains { $0.ruleID == "orphan-page" && $0.file == "news/p0.html" })
        #expect(result.findings.count == findings.count)
    }

    /// Site findings handed over as the site rules go (in batches, also within a rule that fails on
    /// thousands of pages) are the findings, in order, that one returned list holds.
    @Test func spilledSiteFindingsEqualReturnedOnes() throws {
        let linter = Linter(catalog: try SourcePacks.catalog())
        let rules = linter.activeRules(profiles: []).filter { $0.rule.id == "unique-page-title" || $0.rule.id == "orphan-page" }
        #expect(rules.count == 2)
        let files = (0..<3000).map { "p\($0).html" }
        let facts: [String: [SiteFact]] = ["unique-page-title": files.enumerated().map { i, f in
            SiteFact(file: f, value: "Title \(i % 2)", range: .fileStart, snippet: "<title>")
        }]
        let site = SiteContext(info: SiteInfo(files: Set(files), now: Self.now))
        let whole = SiteRunner.run(rules, facts: facts, site: site)
        var batches: [[Finding]] = []
        let spilled = SiteRunner.run(rules, facts: { SiteRunner.SiteFactBatch(facts: SiteFacts(facts[$0] ?? [])) }, site: site, spill: { batches.append($0) })
        #expect(whole.findings.count > 5000, "both rules fail on every page")
        #expect(spilled.findings.isEmpty)
        #expect(batches.count > 4 && batches.allSatisfy { $0.count <= 1024 })
        #expect(batches.flatMap { $0 } == whole.findings)
        #expect(spilled.outcomes == whole.outcomes)
    }

    @Test(arguments: [0, 1, 2, 7, 100])
    func permutingInPlaceEqualsMapping(_ count: Int) {
        var state: UInt64 = UInt64(count) &+ 1
        var order = Array(0..<count)
        for i in order.indices.reversed() where i > 0 { // a seeded shuffle
            state = state &* 6364136223846793005 &+ 1442695040888963407
            order.swapAt(i, Int(state >> 33) % (i + 1))
        }
        let list = (0..<count).map { "v\($0)" }
        var permuted = list
        SiteRunner.permute(&permuted, order)
        #expect(permuted == order.map { list[$0] })
    }
}
