import Foundation
import GovlintTestSupport
import Testing
import Yams

/// The CI recipes call govlint with options that exist and work: each
/// recipe's command line is run against the demo export.
@Suite(.serialized) struct CIRecipeTests {
    static func load(_ path: String) throws -> Any {
        try Yams.load(yaml: String(contentsOf: RepositoryPaths.root.appendingPathComponent(path), encoding: .utf8)) as Any
    }

    /// Splits a shell line the simple way the recipes are written (no quotes inside values).
    static func words(_ line: String) -> [String] {
        line.replacingOccurrences(of: "\\\n", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    @Test func githubActionRunsItsCheckStep() throws {
        let action = try #require(try Self.load("action.yml") as? [String: Any])
        let runs = try #require(action["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let steps = try #require(runs["steps"] as? [[String: Any]])
        let check = try #require(steps.first { $0["id"] as? String == "check" }?["run"] as? String)
        let out = try CLITests.tempDir()
        // Substitute the inputs with their defaults and a temporary output folder.
        var line = check.components(separatedBy: "\n").filter { !$0.contains("set +e") }
            .prefix { !$0.hasPrefix("status=") }.joined(separator: "\n")
        line = line.replacingOccurrences(of: "\"${{ github.action_path }}/.build/release/govlint\"", with: "")
            .replacingOccurrences(of: "${{ inputs.paths }}", with: CLITests.demo)
            .replacingOccurrences(of: "${{ inputs.profile }}", with: "starter")
            .replacingOccurrences(of: "${{ inputs.fail-on }}", with: "error")
            .replacingOccurrences(of: "${{ inputs.sarif-file }}", with: "\(out.path)/govlint.sarif")
            .replacingOccurrences(of: "markdown=govlint-summary.md", with: "markdown=\(out.path)/summary.md")
            .replacingOccurrences(of: "${{ inputs.extra-args }}", with: "--no-cache")
        let r = try CLITests.govlint(Self.words(line))
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("::error file="))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("govlint.sarif").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.md").path))
    }

    @Test func preCommitHooksRunOnFileNames() throws {
        let hooks = try #require(try Self.load(".pre-commit-hooks.yaml") as? [[String: Any]])
        #expect(hooks.count == 2)
        for hook in hooks {
            let entry = Self.words(try #require(hook["entry"] as? String))
            #expect(entry.first == "govlint")
            let pattern = try NSRegularExpression(pattern: try #require(hook["files"] as? String))
            let candidates = ["index.html", "about/index.html", "services/permits.html", "publiccode.yml"]
            let files = candidates.filter { pattern.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
            #expect(!files.isEmpty)
            let r = try CLITests.govlint(Array(entry.dropFirst()) + files.map { CLITests.demo + "/" + $0 })
            #expect(r.status == 1, "\(hook["id"] ?? ""): \(r.stderr)")
        }
    }

    @Test func gitlabJobWritesItsJUnitReport() throws {
        let doc = try #require(try Self.load("ci/gitlab/govlint.gitlab-ci.yml") as? [String: Any])
        let job = try #require(doc["govlint"] as? [String: Any])
        let script = try #require((job["script"] as? [String])?.first)
        let out = try CLITests.tempDir()
        let args = Self.words(script).dropFirst()
            .map { $0 == "$GOVLINT_PATHS" ? CLITests.demo : $0 == "$GOVLINT_PROFILE" ? "starter" : $0 }
            .map { $0.replacingOccurrences(of: "=govlint-junit.xml", with: "=\(out.path)/junit.xml")
                     .replacingOccurrences(of: "=gl-govlint.sarif", with: "=\(out.path)/gl.sarif") }
        let r = try CLITests.govlint(args + ["--no-cache"])
        #expect(r.status == 1, "\(r.stderr)")
        let reports = (job["artifacts"] as? [String: Any])?["reports"] as? [String: Any]
        #expect(reports?["junit"] as? String == "govlint-junit.xml")
        let (status, text) = try Python.run("import xml.etree.ElementTree as E, sys; E.parse(sys.argv[1])", [out.path + "/junit.xml"])
        #expect(status == 0, "\(text)")
    }
}
