import Foundation
import Yams

/// Native versions of some of the JavaScript functions of Spectral's OpenAPI
/// ruleset, under their Spectral names. Only Spectral rulesets can call them
/// (they are not in govlint's rule vocabulary, ``CheckRegistry``).
enum SpectralOASFunctions {
    static let all: [String: any DescriptorCheck.Type] = [
        OASOpSuccessResponse.id: OASOpSuccessResponse.self,
        OASOpIdUnique.id: OASOpIdUnique.self,
        OASTagDefined.id: OASTagDefined.self,
        UniquenessTags.id: UniquenessTags.self,
        OASPathParam.id: OASPathParam.self,
        ServerVariables.id: ServerVariables.self,
        RefSiblings.id: RefSiblings.self,
        OASOpParams.id: OASOpParams.self,
        TypedEnum.id: TypedEnum.self,
        OASSecurityDefined.id: OASSecurityDefined.self,
        UnreferencedReusableObject.id: UnreferencedReusableObject.self,
        OASUnusedComponent.id: OASUnusedComponent.self,
        RuntimeExpression.id: RuntimeExpression.self,
        OASDiscriminator.id: OASDiscriminator.self,
        OASOpFormDataConsumeCheck.id: OASOpFormDataConsumeCheck.self,
        OASExample.id: OASExample.self,
        OASDocumentSchema.id: OASDocumentSchema.self,
    ]

    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Every operation under `paths` (path item → HTTP method), in document order.
    static func operations(_ paths: DescriptorMatch) -> [DescriptorMatch] {
        paths.children.flatMap { item in item.children.filter { methods.contains($0.path.last?.description ?? "") } }
    }
}

/// `oasOpSuccessResponse`: a responses object has a 2xx or 3xx response.
struct OASOpSuccessResponse: DescriptorCheck {
    static let id = "oasOpSuccessResponse"
    static let summary = "The responses object has at least one 2xx or 3xx response (Spectral oasOpSuccessResponse)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, case .mapping = value.value else { return [] }
        // As Spectral: a key that is a number from 200 to 399 ("2XX" ranges do not count).
        let ok = value.children.contains { c in
            guard let n = Double(c.path.last?.description ?? "") else { return false }
            return n >= 200 && n < 400
        }
        return ok ? [] : [DescriptorFailure(at: value, data: ["error": "operations must define at least one 2xx or 3xx response"])]
    }
}

/// `oasOpIdUnique`: operationIds are unique across `paths`; each repeat is reported.
struct OASOpIdUnique: DescriptorCheck {
    static let id = "oasOpIdUnique"
    static let summary = "Every operation under paths has a unique operationId (Spectral oasOpIdUnique)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard var value, case .mapping = value.value else { return [] }
        // Spectral versions call it on the document or on its paths.
        if value.path.isEmpty {
            guard let paths = value.child(.key("paths")) else { return [] }
            value = paths
        }
        var seen: Set<JSONValue> = []
        var failures: [DescriptorFailure] = []
        for op in SpectralOASFunctions.operations(value) {
            guard let id = op.child(.key("operationId")) else { continue }
            if !seen.insert(JSONValue(id.value)).inserted {
                failures.append(DescriptorFailure(at: id, data: ["error": "operationId must be unique."]))
            }
        }
        return failures
    }
}

/// `oasTagDefined`: every operation tag is declared in the top-level `tags`.
struct OASTagDefined: DescriptorCheck {
    static let id = "oasTagDefined"
    static let summary = "Operation tags are declared in the global tags (Spectral oasTagDefined)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, case .mapping = value.value else { return [] }
        let declared = Set((value.child(.key("tags"))?.children ?? []).compactMap { $0.child(.key("name"))?.value.scalarText })
        guard let paths = value.child(.key("paths")) else { return [] }
        var failures: [DescriptorFailure] = []
        for op in SpectralOASFunctions.operations(paths) {
            for tag in op.child(.key("tags"))?.children ?? [] {
                if let name = tag.value.scalarText, !declared.contains(name) {
                    failures.append(DescriptorFailure(at: tag, data: ["error": "Operation tags must be defined in global tags."]))
                }
            }
        }
        return failures
    }
}

