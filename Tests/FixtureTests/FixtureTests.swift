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

    @Test(arguments: scenarios)
    func scenario(_ name: String) throws {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("sites/\(name)")
        let (spec, expected) = try ExpectedFindings.load(dir)
        let catalog = try SourcePacks.catalog()
        // `profile:` names one profile or a list of them.
        let profiles = (spec["profile"] as? String).map { [$0] } ?? (spec["profile"] as? [String]) ?? []
        let now = (spec["now"] as? String).flatMap(ConfigurationLoader.parseDate)
        let result = Linter(catalog: catalog).run(paths: [dir], options: RunOptions(jobs: 2, profiles: profiles, now: now))
        let (missing, noisy) = ExpectedFindings.compare(expected, result.findings)
        #expect(missing.isEmpty, "missing findings: \(missing)")
        #expect(noisy.isEmpty, "unexpected findings: \(noisy)")
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
