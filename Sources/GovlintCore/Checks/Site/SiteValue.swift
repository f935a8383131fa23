import GovlintHTML

/// Which value of a target element a site check collects: its normalised text
/// or an attribute.
struct SiteValue: Sendable {
    let attribute: String?

    init(options: inout CheckOptions) throws(LocatedError) {
        let v = try options.string("value") ?? "text"
        if v == "text" {
            attribute = nil
        } else if v.hasPrefix("@") {
            attribute = String(v.dropFirst()).lowercased()
        } else {
            throw options.error(at: "value", "'value' must be 'text' or '@attribute'")
        }
    }

    func read(_ element: HTMLElement) -> String? {
        if let attribute { return element.attribute(attribute).map(TextMatching.normalized) }
        return TextMatching.normalizedText(of: element)
    }
}
