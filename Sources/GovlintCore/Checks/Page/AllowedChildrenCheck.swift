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
    /// The allowed roles by role number (``AriaData/roleNames``).
    let roles: [Bool]
    let textAllowed: Bool
    let tolerate: Selector?

    init(options: inout CheckOptions) throws(LocatedError) {
        selector = try options.selector("selector")
        let roleNames = (try options.strings("roles") ?? []).map { $0.lowercased() }
        roles = AriaData.roleTable(of: roleNames)
        textAllowed = try options.bool("text") ?? true
        tolerate = try options.selector("tolerate")
        if selector == nil && roleNames.isEmpty { throw options.error("give 'selector', 'roles' or both") }
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        var tolerated: HTMLElement?
        var anyAllowed = false
        let document = element.document
        var c = element.core.firstChild
        while c >= 0 {
            let node = document.cores[Int(c)]
            let child = HTMLElement(document: document, index: Int(c))
            c = node.nextSibling
            if node.kind == .text {
                if !textAllowed, !Self.isAllWhitespace(document.nodes[child.index].text), !ax.isHiddenFromRendering(child) {
                    return CheckResult(.doesNotHold, data: ["child": "text"])
                }
                continue
            }
            guard node.kind == .element, !ax.isHiddenFromAccessibilityTree(child) else { continue }
            if let selector, selector.matches(child) { anyAllowed = true; continue }
            if let role = ax.effectiveRoleID(of: child), roles[role] { anyAllowed = true; continue }
            if let tolerate, tolerate.matches(child) { tolerated = tolerated ?? child; continue }
            return CheckResult(.doesNotHold, data: ["child": "<\(child.name)>"])
        }
        if let tolerated, !anyAllowed { return CheckResult(.doesNotHold, data: ["child": "<\(tolerated.name)>"]) }
        return .holds
    }

    /// `text.allSatisfy(\.isWhitespace)`, on bytes unless non-ASCII text decides it: an ASCII
    /// byte other than whitespace (9–13, 32) makes some Character not whitespace (ASCII
    /// letters never join a preceding whitespace cluster).
    static func isAllWhitespace(_ text: String) -> Bool {
        var copy = text
        // nil: some byte is not ASCII, and no ASCII byte decided.
        let onBytes: Bool? = copy.withUTF8 { bytes in
            var nonASCII = false
            for b in bytes {
                if b >= 0x80 { nonASCII = true; continue }
                if b != 0x20 && !(b >= 0x09 && b <= 0x0D) { return false }
            }
            return nonASCII ? nil : true
        }
        return onBytes ?? text.allSatisfy(\.isWhitespace)
    }
}
