import Foundation
import GovlintCore
import GovlintTestSupport
import Testing
import Yams

/// Each `Fixtures/descriptors/<pack>/` holds a `valid/` and an `invalid/`
/// descriptor and an `expected.yaml` listing every finding the run must produce
/// (all in `invalid/`): anything unlisted or not produced fails.
@Suite struct DescriptorFixtureTests {
    static var scenarios: [String] {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("descriptors")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: dir.appendingPathComponent("\($0)/expected.yaml").path) }
            .sorted()
    }

    @Test func everyDescriptorPackHasAScenario() {
        #expect(Set(Self.scenarios).isSuperset(of: ["publiccode", "us-code-json", "dcat-us", "cn-resource-catalog", "api-design"]))
    }

    @Test(arguments: scenarios)
    func scenario(_ name: String) throws {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("descriptors/\(name)")
        let (spec, expected) = try ExpectedFindings.load(dir)
        let profiles = (spec["profile"] as? String).map { [$0] } ?? []
        let linter = Linter(catalog: try SourcePacks.catalog())
        let result = linter.run(paths: [dir], options: RunOptions(jobs: 2, profiles: profiles))
        #expect(result.descriptorsChecked >= 2, "\(name): the valid and the invalid descriptor must both be checked")
        #expect(!expected.isEmpty, "\(name): the invalid descriptor must produce findings")
        #expect(expected.allSatisfy { $0.file.hasPrefix("invalid/") }, "\(name): valid/ must produce no findings")
        let (missing, noisy) = ExpectedFindings.compare(expected, result.findings)
        #expect(missing.isEmpty, "missing findings: \(missing)")
        #expect(noisy.isEmpty, "unexpected findings: \(noisy)")
    }
}
