import Foundation
import GovlintCore
import GovlintTestSupport
import Testing
import Yams

/// Each `Fixtures/sites/<scenario>/expected.yaml` lists every finding a run
/// must produce; anything unlisted ("noisy") or not produced ("missing") fails.
@Suite struct FixtureTests {
    struct Expected: Hashable, CustomStringConvertible {
        var rule: String, file: String, line: Int, column: Int?
        var description: String { "\(file):\(line):\(column.map(String.init) ?? "*") [\(rule)]" }
    }

    static var scenarios: [String] {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("sites")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: dir.appendingPathComponent("\($0)/expected.yaml").path) }
            .sorted()
    }

    @Test(arguments: scenarios)
    func scenario(_ name: String) throws {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("sites/\(name)")
        let spec = try Yams.load(yaml: String(contentsOf: dir.appendingPathComponent("expected.yaml"), encoding: .utf8)) as? [String: Any] ?? [:]
        let catalog = try SourcePacks.catalog()
        let profiles = (spec["profile"] as? String).map { [$0] } ?? []
        let now = (spec["now"] as? String).flatMap(ConfigurationLoader.parseDate)
        let linter = Linter(catalog: catalog)
        let result = linter.run(paths: [dir], options: RunOptions(jobs: 2, profiles: profiles, now: now))
        let expected = ((spec["findings"] as? [[String: Any]]) ?? []).map {
            Expected(rule: $0["rule"] as! String, file: $0["file"] as! String, line: $0["line"] as! Int, column: $0["column"] as? Int)
        }
        var got = result.findings.filter { $0.outcome == .failed && $0.file != "expected.yaml" }
        var missing: [Expected] = []
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

    @Test func outputOrderDoesNotDependOnJobs() throws {
        let dir = RepositoryPaths.fixtures.appendingPathComponent("sites/demo-agency")
        let linter = Linter(catalog: try SourcePacks.catalog())
        let one = linter.run(paths: [dir], options: RunOptions(jobs: 1, profiles: ["starter"]))
        let four = linter.run(paths: [dir], options: RunOptions(jobs: 4, profiles: ["starter"]))
        #expect(one.findings == four.findings)
        #expect(one.outcomes == four.outcomes)
    }
}
