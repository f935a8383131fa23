import Foundation
@testable import GovlintCore
import GovlintTestSupport
import Testing

/// The `spectral:oas` rules backed by native versions of Spectral's OpenAPI functions, with
/// pass and fail documents written from Spectral's own rule tests
/// (`packages/rulesets/src/oas/__tests__`): rule name, message and location.
@Suite struct SpectralOASFunctionTests {
    /// Runs the named `spectral:oas` rules (everything else off) on `doc`; findings as
    /// `file:line:column rule message`. `dir` holds the document for relative file `$ref`s.
    static func run(_ rules: [String], _ doc: String, file: String = "openapi.yaml", dir: URL? = nil) throws -> [String] {
        let text = "extends: [[spectral:oas, off]]\nrules:\n" + rules.map { "  \($0): true\n" }.joined()
        let r = try SpectralRuleset.load(text: text, file: ".spectral.yaml")
        #expect(r.unsupported.isEmpty, "\(r.unsupported)")
        #expect(Set(r.rules.map(\.id)) == Set(rules + ["invalid-ref"]))
        let linter = Linter(catalog: try SourcePacks.catalog())
        let out = linter.checkDescriptor(text: doc, relative: file, rules: r.rules.map { ActiveRule(rule: $0, severity: $0.severity) },
                                         url: dir?.appendingPathComponent(file))
        return out.findings.sorted(by: Finding.ordered).map { "\($0.file):\($0.line):\($0.column) \($0.ruleID) \($0.message.en)" }
    }

    static func same(_ got: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(got == expected, sourceLocation: sourceLocation)
    }

