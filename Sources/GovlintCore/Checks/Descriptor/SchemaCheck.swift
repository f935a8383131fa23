import Yams

/// Spectral `schema`: the value validates against the inline JSON Schema in
/// `schema` (2020-12 subset, see ``JSONSchema``); one failure per error, at
/// the offending key or value.
struct SchemaCheck: DescriptorCheck {
    static let id = "schema"
    static let summary = "The value validates against the inline JSON Schema `schema` (2020-12 subset; Spectral `schema`)."
    let schema: JSONSchema
    let allowErrors: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let node = options.node("schema") else { throw options.error("missing required option 'schema'") }
        do {
            schema = try JSONSchema(node)
        } catch {
            throw YAMLMap.error(node, file: options.file, "invalid schema: \(error)")
        }
        if let dialect = try options.string("dialect"),
           !["auto", "draft4", "draft6", "draft7", "draft2019-09", "draft2020-12"].contains(dialect) {
            throw options.error(at: "dialect", "unknown dialect '\(dialect)'")
        }
        allowErrors = try options.bool("allowErrors") ?? false
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        // Spectral: a missing field fails ("must exist"); the schema never sees it.
        guard let value else {
            return [DescriptorFailure(at: parent, data: ["error": SpectralText.property(field) + "must exist", "keyword": "required",
                                                         "param": field ?? "", "property": field ?? ""])]
        }
        return schema.validate(value).map { e in
            DescriptorFailure(at: e.at, data: [
                "error": e.message, "keyword": e.keyword, "param": e.param, "property": e.at.path.last?.description ?? "",
                "value": e.at.scalarText ?? "",
            ])
        }
    }
}
