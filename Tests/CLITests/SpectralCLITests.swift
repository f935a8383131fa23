import Foundation
import GovlintTestSupport
import Testing

/// `govlint check --ruleset .spectral.yaml` runs a Spectral ruleset unchanged.
@Suite(.serialized) struct SpectralCLITests {
    @Test func rulesetRunsAndUnsupportedRulesAreListed() throws {
        let dir = try CLITests.tempDir()
        try """
            extends: [[spectral:oas, off]]
            rules:
              operation-operationId: error
              oas3-schema: error
              operation-summary:
                description: Operations need a summary.
                given: $.paths[*][get,post]
                then: { field: summary, function: truthy }
              https-only:
                severity: error
                message: "Server {{value}} must use https"
                given: $.servers[*].url
                then: { function: pattern, functionOptions: { match: "^https://" } }
              js-rule:
                given: $
                then: { function: myJavaScriptFunction }
            """.write(to: dir.appendingPathComponent(".spectral.yaml"), atomically: true, encoding: .utf8)
        try """
            openapi: 3.1.0
            info: {title: Permits, version: 1.0.0}
            servers:
              - url: http://api.example.gov
            paths:
              /permits:
                get:
                  operationId: listPermits
            """.write(to: dir.appendingPathComponent("openapi.yaml"), atomically: true, encoding: .utf8)
        let r = try CLITests.govlint(["check", "openapi.yaml", "--ruleset", ".spectral.yaml"], cwd: dir)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("openapi.yaml:4:5: error [https-only] Server http://api.example.gov must use https"), "\(r.stdout)")
        #expect(r.stdout.contains("openapi.yaml:7:5: warning [operation-summary] Operations need a summary."), "\(r.stdout)")
        #expect(r.stderr.contains("rule js-rule is not supported: function 'myJavaScriptFunction'"), "\(r.stderr)")
        #expect(!r.stderr.contains("oas3-schema"), "\(r.stderr)") // native since oasDocumentSchema
        #expect(!r.stdout.contains("[operation-operationId]"), "\(r.stdout)")
        let json = try CLITests.govlint(["check", "openapi.yaml", "--ruleset", ".spectral.yaml", "--format", "json", "--fail-on", "never"], cwd: dir)
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"https-only\""))
    }

    @Test func brokenRulesetIsLocatedAndExitsTwo() throws {
        let dir = try CLITests.tempDir()
        try "rules:\n  r:\n    given: $\n    then: {function: length}\n"
            .write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        try "a: 1\n".write(to: dir.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        let r = try CLITests.govlint(["check", "x.yaml", "--ruleset", "bad.yaml"], cwd: dir)
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("bad.yaml:4:"), "\(r.stderr)")
    }
}
