import Foundation
import Yams

// Native versions of more of Spectral's OpenAPI functions (`packages/rulesets/src/oas/functions`),
// with Spectral's messages and result paths. Those that need the whole document read it from
// ``SpectralContext``. Spectral's `createRulesetFunction` skips a value that does not match the
// function's input schema; so do these.

extension DescriptorMatch {
    /// The deepest existing value along `components` below this one (Spectral reports a result
    /// path that does not exist at its closest existing node).
    func closest(_ components: [PathComponent]) -> DescriptorMatch {
        var current = self
        for c in components {
            guard let next = current.child(c) else { break }
            current = next
        }
        return current
    }

    var isMapping: Bool { if case .mapping = value { true } else { false } }
    var isSequence: Bool { if case .sequence = value { true } else { false } }

    func failure(_ message: String) -> DescriptorFailure { DescriptorFailure(at: self, data: ["error": message]) }
}

/// JavaScript's `String(value)` of a JSON value (Spectral messages print values so).
func jsString(_ v: JSONValue) -> String {
    switch v {
    case let .array(a): a.map { if case .null = $0 { "" } else { jsString($0) } }.joined(separator: ",")
    case .object: "[object Object]"
    default: v.description
    }
}

/// `refSiblings` (`no-$ref-siblings`, run on the unresolved document): every key next to a `$ref`.
struct RefSiblings: DescriptorCheck {
    static let id = "refSiblings"
    static let summary = "Nothing is placed next to a $ref (Spectral refSiblings)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, !value.path.isEmpty, let context = SpectralContext.current,
              let object = context.match(at: Array(value.path.dropLast())), object.isMapping else { return [] }
        let keys = object.children
        guard keys.count > 1 else { return [] }
        return keys.filter { $0.path.last != .key("$ref") }.map { $0.failure("$ref cannot be placed next to any other properties") }
    }
}

/// `oasOpParams` (`operation-parameters`): parameters unique by `in`+`name`, not both body and
/// formData, at most one body parameter. Unresolved `$ref` parameters are skipped.
struct OASOpParams: DescriptorCheck {
    static let id = "oasOpParams"
    static let summary = "Operation parameters are unique, with at most one body and not both body and formData (Spectral oasOpParams)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.isSequence else { return [] }
        let params = value.children
        guard params.count >= 2 else { return [] }
        var seen: Set<String> = []
        var duplicates: [DescriptorMatch] = []
        var body: [DescriptorMatch] = []
        var formData = 0
        for p in params where p.isMapping && p.child(.key("$ref")) == nil {
            let fingerprint = "\(Self.js(p.child(.key("in"))))-\(Self.js(p.child(.key("name"))))"
            if !seen.insert(fingerprint).inserted { duplicates.append(p) }
            if case let .string(place)? = p.child(.key("in")).map({ JSONValue($0.value) }) {
                if place == "body" { body.append(p) } else if place == "formData" { formData += 1 }
            }
        }
        var failures = duplicates.map {
            $0.failure("A parameter in this operation already exposes the same combination of \"name\" and \"in\" values.")
        }
        if !body.isEmpty && formData > 0 {
            failures.append(value.failure("Operation must not have both \"in:body\" and \"in:formData\" parameters."))
        }
        for p in body.dropFirst() {
            failures.append(p.failure("Operation must not have more than a single instance of the \"in:body\" parameter."))
        }
        return failures
    }

    static func js(_ m: DescriptorMatch?) -> String { m.map { jsString(JSONValue($0.value)) } ?? "undefined" }
}

/// `typedEnum` (`typed-enum`): every `enum` value has the schema's `type` (`nullable: true`
/// in OpenAPI 3, `x-nullable: true` in OpenAPI 2, also allow null).
struct TypedEnum: DescriptorCheck {
    static let id = "typedEnum"
    static let summary = "Enum values respect the declared type (Spectral typedEnum)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.isMapping, let enumMatch = value.child(.key("enum")), enumMatch.isSequence,
              let typeMatch = value.child(.key("type")) else { return [] }
        let type = JSONValue(typeMatch.value)
        if case .null = type { return [] }
        var types: [String]
        switch type {
        case let .string(t): types = [t]
        case let .array(a): types = a.compactMap { if case let .string(t) = $0 { t } else { nil } }
        default: return []
        }
        let formats = SpectralContext.current?.formats ?? []
        let nullable = formats.contains("oas3") ? value.child(.key("nullable")) : formats.contains("oas2") ? value.child(.key("x-nullable")) : nil
        if let nullable, JSONValue(nullable.value) == .bool(true), !types.contains("null") { types.append("null") }
        return enumMatch.children.compactMap { item in
            let v = JSONValue(item.value)
            guard !types.contains(where: { JSONSchema.has(type: $0, v) }) else { return nil }
            return item.failure("Enum value `\(jsString(v))` does not respect the specified type `\(jsString(type))`.")
        }
    }
}