    @Test func noRefSiblings() throws {
        let doc = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                A:
                  $ref: '#/components/schemas/B'
                  description: not allowed here
                B: {type: string}
                C: {$ref: '#/components/schemas/B'}
            """
        try Self.same(Self.run(["no-$ref-siblings"], doc), [
            "openapi.yaml:8:7 no-$ref-siblings $ref cannot be placed next to any other properties",
        ])
        // 3.1 allows siblings: the rule is limited to oas2 and oas3_0.
        #expect(try Self.run(["no-$ref-siblings"], doc.replacingOccurrences(of: "3.0.3", with: "3.1.0")).isEmpty)
    }

    @Test func operationParameters() throws {
        let doc = """
            swagger: "2.0"
            info: {title: T, version: "1"}
            paths:
              /a:
                get:
                  parameters:
                    - {name: q, in: query}
                    - {name: q, in: query}
                    - {name: q, in: header}
                  responses: {"200": {description: ok}}
                post:
                  parameters:
                    - {name: b1, in: body}
                    - {name: b2, in: body}
                    - {name: f, in: formData}
                  responses: {"200": {description: ok}}
            """
        try Self.same(Self.run(["operation-parameters"], doc), [
            "openapi.yaml:8:11 operation-parameters A parameter in this operation already exposes the same combination of \"name\" and \"in\" values.",
            "openapi.yaml:12:7 operation-parameters Operation must not have both \"in:body\" and \"in:formData\" parameters.",
            "openapi.yaml:14:11 operation-parameters Operation must not have more than a single instance of the \"in:body\" parameter.",
        ])
        #expect(try Self.run(["operation-parameters"], """
            swagger: "2.0"
            paths: {/a: {get: {parameters: [{name: q, in: query}, {name: q, in: path}]}}}
            """).isEmpty)
    }

    @Test func typedEnum() throws {
        let doc = """
            openapi: 3.0.3
            components:
              schemas:
                Level:
                  type: integer
                  enum: [1, "two", 3.5]
                Maybe:
                  type: string
                  nullable: true
                  enum: [a, null]
                Strict:
                  type: string
                  enum: [a, null]
            """
        try Self.same(Self.run(["typed-enum"], doc), [
            "openapi.yaml:6:17 typed-enum Enum value `two` does not respect the specified type `integer`.",
            "openapi.yaml:6:24 typed-enum Enum value `3.5` does not respect the specified type `integer`.",
            "openapi.yaml:13:17 typed-enum Enum value `null` does not respect the specified type `string`.",
        ])
    }

    @Test func securityDefined() throws {
        let v3 = """
            openapi: 3.0.3
            security:
              - api_key: []
              - missing: []
            paths:
              /a:
                get:
                  security:
                    - oauth: [read:permits, write:all]
            components:
              securitySchemes:
                api_key: {type: apiKey, name: k, in: header}
                oauth:
                  type: oauth2
                  flows: {implicit: {authorizationUrl: "https://x.gov", scopes: {"read:permits": r}}}
            """
        try Self.same(Self.run(["oas3-operation-security-defined"], v3), [
            "openapi.yaml:4:5 oas3-operation-security-defined API \"security\" values must match a scheme defined in the \"components.securitySchemes\" object.",
            "openapi.yaml:9:33 oas3-operation-security-defined \"write:all\" must be listed among scopes.",
        ])
        let v2 = """
            swagger: "2.0"
            paths:
              /a:
                get:
                  security:
                    - basic: []
                    - nope: []
            securityDefinitions:
              basic: {type: basic}
            """
        try Self.same(Self.run(["oas2-operation-security-defined"], v2), [
            "openapi.yaml:7:11 oas2-operation-security-defined Operation \"security\" values must match a scheme defined in the \"securityDefinitions\" object.",
        ])
    }

    @Test func unusedComponentsAndDefinitions() throws {
        let v3 = """
            openapi: 3.0.3
            paths:
              /a:
                get:
                  responses:
                    "200": {$ref: '#/components/responses/Ok'}
            components:
              responses:
                Ok:
                  description: ok
                  content: {application/json: {schema: {$ref: '#/components/schemas/Used'}}}
              schemas:
                Used: {type: object, properties: {child: {$ref: '#/components/schemas/Child'}}}
                Child: {type: string}
                Orphan: {type: string}
              parameters:
                Lost: {name: q, in: query}
            """
        try Self.same(Self.run(["oas3-unused-component"], v3), [
            "openapi.yaml:15:5 oas3-unused-component Potentially unused component has been detected.",
            "openapi.yaml:17:5 oas3-unused-component Potentially unused component has been detected.",
        ])
        let v2 = """
            swagger: "2.0"
            paths: {/a: {get: {responses: {"200": {description: ok, schema: {$ref: '#/definitions/Pet'}}}}}}
            definitions:
              Pet: {type: object}
              Stray: {type: object}
            """
        try Self.same(Self.run(["oas2-unused-definition"], v2), [
            "openapi.yaml:5:3 oas2-unused-definition Potentially unused definition has been detected.",
        ])
    }

    @Test(arguments: [
        ("$url", nil), ("$method", nil), ("$request.body", nil), ("$response.body#/a/~1", nil),
        ("$request.query.id", nil), ("$request.header.X-Id", nil),
        ("$invalidkeyword", "Expressions must start with one of: `$url`, `$method`, `$statusCode`, `$request.`,`$response.`"),
        ("$request.cookie.x", "`$request.` and `$response.` must be followed by one of: `header.`, `query.`, `body`, `body#`"),
        ("$response.body#a", "`body#` must be followed by `/`"),
        ("$response.body#/a/b~1c", "String following `body#` is not a valid JSON pointer, see https://spec.openapis.org/oas/v3.1.0#runtime-expressions for more information"),
        ("$response.body#/a~2", "String following `body#` is not a valid JSON pointer, see https://spec.openapis.org/oas/v3.1.0#runtime-expressions for more information"),
        ("$request.query.é", "String following `query.` and `path.` must only include ascii characters 0x01-0x7F."),
        ("$request.header.a b", "Must provide valid header name after `header.`"),
    ] as [(String, String?)])
    func runtimeExpressions(_ expression: String, _ message: String?) {
        #expect(RuntimeExpression.problem(expression) == message)
    }

    @Test func linksParametersExpression() throws {
        let doc = """
            openapi: 3.0.3
            paths:
              /user:
                get:
                  responses:
                    "200":
                      description: dummy description
                      links:
                        link1: {parameters: $invalidkeyword}
                        link2: {parameters: {id: $response.body#/id}}
            """
        try Self.same(Self.run(["oas3-links-parameters-expression"], doc), [
            "openapi.yaml:9:21 oas3-links-parameters-expression Expressions must start with one of: `$url`, `$method`, `$statusCode`, `$request.`,`$response.`",
        ])
    }

    @Test func discriminatorAndFormData() throws {
        let doc = """
            swagger: "2.0"
            consumes: [application/json]
            paths:
              /a:
                post:
                  consumes: [application/json]
                  parameters: [{name: f, in: formData, type: string}]
                  responses: {"200": {description: ok}}
                put:
                  consumes: [multipart/form-data]
                  parameters: [{name: f, in: formData, type: string}]
                  responses: {"200": {description: ok}}
            definitions:
              Pet:
                discriminator: petType
                properties: {name: {type: string}}
              Good:
                discriminator: kind
                properties: {kind: {type: string}}
                required: [kind]
            """
        try Self.same(Self.run(["oas2-discriminator", "oas2-operation-formData-consume-check"], doc), [
            "openapi.yaml:5:5 oas2-operation-formData-consume-check Operations with \"in: formData\" parameter must include \"application/x-www-form-urlencoded\" or \"multipart/form-data\" in their \"consumes\" property.",
            "openapi.yaml:14:3 oas2-discriminator The discriminator property must be in the required property list.",
            "openapi.yaml:16:5 oas2-discriminator The discriminator property must be defined in this schema.",
        ])
    }

    @Test func schemaExamples() throws {
        let v3 = """
            openapi: 3.0.2
            components:
              schemas:
                xoxo: {type: string, example: doggie}
                bad: {type: string, example: 123}
                dflt: {type: string, default: 2}
                falsy: {enum: [a, b], example: 0}
                abc:
                  type: object
                  required: [url]
                  properties: {url: {type: string}, width: {type: integer}}
                  example: {url2: images/38.png, width: coffee}
                nullable: {type: string, nullable: true, example: null}
                bounds: {type: number, minimum: 1, maximum: 3, exclusiveMinimum: true, example: 2}
            """
        try Self.same(Self.run(["oas3-valid-schema-example"], v3), [
            "openapi.yaml:5:25 oas3-valid-schema-example \"example\" property type must be string",
            "openapi.yaml:6:26 oas3-valid-schema-example \"default\" property type must be string",
            "openapi.yaml:7:27 oas3-valid-schema-example \"example\" property must be equal to one of the allowed values: \"a\", \"b\"",
            "openapi.yaml:12:7 oas3-valid-schema-example \"example\" property must have required property \"url\"",
        ])
        let v2 = """
            swagger: "2.0"
            definitions:
              Pet:
                type: object
                required: true
                properties:
                  age: {type: integer, x-example: old}
            """
        try Self.same(Self.run(["oas2-valid-schema-example"], v2), [
            "openapi.yaml:7:28 oas2-valid-schema-example \"x-example\" property type must be integer",
        ])
    }

    @Test func mediaExamples() throws {
        let v3 = """
            openapi: 3.0.2
            paths:
              /pets:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [id, name]
                          properties: {id: {type: integer, readOnly: true}, name: {type: string}}
                        examples:
                          good: {value: {name: Rex}}
                          bad: {value: {name: 5}}
                          external: {externalValue: "https://example.gov/x.json"}
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {type: object, required: [id], properties: {id: {type: integer}}}
                          example: {name: Rex}
            """
        try Self.same(Self.run(["oas3-valid-media-example"], v3), [
            "openapi.yaml:14:29 oas3-valid-media-example \"name\" property type must be string",
            "openapi.yaml:22:15 oas3-valid-media-example \"example\" property must have required property \"id\"",
        ])
        let v2 = """
            swagger: "2.0"
            paths:
              /pets:
                get:
                  responses:
                    "200":
                      description: ok
                      schema: {type: array, items: {type: string}}
                      examples:
                        application/json: [a, 1]
            """
        try Self.same(Self.run(["oas2-valid-media-example"], v2), [
            "openapi.yaml:10:35 oas2-valid-media-example \"1\" property type must be string",
        ])
    }

    @Test func documentSchema() throws {
        // The four OAI schemas compile (a failure would silently switch the rules off).
        #expect(Set(OASDocumentSchema.schemas.keys) == ["oas2_0", "oas3_0", "oas3_1", "oas3_2"])
        #expect(OASDocumentSchema.schemaName(["oas3", "oas3_2"]) == "oas3_2")
        let v3 = """
            openapi: 3.0.3
            info: {version: "1", extra: x}
            paths:
              /a:
                get:
                  parameters: [{name: q, in: querry}]
                  responses: {"200": {description: ok}}
            """
        try Self.same(Self.run(["oas3-schema"], v3), [
            "openapi.yaml:2:1 oas3-schema \"info\" property must have required property \"title\".",
            "openapi.yaml:2:22 oas3-schema Property \"extra\" is not expected to be here.",
            "openapi.yaml:6:20 oas3-schema \"0\" property must match exactly one schema in oneOf.",
        ])
        let good = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            """
        #expect(try Self.run(["oas3-schema"], good).isEmpty)
        // 3.1 objects are closed by unevaluatedProperties.
        try Self.same(Self.run(["oas3-schema"], good + "\nwebhookz: {}\n"), [
            "openapi.yaml:4:1 oas3-schema Property \"webhookz\" is not expected to be here.",
        ])
        let v2 = """
            swagger: "2.0"
            info: {title: T, version: "1"}
            schemes: [htps]
            paths: {}
            """
        try Self.same(Self.run(["oas2-schema"], v2), [
            "openapi.yaml:3:11 oas2-schema \"0\" property must be equal to one of the allowed values: \"http\", \"https\", \"ws\", \"wss\". Did you mean \"https\"?.",
        ])
    }

    @Test func refsResolveAndFindingsPointWhereValuesAreWritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("govlint-refs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("shared"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            Pet:
              type: object
              properties:
                tags: {type: array}
            Self: {$ref: '#/Self'}
            Broken: {$ref: '#/Nowhere'}
            """.write(to: dir.appendingPathComponent("shared/schemas.yaml"), atomically: true, encoding: .utf8)
        let doc = """
            openapi: 3.0.3
            paths:
              /pets:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json: {schema: {$ref: 'shared/schemas.yaml#/Pet'}}
                    "201":
                      description: ok
                      content:
                        application/json: {schema: {$ref: '#/components/schemas/a~1b%20c'}}
                    "202":
                      description: loop
                      content:
                        application/json: {schema: {$ref: 'shared/schemas.yaml#/Self'}}
                    "203":
                      description: broken
                      content:
                        application/json: {schema: {$ref: 'shared/schemas.yaml#/Broken'}}
                    "204": {$ref: '#/components/responses/Missing'}
                    "205": {$ref: 'nowhere.yaml#/x'}
                    "206": {$ref: '../outside.yaml#/x'}
            components:
              schemas:
                a/b c: {type: array}
            """
        let got = try Self.run(["array-items", "typed-enum"], doc, dir: dir)
        #expect(got == [
            "openapi.yaml:22:17 invalid-ref '#/components/responses/Missing' does not exist",
            "openapi.yaml:23:17 invalid-ref 'nowhere.yaml' cannot be read (no such file, or not UTF-8 text)",
            "openapi.yaml:24:17 invalid-ref '../outside.yaml' is outside the checked folder; govlint does not read it",
            "openapi.yaml:27:5 array-items Schemas with \"type: array\", require a sibling \"items\" field",
            "shared/schemas.yaml:6:10 invalid-ref '#/Nowhere' does not exist",
        ])
        // array-items runs unresolved (as in Spectral): the external Pet.tags is not its target.
        // A resolved rule sees through file references and reports in the file that holds the value.
        let r = try SpectralRuleset.load(text: """
            rules:
              no-array:
                given: "$..[?(@.type == 'array')]"
                then: { field: items, function: truthy }
            """, file: ".spectral.yaml")
        let linter = Linter(catalog: try SourcePacks.catalog())
        let out = linter.checkDescriptor(text: doc, relative: "openapi.yaml", rules: r.rules.map { ActiveRule(rule: $0, severity: $0.severity) },
                                         url: dir.appendingPathComponent("openapi.yaml"))
        let located = Set(out.findings.filter { $0.ruleID == "no-array" }.map { "\($0.file):\($0.line):\($0.column)" })
        #expect(located == ["shared/schemas.yaml:4:5", "openapi.yaml:27:5"])
        #expect(out.dependsOnOtherFiles) // so the result cache does not reuse it
        let document = try DescriptorDocument(file: "openapi.yaml", text: "a: {$ref: 'shared/schemas.yaml#/Pet'}\n")
        let small = SpectralRefResolver(document: document, url: dir.appendingPathComponent("openapi.yaml"), rootDirectory: dir, maxFileSize: 10)
        #expect(JSONValue(small.resolvedRoot) == JSONValue(document.root)) // left as written
        #expect(small.problems.map(\.message) == ["'shared/schemas.yaml' is larger than the file size limit (max-file-size); not read"])
        let local = linter.checkDescriptor(text: "openapi: 3.0.3\na: {$ref: '#/b'}\nb: {type: array}\n", relative: "openapi.yaml",
                                           rules: r.rules.map { ActiveRule(rule: $0, severity: $0.severity) }, url: dir.appendingPathComponent("openapi.yaml"))
        #expect(!local.dependsOnOtherFiles)
        #expect(local.findings.map { "\($0.line):\($0.column)" } == ["3:1"]) // b, reached directly and through a
    }

    @Test func resolverPointersAndCycles() throws {
        #expect(SpectralRefResolver.tokens("/a~1b/c~0d/%7Bid%7D") == ["a/b", "c~d", "{id}"])
        #expect(SpectralRefResolver.tokens("") == [])
        #expect(SpectralRefResolver.tokens("nope") == nil)
        let resolver = try SpectralRefResolver(text: """
            a: {$ref: '#/b'}
            b: {next: {$ref: '#/b'}, list: [{$ref: '#/c/0'}]}
            c: [x]
            """, file: "d.yaml")
        let root = JSONValue(resolver.resolvedRoot)
        #expect(root == JSONValue(try DescriptorDocument(file: "e.yaml", text: """
            a: {next: {$ref: '#/b'}, list: [x]}
            b: {next: {$ref: '#/b'}, list: [x]}
            c: [x]
            """).root))
        #expect(resolver.problems.isEmpty)
        #expect(resolver.isReferenced(source: "d.yaml", tokens: ["b"]))
        #expect(!resolver.isReferenced(source: "d.yaml", tokens: ["a"]))
        let place = resolver.locate([.key("a"), .key("list"), .index(0)], followRefs: true)
        #expect(place.value.mark?.line == 3 && place.value.mark?.column == 5)
    }

    @Test func referencesThatMultiplyStopExpanding() throws {
        // Each level refers to the one below twice: 2^30 values if fully expanded.
        var text = "l0: [x]\n"
        for i in 1...30 { text += "l\(i): [{$ref: '#/l\(i - 1)'}, {$ref: '#/l\(i - 1)'}]\n" }
        text += "top: {$ref: '#/l30'}\n"
        let resolver = try SpectralRefResolver(text: text, file: "bomb.yaml")
        _ = resolver.resolvedRoot
        #expect(resolver.problems.count == 1)
        #expect(resolver.problems.first?.message.contains("left unresolved") == true)
    }

    static let sharedRulesets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/rulesets").standardizedFileURL

    /// The real government rulesets in `../shared/rulesets` load with nothing unsupported.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedRulesets.path)), arguments: [
        ("nl-api-design-rules/linter.yaml", 32), ("uk-govuk-public/ruleset.yaml", 67),
    ])
    func governmentRulesetsRunInFull(_ file: String, _ rules: Int) throws {
        let r = try SpectralRuleset.load(file: Self.sharedRulesets.appendingPathComponent(file))
        #expect(r.unsupported.isEmpty, "\(r.unsupported)")
        #expect(r.rules.count == rules) // with invalid-ref
        let linter = Linter(catalog: try SourcePacks.catalog())
        let doc = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {$ref: '#/components/responses/Nope'}}\n"
        let out = linter.checkDescriptor(text: doc, relative: "openapi.yaml", rules: r.rules.map { ActiveRule(rule: $0, severity: $0.severity) })
        #expect(out.findings.contains { $0.ruleID == "invalid-ref" && $0.line == 6 })
    }

    @Test func undefinedInFilters() throws {
        let doc = try DescriptorDocument(file: "d.yaml", text: "a: {example: 0}\nb: {other: 1}\nc: {example: null}\n")
        let root = DescriptorMatch(value: doc.root, keyNode: nil, path: [])
        let picked = try JSONPath("$[?(@.example !== void 0)]").select(root).map(\.pathText)
        #expect(picked == ["$.a", "$.c"])
        #expect(try JSONPath("$[?(@.example === undefined)]").select(root).map(\.pathText) == ["$.b"])
    }
}
