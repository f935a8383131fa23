import Foundation
import Yams

/// `oasExample` (`oas2-`/`oas3-valid-schema-example`, `oas2-`/`oas3-valid-media-example`):
/// `example`, `x-example` (2), `default` (schema) or `example`/`examples` (media) validate against
/// their schema, read as Spectral's `oasSchema` does: draft-04 keywords, `nullable: true`
/// (`x-nullable` in 2) allowing null, required `readOnly` properties optional in request media
/// and `writeOnly` ones in response media. As Spectral's `schema` function, the first error of
/// each example is reported, at the offending value, as `"<name>" property <error>`.
/// A schema govlint cannot compile (a circular `$ref` left unresolved, an invalid pattern) is not
/// validated.
struct OASExample: DescriptorCheck {
    static let id = "oasExample"
    static let summary = "Examples validate against their schema (Spectral oasExample)."
    let version: Int
    let schemaField: String
    let media: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        version = try options.int("oasVersion") ?? 3
        guard version == 2 || version == 3 else { throw options.error(at: "oasVersion", "'oasVersion' must be 2 or 3") }
        schemaField = try options.string("schemaField") ?? "$"
        let type = try options.string("type") ?? "schema"
        guard type == "media" || type == "schema" else { throw options.error(at: "type", "'type' must be media or schema") }
        media = type == "media"
        _ = try options.bool("unicodeRegExp")
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.isMapping else { return [] }
        let schemaMatch = schemaField == "$" ? value : value.child(.key(schemaField))
        guard let schemaMatch, case var .object(schema) = JSONValue(schemaMatch.value) else { return [] }
        let formats = SpectralContext.current?.formats ?? []
        if formats.contains("oas2"), case .bool? = schema["required"] { schema["required"] = nil }
        var prepared = JSONValue.object(schema)
        if media {
            let readOnly = Self.isSubpath(value.path, version == 3 ? [["components", "requestBodies"], ["paths", "*", "*", "requestBody"]] : [])
            let writeOnly = Self.isSubpath(value.path, version == 3 ? [["components", "responses"], ["paths", "*", "*", "responses"]]
                                                                   : [["responses"], ["paths", "*", "*", "responses"]])
            if readOnly || writeOnly { prepared = Self.relaxRequired(prepared, readOnly: readOnly, writeOnly: writeOnly) }
        }
        prepared = OASSchema.convert(prepared, nullable: formats.contains("oas2") ? "x-nullable" : formats.contains("oas3") ? "nullable" : nil)
        guard let compiled = try? JSONSchema(prepared) else { return [] }
        return items(value).compactMap { item in
            guard let target = item.match else {
                return DescriptorFailure(at: value.closest(item.path), data: ["error": "\"\(item.path.last?.description ?? "")\" property must exist"])
            }
            return OASSchema.firstError(compiled, target)
        }
    }

    struct Item { var path: [PathComponent]; var match: DescriptorMatch? }

    /// The examples to validate, as Spectral's getSchemaValidationItems / getMediaValidationItems.
    func items(_ target: DescriptorMatch) -> [Item] {
        if !media {
            return (version == 2 ? ["example", "x-example", "default"] : ["example", "default"]).compactMap { f in
                target.child(.key(f)).map { Item(path: $0.path, match: $0) }
            }
        }
        // 2: examples (each value); 3: example, else examples (each `.value`, skipping externalValue ones).
        let fields: [(name: String, multiple: Bool, keyed: Bool)] = version == 2
            ? [("examples", true, false)] : [("example", false, false), ("examples", true, true)]
        for f in fields {
            guard let v = target.child(.key(f.name)) else { continue }
            guard f.multiple else { return [Item(path: v.path, match: v)] }
            guard v.isMapping else { return [] }
            return v.children.compactMap { example in
                guard f.keyed else { return Item(path: example.path, match: example) }
                guard example.isMapping, example.child(.key("externalValue")) == nil else { return nil }
                return Item(path: example.path + [.key("value")], match: example.child(.key("value")))
            }
        }
        return []
    }

    static func isSubpath(_ path: [PathComponent], _ prefixes: [[String]]) -> Bool {
        prefixes.contains { prefix in
            prefix.count <= path.count && zip(prefix, path).allSatisfy { $0 == "*" || $0 == $1.description }
        }
    }

    /// Removes readOnly (request) / writeOnly (response) properties from `required`, in every subschema.
    static func relaxRequired(_ schema: JSONValue, readOnly: Bool, writeOnly: Bool) -> JSONValue {
        OASSchema.map(schema) { s in
            guard case var .object(o) = s, case let .object(props)? = o["properties"], case let .array(required)? = o["required"] else { return s }
            let relaxed = required.filter { name in
                guard case let .string(n) = name, case let .object(p)? = props[n] else { return true }
                return !((readOnly && p["readOnly"] == .bool(true)) || (writeOnly && p["writeOnly"] == .bool(true)))
            }
            o["required"] = relaxed.isEmpty ? nil : .array(relaxed)
            return .object(o)
        }
    }
}

