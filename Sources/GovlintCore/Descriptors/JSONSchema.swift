import Foundation
import Yams

/// A JSON Schema (2020-12 subset, with the draft-04 spellings real government
/// schemas still use) validating descriptor values in place, so every error
/// points at the offending key or value.
///
/// Keywords: `type`, `enum`, `const`, `required`, `properties`,
/// `patternProperties`, `additionalProperties`, `min/maxProperties`,
/// `dependentRequired` (and draft-04 `dependencies` with a list), `items`
/// (a list means draft-04 tuples), `prefixItems`, `min/maxItems`,
/// `uniqueItems`, `contains`, `min/maxLength`, `pattern`, `format` (`date`,
/// `date-time`, `email`, `uri`; others are annotations), `minimum`,
/// `maximum`, `exclusiveMinimum`/`exclusiveMaximum` (numbers, or draft-04
/// booleans), `multipleOf`, `allOf`, `anyOf`, `oneOf`, `not`,
/// `if`/`then`/`else`, `unevaluatedProperties` (over the names evaluated by the
/// applicators), and `$ref` to `#`, `#/$defs/…` or `#/definitions/…`.
/// Unknown keywords are ignored, as the specification requires.
public struct JSONSchema: Sendable {
    public struct ValidationError: Sendable, CustomStringConvertible {
        /// The value (or, for `required`, the object) at fault.
        public var at: DescriptorMatch
        public var keyword: String
        public var message: String
        /// The keyword's argument for messages: the missing or extra property name, the expected type, the allowed values…
        public var param: String = ""
        public var description: String { "\(at.pathText): \(message)" }
    }

    public struct SchemaError: Error, Sendable, CustomStringConvertible {
        /// JSON pointer into the schema.
        public var pointer: String
        public var message: String
        public var description: String { "\(pointer.isEmpty ? "#" : "#" + pointer): \(message)" }
    }

    let root: JSONValue
    let patterns: [String: NSRegularExpression]

    public init(_ node: Node) throws(SchemaError) {
        try self.init(JSONValue(node))
    }

    public init(_ schema: JSONValue) throws(SchemaError) {
        root = schema
        var patterns: [String: NSRegularExpression] = [:]
        try Self.prepare(schema, pointer: "", root: schema, patterns: &patterns)
        self.patterns = patterns
    }

    /// Compiles patterns and checks `$ref`s and keyword types once, up front.
    static func prepare(_ s: JSONValue, pointer: String, root: JSONValue, patterns: inout [String: NSRegularExpression]) throws(SchemaError) {
        switch s {
        case .bool: return
        case let .object(o):
            func need(_ ok: Bool, _ key: String, _ what: String) throws(SchemaError) {
                if !ok { throw SchemaError(pointer: pointer + "/" + key, message: "'\(key)' must be \(what)") }
            }
            if let t = o["type"] {
                let names: [JSONValue]
                if case let .array(a) = t { names = a } else { names = [t] }
                for n in names {
                    guard case let .string(name) = n, ["null", "boolean", "object", "array", "number", "integer", "string"].contains(name) else {
                        throw SchemaError(pointer: pointer + "/type", message: "unknown type \(n)")
                    }
                }
            }
            if let p = o["pattern"] {
                guard case let .string(text) = p else { throw SchemaError(pointer: pointer + "/pattern", message: "'pattern' must be a string") }
                do { patterns[text] = try JSRegex.compile(text) } catch {
                    throw SchemaError(pointer: pointer + "/pattern", message: "invalid regular expression '\(text)'")
                }
            }
            if let r = o["$ref"] {
                guard case let .string(ref) = r, resolve(ref, in: root) != nil else {
                    throw SchemaError(pointer: pointer + "/$ref", message: "cannot resolve '\(r)' (only '#', '#/$defs/…' and '#/definitions/…' within the schema)")
                }
            }
            for key in ["required"] {
                if let v = o[key] {
                    if case let .array(a) = v { try need(a.allSatisfy { if case .string = $0 { true } else { false } }, key, "a list of names") }
                    else { try need(false, key, "a list of names") }
                }
            }
            for key in ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"] {
                if let v = o[key] {
                    if case let .number(d) = v { try need(d >= 0 && d.rounded() == d, key, "a non-negative integer") } else { try need(false, key, "a non-negative integer") }
                }
            }
            if let e = o["enum"], case .array = e {} else if o["enum"] != nil { try need(false, "enum", "a list") }
            for (key, sub) in o {
                switch key {
                case "properties", "patternProperties", "$defs", "definitions", "dependentSchemas":
                    guard case let .object(m) = sub else { throw SchemaError(pointer: pointer + "/" + key, message: "'\(key)' must be a mapping of schemas") }
                    for (name, s) in m {
                        if key == "patternProperties" {
                            do { patterns[name] = try JSRegex.compile(name) } catch {
                                throw SchemaError(pointer: pointer + "/" + key + "/" + name, message: "invalid regular expression '\(name)'")
                            }
                        }
                        try prepare(s, pointer: pointer + "/" + key + "/" + escape(name), root: root, patterns: &patterns)
                    }
                case "allOf", "anyOf", "oneOf", "prefixItems":
                    guard case let .array(list) = sub, !list.isEmpty else { throw SchemaError(pointer: pointer + "/" + key, message: "'\(key)' must be a non-empty list of schemas") }
                    for (i, s) in list.enumerated() { try prepare(s, pointer: pointer + "/\(key)/\(i)", root: root, patterns: &patterns) }
                case "items":
                    if case let .array(list) = sub {
                        for (i, s) in list.enumerated() { try prepare(s, pointer: pointer + "/items/\(i)", root: root, patterns: &patterns) }
                    } else {
                        try prepare(sub, pointer: pointer + "/items", root: root, patterns: &patterns)
                    }
                case "additionalProperties", "additionalItems", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties":
                    try prepare(sub, pointer: pointer + "/" + key, root: root, patterns: &patterns)
                default:
                    break
                }
            }
        default:
            throw SchemaError(pointer: pointer, message: "a schema must be a mapping or a boolean")
        }
    }