/// `oasSecurityDefined` (`oas2-`/`oas3-operation-security-defined`): security requirement names
/// are defined in `securityDefinitions` (2) or `components.securitySchemes` (3), and their scopes
/// are declared by the scheme.
struct OASSecurityDefined: DescriptorCheck {
    static let id = "oasSecurityDefined"
    static let summary = "Security requirements name defined schemes and scopes (Spectral oasSecurityDefined)."
    let version: Int

    init(options: inout CheckOptions) throws(LocatedError) {
        let v = try options.int("oasVersion") ?? 3
        guard v == 2 || v == 3 else { throw options.error(at: "oasVersion", "'oasVersion' must be 2 or 3") }
        version = v
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.isMapping, let context = SpectralContext.current, context.root.isMapping else { return [] }
        // Input: an object of string lists.
        for c in value.children {
            guard c.isSequence, c.children.allSatisfy({ if case .string = JSONValue($0.value) { true } else { false } }) else { return [] }
        }
        let defs = version == 2 ? context.root.child(.key("securityDefinitions"))
            : context.root.child(.key("components")).flatMap { $0.isMapping ? $0.child(.key("securitySchemes")) : nil }
        var failures: [DescriptorFailure] = []
        for requirement in value.children {
            guard case let .key(name)? = requirement.path.last else { continue }
            guard let defs, defs.isMapping, let scheme = defs.child(.key(name)) else {
                let object = value.path.count == 2 ? "API" : "Operation"
                let location = version == 2 ? "securityDefinitions" : "components.securitySchemes"
                failures.append(requirement.failure("\(object) \"security\" values must match a scheme defined in the \"\(location)\" object."))
                continue
            }
            for scope in requirement.children {
                guard let scopeName = scope.value.scalarText, !isScopeDefined(scopeName, scheme) else { continue }
                failures.append(scope.failure("\"\(scopeName)\" must be listed among scopes."))
            }
        }
        return failures
    }

    func isScopeDefined(_ name: String, _ scheme: DescriptorMatch) -> Bool {
        guard scheme.isMapping else { return false }
        if version == 2 {
            guard let scopes = scheme.child(.key("scopes")), scopes.isMapping else { return false }
            return scopes.child(.key(name)) != nil
        }
        guard let flows = scheme.child(.key("flows")), flows.isMapping else { return false }
        return flows.children.contains { flow in
            guard flow.isMapping, let scopes = flow.child(.key("scopes")), scopes.isMapping else { return false }
            return scopes.child(.key(name)) != nil
        }
    }
}

/// `unreferencedReusableObject` (Spectral core function; `oas2-unused-definition`): every entry of
/// the target object is the target of some `$ref` at `reusableObjectsLocation/<name>`.
struct UnreferencedReusableObject: DescriptorCheck {
    static let id = "unreferencedReusableObject"
    static let summary = "Every reusable object is referenced somewhere (Spectral unreferencedReusableObject)."
    let location: [String]

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let text = try options.string("reusableObjectsLocation") else {
            throw options.error("missing required option 'reusableObjectsLocation'")
        }
        guard text.hasPrefix("#"), let tokens = SpectralRefResolver.tokens(String(text.dropFirst())) else {
            throw options.error(at: "reusableObjectsLocation", "'reusableObjectsLocation' must be a local JSON pointer such as '#/definitions'")
        }
        location = tokens
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.isMapping, let context = SpectralContext.current else { return [] }
        return Self.orphans(value, location: location, context: context).map { $0.failure("Potentially orphaned") }
    }

    static func orphans(_ object: DescriptorMatch, location: [String], context: SpectralContext) -> [DescriptorMatch] {
        object.children.filter { c in
            guard case let .key(name)? = c.path.last else { return false }
            return !context.isReferenced(location + [name])
        }
    }
}

/// `oasUnusedComponent` (`oas3-unused-component`): components of the reusable kinds that no `$ref` targets.
struct OASUnusedComponent: DescriptorCheck {
    static let id = "oasUnusedComponent"
    static let summary = "Every reusable component is referenced somewhere (Spectral oasUnusedComponent)."
    static let kinds = ["schemas", "responses", "parameters", "examples", "requestBodies", "headers", "links", "callbacks"]
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.isMapping, let components = value.child(.key("components")), components.isMapping,
              let context = SpectralContext.current else { return [] }
        return Self.kinds.flatMap { kind -> [DescriptorFailure] in
            guard let object = components.child(.key(kind)), object.isMapping else { return [] }
            return UnreferencedReusableObject.orphans(object, location: ["components", kind], context: context)
                .map { $0.failure("Potentially orphaned") }
        }
    }
}

