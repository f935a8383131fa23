/// Spectral `defined`: the value (or `field`) exists.
struct DefinedCheck: DescriptorCheck {
    static let id = "defined"
    static let summary = "The value (or `field`) is present (Spectral `defined`)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        value == nil ? [DescriptorFailure(at: parent, data: ["property": field ?? "", "error": SpectralText.property(field) + "must be defined"])] : []
    }
}
