import GovlintAccessibility
import GovlintHTML

/// Checks the target's `role` attribute (`aspect:`):
/// - `valid`: at least one token is a concrete WAI-ARIA, DPUB-ARIA or
///   Graphics role (fallback lists such as `role="switch checkbox"` pass) and
///   no token is an abstract role;
/// - `deprecated`: the role in effect is not deprecated (`directory`,
///   `doc-biblioentry`, `doc-endnote`);
/// - `allowed`: ARIA in HTML allows the role in effect on this element
///   (e.g. no `role="button"` on an `<h2>`, no role at all on `<label>`);
/// - `conflict`: a `none`/`presentation` role is not overridden because the
///   element is focusable or has a global ARIA attribute.
/// A missing or blank `role` holds.
struct RoleAttributeCheck: PageCheck {
    static let id = "role-attribute"
    static let summary = "The target's `role` names a concrete ARIA role and no abstract one (`aspect: valid`), is not deprecated (`deprecated`), is allowed on the element (`allowed`), or is a presentational role that takes effect (`conflict`)."

    enum Aspect: String { case valid, deprecated, allowed, conflict }
    let aspect: Aspect

    init(options: inout CheckOptions) throws(LocatedError) {
        let raw = try options.requireString("aspect")
        guard let a = Aspect(rawValue: raw) else { throw options.error(at: "aspect", "'aspect' must be 'valid', 'deprecated', 'allowed' or 'conflict'") }
        aspect = a
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        guard let value = element.attribute("role") else { return .holds }
        let tokens = AriaData.htmlTokens(value[...]).map { $0.lowercased() }
        if tokens.isEmpty { return .holds }
        switch aspect {
        case .valid:
            if let abstract = tokens.first(where: { AriaRole.named($0)?.isAbstract == true }) {
                return CheckResult(.doesNotHold, data: ["role": abstract, "value": value])
            }
            let ok = tokens.contains { AriaData.isValidRole($0) }
            return .verdict(ok, data: ["role": tokens.joined(separator: " "), "value": value])
        case .deprecated:
            guard let role = page.accessibility.explicitRole(of: element),
                  AriaRole.named(role)?.isDeprecated == true else { return .holds }
            return CheckResult(.doesNotHold, data: ["role": role, "value": value])
        case .allowed:
            guard let role = page.accessibility.explicitRole(of: element) else { return .holds }
            return .verdict(page.accessibility.isRoleAllowed(role, on: element),
                            data: ["role": role, "value": value, "element": element.name])
        case .conflict:
            guard let role = page.accessibility.explicitRole(of: element), role == "none" || role == "presentation" else {
                return .holds
            }
            let effective = page.accessibility.effectiveRole(of: element)
            return .verdict(effective == role, data: ["role": role, "value": value, "element": element.name])
        }
    }
}
