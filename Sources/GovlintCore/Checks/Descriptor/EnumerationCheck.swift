/// Spectral `enumeration`: a scalar value is one of `values`.
struct EnumerationCheck: DescriptorCheck {
    static let id = "enumeration"
    static let summary = "A scalar value is one of `values` (Spectral `enumeration`)."
    let values: [String]

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let v = try options.strings("values"), !v.isEmpty else { throw options.error("missing required option 'values'") }
        values = v
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, let text = value.scalarText else { return [] }
        return values.contains(text) ? [] : [DescriptorFailure(at: value, data: [
            "value": text, "values": values.joined(separator: ", "),
            "error": "\"\(text)\" must be equal to one of the allowed values: " + values.map { "\"\($0)\"" }.joined(separator: ", "),
        ])]
    }
}
