/// Spectral `length`: string length, array count or object size within `min`…`max`.
struct LengthCheck: DescriptorCheck {
    static let id = "length"
    static let summary = "String length, list count or mapping size lies within `min`…`max` (Spectral `length`)."
    let min: Int?
    let max: Int?

    init(options: inout CheckOptions) throws(LocatedError) {
        min = try options.int("min")
        max = try options.int("max")
        if min == nil && max == nil { throw options.error("give 'min' or 'max'") }
        try options.finish()
    }

    func evaluate(_ value: DescriptorMatch?, parent: DescriptorMatch, field: String?) -> [DescriptorFailure] {
        guard let value else { return [] }
        let length: Int
        if value.kind == .scalar, case .alias = value.value { return [] }
        length = value.count
        if let min, length < min {
            return [DescriptorFailure(at: value, data: ["length": String(length), "min": String(min),
                                                        "error": SpectralText.property(field) + "must not be shorter than \(min)"])]
        }
        if let max, length > max {
            return [DescriptorFailure(at: value, data: ["length": String(length), "max": String(max),
                                                        "error": SpectralText.property(field) + "must not be longer than \(max)"])]
        }
        return []
    }
}