/// `uniquenessTags`: tag names are unique; each repeat is reported at its name.
struct UniquenessTags: DescriptorCheck {
    static let id = "uniquenessTags"
    static let summary = "Tag names are unique (Spectral uniquenessTags)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, case .sequence = value.value else { return [] }
        var seen: Set<String> = []
        var failures: [DescriptorFailure] = []
        for tag in value.children {
            guard let name = tag.child(.key("name")), let text = name.value.scalarText else { continue }
            if !seen.insert(text).inserted {
                failures.append(DescriptorFailure(at: name, data: ["error": "\"tags\" object contains duplicate tag name \"\(text)\"."]))
            }
        }
        return failures
    }
}

/// `oasPathParam`: path templates and path parameters agree. Paths must not be
/// equivalent (`/a/{x}` and `/a/{y}`) or repeat a template parameter; every
/// `in: path` parameter is `required: true`, defined once per level and used in
/// the template; every template parameter is defined by the path item or the
/// operation. `$ref` parameters arrive resolved (``SpectralRefResolver``);
/// where one could not be followed, the "must define" test is skipped for
/// that operation rather than guessed.
struct OASPathParam: DescriptorCheck {
    static let id = "oasPathParam"
    static let summary = "Path templates and path parameters agree (Spectral oasPathParam)."
    static let template = try! NSRegularExpression(pattern: #"(\{;?\??[a-zA-Z0-9_-]+\*?\})"#)
    static let operations: Set<String> = ["get", "head", "post", "put", "patch", "delete", "options", "trace"]

    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, case .mapping = value.value else { return [] }
        let paths: DescriptorMatch
        if value.path.isEmpty {
            guard let p = value.child(.key("paths")), case .mapping = p.value else { return [] }
            paths = p
        } else {
            paths = value
        }
        var failures: [DescriptorFailure] = []
        var reported: Set<String> = []
        func fail(_ message: String, at m: DescriptorMatch) {
            // Spectral drops results with the same path and message.
            guard reported.insert(m.pathText + "\u{0}" + message).inserted else { return }
            failures.append(DescriptorFailure(at: m, data: ["error": message]))
        }
        /// The parameter object; nil for a `$ref` the common resolver could not follow
        /// (Spectral lints the resolved document, so followed ones are already inlined).
        func resolve(_ p: DescriptorMatch) -> DescriptorMatch? {
            p.child(.key("$ref")) == nil ? p : nil
        }
        /// Named path parameters of one level; false when a `$ref` could not be followed.
        func collect(_ list: DescriptorMatch?, into params: inout [(name: String, at: DescriptorMatch)]) -> Bool {
            guard let list, case .sequence = list.value else { return true }
            var complete = true
            for item in list.children {
                guard case .mapping = item.value else { continue }
                guard let p = resolve(item) else { complete = false; continue }
                guard p.child(.key("in"))?.value.scalarText == "path", let nameNode = p.child(.key("name")),
                      let name = nameNode.value.scalarText else { continue }
                if p.child(.key("required")).map({ JSONValue($0.value) }) != .bool(true) {
                    fail("Path parameter \"\(name)\" must have \"required\" property that is set to \"true\".", at: item)
                }
                if params.contains(where: { $0.name == name }) {
                    fail("Path parameter \"\(name)\" must not be defined multiple times.", at: item)
                    continue
                }
                params.append((name, item))
            }
            return complete
        }

        var unique: [String: String] = [:]
        for item in paths.children {
            guard case let .key(path)? = item.path.last, case .mapping = item.value else { continue }
            let range = NSRange(path.startIndex..., in: path)
            let normalized = Self.template.stringByReplacingMatches(in: path, range: range, withTemplate: "%")
            if let first = unique[normalized] {
                fail("Paths \"\(first)\" and \"\(path)\" must not be equivalent.", at: item)
            } else {
                unique[normalized] = path
            }
            var elements: [String] = []
            for m in Self.template.matches(in: path, range: range) {
                guard let r = Range(m.range, in: path) else { continue }
                let name = path[r].filter { !"{}?*;".contains($0) }
                if elements.contains(name) {
                    fail("Path \"\(path)\" must not use parameter \"{\(name)}\" multiple times.", at: item)
                } else {
                    elements.append(name)
                }
            }
            var top: [(name: String, at: DescriptorMatch)] = []
            let topComplete = collect(item.child(.key("parameters")), into: &top)
            for op in item.children {
                guard case let .key(method)? = op.path.last, Self.operations.contains(method), case .mapping = op.value else { continue }
                var own: [(name: String, at: DescriptorMatch)] = []
                let opComplete = collect(op.child(.key("parameters")), into: &own)
                var defined = top.filter { t in !own.contains { $0.name == t.name } }
                defined += own
                for d in defined where !elements.contains(d.name) {
                    fail("Parameter \"\(d.name)\" must be used in path \"\(path)\".", at: d.at)
                }
                if topComplete && opComplete {
                    for e in elements where !defined.contains(where: { $0.name == e }) {
                        fail("Operation must define parameter \"{\(e)}\" as expected by path \"\(path)\".", at: op)
                    }
                }
            }
        }
        return failures
    }
}

