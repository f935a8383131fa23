import Foundation
@testable import GovlintCore
import GovlintTestSupport
import Testing

/// A small Spectral ruleset with core functions runs unchanged: same rule
/// names, locations and message templates as Spectral.
@Suite struct SpectralRulesetTests {
    static let base = """
        rules:
          info-contact:
            description: Info object must have a contact.
            given: $.info
            then: { field: contact, function: truthy }
          info-license:
            description: Info object should have a license.
            recommended: false
            given: $.info
            then: { field: license, function: truthy }
          tag-description:
            description: Tags need a description.
            severity: info
            given: $.tags[*]
            then: { field: description, function: truthy }
        """

    static let main = """
        extends: [[./base.yaml, recommended], spectral:asyncapi]
        formats: [oas3]
        aliases:
          Operation: "$.paths[*][get,put,post,delete]"
        rules:
          tag-description: error
          operation-id-camel:
            description: operationId must be camelCase.
            message: "{{property}} of {{path}} is '{{value}}': {{error}}"
            severity: error
            given: "#Operation"
            then:
              field: operationId
              function: casing
              functionOptions: { type: camel }
          operation-summary:
            given: "#Operation"
            severity: warn
            then:
              - { field: summary, function: truthy }
              - { field: summary, function: pattern, functionOptions: { match: "/^[A-Z]/" } }
          paths-kebab:
            given: $.paths
            severity: hint
            then: { field: "@key", function: pattern, functionOptions: { match: "^(/[a-z0-9-{}]+)+$" } }
          query-params-snake:
            given: "$..parameters[?(@.in === 'query')]"
            then: { field: name, function: casing, functionOptions: { type: snake } }
          servers-https:
            description: Servers must use https
            message: "{{description}}"
            given: $.servers[*].url
            then: { function: pattern, functionOptions: { notMatch: "^http:" } }
          swagger-only:
            formats: [oas2]
            given: $.info
            then: { field: title, function: truthy }
          custom-js:
            given: $.info
            then: { function: myCustomCheck }
          custom-js-again:
            given: "$.paths[?(@property.toLowerCase() == 'x')]"
            then: { function: truthy }
          switched-off:
            severity: off
            given: $
            then: { function: falsy }
        """

    static let openapi = """
        openapi: 3.0.3
        info:
          title: Permits API
          version: "1.0"
        servers:
          - url: http://api.example.gov
          - url: https://api.example.gov
        tags:
          - name: permits
        paths:
          /permits:
            get:
              operationId: list_permits
              summary: list permits
              parameters:
                - { name: pageSize, in: query }
                - { name: permitId, in: path }
          /Permit_Types:
            post:
              operationId: createPermitType
              summary: Create a permit type
        """