/// `runtimeExpression` (`oas3-links-parameters-expression`): a string is an OpenAPI runtime expression.
struct RuntimeExpression: DescriptorCheck {
    static let id = "runtimeExpression"
    static let summary = "The value is a valid OpenAPI runtime expression (Spectral runtimeExpression)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, case let .string(exp) = JSONValue(value.value) else { return [] }
        return Self.problem(exp).map { [value.failure($0)] } ?? []
    }

    static func problem(_ exp: String) -> String? {
        if ["$url", "$method", "$statusCode"].contains(exp) { return nil }
        let source: Substring
        if exp.hasPrefix("$request.") { source = exp.dropFirst("$request.".count) }
        else if exp.hasPrefix("$response.") { source = exp.dropFirst("$response.".count) }
        else { return "Expressions must start with one of: `$url`, `$method`, `$statusCode`, `$request.`,`$response.`" }
        if source == "body" { return nil }
        if source.hasPrefix("body#") {
            let pointer = source.dropFirst("body#".count)
            guard pointer.hasPrefix("/") else { return "`body#` must be followed by `/`" }
            for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                let escapedOK = token.isEmpty || token == "~0" || token == "~1"
                let unescapedOK = !token.contains("~")
                if !escapedOK && !unescapedOK {
                    return "String following `body#` is not a valid JSON pointer, see https://spec.openapis.org/oas/v3.1.0#runtime-expressions for more information"
                }
            }
            return nil
        }
        if source.hasPrefix("query.") || source.hasPrefix("path.") {
            let name = source.drop { $0 != "." }.dropFirst()
            return name.unicodeScalars.allSatisfy({ $0.value >= 1 && $0.value <= 0x7F }) ? nil
                : "String following `query.` and `path.` must only include ascii characters 0x01-0x7F."
        }
        if source.hasPrefix("header.") {
            let token = source.dropFirst("header.".count)
            let tchar = Set("!#$%&'*+-.^_`|~".unicodeScalars)
            let ok = !token.isEmpty && token.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || tchar.contains($0) }
            return ok ? nil : "Must provide valid header name after `header.`"
        }
        return "`$request.` and `$response.` must be followed by one of: `header.`, `query.`, `body`, `body#`"
    }
}

/// `oasDiscriminator` (`oas2-discriminator`): the discriminator property is defined and required.
struct OASDiscriminator: DescriptorCheck {
    static let id = "oasDiscriminator"
    static let summary = "The discriminator property is defined and required (Spectral oasDiscriminator)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.isMapping, let d = value.child(.key("discriminator")), case let .string(name) = JSONValue(d.value) else { return [] }
        var failures: [DescriptorFailure] = []
        let properties = value.child(.key("properties"))
        if !(properties.map { $0.isMapping && $0.child(.key(name)) != nil } ?? false) {
            failures.append(value.closest([.key("properties")]).failure("The discriminator property must be defined in this schema."))
        }
        let required = value.child(.key("required"))
        if !(required.map { $0.isSequence && $0.children.contains { JSONValue($0.value) == .string(name) } } ?? false) {
            failures.append(value.closest([.key("required")]).failure("The discriminator property must be in the required property list."))
        }
        return failures
    }
}

/// `oasOpFormDataConsumeCheck` (`oas2-operation-formData-consume-check`): an operation with
/// `in: formData` parameters consumes urlencoded or multipart form data.
struct OASOpFormDataConsumeCheck: DescriptorCheck {
    static let id = "oasOpFormDataConsumeCheck"
    static let summary = "Operations with formData parameters consume form media types (Spectral oasOpFormDataConsumeCheck)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.isMapping, let consumes = value.child(.key("consumes")), consumes.isSequence,
              let parameters = value.child(.key("parameters")), parameters.isSequence else { return [] }
        let form = parameters.children.contains { $0.isMapping && $0.child(.key("in")).map { JSONValue($0.value) } == .string("formData") }
        let joined = consumes.children.map { jsString(JSONValue($0.value)) }.joined(separator: ",")
        guard form, !joined.contains("application/x-www-form-urlencoded"), !joined.contains("multipart/form-data") else { return [] }
        return [value.failure("Consumes must include urlencoded, multipart, or form-data media type when using formData parameter.")]
    }
}

/// Spectral's `invalid-ref`: the references the resolver could not follow, at their `$ref`.
struct InvalidRef: DescriptorCheck {
    static let id = "spectralInvalidRef"
    static let summary = "Every $ref can be followed (Spectral invalid-ref)."
    init() {}
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.path.isEmpty, let context = SpectralContext.current, let resolver = context.resolver else { return [] }
        _ = resolver.resolvedRoot
        return resolver.problems.map { p in
            DescriptorFailure(at: value.closest(p.path), data: ["error": p.message])
        }
    }
}