/// `serverVariables`: a server's `{variables}` in `url` and its `variables`
/// object agree: none missing, none unused, defaults listed in `enum`, a default
/// present (`requireDefault`), and every substitution a valid absolute URL
/// (`checkSubstitutions`; URL validity approximates WHATWG's: a scheme, and a
/// host for http/https).
struct ServerVariables: DescriptorCheck {
    static let id = "serverVariables"
    static let summary = "Server URL variables are defined, used and valid (Spectral serverVariables)."
    static let variable = try! NSRegularExpression(pattern: #"\{([^{}]+)\}"#)
    let checkSubstitutions: Bool
    let requireDefault: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        checkSubstitutions = try options.bool("checkSubstitutions") ?? false
        requireDefault = try options.bool("requireDefault") ?? false
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, case .mapping = value.value, let url = value.child(.key("url"))?.value.scalarText else { return [] }
        var failures: [DescriptorFailure] = []
        func fail(_ message: String, at m: DescriptorMatch?) {
            failures.append(DescriptorFailure(at: m ?? value, data: ["error": message]))
        }
        var found: [String] = []
        for m in Self.variable.matches(in: url, range: NSRange(url.startIndex..., in: url)) {
            if let r = Range(m.range(at: 1), in: url), !found.contains(String(url[r])) { found.append(String(url[r])) }
        }
        let variables = value.child(.key("variables"))
        let defined = variables?.children.compactMap { $0.path.last?.description } ?? []
        for name in defined where !found.contains(name) {
            fail("Server's \"variables\" object has unused defined \"\(name)\" url variable.", at: variables?.child(.key(name)))
        }
        guard !found.isEmpty else { return failures }
        let missing = found.filter { !defined.contains($0) }
        if !missing.isEmpty {
            fail("Not all server's variables are described with \"variables\" object. Missed: \(missing.joined(separator: ", ")).", at: variables)
        }
        guard let variables else { return failures }
        var pairs: [(String, [String])] = []
        for name in defined where found.contains(name) {
            guard let v = variables.child(.key(name)) else { continue }
            let def = v.child(.key("default"))?.value.scalarText
            if let e = v.child(.key("enum")), case .sequence = e.value {
                let values = e.children.compactMap { $0.value.scalarText }
                pairs.append((name, values))
                if let def, !values.contains(def) {
                    fail("Server Variable \"\(name)\" has a default not listed in the enum.", at: v.child(.key("default")))
                }
            } else {
                pairs.append((name, def.map { [$0] } ?? []))
            }
            if def == nil && requireDefault {
                fail("Server Variable \"\(name)\" has a missing default.", at: v)
            }
        }
        if checkSubstitutions, !pairs.isEmpty {
            var urls = [url]
            for (name, values) in pairs where !values.isEmpty {
                urls = urls.flatMap { u in values.map { u.replacingOccurrences(of: "{\(name)}", with: $0) } }
                if urls.count > 1000 { urls = Array(urls.prefix(1000)) }
            }
            let invalid = Array(urls.filter { !Self.isValidURL($0) }.prefix(5))
            if invalid.count == 5 {
                fail("At least 5 substitutions of server variables resulted in invalid URLs: \(invalid.joined(separator: ", ")) and more", at: variables)
            } else if !invalid.isEmpty {
                fail("A few substitutions of server variables resulted in invalid URLs: \(invalid.joined(separator: ", "))", at: variables)
            }
        }
        return failures
    }

    static func isValidURL(_ s: String) -> Bool {
        guard !s.contains(" "), let c = URLComponents(string: s), let scheme = c.scheme, !scheme.isEmpty else { return false }
        if ["http", "https", "ws", "wss", "ftp"].contains(scheme.lowercased()) { return !(c.host ?? "").isEmpty }
        return true
    }
}
