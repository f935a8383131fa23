import GovlintHTML

/// Holds when the attribute `name` is present and not only whitespace.
struct AttributeNotEmptyCheck: PageCheck {
    static let id = "attribute-not-empty"
    static let summary = "The attribute `name` is present and not only whitespace."
    let name: String

    init(options: inout CheckOptions) throws(LocatedError) {
        name = try options.requireString("name").lowercased()
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let value = element.attribute(name) ?? ""
        return .verdict(!value.allSatisfy(\.isWhitespace), data: ["attribute": name])
    }
}
