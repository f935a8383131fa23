/// Spectral `undefined`: the value (or `field`) is absent.
struct UndefinedCheck: DescriptorCheck {
    static let id = "undefined"
    static let summary = "The value (or `field`) is absent (Spectral `undefined`)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        value.map { [DescriptorFailure(at: $0, data: ["property": field ?? "", "error": SpectralText.property(field) + "must be undefined"])] } ?? []
    }
}