    static func load() throws -> SpectralRuleset {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-spectral-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try base.write(to: dir.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        try main.write(to: dir.appendingPathComponent(".spectral.yaml"), atomically: true, encoding: .utf8)
        return try SpectralRuleset.load(file: dir.appendingPathComponent(".spectral.yaml"))
    }

    @Test func loadsRulesAndListsWhatItCannotRun() throws {
        let r = try Self.load()
        #expect(r.rules.map(\.id) == ["invalid-ref", "info-contact", "tag-description", "operation-id-camel", "operation-summary",
                                      "paths-kebab", "query-params-snake", "servers-https", "swagger-only"])
        #expect(r.unsupported.map(\.rule) == ["custom-js", "custom-js-again"])
        #expect(r.unsupported[0].reason.contains("myCustomCheck"))
        #expect(r.unsupported[1].reason.contains("toLowerCase"))
        #expect(r.disabled.sorted() == ["info-license", "switched-off"])
        #expect(r.notes.contains { $0.contains("spectral:asyncapi") })
        let severities = Dictionary(uniqueKeysWithValues: r.rules.map { ($0.id, $0.severity) })
        #expect(severities["tag-description"] == .error)   // raised by the shortcut
        #expect(severities["info-contact"] == .warning)    // Spectral's default
        #expect(severities["paths-kebab"] == .info)        // hint
        #expect(r.rules.first { $0.id == "operation-id-camel" }?.given == ["$.paths[*][get,put,post,delete]"])
    }

    @Test func findingsMatchSpectral() throws {
        let r = try Self.load()
        let linter = Linter(catalog: try SourcePacks.catalog())
        let out = linter.checkDescriptor(text: Self.openapi, relative: "openapi.yaml",
                                         rules: r.rules.map { ActiveRule(rule: $0, severity: $0.severity) })
        let got = out.findings.sorted(by: Finding.ordered).map { "\($0.line):\($0.column) \($0.ruleID) \($0.message.en)" }
        #expect(got == [
            "2:1 info-contact Info object must have a contact.",
            "6:5 servers-https Servers must use https",
            "9:5 tag-description Tags need a description.",
            "13:7 operation-id-camel operationId of #/paths/~1permits/get/operationId is 'list_permits': must be camel case",
            "14:7 operation-summary \"list permits\" must match the pattern \"/^[A-Z]/\"",
            "16:13 query-params-snake must be snake case",
            "18:3 paths-kebab \"/Permit_Types\" must match the pattern \"^(/[a-z0-9-{}]+)+$\"",
        ])
        #expect(out.outcomes["swagger-only"]?.inapplicable == 1)
    }

    @Test func builtInOASRulesetRunsWithSpectralNames() throws {
        let r = try SpectralRuleset.load(text: "extends: [[spectral:oas, recommended]]\nrules:\n  info-license: warn\n", file: ".spectral.yaml")
        let ids = Set(r.rules.map(\.id))
        #expect(ids.isSuperset(of: ["info-contact", "info-description", "info-license", "operation-operationId",
                                    "operation-tags", "path-keys-no-trailing-slash", "oas3-server-trailing-slash", "array-items"]))
        #expect(!ids.contains("license-url") && !ids.contains("contact-properties")) // recommended: false
        #expect(r.unsupported.isEmpty, "\(r.unsupported)") // every spectral:oas rule is native
        #expect(ids.isSuperset(of: ["oas3-schema", "typed-enum", "oas3-unused-component", "invalid-ref"]))
        #expect(!r.unsupported.contains { $0.rule == "operation-operationId-unique" }) // native
        #expect(r.notes.isEmpty, "\(r.notes)")
        let doc = """
            openapi: 3.1.0
            info: {title: T, version: 1.0.0, description: D, contact: {name: N}}
            servers: [{url: "https://api.example.gov/"}]
            paths:
              /permits/:
                get:
                  operationId: list permits
                  description: Lists.
                  tags: [permits]
                  responses: {"200": {description: OK, content: {application/json: {schema: {type: array}}}}}
            """
        let linter = Linter(catalog: try SourcePacks.catalog())
        let out = linter.checkDescriptor(text: doc, relative: "openapi.yaml", rules: r.rules.map { ActiveRule(rule: $0, severity: $0.severity) })
        let got = out.findings.sorted(by: Finding.ordered).map { "\($0.line):\($0.column) \($0.ruleID)" }
        #expect(got == ["2:1 info-license", "3:12 oas3-server-trailing-slash", "5:3 path-keys-no-trailing-slash",
                        "7:7 operation-operationId-valid-in-url", "9:14 operation-tag-defined", "10:73 array-items"])
        let swagger = try SpectralRuleset.load(text: "extends: [[spectral:oas, off]]\nrules:\n  oas2-api-host: error\n", file: "s.yaml")
        #expect(swagger.rules.map(\.id) == ["invalid-ref", "oas2-api-host"])
        let v3 = linter.checkDescriptor(text: doc, relative: "openapi.yaml", rules: swagger.rules.map { ActiveRule(rule: $0, severity: $0.severity) })
        #expect(v3.findings.isEmpty) // oas2 only
    }

    @Test func nativeOASFunctions() throws {
        let r = try SpectralRuleset.load(text: """
            extends: [[spectral:oas, off]]
            rules:
              operation-success-response: error
              operation-operationId-unique: error
              operation-tag-defined: warn
              openapi-tags-uniqueness: error
            """, file: ".spectral.yaml")
        #expect(r.unsupported.isEmpty, "\(r.unsupported)")
        let doc = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            tags:
              - name: permits
              - name: permits
            paths:
              /a:
                get:
                  operationId: op
                  tags: [permits, fees]
                  responses: {"404": {description: x}}
                post:
                  operationId: op
                  responses: {"301": {description: x}}
              /b:
                get:
                  operationId: op
                  responses: {"201": {description: x}}
            """
        let linter = Linter(catalog: try SourcePacks.catalog())
        let out = linter.checkDescriptor(text: doc, relative: "openapi.yaml", rules: r.rules.map { ActiveRule(rule: $0, severity: $0.severity) })
        let got = out.findings.sorted(by: Finding.ordered).map { "\($0.line):\($0.column) \($0.ruleID) \($0.message.en)" }
        #expect(got == [
            "5:5 openapi-tags-uniqueness \"tags\" object contains duplicate tag name \"permits\".",
            "10:23 operation-tag-defined Operation tags must be defined in global tags.",
            "11:7 operation-success-response Operation must have at least one \"2xx\" or \"3xx\" response.",
            "13:7 operation-operationId-unique Every operation must have unique \"operationId\".",
            "17:7 operation-operationId-unique Every operation must have unique \"operationId\".",
        ])
    }

    @Test func pathParams() throws {
        let r = try SpectralRuleset.load(text: "extends: [[spectral:oas, off]]\nrules:\n  path-params: error\n", file: ".spectral.yaml")
        #expect(r.unsupported.isEmpty && r.rules.map(\.id) == ["invalid-ref", "path-params"])
        let doc = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /a/{id}:
                parameters:
                  - {name: id, in: path, required: true}
                get:
                  responses: {"200": {description: x}}
              /a/{other}:
                get:
                  parameters:
                    - {$ref: '#/components/parameters/Other'}
                  responses: {"200": {description: x}}
              /b/{x}/{x}:
                get:
                  parameters:
                    - {name: x, in: path}
                    - {name: x, in: path, required: true}
                    - {name: unused, in: path, required: true}
                  responses: {"200": {description: x}}
              /c/{y}:
                get:
                  responses: {"200": {description: x}}
              /d/{z}:
                get:
                  parameters:
                    - {$ref: 'other.yaml#/z'}
                  responses: {"200": {description: x}}
            components:
              parameters:
                Other: {name: other, in: path, required: true}
            """
        let linter = Linter(catalog: try SourcePacks.catalog())
        let out = linter.checkDescriptor(text: doc, relative: "openapi.yaml", rules: r.rules.map { ActiveRule(rule: $0, severity: $0.severity) })
        let got = out.findings.sorted(by: Finding.ordered).map { "\($0.line):\($0.column) \($0.message.en)" }
        #expect(got == [
            "9:3 Paths \"/a/{id}\" and \"/a/{other}\" must not be equivalent.",
            "14:3 Path \"/b/{x}/{x}\" must not use parameter \"{x}\" multiple times.",
            "17:11 Path parameter \"x\" must have \"required\" property that is set to \"true\".",
            "18:11 Path parameter \"x\" must not be defined multiple times.",
            "19:11 Parameter \"unused\" must be used in path \"/b/{x}/{x}\".",
            "22:5 Operation must define parameter \"{y}\" as expected by path \"/c/{y}\".",
            "27:12 'other.yaml' is a file reference; the document has no folder to read it from", // invalid-ref
        ])
    }

    @Test func serverVariables() throws {
        let r = try SpectralRuleset.load(text: "extends: [[spectral:oas, off]]\nrules:\n  oas3-server-variables: error\n", file: ".spectral.yaml")
        #expect(r.unsupported.isEmpty && r.rules.map(\.id) == ["invalid-ref", "oas3-server-variables"])
        let doc = """
            openapi: 3.0.3
            servers:
              - url: https://{env}.example.gov/{version}
                variables:
                  env: {enum: [api, sandbox], default: test}
                  version: {enum: ["v1", "v2"]}
                  unused: {default: x}
              - url: "{scheme}://api.example.gov"
                variables:
                  scheme: {default: "not a scheme"}
              - url: https://api.example.gov/{region}
              - url: https://api.example.gov/v1
            """
        let linter = Linter(catalog: try SourcePacks.catalog())
        let out = linter.checkDescriptor(text: doc, relative: "openapi.yaml", rules: r.rules.map { ActiveRule(rule: $0, severity: $0.severity) })
        let got = out.findings.sorted(by: Finding.ordered).map { "\($0.line):\($0.column) \($0.message.en)" }
        #expect(got == [
            "5:35 Server Variable \"env\" has a default not listed in the enum.",
            "6:7 Server Variable \"version\" has a missing default.",
            "7:7 Server's \"variables\" object has unused defined \"unused\" url variable.",
            "9:5 A few substitutions of server variables resulted in invalid URLs: not a scheme://api.example.gov",
            "11:5 Not all server's variables are described with \"variables\" object. Missed: region.",
        ])
    }

    @Test(arguments: [
        ("rules: {r: {given: $, then: {function: length, functionOptions: {}}}}", "give 'min' or 'max'"),
        ("rules: {r: {then: {function: truthy}}}", "given"),
        ("rules: {r: {given: $, then: {function: casing, functionOptions: {type: upper}}}}", "'type' must be one of"),
        ("rules: {r: {given: $, then: {function: truthy, feild: x}}}", "feild"),
        ("rules: {r: maybe}", "expected a rule"),
    ])
    func badRulesetsAreLocatedErrors(_ text: String, _ message: String) {
        do {
            _ = try SpectralRuleset.load(text: text, file: ".spectral.yaml")
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.message.contains(message), "\(error)")
            #expect(error.line == 1)
        }
    }
}

