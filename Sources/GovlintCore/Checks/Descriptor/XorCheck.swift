/// Spectral `xor`: exactly one of `properties` is present on a mapping.
struct XorCheck: DescriptorCheck {
    static let id = "xor"
    static let summary = "Exactly one of `properties` is present (Spectral `xor`)."
    let properties: [String]

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let p = try options.strings("properties"), p.count >= 2 else {
            throw options.error("'properties' must list at least two names")
        }
        properties = p
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.kind == .mapping else { return [] }
        let present = properties.filter { value.child(.key($0)) != nil }
        guard present.count != 1 else { return [] }
        return [DescriptorFailure(at: value, data: [
            "properties": PropertyList.text(properties),
            "error": "\(PropertyList.text(properties)) must not be both defined or both undefined",
        ])]
    }
}