/// Spectral's `oasSchema` preparation and `schema` error text, shared by the OpenAPI functions.
enum OASSchema {
    /// Applies `transform` to a schema and, recursively, to its subschemas.
    static func map(_ schema: JSONValue, _ transform: (JSONValue) -> JSONValue) -> JSONValue {
        guard case var .object(o) = transform(schema) else { return schema }
        for key in ["items", "additionalProperties", "not", "additionalItems", "contains", "propertyNames", "if", "then", "else"] {
            if let v = o[key] {
                if case let .array(a) = v { o[key] = .array(a.map { map($0, transform) }) } else if case .object = v { o[key] = map(v, transform) }
            }
        }
        for key in ["allOf", "anyOf", "oneOf", "prefixItems"] {
            if case let .array(a)? = o[key] { o[key] = .array(a.map { map($0, transform) }) }
        }
        for key in ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"] {
            if case let .object(m)? = o[key] { o[key] = .object(m.mapValues { map($0, transform) }) }
        }
        return .object(o)
    }

    /// `nullable: true` (or `x-nullable`) → `type: [type, null]` and `null` added to `enum`; the keyword removed.
    static func convert(_ schema: JSONValue, nullable keyword: String?) -> JSONValue {
        guard let keyword else { return schema }
        return map(schema) { s in
            guard case var .object(o) = s, let flag = o[keyword] else { return s }
            if flag == .bool(true) {
                switch o["type"] {
                case let .string(t)?: o["type"] = .array([.string(t), .string("null")])
                case let .array(t)? where !t.contains(.string("null")): o["type"] = .array(t + [.string("null")])
                default: break // no type: nothing restricts null
                }
                if case let .array(e)? = o["enum"] { o["enum"] = .array(e + [.null]) }
            }
            o[keyword] = nil
            return .object(o)
        }
    }

    /// The first validation error as Spectral's `schema` function reports it (nil: valid).
    static func firstError(_ schema: JSONSchema, _ value: DescriptorMatch) -> DescriptorFailure? {
        guard let e = schema.validate(value).first else { return nil }
        var at = e.at
        if e.keyword == "additionalProperties", at.path.count > value.path.count {
            // AJV reports additional properties on the object.
            at = value.closest(Array(at.path.dropFirst(value.path.count).dropLast()))
        }
        let name = at.path.last?.description ?? ""
        let prefix = name.isEmpty ? "" : "\"\(name)\" property "
        return DescriptorFailure(at: at, data: ["error": prefix + ajvMessage(e)])
    }

    /// AJV's message for a govlint JSON Schema error (with Spectral's `NOT` → `not`).
    static func ajvMessage(_ e: JSONSchema.ValidationError) -> String {
        func number(_ m: String) -> String { m.split(separator: " ").last.map(String.init) ?? "" }
        switch e.keyword {
        case "type": return "type must be " + e.param.replacingOccurrences(of: " | ", with: ",")
        case "enum":
            let values = e.param.components(separatedBy: ", ").map { v -> String in
                switch JSONValue.plain(v) { case .string: "\"\(v)\""; default: v }
            }
            return "must be equal to one of the allowed values: " + values.joined(separator: ", ")
        case "const": return "must be equal to constant"
        case "required": return "must have required property \"\(e.param)\""
        case "additionalProperties": return "must not have additional properties"
        case "minLength", "minItems", "minProperties", "maxLength", "maxItems", "maxProperties":
            let n = e.message.split(separator: " ").dropFirst(4).first.map(String.init) ?? ""
            let what = e.keyword.hasSuffix("Length") ? "characters" : e.keyword.hasSuffix("Items") ? "items" : "properties"
            return "must not have \(e.keyword.hasPrefix("min") ? "fewer" : "more") than \(n) \(what)"
        case "pattern": return "must match pattern \"\(e.param)\""
        case "format": return "must match format \"\(e.param)\""
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum": return e.message
        case "multipleOf": return "must be multiple of \(number(e.message))"
        case "uniqueItems": return "must not have duplicate items"
        case "oneOf": return "must match exactly one schema in oneOf"
        case "anyOf": return "must match a schema in anyOf"
        case "not": return "must not be valid"
        case "false": return "boolean schema is false"
        default: return e.message
        }
    }
}
