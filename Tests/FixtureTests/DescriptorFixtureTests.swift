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
        #expect(Set(Self.scenarios).isSuperset(of: ["publiccode", "us-code-json", "dcat-us"]))
    }

    @Test(arguments: scenarios)
    func scenario(_ name: String) throws {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("descriptors/\(name)")
        let spec = try Yams.load(yaml: String(contentsOf: dir.appendingPathComponent("expected.yaml"), encoding: .utf8)) as? [String: Any] ?? [:]
        let profiles = (spec["profile"] as? String).map { [$0] } ?? []
        let linter = Linter(catalog: try SourcePacks.catalog())
        let result = linter.run(paths: [dir], options: RunOptions(jobs: 2, profiles: profiles))
        #expect(result.descriptorsChecked >= 2, "\(name): the valid and the invalid descriptor must both be checked")
        let expected = ((spec["findings"] as? [[String: Any]]) ?? []).map {
            FixtureTests.Expected(rule: $0["rule"] as! String, file: $0["file"] as! String, line: $0["line"] as! Int, column: $0["column"] as? Int)
        }
        #expect(!expected.isEmpty, "\(name): the invalid descriptor must produce findings")
        #expect(expected.allSatisfy { $0.file.hasPrefix("invalid/") }, "\(name): valid/ must produce no findings")
        var got = result.findings.filter { $0.outcome == .failed && $0.file != "expected.yaml" }
        var missing: [FixtureTests.Expected] = []
        for e in expected {
            if let i = got.firstIndex(where: { $0.ruleID == e.rule && $0.file == e.file && $0.line == e.line && (e.column == nil || $0.column == e.column) }) {
                got.remove(at: i)
            } else {
                missing.append(e)
            }
        }
        #expect(missing.isEmpty, "missing findings: \(missing)")
        #expect(got.isEmpty, "unexpected findings: \(got.map { "\($0.file):\($0.line):\($0.column) [\($0.ruleID)] \($0.message.en)" })")
    }
}
