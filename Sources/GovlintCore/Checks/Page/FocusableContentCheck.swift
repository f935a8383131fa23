import GovlintAccessibility
import GovlintHTML

/// Holds when no descendant of the target (and, with `self: true`, not the
/// target either) can take keyboard focus. With `tabbable: true` only elements
/// in the sequential focus order count (a negative `tabindex` is fine); with
/// `widgets: true` only focusable elements whose role is a widget count; with
/// `presentationalChildren: true` the check only applies to targets whose role
/// has presentational children (button, checkbox, tab, …) and holds for others.
/// Focus is decided from markup: native focusability, `tabindex`, `disabled`,
/// `inert` and hiding the engine can see.
struct FocusableContentCheck: PageCheck {
    static let id = "no-focusable-content"
    static let summary = "No descendant (`self: true`: nor the target) is focusable; options narrow it to tabbable elements or widgets."
    let includeSelf: Bool
    let tabbableOnly: Bool
    let widgetsOnly: Bool
    let onlyPresentationalChildren: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        includeSelf = try options.bool("self") ?? false
        tabbableOnly = try options.bool("tabbable") ?? false
        widgetsOnly = try options.bool("widgets") ?? false
        onlyPresentationalChildren = try options.bool("presentationalChildren") ?? false
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        if onlyPresentationalChildren {
            guard let role = ax.effectiveRole(of: element), AriaRole.named(role)?.childrenPresentational == true else {
                return .holds
            }
        }
        var candidates = includeSelf ? [element] : []
        candidates += element.descendants.filter(\.isElement)
        for e in candidates {
            guard tabbableOnly ? ax.isTabbable(e) : ax.isFocusable(e) else { continue }
            if widgetsOnly {
                guard let role = ax.effectiveRole(of: e), AriaRole.named(role)?.isSubclass(of: "widget") == true else { continue }
            }
            return CheckResult(.doesNotHold, data: ["focusable": e.name])
        }
        return .holds
    }
}
