import GovlintAccessibility
import GovlintHTML

/// Holds when every child element of the target that is in the accessibility
/// tree matches `selector` or has one of `roles` (its role in effect), and,
/// with `text: false`, no child text node has non-whitespace text. Children
/// hidden from the accessibility tree (`hidden`, `<script>`, `<template>`,
/// `aria-hidden`, …) are ignored. Children matching `tolerate` fail only when
/// no child is allowed (the list rule no longer uses it: axe-core 4.12 reports
/// `<li role="none">` next to real list items too). Reported at the target.
struct AllowedChildrenCheck: PageCheck {
    static let id = "allowed-children"
    static let summary = "Every child element in the accessibility tree matches `selector` or has one of `roles`; `text: false` forbids bare text."
    let selector: Selector?
    let roles: Set<String>
    let textAllowed: Bool
    let tolerate: Selector?

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.selector("selector")
        roles = Set((try options.strings("roles") ?? []).map { $0.lowercased() })
        textAllowed = try options.bool("text") ?? true
        tolerate = try options.selector("tolerate")
        if selector == nil && roles.isEmpty { throw options.error("give 'selector', 'roles' or both") }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        var tolerated: HTMLElement?
        var anyAllowed = false
        for child in element.childNodes {
            if child.kind == .text {
                if !textAllowed, !child.node.text.allSatisfy(\.isWhitespace), !ax.isHiddenFromRendering(child) {
                    return CheckResult(.doesNotHold, data: ["child": "text"])
                }
                continue
            }
            guard child.isElement, !ax.isHiddenFromAccessibilityTree(child) else { continue }
            if let selector, selector.matches(child) { anyAllowed = true; continue }
            if let role = ax.effectiveRole(of: child), roles.contains(role) { anyAllowed = true; continue }
            if let tolerate, tolerate.matches(child) { tolerated = tolerated ?? child; continue }
            return CheckResult(.doesNotHold, data: ["child": "<\(child.name)>"])
        }
        if let tolerated, !anyAllowed { return CheckResult(.doesNotHold, data: ["child": "<\(tolerated.name)>"]) }
        return .holds
    }
}
