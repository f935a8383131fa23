/// Spectral `or`: at least one of `properties` is present on a mapping.
struct OrCheck: DescriptorCheck {
    static let id = "or"
    static let summary = "At least one of `properties` is present (Spectral `or`)."
    let properties: [String]

    init(options: inout CheckOptions) throws(LocatedError) {
        guard let p = try options.strings("properties"), p.count >= 1 else {
            throw options.error("'properties' must list at least one name")
        }
        properties = p
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.kind == .mapping else { return [] }
        guard !properties.contains(where: { value.child(.key($0)) != nil }) else { return [] }
        return [DescriptorFailure(at: value, data: [
            "properties": PropertyList.text(properties),
            "error": "at least one of \(PropertyList.text(properties)) must be defined",
        ])]
    }
}

enum PropertyList {
    /// `"a", "b" and "c"` as Spectral prints them.
    static func text(_ names: [String]) -> String {
        var quoted = names.map { "\"\($0)\"" }
        guard let last = quoted.popLast() else { return "" }
        return quoted.isEmpty ? last : quoted.joined(separator: ", ") + " and " + last
    }
}