@Suite struct DocumentFormatsTests {
    @Test(arguments: [
        ("openapi: 3.0.3", ["oas3", "oas3_0"]),
        ("openapi: '3.1.0'", ["oas3", "oas3_1"]),
        ("openapi: 3.2.0", ["oas3", "oas3_2"]),
        ("swagger: '2.0'", ["oas2"]),
        ("asyncapi: 2.6.0", ["aas2", "aas2_6"]),
        ("asyncapi: 3.0.0", ["aas3", "aas3_0"]),
        ("arazzo: 1.0.1", ["arazzo1_0"]),
        ("$schema: https://json-schema.org/draft/2020-12/schema", ["json-schema", "json-schema-2020-12"]),
        ("$schema: http://json-schema.org/draft-04/schema#", ["json-schema", "json-schema-draft4"]),
        ("name: x", []),
        ("- openapi: 3.0.0", []),
    ])
    func detects(_ yaml: String, _ expected: [String]) throws {
        let doc = try DescriptorDocument(file: "d.yml", text: yaml)
        #expect(DocumentFormats.detect(doc.root) == Set(expected))
    }

    @Test func extendsCyclesAreErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-cycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "extends: ./b.yaml\nrules: {}\n".write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "extends: ./a.yaml\nrules: {}\n".write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: LocatedError.self) { try SpectralRuleset.load(file: dir.appendingPathComponent("a.yaml")) }
    }
}
