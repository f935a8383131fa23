import Foundation
import Yams

/// `oasDocumentSchema` (`oas2-schema`, `oas3-schema`): the document validates against the
/// OpenAPI Initiative's JSON Schema for its version (``OpenAPISchemas``: 2.0, 3.0, 3.1, 3.2),
/// with Spectral's messages: `Property "x" is not expected to be here`, `"info" property must
/// have required property "title"`, enum errors with a "Did you mean" suggestion.
///
/// As Spectral does for its copies, `oneOf: [Reference, X]` alternatives are read as "a
/// `$ref` object is a Reference, anything else an X" so errors point inside the object rather
/// than at a bare `oneOf`. The draft-04 meta-schema pieces the 2.0 schema refers to by URL are
/// inlined. The 3.1/3.2 schemas do not validate Schema Objects (`$dynamicRef`), as in Spectral.
struct OASDocumentSchema: DescriptorCheck {
    static let id = "oasDocumentSchema"
    static let summary = "The document is a structurally valid OpenAPI document (Spectral oasDocumentSchema)."

    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }

    /// The compiled schemas, by Spectral's names.
    static let schemas: [String: JSONSchema] = {
        var out: [String: JSONSchema] = [:]
        for (name, text) in [("oas2_0", OpenAPISchemas.v2_0), ("oas3_0", OpenAPISchemas.v3_0),
                             ("oas3_1", OpenAPISchemas.v3_1), ("oas3_2", OpenAPISchemas.v3_2)] {
            // The texts are fixed data; a failure here is a programming error caught by the tests.
            guard let node = try? Yams.compose(yaml: text, .default, .default, .utf8), let schema = try? JSONSchema(prepare(JSONValue(node))) else { continue }
            out[name] = schema
        }
        return out
    }()

    static func schemaName(_ formats: Set<String>) -> String {
        formats.contains("oas2") ? "oas2_0" : formats.contains("oas3_2") ? "oas3_2" : formats.contains("oas3_1") ? "oas3_1" : "oas3_0"
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, let context = SpectralContext.current, !context.formats.isEmpty,
              let schema = Self.schemas[Self.schemaName(context.formats)] else { return [] }
        var seen: Set<String> = []
        var failures: [DescriptorFailure] = []
        for e in schema.validate(value) {
            let f = Self.failure(e, root: value)
            guard seen.insert(f.at.pathText + "\u{0}" + (f.data["error"] ?? "")).inserted else { continue }
            failures.append(f)
        }
        return failures
    }

    /// One error as Spectral's processError words it.
    static func failure(_ e: JSONSchema.ValidationError, root: DescriptorMatch) -> DescriptorFailure {
        let property = e.keyword == "additionalProperties" || e.keyword == "unevaluatedProperties"
            ? nil : e.at.path.last?.description
        let prefix = property.map { "\"\($0)\" property " } ?? ""
        let message: String
        switch e.keyword {
        case "additionalProperties", "unevaluatedProperties":
            message = "Property \"\(e.param)\" is not expected to be here"
        case "enum":
            let allowed = e.param.components(separatedBy: ", ")
            let printed = allowed.map { v -> String in
                switch JSONValue.plain(v) { case .string: "\"\(v)\""; default: v }
            }.joined(separator: ", ")
            var suggestion = ""
            if case let .string(text) = JSONValue(e.at.value), let best = bestMatch(text, allowed) { suggestion = ". Did you mean \"\(best)\"?" }
            message = prefix + "must be equal to one of the allowed values: " + printed + suggestion
        case "type":
            message = prefix + "must be " + e.param.replacingOccurrences(of: " | ", with: ",")
        default:
            message = prefix + OASSchema.ajvMessage(e)
        }
        return DescriptorFailure(at: e.at, data: ["error": message])
    }

    /// Spectral's findBestMatch: the allowed value nearest by edit distance, if close enough.
    static func bestMatch(_ value: String, _ allowed: [String]) -> String? {
        // Stable, as JavaScript's sort: ties keep the schema's order.
        let ranked = allowed.enumerated().map { ($0.element, levenshtein(value, $0.element), $0.offset) }
            .sorted { ($0.1, $0.2) < ($1.1, $1.2) }
        guard let best = ranked.first else { return nil }
        return allowed.count == 1 || best.1 < best.0.count ? best.0 : nil
    }

    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf16), b = Array(b.utf16)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    /// The draft-04 meta-schema pieces the OpenAPI 2.0 schema refers to by URL.
    static let draft04: [String: JSONValue] = {
        let positive: JSONValue = .object(["type": .string("integer"), "minimum": .number(0)])
        let string: JSONValue = .object(["type": .string("string")])
        let number: JSONValue = .object(["type": .string("number")])
        let boolean: JSONValue = .object(["type": .string("boolean")])
        let simpleTypes: JSONValue = .object(["enum": .array(["array", "boolean", "integer", "null", "number", "object", "string"].map { .string($0) })])
        return [
            "/definitions/positiveInteger": positive,
            "/definitions/positiveIntegerDefault0": positive,
            "/definitions/stringArray": .object(["type": .string("array"), "items": string, "minItems": .number(1), "uniqueItems": .bool(true)]),
            "/properties/default": .object([:]),
            "/properties/description": string,
            "/properties/title": string,
            "/properties/enum": .object(["type": .string("array"), "minItems": .number(1), "uniqueItems": .bool(true)]),
            "/properties/exclusiveMaximum": boolean,
            "/properties/exclusiveMinimum": boolean,
            "/properties/maximum": number,
            "/properties/minimum": number,
            "/properties/multipleOf": .object(["type": .string("number"), "minimum": .number(0), "exclusiveMinimum": .bool(true)]),
            "/properties/pattern": .object(["type": .string("string"), "format": .string("regex")]),
            "/properties/uniqueItems": boolean,
            "/properties/type": .object(["anyOf": .array([simpleTypes, .object(["type": .string("array"), "items": simpleTypes,
                                                                                   "minItems": .number(1), "uniqueItems": .bool(true)])])]),
        ]
    }()

    static func isReference(_ v: JSONValue) -> Bool {
        guard case let .object(o) = v, o.count == 1, case let .string(ref)? = o["$ref"] else { return false }
        return ["#/definitions/Reference", "#/definitions/jsonReference"].contains(ref)
    }

    /// Inlines draft-04 URL references and turns `oneOf: [Reference, X]` into if/then/else.
    static func prepare(_ v: JSONValue) -> JSONValue {
        switch v {
        case var .object(o):
            if case let .string(ref)? = o["$ref"], let hash = ref.firstIndex(of: "#"), ref.hasPrefix("http") {
                return draft04[String(ref[ref.index(after: hash)...])] ?? .object([:])
            }
            if case let .array(alternatives)? = o["oneOf"], alternatives.count == 2,
               let i = alternatives.firstIndex(where: isReference), o["if"] == nil {
                o["oneOf"] = nil
                o["if"] = .object(["type": .string("object"), "required": .array([.string("$ref")])])
                o["then"] = alternatives[i]
                o["else"] = alternatives[1 - i]
            }
            return .object(o.mapValues(prepare))
        case let .array(a):
            return .array(a.map(prepare))
        default:
            return v
        }
    }
}
