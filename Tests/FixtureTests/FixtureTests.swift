import Foundation
import GovlintCore
import GovlintTestSupport
import Testing
import Yams

/// Each `Fixtures/sites/<scenario>/expected.yaml` lists every finding a run
/// must produce; anything unlisted ("noisy") or not produced ("missing") fails.
@Suite struct FixtureTests {
    static var scenarios: [String] {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("sites")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: dir.appendingPathComponent("\($0)/expected.yaml").path) }
            .sorted()
    }

    /// Runs a fixture as `govlint check` would from inside it: with its `.govlint.yml`
    /// (if any), the profiles and `now` of its `expected.yaml`.
    static func run(_ dir: URL, spec: [String: Any], useConfiguration: Bool = true) throws -> RunResult {
        let catalog = try SourcePacks.catalog()
        let profiles = (spec["profile"] as? String).map { [$0] } ?? (spec["profiles"] as? [String]) ?? []
        let now = (spec["now"] as? String).flatMap(ConfigurationLoader.parseDate)
        let configURL = dir.appendingPathComponent(ConfigurationLoader.fileName)
        let configuration = useConfiguration && FileManager.default.fileExists(atPath: configURL.path)
            ? try ConfigurationLoader.load(configURL, catalog: catalog) : Configuration()
        return Linter(catalog: catalog, configuration: configuration)
            .run(paths: [dir], options: RunOptions(jobs: 2, profiles: profiles, now: now))
    }

    @Test(arguments: scenarios)
    func scenario(_ name: String) throws {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("sites/\(name)")
        let (spec, expected) = try ExpectedFindings.load(dir)
        let result = try Self.run(dir, spec: spec)
        let (missing, noisy) = ExpectedFindings.compare(expected, result.findings)
        #expect(missing.isEmpty, "missing findings: \(missing)")
        #expect(noisy.isEmpty, "unexpected findings: \(noisy)")
        // A profile with a scoring model: the fixture states the score, verdict and vetoes it must get.
        if let inspection = result.inspection {
            let want = try #require(spec["inspection"] as? [String: Any], "\(name): expected.yaml has no 'inspection' (got \(inspection.score))")
            #expect((want["score"] as? Double) ?? (want["score"] as? Int).map(Double.init) == inspection.score, "\(name): score \(inspection.score)")
            #expect((want["passed"] as? Bool) == inspection.passed, "\(name): passed \(inspection.passed)")
            #expect(((want["vetoes"] as? [String]) ?? []) == inspection.vetoes, "\(name): vetoes \(inspection.vetoes)")
            #expect(inspection.items.count == (want["indicators"] as? Int), "\(name): \(inspection.items.count) indicators listed")
        } else {
            #expect(spec["inspection"] == nil, "\(name): expected.yaml states an inspection score but the profile has no scoring model")
        }
    }

    /// The county export's `.govlint.yml` states page types by glob; without it the
    /// heuristic reads the 规范性文件 column (which carries an ArticleTitle) as an article
    /// and checks the list of guides (titled 办事指南) as a guide.
    @Test func countyPageTypesComeFromTheConfiguration() throws {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("sites/cn-county-gov")
        let (spec, expected) = try ExpectedFindings.load(dir)
        let result = try Self.run(dir, spec: spec, useConfiguration: false)
        let (missing, noisy) = ExpectedFindings.compare(expected, result.findings)
        #expect(missing.isEmpty)
        #expect(noisy.count == 2, "\(noisy)")
        #expect(noisy.contains { $0.hasPrefix("zcwj/gfxwj/index.html:2:1 [cn-article-labels]") }, "\(noisy)")
        #expect(noisy.contains { $0.hasPrefix("bsfw/index.html:2:1 [cn-service-guide-elements]") }, "\(noisy)")
    }

    /// Every government fixture (one with a `now:`) states an expected inspection score.
    @Test func everyGovernmentFixtureHasAnExpectedScore() throws {
        for name in Self.scenarios {
            let (spec, _) = try ExpectedFindings.load(RepositoryPaths.fixtures.appendingPathComponent("sites/\(name)"))
            guard spec["now"] != nil else { continue }
            #expect(spec["inspection"] != nil, "\(name) has no expected inspection score")
        }
    }

    @Test func outputOrderDoesNotDependOnJobs() throws {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("sites/demo-agency")
        let linter = Linter(catalog: try SourcePacks.catalog())
        let one = linter.run(paths: [dir], options: RunOptions(jobs: 1, profiles: ["starter"]))
        let four = linter.run(paths: [dir], options: RunOptions(jobs: 4, profiles: ["starter"]))
        #expect(one.findings == four.findings)
        #expect(one.outcomes == four.outcomes)
    }
}
