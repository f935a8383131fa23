import GovlintHTML

/// Holds when the target has the attribute `name` (any value, even empty).
struct AttributePresentCheck: PageCheck {
    static let id = "attribute-present"
    static let summary = "The target has the attribute `name` (any value)."
    let name: String

    init(options: inout CheckOptions) throws(LocatedError) {
        name = try options.requireString("name").lowercased()
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        .verdict(element.hasAttribute(name), data: ["attribute": name])
    }
}
