import Foundation
@testable import GovlintCore
import Testing
import Yams

/// The JSON Schema subset behind the `schema` check: (schema, instance, error paths and keywords).
@Suite struct JSONSchemaTests {
    static func errors(_ schema: String, _ instance: String) throws -> [String] {
        let s = try JSONSchema(try #require(try Yams.compose(yaml: schema)))
        let doc = try DescriptorDocument(file: "d.yml", text: instance)
        return s.validate(DescriptorMatch(value: doc.root, keyNode: nil, path: [])).map { "\($0.at.pathText) \($0.keyword)" }
    }

    @Test(arguments: [
        // type
        ("{type: string}", "'x'", [String]()),
        ("{type: string}", "12", ["$ type"]),
        ("{type: string}", "'12'", []),
        ("{type: integer}", "12", []),
        ("{type: integer}", "12.5", ["$ type"]),
        ("{type: number}", "12.5", []),
        ("{type: [string, 'null']}", "null", []),
        ("{type: boolean}", "yes", ["$ type"]),       // YAML 1.2: yes is a string
        ("{type: boolean}", "true", []),
        ("{type: object}", "[1]", ["$ type"]),
        ("{type: array}", "[1]", []),
        ("{type: string}", "2024-01-02", []),        // dates stay strings
        // unevaluatedProperties: names evaluated through $ref, allOf and the applied if/then branch
        ("{properties: {a: {}}, unevaluatedProperties: false}", "{a: 1, b: 2}", ["$.b unevaluatedProperties"]),
        ("{allOf: [{properties: {a: {}}}], patternProperties: {'^x-': true}, unevaluatedProperties: false}", "{a: 1, x-y: 2}", []),
        ("{$defs: {ext: {patternProperties: {'^x-': true}}}, $ref: '#/$defs/ext', unevaluatedProperties: false}", "{x-a: 1, z: 2}", ["$.z unevaluatedProperties"]),
        ("{if: {required: [k]}, then: {properties: {k: {}, v: {}}}, unevaluatedProperties: false}", "{k: 1, v: 2}", []),
        ("{if: {required: [k]}, then: {properties: {k: {}, v: {}}}, unevaluatedProperties: false}", "{v: 2}", ["$.v unevaluatedProperties"]),
        ("{properties: {a: {}}, unevaluatedProperties: {type: string}}", "{a: 1, b: 2}", ["$.b type"]),
        // enum / const
        ("{enum: [a, b, 1]}", "b", []),
        ("{enum: [a, b, 1]}", "'1'", ["$ enum"]),
        ("{enum: [a, b, 1]}", "1", []),
        ("{const: {a: [1]}}", "{a: [1]}", []),
        ("{const: {a: [1]}}", "{a: [2]}", ["$ const"]),
        // strings
        ("{minLength: 2, maxLength: 3}", "ab", []),
        ("{minLength: 2}", "a", ["$ minLength"]),
        ("{maxLength: 3}", "abcd", ["$ maxLength"]),
        ("{maxLength: 2}", "'政务'", []),
        ("{minLength: 5}", "12", []),                 // applies to strings only
        ("{pattern: '^[0-9]{3}:[0-9]{2}$'}", "'015:11'", []),
        ("{pattern: '^[0-9]{3}:[0-9]{2}$'}", "'15:11'", ["$ pattern"]),
        ("{pattern: 'b'}", "abc", []),               // unanchored search
        // formats
        ("{format: date}", "2024-02-29", []),
        ("{format: date}", "2023-02-29", ["$ format"]),
        ("{format: date}", "2024-13-01", ["$ format"]),
        ("{format: date}", "'24-01-01'", ["$ format"]),
        ("{format: date-time}", "'2024-01-02T03:04:05Z'", []),
        ("{format: date-time}", "'2024-01-02T03:04:05.123+08:00'", []),
        ("{format: date-time}", "'2024-01-02 03:04'", ["$ format"]),
        ("{format: date-time}", "'2024-01-02T25:04:05Z'", ["$ format"]),
        ("{format: email}", "a.b@agency.gov", []),
        ("{format: email}", "'a b@agency.gov'", ["$ format"]),
        ("{format: email}", "agency.gov", ["$ format"]),
        ("{format: uri}", "'https://example.gov/x?y=1'", []),
        ("{format: uri}", "'urn:x-italian-pa:c_h501'", []),
        ("{format: uri}", "'example.gov/x'", ["$ format"]),
        ("{format: uri}", "'https://exa mple.gov'", ["$ format"]),
        ("{format: hostname}", "'anything'", []),     // unknown formats annotate only
        // numbers
        ("{minimum: 1, maximum: 3}", "3", []),
        ("{minimum: 1}", "0", ["$ minimum"]),
        ("{maximum: 3}", "4", ["$ maximum"]),
        ("{exclusiveMinimum: 1}", "1", ["$ exclusiveMinimum"]),
        ("{exclusiveMaximum: 3}", "2.9", []),
        ("{minimum: 1, exclusiveMinimum: true}", "1", ["$ exclusiveMinimum"]), // draft-04
        ("{maximum: 3, exclusiveMaximum: true}", "3", ["$ exclusiveMaximum"]),
        ("{multipleOf: 0.5}", "1.5", []),
        ("{multipleOf: 0.5}", "1.2", ["$ multipleOf"]),
        // objects
        ("{required: [a, b]}", "{a: 1}", ["$ required"]),
        ("{required: [a]}", "{a: null}", []),
        ("{required: [a]}", "[1]", []),               // applies to mappings only
        ("{properties: {a: {type: string}}}", "{a: 1}", ["$.a type"]),
        ("{properties: {a: {type: string}}, additionalProperties: false}", "{a: x, b: 1, c: 2}", ["$.b additionalProperties", "$.c additionalProperties"]),
        ("{properties: {a: {}}, additionalProperties: {type: integer}}", "{a: x, b: 1, c: z}", ["$.c type"]),
        ("{patternProperties: {'^x-': {type: string}}, additionalProperties: false}", "{x-a: s, y: 1}", ["$.y additionalProperties"]),
        ("{dependencies: {downloadURL: [mediaType]}}", "{downloadURL: 'https://x'}", ["$ dependentRequired"]),
        ("{dependentRequired: {downloadURL: [mediaType]}}", "{downloadURL: u, mediaType: text/csv}", []),
        ("{minProperties: 1}", "{}", ["$ minProperties"]),
        // arrays
        ("{items: {type: string}}", "[a, 1, b, 2]", ["$[1] type", "$[3] type"]),
        ("{minItems: 1}", "[]", ["$ minItems"]),
        ("{maxItems: 1}", "[1, 2]", ["$ maxItems"]),
        ("{uniqueItems: true}", "[a, b, a]", ["$[2] uniqueItems"]),
        ("{uniqueItems: true}", "[1, '1']", []),
        ("{prefixItems: [{type: string}, {type: integer}], items: false}", "[a, 1]", []),
        ("{prefixItems: [{type: string}, {type: integer}], items: false}", "[a, b, c]", ["$[1] type", "$[2] items"]),
        ("{items: [{type: string}], additionalItems: {type: integer}}", "[a, b]", ["$[1] type"]), // draft-04 tuples
        ("{contains: {const: x}}", "[a, x]", []),
        ("{contains: {const: x}}", "[a]", ["$ contains"]),
        // applicators
        ("{allOf: [{type: string}, {minLength: 3}]}", "ab", ["$ minLength"]),
        ("{anyOf: [{type: string}, {type: integer}]}", "1", []),
        ("{anyOf: [{type: string}, {type: integer}]}", "[1]", ["$ anyOf"]),
        ("{oneOf: [{type: integer}, {type: number}]}", "1.5", []),
        ("{oneOf: [{type: integer}, {type: number}]}", "1", ["$ oneOf"]),
        ("{oneOf: [{type: integer}, {type: string}]}", "[]", ["$ oneOf"]),
        ("{not: {type: string}}", "1", []),
        ("{not: {type: string}}", "a", ["$ not"]),
        ("{if: {properties: {t: {const: contract}}}, then: {required: [contractors]}, else: {not: {required: [contractors]}}}", "{t: contract}", ["$ required"]),
        ("{if: {properties: {t: {const: contract}}}, then: {required: [contractors]}, else: {not: {required: [contractors]}}}", "{t: internal, contractors: []}", ["$ not"]),
        ("{if: {properties: {t: {const: contract}}}, then: {required: [contractors]}, else: {not: {required: [contractors]}}}", "{t: internal}", []),
        // boolean schemas and $ref
        ("true", "{a: 1}", []),
        ("false", "1", ["$ false"]),
        ("{$defs: {s: {type: string}}, properties: {a: {$ref: '#/$defs/s'}}}", "{a: 1}", ["$.a type"]),
        ("{definitions: {s: {type: string}}, items: {$ref: '#/definitions/s'}}", "[a, 2]", ["$[1] type"]),
        ("{properties: {child: {$ref: '#'}}, required: [n]}", "{n: 1, child: {n: 2, child: {}}}", ["$.child.child required"]),
    ])
    func validates(_ schema: String, _ instance: String, _ expected: [String]) throws {
        #expect(try Self.errors(schema, instance) == expected, "\(schema) on \(instance)")
    }

    @Test(arguments: [
        ("{$ref: '#/$defs/missing'}", "#/$ref"),
        ("{$ref: 'other.json#/a'}", "#/$ref"),
        ("{type: text}", "#/type"),
        ("{pattern: '('}", "#/pattern"),
        ("{properties: {a: {pattern: '['}}}", "#/properties/a/pattern"),
        ("{minLength: -1}", "#/minLength"),
        ("{required: a}", "#/required"),
        ("{allOf: []}", "#/allOf"),
        ("[1]", "#"),
    ])
    func badSchemasAreRejected(_ schema: String, _ pointer: String) throws {
        let node = try #require(try Yams.compose(yaml: schema))
        do {
            _ = try JSONSchema(node)
            Issue.record("expected an error for \(schema)")
        } catch {
            #expect(error.description.hasPrefix(pointer + ":"), "\(error)")
        }
    }

    @Test func refCyclesStop() throws {
        let errors = try Self.errors("{$defs: {a: {$ref: '#/$defs/b'}, b: {$ref: '#/$defs/a'}}, $ref: '#/$defs/a'}", "1")
        #expect(errors == ["$ $ref"])
    }
}
