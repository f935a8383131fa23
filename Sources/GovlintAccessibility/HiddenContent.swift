import GovlintHTML

/// Per-page accessibility state: memoised hidden/focus/role/name results keyed by
/// node index. Create one per ``HTMLDocument`` and share it among the rules that
/// check that page. Not thread-safe: use it from one thread at a time.
public final class AccessibilityContext {
    public let document: HTMLDocument

    // Per-node memo tables: 0 = unknown, 1 = false, 2 = true.
    // No dynamic exclusivity checks: the class is used from one thread and these are
    // read and written only here, never across a call that could reenter (memo reads were
    // ~1.5M swift_beginAccess calls on 193 pages).
    @exclusivity(unchecked) private var renderHiddenMemo: [UInt8]
    @exclusivity(unchecked) private var visibilityHiddenMemo: [UInt8]
    @exclusivity(unchecked) private var ariaHiddenMemo: [UInt8]
    private var disabledMemo: [UInt8]
    private var styleMemo: [Int: InlineStyle] = [:]
    var roleMemo: [Int: String?] = [:]
    var nameMemo: [Int: AccessibleName] = [:]
    var labelsForMemo: [String: [Int]]?

    public init(document: HTMLDocument) {
        self.document = document
        let n = document.nodes.count
        renderHiddenMemo = Array(repeating: 0, count: n)
        visibilityHiddenMemo = Array(repeating: 0, count: n)
        ariaHiddenMemo = Array(repeating: 0, count: n)
        disabledMemo = Array(repeating: 0, count: n)
    }

    // MARK: Hidden content

    /// Elements the UA style sheet never renders (with everything inside them).
    static let neverRendered: Set<String> = [
        "head", "title", "meta", "link", "base", "script", "style", "template", "noscript", "datalist",
        "param", "source", "track", "rp",
    ]

    /// Whether the node is not rendered: the `hidden` attribute, inline
    /// `display:none`, elements the UA style sheet hides (`<head>` content,
    /// `<script>`, `<style>`, `<template>`, `<noscript>`, `<datalist>`, …),
    /// `input type=hidden`, closed `<dialog>`, content of a closed `<details>`
    /// other than its summary — on the node or any ancestor — or an effective
    /// inline `visibility:hidden|collapse` (nearest declaration wins, so a
    /// descendant can override it with `visibility:visible`).
    public func isHiddenFromRendering(_ element: HTMLElement) -> Bool {
        isDisplayNone(element.index) || isVisibilityHidden(element.index)
    }

    /// Whether the node is excluded from the accessibility tree: hidden from
    /// rendering, or it or an ancestor has `aria-hidden="true"`.
    public func isHiddenFromAccessibilityTree(_ element: HTMLElement) -> Bool {
        isHiddenFromRendering(element) || isAriaHidden(element.index)
    }

    /// Hidden only by an inherited or own `visibility:hidden`, which descendants may override.
    public func isHiddenOnlyByVisibility(_ element: HTMLElement) -> Bool {
        !isDisplayNone(element.index) && !isAriaHidden(element.index) && isVisibilityHidden(element.index)
    }

    /// Whether the node or an ancestor has `aria-hidden="true"`.
    public func isAriaHidden(_ element: HTMLElement) -> Bool { isAriaHidden(element.index) }

    /// Computes a memoised boolean up the ancestor chain without recursion:
    /// `own` gives the node's own verdict (`nil` = inherit from the parent).
    private func inherited(_ index: Int, memo: inout [UInt8], own: (Int) -> Bool?) -> Bool {
        if memo[index] != 0 { return memo[index] == 2 }
        var chain: [Int] = []
        var i = index
        var result = false
        while i >= 0 {
            if memo[i] != 0 { result = memo[i] == 2; break }
            if let v = own(i) { memo[i] = v ? 2 : 1; result = v; break }
            chain.append(i)
            i = Int(document.cores[i].parent)
        }
        let code: UInt8 = result ? 2 : 1
        for c in chain { memo[c] = code }
        return result
    }

    // The memo is read before `inherited` is called: a hit then costs no
    // exclusivity check on the memo array and no closure context.
    private func isDisplayNone(_ index: Int) -> Bool {
        let known = renderHiddenMemo[index]
        if known != 0 { return known == 2 }
        return inherited(index, memo: &renderHiddenMemo) { i in
            self.ownDisplayNone(i) ? true : nil
        }
    }

    static let neverRenderedAtoms: Set<Int32> = Set(neverRendered.map { NameAtom.of($0) })
    static let detailsAtom = NameAtom.of("details")
    static let inputAtom = NameAtom.of("input")
    static let dialogAtom = NameAtom.of("dialog")

