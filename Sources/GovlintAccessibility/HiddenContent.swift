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
    /// ``hiddenFlags(_:)`` of every node (empty until first asked).
    @exclusivity(unchecked) private var hiddenMemo: [UInt8] = []
    private var disabledMemo: [UInt8]
    private var styleMemo: [Int: InlineStyle] = [:]
    /// Effective role numbers (``AriaData/roleNames``) by node index: `roleUnknown` until
    /// computed, `noRole` for none.
    @exclusivity(unchecked) var roleMemo: [Int16]
    var exposedRolesMemo: [(index: Int32, role: Int16)]?
    /// Accessible names computed, and each node's index in it (`-1`: not computed; empty until
    /// the first is asked): a table of integers is cheap to make and free, one of names is not.
    @exclusivity(unchecked) var names: [AccessibleName] = []
    @exclusivity(unchecked) var nameSlots: [Int32] = []
    var labelsForMemo: [String: [Int]]?

    public init(document: HTMLDocument) {
        self.document = document
        let n = document.nodes.count
        disabledMemo = Array(repeating: 0, count: n)
        roleMemo = Array(repeating: Self.roleUnknown, count: n)
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
        hiddenFlags(element.index) & (Self.displayNoneBit | Self.visibilityHiddenBit) != 0
    }

    /// Whether the node is excluded from the accessibility tree: hidden from
    /// rendering, or it or an ancestor has `aria-hidden="true"`.
    public func isHiddenFromAccessibilityTree(_ element: HTMLElement) -> Bool {
        hiddenFlags(element.index) != 0
    }

    /// Hidden only by an inherited or own `visibility:hidden`, which descendants may override.
    public func isHiddenOnlyByVisibility(_ element: HTMLElement) -> Bool {
        hiddenFlags(element.index) & (Self.displayNoneBit | Self.ariaHiddenBit | Self.visibilityHiddenBit) == Self.visibilityHiddenBit
    }

    /// Whether the node or an ancestor has `aria-hidden="true"`.
    public func isAriaHidden(_ element: HTMLElement) -> Bool { isAriaHidden(element.index) }

    static let displayNoneBit: UInt8 = 1
    static let visibilityHiddenBit: UInt8 = 2
    static let ariaHiddenBit: UInt8 = 4

    /// The hidden flags of every node, computed in one pass in document order (a parent
    /// comes before its children, so each node inherits its parent's flags): the engine
    /// and the role and name computations ask about nearly every node of a page.
    @inline(__always) func hiddenFlags(_ index: Int) -> UInt8 {
        if hiddenMemo.isEmpty { computeHiddenFlags() }
        return hiddenMemo[index]
    }

    /// The atoms and tables the hidden-flags pass reads, loaded once per page rather than
    /// through their lazily initialised globals for every node.
    private struct HiddenScanConstants {
        let style = NameAtom.style
        let ariaHidden = AccessibilityContext.ariaHiddenAtom
        let details = AccessibilityContext.detailsAtom
        let summary = AccessibilityContext.summaryAtom
        let open = AccessibilityContext.openAtom
        let input = AccessibilityContext.inputAtom
        let type = AccessibilityContext.typeAtom
        let dialog = AccessibilityContext.dialogAtom
        let hidden = AccessibilityContext.hiddenAtom
        let neverRendered = AccessibilityContext.neverRenderedAtoms
        let neverRenderedAllAtoms = AccessibilityContext.neverRenderedAllAtoms
        let hiddenBytes = AccessibilityContext.hiddenBytes
        let trueBytes = AccessibilityContext.trueBytes
    }

    private func computeHiddenFlags() {
        let cores = document.cores
        var flags = [UInt8](repeating: 0, count: cores.count)
        let c = HiddenScanConstants()
        for i in cores.indices {
            let node = cores[i]
            let p = Int(node.parent)
            let inheritedFlags: UInt8 = p >= 0 ? flags[p] : 0
            var f: UInt8 = 0
            // display:none (and its equivalents): own or inherited.
            if inheritedFlags & Self.displayNoneBit != 0 || ownDisplayNone(i, node, c) { f |= Self.displayNoneBit }
            // visibility: the nearest declaration wins.
            var visibility: Bool?
            if node.kind == .element, node.attributeCount > 0, let j = attributeSlot(i, c.style),
               mayDeclareVisibility(j) {
                visibility = inlineStyle(i)?.visibilityHidden
            }
            if visibility ?? (inheritedFlags & Self.visibilityHiddenBit != 0) { f |= Self.visibilityHiddenBit }
            // aria-hidden="true": own or inherited.
            if inheritedFlags & Self.ariaHiddenBit != 0 {
                f |= Self.ariaHiddenBit
            } else if node.kind == .element, node.attributeCount > 0, let j = attributeSlot(i, c.ariaHidden),
                      attributeValue(j, equalsTrimmedLowercase: c.trueBytes) {
                f |= Self.ariaHiddenBit
            }
            flags[i] = f
        }
        hiddenMemo = flags
    }

    @inline(__always) private func isAriaHidden(_ index: Int) -> Bool { hiddenFlags(index) & Self.ariaHiddenBit != 0 }

    static let neverRenderedAtoms: [Bool] = NameAtom.table(of: neverRendered)
    /// Every name of `neverRendered` has an atom: an element without one is not among them.
    static let neverRenderedAllAtoms = neverRendered.allSatisfy { NameAtom.of($0) != NameAtom.unknown }
    static let detailsAtom = NameAtom.of("details")
    static let summaryAtom = NameAtom.of("summary")
    static let inputAtom = NameAtom.of("input")
    static let dialogAtom = NameAtom.of("dialog")
    static let openAtom = NameAtom.of("open")
    static let hiddenAtom = NameAtom.of("hidden")
    static let typeAtom = NameAtom.of("type")
    static let ariaHiddenAtom = NameAtom.of("aria-hidden")
    static let trueBytes = Array("true".utf8)
    static let hiddenBytes = Array("hidden".utf8)

    private func ownDisplayNone(_ i: Int, _ node: NodeCore, _ c: HiddenScanConstants) -> Bool {
        // Inside a closed <details>, only the first <summary> child is rendered.
        if node.parent > 0 {
            let p = Int(node.parent)
            let parent = document.cores[p]
            if parent.nameAtom == c.details, parent.kind == .element, parent.namespace == .html,
               attributeSlot(p, c.open) == nil,
               node.kind == .text || firstChild(of: p, atom: c.summary) != i {
                return true
            }
        }
        guard node.kind == .element else { return false }
        if node.namespace == .html {
            if node.nameAtom != NameAtom.unknown ? c.neverRendered[Int(node.nameAtom)]
                : !c.neverRenderedAllAtoms && Self.neverRendered.contains(document.nodes[i].name) { return true }
            if node.nameAtom == c.input, let j = attributeSlot(i, c.type),
               attributeValue(j, equalsTrimmedLowercase: c.hiddenBytes) {
                return true
            }
            if node.nameAtom == c.dialog, attributeSlot(i, c.open) == nil { return true }
        }
        guard node.attributeCount > 0 else { return false }
        if attributeSlot(i, c.hidden) != nil { return true }
        if let j = attributeSlot(i, c.style), mayDeclareVisibility(j), let style = inlineStyle(i), style.displayNone {
            return true
        }
        return false
    }

    // MARK: Attributes by atom

    /// `element.core`, read in place (`HTMLElement.core` is a call across modules).
    @inline(__always) func core(of element: HTMLElement) -> NodeCore {
        element.document.cores[element.index]
    }

    /// The index (in ``HTMLDocument/attributes``) of node `i`'s first attribute with this
    /// known name atom: the same attribute as `attribute(name)` finds, without comparing strings.
    @inline(__always) func attributeSlot(_ i: Int, _ atom: Int32) -> Int? {
        let node = document.cores[i]
        var j = Int(node.attributeStart)
        let end = j + Int(node.attributeCount)
        while j < end {
            if document.attributeCores[j].nameAtom == atom { return j }
            j += 1
        }
        return nil
    }

    /// Whether a `style` value (attribute `j`) may declare `display` or `visibility`: it names
    /// one of them (ASCII case-insensitively) or has a comment, whose removal could join one.
    /// (`InlineStyle` lower-cases property names; no other character lower-cases to their letters.)
    func mayDeclareVisibility(_ j: Int) -> Bool {
        let core = document.attributeCores[j]
        return document.attributeValueBytes.withUnsafeBufferPointer { all in
            let s = Int(core.valueStart), e = s + Int(core.valueCount)
            var k = s
            while k < e {
                let b = all[k] | 0x20
                if all[k] == 0x2F, k + 1 < e, all[k + 1] == 0x2A { return true }
                if b == 0x64, Self.hasWord(all, k, e, Self.displayBytes) { return true }
                if b == 0x76, Self.hasWord(all, k, e, Self.visibilityBytes) { return true }
                k += 1
            }
            return false
        }
    }

    static let displayBytes = Array("display".utf8)
    static let visibilityBytes = Array("visibility".utf8)

    @inline(__always) static func hasWord(_ all: UnsafeBufferPointer<UInt8>, _ k: Int, _ e: Int, _ word: [UInt8]) -> Bool {
        guard e - k >= word.count else { return false }
        for m in 0..<word.count where (all[k + m] | 0x20) != word[m] { return false }
        return true
    }

    /// The first element child of node `i` whose name has this known atom.
    func firstChild(of i: Int, atom: Int32) -> Int? {
        let cores = document.cores
        var c = cores[i].firstChild
        while c >= 0 {
            if cores[Int(c)].kind == .element, cores[Int(c)].nameAtom == atom { return Int(c) }
            c = cores[Int(c)].nextSibling
        }
        return nil
    }

    /// Whether attribute `j`'s value, without surrounding HTML whitespace, equals the
    /// lower-case ASCII `word` ignoring ASCII case (as `equalsIgnoringCase(v.trimmingASCIIWhitespace(), word)`).
    func attributeValue(_ j: Int, equalsTrimmedLowercase word: [UInt8]) -> Bool {
        let core = document.attributeCores[j]
        return document.attributeValueBytes.withUnsafeBufferPointer { all in
            var s = Int(core.valueStart)
            var e = s + Int(core.valueCount)
            while s < e, AriaData.isHTMLSpace(all[s]) { s += 1 }
            while e > s, AriaData.isHTMLSpace(all[e - 1]) { e -= 1 }
            guard e - s == word.count else { return false }
            for k in 0..<word.count {
                let b = all[s + k]
                if ((b >= 65 && b <= 90) ? b + 32 : b) != word[k] { return false }
            }
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
        bytes.allSatisfy({ $0 < 0x80 }) ? asciiEntry(bytes) : characterEntry(bytes)
    }

    /// ``characterEntry(_:)`` for ASCII bytes: each byte is a Character (CR LF trims and
    /// splits as its two bytes do) and lower-casing is ASCII's.
    static func asciiEntry(_ bytes: [UInt8]) -> Entry? {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let prop = trimmedLowercase(bytes[..<colon])
        guard !prop.isEmpty, !prop.contains(where: AriaData.isHTMLSpace) else { return nil }
        var value = trimmedLowercase(bytes[(colon + 1)...])
        var important = false
        if let bang = value.lastIndex(of: UInt8(ascii: "!")), trimmedLowercase(value[(bang + 1)...]) == importantBytes {
            important = true
            value = trimmedLowercase(value[..<bang])
        }
        guard !value.isEmpty else { return nil }
        return Entry(property: String(decoding: prop, as: UTF8.self), value: String(decoding: value, as: UTF8.self),
                     important: important)
    }

    static let importantBytes = Array("important".utf8)

    /// ASCII bytes without surrounding HTML whitespace, lower-cased.
    private static func trimmedLowercase(_ b: ArraySlice<UInt8>) -> [UInt8] {
        var s = b.startIndex, e = b.endIndex
        while s < e, AriaData.isHTMLSpace(b[s]) { s += 1 }
        while e > s, AriaData.isHTMLSpace(b[e - 1]) { e -= 1 }
        return b[s..<e].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    static func characterEntry(_ bytes: [UInt8]) -> Entry? {
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
