/// Spectral `truthy`: the value is present and not false, 0, "" or null.
struct TruthyCheck: DescriptorCheck {
    static let id = "truthy"
    static let summary = "The value is present and not false, 0, empty or null (Spectral `truthy`)."
    init(options: inout CheckOptions) throws(LocatedError) { try options.finish() }
    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        let data = ["property": field ?? "", "error": SpectralText.property(field) + "must be truthy"]
        guard let value else { return [DescriptorFailure(at: parent, data: data)] }
        return value.isTruthy ? [] : [DescriptorFailure(at: value, data: data)]
    }
}
