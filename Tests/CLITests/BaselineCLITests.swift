import Foundation
import GovlintTestSupport
import Testing

/// `govlint baseline create` and `check --baseline`: identity survives line shifts, counts matter.
@Suite(.serialized) struct BaselineCLITests {
    /// A copy of the demo export in a temporary folder, plus a folder for outputs.
    static func copyDemo() throws -> (site: URL, out: URL) {
        let root = try CLITests.tempDir()
        let site = root.appendingPathComponent("site")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLITests.demo), to: site)
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        return (site, out)
    }

    static func newFindings(_ site: URL, _ baseline: URL) throws -> [[String: Any]] {
        let r = try CLITests.govlint(["check", site.path, "--profile", "starter", "--no-cache", "--baseline", baseline.path,
                                      "--format", "json", "--fail-on", "never"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return try #require(json["findings"] as? [[String: Any]])
    }

    @Test func shiftedLinesGiveNoNewFindingsAndOneMoreViolationGivesOne() throws {
        let (site, out) = try Self.copyDemo()
        let baseline = out.appendingPathComponent("baseline.json")
        let made = try CLITests.govlint(["baseline", "create", site.path, "--profile", "starter", "--output", baseline.path])
        #expect(made.status == 0, "\(made.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: baseline)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { !(($0["file"] as? String) ?? "/").hasPrefix("/") }, "paths are relative")

        // Same site: nothing new.
        #expect(try Self.newFindings(site, baseline).isEmpty)

        // Shift every line of the home page down by three.
        let index = site.appendingPathComponent("index.html")
        let original = try String(contentsOf: index, encoding: .utf8)
        try ("\n\n\n" + original).write(to: index, atomically: true, encoding: .utf8)
        #expect(try Self.newFindings(site, baseline).isEmpty)

        // One more image without alt (of an asset that exists, so only image-alt fires): exactly one new finding.
        let shifted = try String(contentsOf: index, encoding: .utf8)
        let added = shifted.replacingOccurrences(of: "</body>", with: "<img src=\"images/seal.png\">\n</body>")
        #expect(added != shifted)
        try added.write(to: index, atomically: true, encoding: .utf8)
        let fresh = try Self.newFindings(site, baseline)
        #expect(fresh.count == 1)
        #expect(fresh.first?["ruleId"] as? String == "image-alt", "\(fresh)")
    }

    @Test func markdownShowsNewVersusBaseline() throws {
        let (site, out) = try Self.copyDemo()
        let baseline = out.appendingPathComponent("baseline.json")
        #expect(try CLITests.govlint(["baseline", "create", site.path, "--profile", "starter", "--output", baseline.path]).status == 0)
        let r = try CLITests.govlint(["check", site.path, "--profile", "starter", "--baseline", baseline.path, "--format", "markdown"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("**New versus baseline:** 0 new findings;"))
    }

    @Test func mergedShardsApplyTheBaselineToo() throws {
        let (site, out) = try Self.copyDemo()
        let baseline = out.appendingPathComponent("baseline.json")
        #expect(try CLITests.govlint(["baseline", "create", site.path, "--profile", "starter", "--output", baseline.path]).status == 0)
        var parts: [String] = []
        for i in 1...2 {
            let part = out.appendingPathComponent("part\(i).json").path
            let r = try CLITests.govlint(["check", site.path, "--profile", "starter", "--no-cache", "--shard", "\(i)/2", "--output", part])
            #expect(r.status == 0, "\(r.stderr)")
            parts.append(part)
        }
        let shardWithBaseline = try CLITests.govlint(["check", site.path, "--shard", "1/2", "--output", out.appendingPathComponent("x.json").path,
                                                      "--baseline", baseline.path])
        #expect(shardWithBaseline.status == 2)
        #expect(shardWithBaseline.stderr.contains("pass it to 'govlint report merge'"))
        let merged = try CLITests.govlint(["report", "merge"] + parts + ["--baseline", baseline.path, "--format", "markdown"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("**New versus baseline:** 0 new findings;"))
    }

    @Test func baselineOfAnotherVersionIsRejected() throws {
        let (site, out) = try Self.copyDemo()
        let baseline = out.appendingPathComponent("baseline.json")
        try #"{"version": 2, "entries": []}"#.write(to: baseline, atomically: true, encoding: .utf8)
        let r = try CLITests.govlint(["check", site.path, "--profile", "starter", "--baseline", baseline.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("baseline version 2 is not supported"), "\(r.stderr)")
        try "not json".write(to: baseline, atomically: true, encoding: .utf8)
        let bad = try CLITests.govlint(["check", site.path, "--baseline", baseline.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("not a govlint baseline"), "\(bad.stderr)")
    }
}
