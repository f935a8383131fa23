import GovlintAccessibility
import GovlintHTML

/// Holds when no descendant of the target (and, with `self: true`, not the
/// target either) can take keyboard focus. With `tabbable: true` only elements
/// in the sequential focus order count (a negative `tabindex` is fine); with
/// `widgets: true` only focusable elements whose role is a widget count; with
/// `presentationalChildren: true` the check only applies to targets whose role
/// has presentational children (button, checkbox, tab, …) and holds for others.
/// With `modal: cantTell`, a failure becomes cantTell while the page shows an
/// open modal (`<dialog open>` or a visible `aria-modal="true"` element),
/// since scripts then usually hide the background on purpose (axe-core passes
/// it). With `frames: cantTell`, an `<iframe>` without `tabindex` makes the
/// result cantTell instead of failed: the frame element is no tab stop of its
/// own, and whether the framed document has focusable content cannot be seen
/// from this page (axe-core passes an aria-hidden iframe). Focus is decided from markup: native focusability, `tabindex`,
/// `disabled`, `inert` and hiding the engine can see.
struct FocusableContentCheck: PageCheck {
    static let id = "no-focusable-content"
    static let summary = "No descendant (`self: true`: nor the target) is focusable; options narrow it to tabbable elements or widgets."
    static let memoKey = MemoKey<Bool>("no-focusable-content|modal-open")
    let includeSelf: Bool
    let tabbableOnly: Bool
    let widgetsOnly: Bool
    let onlyPresentationalChildren: Bool
    let reviewWhenModal: Bool
    let reviewFrames: Bool

    init(options: inout CheckOptions) throws(LocatedError) {
        includeSelf = try options.bool("self") ?? false
        tabbableOnly = try options.bool("tabbable") ?? false
        widgetsOnly = try options.bool("widgets") ?? false
        onlyPresentationalChildren = try options.bool("presentationalChildren") ?? false
        switch try options.string("modal") ?? "fail" {
        case "fail": reviewWhenModal = false
        case "cantTell": reviewWhenModal = true
        default: throw options.error(at: "modal", "'modal' must be 'fail' or 'cantTell'")
        }
        switch try options.string("frames") ?? "fail" {
        case "fail": reviewFrames = false
        case "cantTell": reviewFrames = true
        default: throw options.error(at: "frames", "'frames' must be 'fail' or 'cantTell'")
        }
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
        var frame: HTMLElement?
        for e in candidates {
            guard tabbableOnly ? ax.isTabbable(e) : ax.isFocusable(e) else { continue }
            if reviewFrames, e.name == "iframe", !e.hasAttribute("tabindex") {
                frame = frame ?? e
                continue
            }
            if widgetsOnly {
                guard let role = ax.effectiveRole(of: e), AriaRole.named(role)?.isSubclass(of: "widget") == true else { continue }
            }
            if reviewWhenModal, Self.modalIsOpen(page) {
                return CheckResult(.cantTell, data: ["focusable": e.name, "reason": "a modal dialog is open"])
            }
            return CheckResult(.doesNotHold, data: ["focusable": e.name])
        }
        if let frame {
            return CheckResult(.cantTell, data: ["focusable": frame.name, "reason": "the framed document may have focusable content"])
        }
        return .holds
    }

    static let modalSelector = try! Selector("dialog[open], [aria-modal=true i]")

    static func modalIsOpen(_ page: PageContext) -> Bool {
        page.memo(Self.memoKey) {
            page.select(modalSelector).contains { !page.accessibility.isHiddenFromAccessibilityTree($0) }
        }
    }
}
