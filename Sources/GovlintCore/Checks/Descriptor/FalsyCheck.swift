/// Spectral `falsy`: the value is absent, false, 0, "" or null.
struct FalsyCheck: DescriptorCheck {
    static let id = "falsy"
    static let summary = "The value is absent, false, 0, empty or null (Spectral `falsy`)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value, value.isTruthy else { return [] }
        return [DescriptorFailure(at: value, data: [
            "property": field ?? value.path.last?.description ?? "", "value": value.scalarText ?? "",
            "error": SpectralText.property(field) + "must be falsy",
        ])]
    }
}
