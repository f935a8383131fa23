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

    /// `$ref`s to other files are read relative to the referring file, never outside the checked
    /// folder; findings in a referenced file name that file (as Spectral reports them).
    @Test func fileReferencesResolveWithinTheCheckedFolder() throws {
        let dir = try CLITests.tempDir()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("api/schemas"), withIntermediateDirectories: true)
        try "extends: [[spectral:oas, off]]\nrules:\n  oas3-valid-schema-example: error\n"
            .write(to: dir.appendingPathComponent(".spectral.yaml"), atomically: true, encoding: .utf8)
        try """
            openapi: 3.0.3
            info: {title: Permits, version: 1.0.0}
            paths:
              /permits:
                get:
                  responses:
                    "200":
                      description: OK
                      content:
                        application/json: {schema: {$ref: 'schemas/permit.yaml#/Permit'}}
                    "404":
                      description: gone
                      content:
                        application/json: {schema: {$ref: '../secret.yaml#/x'}}
            """.write(to: dir.appendingPathComponent("api/openapi.yaml"), atomically: true, encoding: .utf8)
        try "Permit:\n  type: object\n  properties:\n    status: {type: string, enum: [granted], example: pending}\n"
            .write(to: dir.appendingPathComponent("api/schemas/permit.yaml"), atomically: true, encoding: .utf8)
        try "x: {type: string}\n".write(to: dir.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
        let r = try CLITests.govlint(["check", "api", "--ruleset", ".spectral.yaml"], cwd: dir)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains(
            "schemas/permit.yaml:4:45: error [oas3-valid-schema-example] \"example\" property must be equal to one of the allowed values: \"granted\""),
            "\(r.stdout)")
        #expect(r.stdout.contains("openapi.yaml:14:41: error [invalid-ref] '../secret.yaml' is outside the checked folder; govlint does not read it"),
                "\(r.stdout)")
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