    static func escape(_ name: String) -> String {
        name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// Resolves `#`, `#/$defs/x`, `#/definitions/x` (any JSON pointer within the schema).
    static func resolve(_ ref: String, in root: JSONValue) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        let pointer = ref.dropFirst()
        if pointer.isEmpty { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var current = root
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = (raw.removingPercentEncoding ?? String(raw)).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case let .object(o):
                guard let next = o[token] else { return nil }
                current = next
            case let .array(a):
                guard let i = Int(token), i >= 0, i < a.count else { return nil }
                current = a[i]
            default:
                return nil
            }
        }
        return current
    }

    // MARK: Validation

    /// Every error, in document order of the schema's keywords.
    public func validate(_ value: DescriptorMatch) -> [ValidationError] {
        var errors: [ValidationError] = []
        validate(value, against: root, depth: 0, into: &errors)
        return errors
    }

    public func isValid(_ value: DescriptorMatch) -> Bool { validate(value).isEmpty }

    func valid(_ value: DescriptorMatch, _ schema: JSONValue, depth: Int) -> Bool {
        var errors: [ValidationError] = []
        validate(value, against: schema, depth: depth, into: &errors)
        return errors.isEmpty
    }

    func validate(_ m: DescriptorMatch, against schema: JSONValue, depth: Int, into errors: inout [ValidationError]) {
        func fail(_ keyword: String, _ message: String, at: DescriptorMatch? = nil, param: String = "") {
            errors.append(ValidationError(at: at ?? m, keyword: keyword, message: message, param: param))
        }
        guard depth < 64 else { return fail("$ref", "schema nesting is too deep (a $ref cycle?)") }
        switch schema {
        case .bool(true): return
        case .bool(false): return fail("false", "is not allowed")
        case .object: break
        default: return
        }
        guard case let .object(s) = schema else { return }
        let value = JSONValue(m.value)

        if case let .string(ref)? = s["$ref"], let target = Self.resolve(ref, in: root) {
            validate(m, against: target, depth: depth + 1, into: &errors)
        }

        // type
        if let t = s["type"] {
            let names: [String]
            switch t {
            case let .string(n): names = [n]
            case let .array(a): names = a.compactMap { if case let .string(n) = $0 { n } else { nil } }
            default: names = []
            }
            if !names.contains(where: { Self.has(type: $0, value) }) {
                fail("type", "must be \(names.joined(separator: " or "))", param: names.joined(separator: " | "))
                return // further keywords would only repeat the type error
            }
        }
        if case let .array(options)? = s["enum"], !options.contains(value) {
            fail("enum", "must be one of: \(options.map(\.description).joined(separator: ", "))", param: options.map(\.description).joined(separator: ", "))
        }
        if let c = s["const"], c != value {
            fail("const", "must be \(c)")
        }

        switch value {
        case let .string(text):
            let length = text.unicodeScalars.count
            if let n = Self.int(s["minLength"]), length < n { fail("minLength", "must have at least \(n) characters (has \(length))") }
            if let n = Self.int(s["maxLength"]), length > n { fail("maxLength", "must have at most \(n) characters (has \(length))") }
            if case let .string(p)? = s["pattern"], let re = patterns[p], !Self.search(re, text) {
                fail("pattern", "must match pattern \"\(p)\"", param: p)
            }
            if case let .string(format)? = s["format"], !Self.formatHolds(format, text) {
                fail("format", "must be a valid \(format)", param: format)
            }
        case let .number(d):
            if case let .number(x)? = s["minimum"] {
                if case .bool(true)? = s["exclusiveMinimum"] { if !(d > x) { fail("exclusiveMinimum", "must be > \(Self.show(x))") } }
                else if d < x { fail("minimum", "must be >= \(Self.show(x))") }
            }
            if case let .number(x)? = s["maximum"] {
                if case .bool(true)? = s["exclusiveMaximum"] { if !(d < x) { fail("exclusiveMaximum", "must be < \(Self.show(x))") } }
                else if d > x { fail("maximum", "must be <= \(Self.show(x))") }
            }
            if case let .number(x)? = s["exclusiveMinimum"], !(d > x) { fail("exclusiveMinimum", "must be > \(Self.show(x))") }
            if case let .number(x)? = s["exclusiveMaximum"], !(d < x) { fail("exclusiveMaximum", "must be < \(Self.show(x))") }
            if case let .number(x)? = s["multipleOf"], x > 0 {
                let q = d / x
                if abs(q - q.rounded()) > 1e-9 { fail("multipleOf", "must be a multiple of \(Self.show(x))") }
            }
        case let .object(o):
            if case let .array(required)? = s["required"] {
                for case let .string(name) in required where o[name] == nil {
                    fail("required", "must have required property '\(name)'", param: name)
                }
            }
            if let n = Self.int(s["minProperties"]), o.count < n { fail("minProperties", "must have at least \(n) properties") }
            if let n = Self.int(s["maxProperties"]), o.count > n { fail("maxProperties", "must have at most \(n) properties") }
            var dependent: [String: JSONValue] = [:]
            if case let .object(d)? = s["dependentRequired"] { dependent.merge(d) { a, _ in a } }
            if case let .object(d)? = s["dependencies"] { dependent.merge(d) { a, _ in a } }
            for (trigger, need) in dependent.sorted(by: { $0.key < $1.key }) where o[trigger] != nil {
                switch need {
                case let .array(names):
                    for case let .string(name) in names where o[name] == nil {
                        fail("dependentRequired", "must have property '\(name)' when '\(trigger)' is present", param: name)
                    }
                default:
                    validate(m, against: need, depth: depth + 1, into: &errors)
                }
            }
            if case let .object(d)? = s["dependentSchemas"] {
                for (trigger, sub) in d.sorted(by: { $0.key < $1.key }) where o[trigger] != nil {
                    validate(m, against: sub, depth: depth + 1, into: &errors)
                }
            }
            let properties: [String: JSONValue]
            if case let .object(p)? = s["properties"] { properties = p } else { properties = [:] }
            var patternProps: [(NSRegularExpression, JSONValue)] = []
            if case let .object(pp)? = s["patternProperties"] {
                for (p, sub) in pp.sorted(by: { $0.key < $1.key }) { if let re = patterns[p] { patternProps.append((re, sub)) } }
            }
            for child in m.children {
                guard case let .key(name)? = child.path.last else { continue }
                var matched = false
                if let sub = properties[name] {
                    matched = true
                    validate(child, against: sub, depth: depth + 1, into: &errors)
                }
                for (re, sub) in patternProps where Self.search(re, name) {
                    matched = true
                    validate(child, against: sub, depth: depth + 1, into: &errors)
                }
                if let names = s["propertyNames"], !valid(DescriptorMatch(value: Node(name), keyNode: child.keyNode, path: child.path), names, depth: depth + 1) {
                    fail("propertyNames", "property name '\(name)' is not allowed", at: child)
                }
                if !matched, let additional = s["additionalProperties"] {
                    if case .bool(false) = additional {
                        fail("additionalProperties", "must not have additional property '\(name)'", at: child, param: name)
                    } else {
                        validate(child, against: additional, depth: depth + 1, into: &errors)
                    }
                }
            }
        case let .array(items):
            if let n = Self.int(s["minItems"]), items.count < n { fail("minItems", "must have at least \(n) items (has \(items.count))") }
            if let n = Self.int(s["maxItems"]), items.count > n { fail("maxItems", "must have at most \(n) items (has \(items.count))") }
            if case .bool(true)? = s["uniqueItems"] {
                var seen: [JSONValue: Int] = [:]
                for (i, item) in items.enumerated() {
                    if let first = seen[item] {
                        fail("uniqueItems", "must not have duplicate items (items \(first) and \(i) are identical)", at: m.child(.index(i)))
                        break
                    }
                    seen[item] = i
                }
            }
            var prefix: [JSONValue] = []
            var rest: JSONValue?
            if case let .array(p)? = s["prefixItems"] { prefix = p; rest = s["items"] }
            else if case let .array(p)? = s["items"] { prefix = p; rest = s["additionalItems"] }
            else { rest = s["items"] }
            let children = m.children
            for (i, child) in children.enumerated() {
                if i < prefix.count {
                    validate(child, against: prefix[i], depth: depth + 1, into: &errors)
                } else if let rest {
                    if case .bool(false) = rest {
                        fail("items", "must have at most \(prefix.count) items", at: child)
                        break
                    }
                    validate(child, against: rest, depth: depth + 1, into: &errors)
                }
            }
            if let c = s["contains"], !children.contains(where: { valid($0, c, depth: depth + 1) }) {
                fail("contains", "must contain at least one valid item")
            }
        default:
            break
        }

        // Applicators.
        if case let .array(all)? = s["allOf"] {
            for sub in all { validate(m, against: sub, depth: depth + 1, into: &errors) }
        }
        if case let .array(any)? = s["anyOf"], !any.contains(where: { valid(m, $0, depth: depth + 1) }) {
            // One alternative's errors are clearer than a bare "anyOf".
            fail("anyOf", "must match at least one of the allowed forms")
        }
        if case let .array(one)? = s["oneOf"] {
            let count = one.filter { valid(m, $0, depth: depth + 1) }.count
            if count != 1 {
                fail("oneOf", count == 0 ? "must match exactly one of the allowed forms (matches none)" : "must match exactly one of the allowed forms (matches \(count))")
            }
        }
        if let not = s["not"], valid(m, not, depth: depth + 1) {
            fail("not", "must not match the excluded form")
        }
        if let condition = s["if"] {
            if valid(m, condition, depth: depth + 1) {
                if let then = s["then"] { validate(m, against: then, depth: depth + 1, into: &errors) }
            } else if let otherwise = s["else"] {
                validate(m, against: otherwise, depth: depth + 1, into: &errors)
            }
        }
        if let unevaluated = s["unevaluatedProperties"], case .mapping = m.value {
            let evaluated = evaluatedNames(m, schema, depth: depth, top: true)
            for child in m.children {
                guard case let .key(name)? = child.path.last, !evaluated.contains(name) else { continue }
                if case .bool(false) = unevaluated {
                    fail("unevaluatedProperties", "must not have unevaluated property '\(name)'", at: child, param: name)
                } else {
                    validate(child, against: unevaluated, depth: depth + 1, into: &errors)
                }
            }
        }
    }

    /// Property names of `m` that `schema` evaluates (for `unevaluatedProperties`): those its
    /// `properties`, `patternProperties` or `additionalProperties` apply to, through `$ref`,
    /// `allOf`, the valid `anyOf`/`oneOf` alternatives, the applied `if`/`then`/`else` branch and
    /// `dependentSchemas`.
    func evaluatedNames(_ m: DescriptorMatch, _ schema: JSONValue, depth: Int, top: Bool = false) -> Set<String> {
        guard depth < 64, case let .object(s) = schema else { return [] }
        let keys = m.children.compactMap { c -> String? in if case let .key(k)? = c.path.last { k } else { nil } }
        if s["additionalProperties"] != nil || (!top && s["unevaluatedProperties"] != nil) { return Set(keys) }
        var names: Set<String> = []
        if case let .object(p)? = s["properties"] { names.formUnion(keys.filter { p[$0] != nil }) }
        if case let .object(pp)? = s["patternProperties"] {
            for p in pp.keys { if let re = patterns[p] { names.formUnion(keys.filter { Self.search(re, $0) }) } }
        }
        if case let .string(ref)? = s["$ref"], let target = Self.resolve(ref, in: root) {
            names.formUnion(evaluatedNames(m, target, depth: depth + 1))
        }
        if case let .array(all)? = s["allOf"] { for sub in all { names.formUnion(evaluatedNames(m, sub, depth: depth + 1)) } }
        for key in ["anyOf", "oneOf"] {
            if case let .array(subs)? = s[key] {
                for sub in subs where valid(m, sub, depth: depth + 1) { names.formUnion(evaluatedNames(m, sub, depth: depth + 1)) }
            }
        }
        if let condition = s["if"] {
            if valid(m, condition, depth: depth + 1) {
                names.formUnion(evaluatedNames(m, condition, depth: depth + 1))
                if let then = s["then"] { names.formUnion(evaluatedNames(m, then, depth: depth + 1)) }
            } else if let otherwise = s["else"] {
                names.formUnion(evaluatedNames(m, otherwise, depth: depth + 1))
            }
        }
        if case let .object(d)? = s["dependentSchemas"] {
            for (trigger, sub) in d where keys.contains(trigger) { names.formUnion(evaluatedNames(m, sub, depth: depth + 1)) }
        }
        return names
    }

    static func has(type: String, _ v: JSONValue) -> Bool {
        switch (type, v) {
        case ("null", .null), ("boolean", .bool), ("object", .object), ("array", .array), ("string", .string), ("number", .number): true
        case let ("integer", .number(d)): d.isFinite && d.rounded() == d
        default: false
        }
    }

    static func int(_ v: JSONValue?) -> Int? {
        if case let .number(d)? = v, d.isFinite, d.rounded() == d { return Int(d) }
        return nil
    }

    static func show(_ d: Double) -> String { JSONValue.number(d).description }

    static func search(_ re: NSRegularExpression, _ s: String) -> Bool {
        re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    // MARK: Formats

    static let dateRE = try! NSRegularExpression(pattern: #"^(\d{4})-(\d{2})-(\d{2})$"#)
    static let dateTimeRE = try! NSRegularExpression(
        pattern: #"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$"#)
    static let emailRE = try! NSRegularExpression(
        pattern: #"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"#)
    static let uriRE = try! NSRegularExpression(
        pattern: #"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$"#)

    static func groups(_ re: NSRegularExpression, _ s: String) -> [Int]? {
        guard let m = re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { return nil }
        return (1..<m.numberOfRanges).map { i in
            guard let r = Range(m.range(at: i), in: s) else { return -1 }
            return Int(s[r]) ?? -1
        }
    }

    static func validDate(_ y: Int, _ mo: Int, _ d: Int) -> Bool {
        guard (1...12).contains(mo), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
        return d <= days
    }

    /// `date` and `date-time` per RFC 3339, `email` (RFC 5321 dot-atom), `uri` (absolute, with a scheme).
    public static func formatHolds(_ format: String, _ s: String) -> Bool {
        switch format {
        case "date":
            guard let g = groups(dateRE, s) else { return false }
            return validDate(g[0], g[1], g[2])
        case "date-time":
            guard let g = groups(dateTimeRE, s) else { return false }
            return validDate(g[0], g[1], g[2]) && g[3] <= 23 && g[4] <= 59 && g[5] <= 60 && (g[8] == -1 || (g[8] <= 23 && g[9] <= 59))
        case "email":
            return search(emailRE, s)
        case "uri":
            return search(uriRE, s)
        default:
            return true
        }
    }
}
