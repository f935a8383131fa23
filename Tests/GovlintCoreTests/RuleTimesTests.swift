import Foundation
@testable import GovlintCore
import GovlintTestSupport
import Testing

@Suite struct RuleTimesTests {
    @Test func entriesSumPerNameAndSortSlowestFirst() {
        let times = RuleTimes()
        times.add([("b", 5), ("a", 5), ("c", 1)])
        times.add([("c", 10), ("b", 1)])
        #expect(times.entries == [
            .init(name: "c", nanoseconds: 11, count: 2),
            .init(name: "b", nanoseconds: 6, count: 2),
            .init(name: "a", nanoseconds: 5, count: 1),
        ])
    }

    @Test func tableShowsTheSlowestTheRestAndTheTotal() {
        let times = RuleTimes()
        times.add([("slow-rule", 3_000_000), ("mid-rule", 2_000_000), ("fast-rule", 1_000_000), ("tiny-rule", 1_000_000)])
        let lines = times.table(limit: 2).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.map(\.first) == ["rule", "slow-rule", "mid-rule", "(2", "total"])
        #expect(lines[1] == ["slow-rule", "3.0", "42.9", "1"])
        #expect(lines[3] == ["(2", "more)", "2.0", "28.6"])
        #expect(lines[4] == ["total", "7.0", "100.0"])
    }

    /// A run measures parsing and selector matching once per page, every page rule once per page it ran
    /// on, and each site rule once more, in the site phase.
    @Test func aRunMeasuresEveryRuleOnEveryPage() throws {
        let site = RepositoryPaths.fixtures.appendingPathComponent("sites/demo-agency")
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }.count
        let linter = Linter(catalog: try SourcePacks.catalog())
        var options = RunOptions(jobs: 2, profiles: [], now: Date(timeIntervalSince1970: 1_764_028_800))
        options.times = RuleTimes()
        _ = linter.run(paths: [site], options: options)
        let counts = Dictionary(uniqueKeysWithValues: options.times!.entries.map { ($0.name, $0.count) })
        #expect(counts[RuleTimes.parsing] == pages)
        #expect(counts[RuleTimes.selectorMatching] == pages)
        let rules = linter.activeRules(profiles: [])
        for r in rules where r.rule.target == .page { #expect(counts[r.rule.id] == pages, "\(r.rule.id)") }
        for r in rules where r.rule.target == .site && r.rule.siteFileCheck == nil {
            #expect(counts[r.rule.id] == pages + 1, "\(r.rule.id)")
        }
    }
}
