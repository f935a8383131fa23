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