    private func ownDisplayNone(_ i: Int) -> Bool {
        let node = document.cores[i]
        // Inside a closed <details>, only the first <summary> child is rendered.
        if node.parent > 0 {
            let p = HTMLElement(document: document, index: Int(node.parent))
            if p.core.nameAtom == Self.detailsAtom, p.namespace == .html, !p.hasAttribute("open"),
               node.kind == .text || p.firstChild(named: "summary")?.index != i {
                return true
            }
        }
        guard node.kind == .element else { return false }
        let e = HTMLElement(document: document, index: i)
        if node.namespace == .html {
            if node.nameAtom != 0 ? Self.neverRenderedAtoms.contains(node.nameAtom)
                : Self.neverRendered.contains(document.nodes[i].name) { return true }
            if node.nameAtom == Self.inputAtom, let t = e.attribute("type"), AriaData.equalsIgnoringCase(t.trimmingASCIIWhitespace(), "hidden") {
                return true
            }
            if node.nameAtom == Self.dialogAtom, !e.hasAttribute("open") { return true }
        }
        if e.hasAttribute("hidden") { return true }
        if node.attributeCount > 0, let style = inlineStyle(i), style.displayNone { return true }
        return false
    }

    private func isVisibilityHidden(_ index: Int) -> Bool {
        let known = visibilityHiddenMemo[index]
        if known != 0 { return known == 2 }
        return inherited(index, memo: &visibilityHiddenMemo) { i in
            let node = self.document.cores[i]
            guard node.kind == .element, node.attributeCount > 0 else { return nil }
            return self.inlineStyle(i)?.visibilityHidden
        }
    }

    private func isAriaHidden(_ index: Int) -> Bool {
        let known = ariaHiddenMemo[index]
        if known != 0 { return known == 2 }
        return inherited(index, memo: &ariaHiddenMemo) { i in
            let node = self.document.cores[i]
            guard node.kind == .element, node.attributeCount > 0,
                  let v = HTMLElement(document: self.document, index: i).attribute("aria-hidden"),
                  AriaData.equalsIgnoringCase(v.trimmingASCIIWhitespace(), "true") else { return nil }
            return true
        }
    }

    /// The parsed inline `style` attribute of an element (memoised).
    public func inlineStyle(_ element: HTMLElement) -> InlineStyle? { inlineStyle(element.index) }

    func inlineStyle(_ i: Int) -> InlineStyle? {
        if let s = styleMemo[i] { return s }
        guard let text = HTMLElement(document: document, index: i).attribute("style") else { return nil }
        let s = InlineStyle(parsing: text)
        styleMemo[i] = s
        return s
    }

    // MARK: Focus

    /// Whether the element can receive focus: rendered, not disabled or inert,
    /// and either natively focusable or carrying a valid `tabindex`.
    public func isFocusable(_ element: HTMLElement) -> Bool {
        guard element.isElement, !isHiddenFromRendering(element), !isDisabled(element), !isInert(element) else {
            return false
        }
        if let t = element.attribute("tabindex"), AriaData.parseInteger(t.trimmingASCIIWhitespace()) != nil {
            return true
        }
        return isNativelyFocusable(element)
    }

    /// Focusable and reachable with the Tab key (no negative `tabindex`).
    public func isTabbable(_ element: HTMLElement) -> Bool {
        guard isFocusable(element) else { return false }
        if let t = element.attribute("tabindex"), let n = AriaData.parseInteger(t.trimmingASCIIWhitespace()) {
            return n >= 0
        }
        return true
    }

    /// Elements focusable without `tabindex`: links and image-map areas with
    /// `href`, form controls, `iframe`, the summary of a `details`, media with
    /// `controls`, editing hosts.
    public func isNativelyFocusable(_ element: HTMLElement) -> Bool {
        if element.namespace == .html {
            switch element.name {
            case "a", "area": if element.hasAttribute("href") { return true }
            case "button", "select", "textarea", "iframe": return true
            case "input": return !AriaData.equalsIgnoringCase(element.attribute("type") ?? "", "hidden")
            case "summary":
                if let p = element.parent, p.name == "details", p.firstChild(named: "summary") == element { return true }
            case "audio", "video": if element.hasAttribute("controls") { return true }
            default: break
            }
        } else if element.namespace == .svg, element.name == "a",
                  element.hasAttribute("href") || element.hasAttribute("xlink:href") {
            return true
        }
        if let ce = element.attribute("contenteditable") {
            let v = ce.trimmingASCIIWhitespace()
            return v.isEmpty || AriaData.equalsIgnoringCase(v, "true") || AriaData.equalsIgnoringCase(v, "plaintext-only")
        }
        return false
    }

    static let disableable: Set<String> = ["button", "input", "select", "textarea", "optgroup", "option", "fieldset"]

