import GovlintAccessibility
import GovlintHTML

/// For a target widget whose role takes its name from content (button,
/// link, checkbox, menuitem, tab, …) and that is named by `aria-label` or
/// `aria-labelledby`: its visible text's words appear, in order and
/// contiguously, among the accessible name's words (case-insensitive;
/// punctuation, symbols and emoji separate words) — axe-core
/// `label-content-name-mismatch`, ACT 2ee8b8. Visible text is the text of
/// descendants not hidden by markup or inline style. Other targets, and
/// targets without visible text, hold. cantTell when either text is not
/// human-interpretable (a single letter, only symbols), or when the content
/// uses classes that commonly hide text visually or draw icon ligatures.
struct VisibleLabelInNameCheck: PageCheck {
    static let id = "visible-label-in-name"
    static let summary = "The visible text of the target widget is part of its aria-label/aria-labelledby name."

    /// Class-name fragments of visually-hidden text and icon fonts, whose
    /// rendering only the style sheet decides.
    static let uncertainClassFragments = [
        "sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "element-invisible", "offscreen",
        "hidden", "icon", "material-symbols", "fa-", "glyphicon",
    ]

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        guard let roleName = ax.effectiveRole(of: element), let role = AriaRole.named(roleName),
              role.category == .widget, role.supportsNameFromContent else { return .holds }
        let name = ax.accessibleName(of: element)
        guard name.source == .ariaLabel || name.source == .ariaLabelledby else { return .holds }
        let visible = AccessibilityContext.normalise(visibleText(element, ax)).lowercased()
        guard !visible.isEmpty else { return .holds }
        let accessible = name.text.lowercased()
        let data = ["visible": visible, "name": name.text]
        if !Self.isHumanInterpretable(visible) || !Self.isHumanInterpretable(accessible) {
            return CheckResult(.cantTell, data: data.merging(["reason": "the text is a symbol or a single letter"]) { a, _ in a })
        }
        let needle = Self.words(visible), haystack = Self.words(accessible)
        if !needle.isEmpty, haystack.count >= needle.count,
           (0...(haystack.count - needle.count)).contains(where: { Array(haystack[$0..<($0 + needle.count)]) == needle }) {
            return .holds
        }
        if element.descendants.contains(where: { e in
            e.isElement && e.classList.contains { c in
                let l = c.lowercased()
                return Self.uncertainClassFragments.contains { l.contains($0) }
            }
        }) {
            return CheckResult(.cantTell, data: data.merging(["reason": "the style sheet may hide part of the text or draw it as an icon"]) { a, _ in a })
        }
        return CheckResult(.doesNotHold, data: data)
    }

    /// Text of descendant text nodes whose element is rendered.
    func visibleText(_ element: HTMLElement, _ ax: AccessibilityContext) -> String {
        var out = ""
        for i in element.descendantIndices where element.document.nodes[i].kind == .text {
            let text = element.document[i]
            if let parent = text.parent, ax.isHiddenFromRendering(parent) { continue }
            out += text.node.text
        }
        return out
    }

    /// Words of a text: format characters dropped, anything but letters,
    /// marks and digits separates words.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let p = s.properties
            if p.generalCategory == .format { continue }
            if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
                || p.generalCategory == .spacingMark {
                current.append(s)
            } else if !current.isEmpty {
                words.append(String(current)); current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// axe-core `isHumanInterpretable`: not empty, not one non-digit
    /// character, not a symbolic text (`aa`, `abc`, `x`, `×`, `i`, `b`), and
    /// something left once punctuation, symbols and emoji are removed.
    static func isHumanInterpretable(_ text: String) -> Bool {
        let t = AccessibilityContext.normalise(text)
        if t.isEmpty { return false }
        if t.count == 1, !(t.first!.isNumber) { return false }
        if ["aa", "abc", "x", "×", "i", "b"].contains(t.lowercased()) { return false }
        return !words(t).isEmpty
    }
}