    /// Whether a form control is disabled: its own `disabled` attribute, an
    /// `option` in a disabled `optgroup`, or a disabled `fieldset` ancestor
    /// (except inside that fieldset's first `legend`).
    public func isDisabled(_ element: HTMLElement) -> Bool {
        let i = element.index
        if disabledMemo[i] != 0 { return disabledMemo[i] == 2 }
        var result = false
        if element.namespace == .html, Self.disableable.contains(element.name) {
            if element.hasAttribute("disabled") {
                result = true
            } else if element.name == "option", let p = element.parent, p.name == "optgroup", p.hasAttribute("disabled") {
                result = true
            } else if element.name != "optgroup", element.name != "option" {
                var child = element
                var p = element.parent
                while let cur = p {
                    if cur.name == "fieldset", cur.hasAttribute("disabled") {
                        let legend = cur.firstChild(named: "legend")
                        if legend == nil || legend! != child { result = true; break }
                    }
                    child = cur
                    p = cur.parent
                }
            }
        }
        disabledMemo[i] = result ? 2 : 1
        return result
    }

    /// Whether the element or an ancestor has the `inert` attribute.
    public func isInert(_ element: HTMLElement) -> Bool {
        var e: HTMLElement? = element
        while let cur = e, cur.index > 0 {
            if cur.hasAttribute("inert") { return true }
            e = cur.parent
        }
        return false
    }
}

/// The declarations of an inline `style` attribute that matter for visibility.
public struct InlineStyle: Sendable, Hashable {
    /// Declarations in source order: lower-case property, value (trimmed,
    /// without `!important`), importance.
    public var declarations: [(property: String, value: String, important: Bool)] {
        entries.map { ($0.property, $0.value, $0.important) }
    }
    struct Entry: Sendable, Hashable { var property: String; var value: String; var important: Bool }
    let entries: [Entry]

    /// Parses `prop: value [!important]; …`, skipping comments and keeping `;`
    /// inside quotes and parentheses.
    public init(parsing text: String) {
        var result: [Entry] = []
        let u = Array(text.utf8)
        var i = 0
        var quote: UInt8 = 0
        var depth = 0
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(u.count)
        func flush() {
            if let e = InlineStyle.entry(cleaned) { result.append(e) }
            cleaned.removeAll(keepingCapacity: true)
        }
        while i < u.count {
            let c = u[i]
            if quote != 0 {
                cleaned.append(c)
                if c == UInt8(ascii: "\\"), i + 1 < u.count { cleaned.append(u[i + 1]); i += 2; continue }
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "/"), i + 1 < u.count, u[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < u.count, !(u[i] == UInt8(ascii: "*") && u[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
                continue
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c; cleaned.append(c)
            } else if c == UInt8(ascii: "(") {
                depth += 1; cleaned.append(c)
            } else if c == UInt8(ascii: ")") {
                depth = max(0, depth - 1); cleaned.append(c)
            } else if c == UInt8(ascii: ";"), depth == 0 {
                flush()
            } else {
                cleaned.append(c)
            }
            i += 1
        }
        flush()
        entries = result
    }

    private static func entry(_ bytes: [UInt8]) -> Entry? {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let prop = String(decoding: bytes[..<colon], as: UTF8.self).trimmingASCIIWhitespace().lowercased()
        guard !prop.isEmpty, !prop.contains(where: \.isHTMLWhitespace) else { return nil }
        var value = String(decoding: bytes[(colon + 1)...], as: UTF8.self).trimmingASCIIWhitespace().lowercased()
        var important = false
        if let bang = value.lastIndex(of: "!") {
            let tail = value[value.index(after: bang)...].trimmingCharacters()
            if tail == "important" {
                important = true
                value = String(value[..<bang]).trimmingASCIIWhitespace().lowercased()
            }
        }
        guard !value.isEmpty else { return nil }
        return Entry(property: prop, value: value, important: important)
    }

    /// The effective value of a property: the last `!important` declaration,
    /// else the last one.
    public func value(of property: String) -> String? {
        var normal: String?
        var important: String?
        for e in entries where e.property == property {
            if e.important { important = e.value } else { normal = e.value }
        }
        return important ?? normal
    }

    /// `display: none`.
    public var displayNone: Bool { value(of: "display") == "none" }

    /// `true` for `visibility: hidden|collapse`, `false` for `visible`, `nil`
    /// when not declared (or `inherit`/unknown).
    public var visibilityHidden: Bool? {
        switch value(of: "visibility") {
        case "hidden", "collapse": return true
        case "visible": return false
        default: return nil
        }
    }

    public static func == (a: InlineStyle, b: InlineStyle) -> Bool { a.entries == b.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(self).trimmingASCIIWhitespace().lowercased()
    }
}
