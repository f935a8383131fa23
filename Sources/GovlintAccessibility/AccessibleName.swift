import GovlintHTML

/// Where an accessible name came from.
public enum AccessibleNameSource: String, Sendable, Hashable {
    case ariaLabelledby, ariaLabel, nativeLabel, alt, title, placeholder, contents, none
}

/// An accessible name (whitespace-normalised) and its source.
public struct AccessibleName: Sendable, Hashable {
    public var text: String
    public var source: AccessibleNameSource
    public var isEmpty: Bool { text.isEmpty }

    public init(text: String, source: AccessibleNameSource) {
        self.text = text
        self.source = source
    }

    public static let empty = AccessibleName(text: "", source: .none)
}

/// A set of node indices, the first four kept inline: a name computation's visited nodes are
/// the few on its current path, and most names visit one (a `Set` allocated per name cost
/// ~700 instructions).
struct NodeIndexSet {
    private var a = -1, b = -1, c = -1, d = -1
    private var more: [Int] = []

    func contains(_ i: Int) -> Bool {
        a == i || b == i || c == i || d == i || (!more.isEmpty && more.contains(i))
    }

    mutating func insert(_ i: Int) {
        if contains(i) { return }
        if a < 0 { a = i } else if b < 0 { b = i } else if c < 0 { c = i } else if d < 0 { d = i } else { more.append(i) }
    }

    mutating func remove(_ i: Int) {
        if a == i { a = -1 } else if b == i { b = -1 } else if c == i { c = -1 } else if d == i { d = -1 }
        else if let k = more.firstIndex(of: i) { more.remove(at: k) }
    }

    mutating func formUnion(_ other: NodeIndexSet) {
        if other.a >= 0 { insert(other.a) }
        if other.b >= 0 { insert(other.b) }
        if other.c >= 0 { insert(other.c) }
        if other.d >= 0 { insert(other.d) }
        for i in other.more { insert(i) }
    }

    /// The members, in no particular order.
    var elements: [Int] { [a, b, c, d].filter { $0 >= 0 } + more }
}

/// Traversal state of one name computation (W3C accname 1.2).
private struct NameTraversal {
    var root: Int
    var visited = NodeIndexSet()
    /// Inside an `aria-labelledby`/`aria-describedby` traversal: do not follow
    /// `aria-labelledby` again.
    var inReference = false
    /// The referenced node was hidden: include hidden descendants.
    var includeHidden = false
}

extension AccessibilityContext {
    /// The accessible name of an element (W3C accname 1.2 with HTML-AAM native
    /// labels), with its source. Memoised. The root is named even when hidden;
    /// callers decide whether hidden elements matter.
    public func accessibleName(of element: HTMLElement) -> AccessibleName {
        if nameSlots.isEmpty { nameSlots = Array(repeating: -1, count: document.cores.count) }
        let slot = nameSlots[element.index]
        if slot >= 0 { return names[Int(slot)] }
        var state = NameTraversal(root: element.index)
        state.visited.insert(element.index)
        let (text, source) = name(of: element, &state, isRoot: true)
        let normalised = Self.normalise(text)
        let result = normalised.isEmpty ? AccessibleName.empty : AccessibleName(text: normalised, source: source)
        nameSlots[element.index] = Int32(names.count)
        names.append(result)
        return result
    }

    /// The accessible description: `aria-describedby` text, else
    /// `aria-description`, else `title` when the title did not supply the name.
    public func accessibleDescription(of element: HTMLElement) -> String {
        if let ids = element.attribute("aria-describedby") {
            var state = NameTraversal(root: element.index)
            state.visited.insert(element.index)
            let text = Self.normalise(referencedText(ids, &state))
            if !text.isEmpty { return text }
        }
        if let d = element.attribute("aria-description") {
            let text = Self.normalise(d)
            if !text.isEmpty { return text }
        }
        if let t = element.attribute("title"), accessibleName(of: element).source != .title {
            let text = Self.normalise(t)
            if !text.isEmpty { return text }
        }
        return ""
    }

    /// The elements that label a labelable element: `label[for=id]` and an
    /// ancestor `label` (without a `for` naming another element).
    public func labels(of element: HTMLElement) -> [HTMLElement] {
        var result: [HTMLElement] = []
        if let id = element.id, !id.isEmpty, let list = labelsByFor[id] {
            // Only when this element is the one the id resolves to.
            if document.idIndex[id].map(Int.init) == element.index {
                result = list.map { HTMLElement(document: document, index: $0) }
            }
        }
        var p = element.parent
        while let cur = p, cur.index > 0 {
            if cur.name == "label", cur.namespace == .html {
                if let f = cur.attribute("for") {
                    if let id = element.id, f == id, !result.contains(cur) { result.append(cur) }
                } else if firstLabelableDescendant(of: cur) == element.index, !result.contains(cur) {
                    result.append(cur)
                }
                break
            }
            p = cur.parent
        }
        return result.sorted { $0.index < $1.index }
    }

    static let labelable: Set<String> = ["button", "input", "meter", "output", "progress", "select", "textarea"]

    private func firstLabelableDescendant(of label: HTMLElement) -> Int? {
        for i in label.descendantIndices {
            let n = document.nodes[i]
            guard n.kind == .element, n.namespace == .html, Self.labelable.contains(n.name) else { continue }
            if n.name == "input", AriaData.equalsIgnoringCase(HTMLElement(document: document, index: i).attribute("type") ?? "", "hidden") {
                continue
            }
            return i
        }
        return nil
    }

    // MARK: Algorithm

    private func name(of element: HTMLElement, _ state: inout NameTraversal, isRoot: Bool) -> (String, AccessibleNameSource) {
        let kind = core(of: element).kind
        // 2G: text nodes.
        if kind == .text { return (document.nodes[element.index].text, .contents) }
        guard kind == .element else { return ("", .none) }
        // 2A: hidden, not referenced.
        if !isRoot, !state.includeHidden, isHiddenFromAccessibilityTree(element) {
            // visibility:hidden can be overridden below; display:none and aria-hidden cannot.
            if isHiddenOnlyByVisibility(element) { return (contentText(element, &state), .contents) }
            return ("", .none)
        }

        // 2B: aria-labelledby, not followed from within a reference traversal.
        if !state.inReference, let ids = attributeValue(element, Self.ariaLabelledbyAtom) {
            let text = referencedText(ids, &state)
            if !Self.isBlank(text) { return (text, .ariaLabelledby) }
        }

        let role = effectiveRoleID(of: element)

        // 2C: embedded control inside another element's label.
        if !isRoot, let role, Self.embeddedControlRoles[role],
           let value = embeddedControlValue(element, role: AriaData.roleNames[role]) {
            return (value, .contents)
        }

        // 2D: aria-label.
        if let label = attributeValue(element, Self.ariaLabelAtom), !Self.isBlank(label) {
            return (label, .ariaLabel)
        }

        // 2E: host language label (skipped for presentational roles).
        let presentational = role == AriaData.noneRoleID || role == AriaData.presentationRoleID
        if !presentational, let native = nativeName(element, &state) {
            return native
        }

        // 2F: name from content.
        if !isRoot || state.inReference || role.map({ AriaData.nameFromContentByID[$0] }) ?? false {
            let text = contentText(element, &state)
            if !Self.isBlank(text) { return (text, .contents) }
        }

        // 2I: tooltip.
        if let title = attributeValue(element, Self.titleAtom), !Self.isBlank(title) { return (title, .title) }
        if element.namespace == .svg, let t = element.firstChild(named: "title"), !Self.isBlank(t.textContent) {
            return (t.textContent, .title)
        }
        // Placeholder as a last resort for text fields.
        if element.name == "textarea" || (element.name == "input" && Self.isTextField(element)) {
            if let p = element.attribute("placeholder") ?? element.attribute("aria-placeholder"), !Self.isBlank(p) {
                return (p, .placeholder)
            }
        }
        return ("", .none)
    }


    /// Text of the elements referenced by an IDREF list, joined by spaces.
    private func referencedText(_ ids: String, _ state: inout NameTraversal) -> String {
        var parts: [String] = []
        for id in AriaData.htmlTokens(ids[...]) {
            // The root may name itself (accname 1.2: `aria-labelledby="self other"` takes the
            // element's own content, as in "Delete Documentation.pdf"); other revisits are cycles.
            guard let idx = document.idIndex[String(id)].map(Int.init),
                  !state.visited.contains(idx) || (idx == state.root && !state.inReference) else { continue }
            let ref = HTMLElement(document: document, index: idx)
            var sub = state
            sub.inReference = true
            sub.visited.insert(idx)
            sub.includeHidden = state.includeHidden || isHiddenFromAccessibilityTree(ref)
            let (text, _) = name(of: ref, &sub, isRoot: false)
            state.visited.formUnion(sub.visited)
            // A node may be referenced several times in one list; visits are per-reference.
            state.visited.remove(idx)
            let t = Self.normalise(text)
            if !t.isEmpty { parts.append(t) }
        }
        return parts.joined(separator: " ")
    }

    /// Name from content: the children's names, block-level ones separated by spaces.
    private func contentText(_ element: HTMLElement, _ state: inout NameTraversal) -> String {
        var c = core(of: element).firstChild
        // One text child (most links and buttons): its text, or nothing when hidden.
        if c >= 0, document.cores[Int(c)].kind == .text, document.cores[Int(c)].nextSibling < 0 {
            if !state.includeHidden,
               hiddenFlags(Int(c)) & (Self.displayNoneBit | Self.visibilityHiddenBit) != 0 { return "" }
            return document.nodes[Int(c)].text
        }
        var result = ""
        while c >= 0 {
            let index = Int(c)
            let node = document.cores[index]
            c = node.nextSibling
            if node.kind == .comment { continue }
            if node.kind == .text {
                if !state.includeHidden,
                   hiddenFlags(index) & (Self.displayNoneBit | Self.visibilityHiddenBit) != 0 { continue }
                result += document.nodes[index].text
                continue
            }
            guard node.kind == .element, !state.visited.contains(index) else { continue }
            if node.nameAtom == Self.brAtom { result += " "; continue }
            state.visited.insert(index)
            let (text, _) = name(of: HTMLElement(document: document, index: index), &state, isRoot: false)
            state.visited.remove(index)
            if node.nameAtom != NameAtom.unknown ? Self.inlineElementAtoms[Int(node.nameAtom)]
                : !Self.inlineElementsAllAtoms && Self.inlineElements.contains(document.nodes[index].name) {
                result += text
            } else {
                result += " "
                result += text
                result += " "
            }
        }
        return result
    }

    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins",
        "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var",
    ]

    static let brAtom = NameAtom.of("br")
    static let ariaLabelledbyAtom = NameAtom.of("aria-labelledby")
    static let ariaLabelAtom = NameAtom.of("aria-label")
    static let titleAtom = NameAtom.of("title")
    /// The names read with ``attributeValue(_:_:)`` (all have atoms).
    static let namesReadByAtom = ["aria-labelledby", "aria-label", "title"]

    /// `element.attribute(name)` for a name with this atom, without comparing strings.
    @inline(__always) func attributeValue(_ element: HTMLElement, _ atom: Int32) -> String? {
        guard core(of: element).attributeCount > 0, let j = attributeSlot(element.index, atom) else { return nil }
        return document.attributes[j].value
    }
    static let labelAtom = NameAtom.of("label")
    static let forAtom = NameAtom.of("for")
    static let inlineElementAtoms = NameAtom.table(of: inlineElements)
    static let inlineElementsAllAtoms = inlineElements.allSatisfy { NameAtom.of($0) != NameAtom.unknown }

    /// The roles ``embeddedControlValue(_:role:)`` gives a value for, by role number.
    static let embeddedControlRoles = AriaData.roleTable(of: [
        "textbox", "searchbox", "combobox", "listbox", "slider", "spinbutton", "progressbar", "meter", "scrollbar",
    ])

    /// 2C: the value of a control embedded in another element's label.
    private func embeddedControlValue(_ element: HTMLElement, role: String) -> String? {
        switch role {
        case "textbox", "searchbox":
            if element.name == "input" { return element.attribute("value") ?? "" }
            if element.name == "textarea" { return element.textContent }
            return nil
        case "combobox", "listbox":
            if element.name == "select" {
                let options = element.descendants(named: "option")
                let selected = options.filter { $0.hasAttribute("selected") }
                if !selected.isEmpty { return selected.map { optionText($0) }.joined(separator: " ") }
                if role == "combobox", let first = options.first { return optionText(first) }
                return ""
            }
            if element.name == "input" { return element.attribute("value") ?? "" }
            let chosen = element.descendants.filter {
                AriaData.equalsIgnoringCase(($0.attribute("aria-selected") ?? "").trimmingASCIIWhitespace(), "true")
            }
            return chosen.map { Self.normalise($0.textContent) }.joined(separator: " ")
        case "slider", "spinbutton", "progressbar", "meter", "scrollbar":
            if let vt = element.attribute("aria-valuetext"), !Self.isBlank(vt) { return vt }
            if let vn = element.attribute("aria-valuenow"), !Self.isBlank(vn) { return vn }
            if element.name == "input" || element.name == "meter" || element.name == "progress" {
                return element.attribute("value") ?? ""
            }
            return nil
        default:
            return nil
        }
    }

    private func optionText(_ option: HTMLElement) -> String {
        if let l = option.attribute("label"), !Self.isBlank(l) { return l }
        return Self.normalise(option.textContent)
    }

    static func isTextField(_ input: HTMLElement) -> Bool {
        let t = (input.attribute("type") ?? "text").trimmingASCIIWhitespace().lowercased()
        return ["text", "search", "email", "tel", "url", "password", "number", ""].contains(t)
            || !knownInputTypes.contains(t)
    }

    static let knownInputTypes: Set<String> = [
        "hidden", "text", "search", "tel", "url", "email", "password", "date", "month", "week", "time",
        "datetime-local", "number", "range", "color", "checkbox", "radio", "file", "submit", "image", "reset", "button",
    ]

    /// 2E: HTML-AAM native names.
    private func nativeName(_ element: HTMLElement, _ state: inout NameTraversal) -> (String, AccessibleNameSource)? {
        // Only the names below have a native name (they all have atoms).
        let core = core(of: element)
        guard core.namespace == .html, Self.nativeNameAtoms[Int(core.nameAtom)] else { return nil }
        switch element.name {
        case "input":
            let type = (element.attribute("type") ?? "text").trimmingASCIIWhitespace().lowercased()
            switch type {
            case "button", "submit", "reset":
                if let v = element.attribute("value"), !Self.isBlank(v) { return (v, .nativeLabel) }
                if let l = labelText(element, &state) { return (l, .nativeLabel) }
                if type == "submit" { return ("Submit", .nativeLabel) }
                if type == "reset" { return ("Reset", .nativeLabel) }
                return nil
            case "image":
                if let l = labelText(element, &state) { return (l, .nativeLabel) }
                if let a = element.attribute("alt"), !Self.isBlank(a) { return (a, .alt) }
                if let v = element.attribute("value"), !Self.isBlank(v) { return (v, .nativeLabel) }
                if let t = element.attribute("title"), !Self.isBlank(t) { return (t, .title) }
                return ("Submit Query", .nativeLabel)
            default:
                if let l = labelText(element, &state) { return (l, .nativeLabel) }
                return nil
            }
        case "button", "select", "textarea", "meter", "output", "progress":
            if let l = labelText(element, &state) { return (l, .nativeLabel) }
            return nil
        case "img", "area":
            if let a = element.attribute("alt"), !Self.isBlank(a) { return (a, .alt) }
            return nil
        case "fieldset":
            return childCaption(element, "legend", &state)
        case "figure":
            return childCaption(element, "figcaption", &state)
        case "table":
            return childCaption(element, "caption", &state)
        case "optgroup":
            if let l = element.attribute("label"), !Self.isBlank(l) { return (l, .nativeLabel) }
            return nil
        case "option":
            if let l = element.attribute("label"), !Self.isBlank(l) { return (l, .nativeLabel) }
            return nil
        default:
            return nil
        }
    }

    static let nativeNameElements = [
        "input", "button", "select", "textarea", "meter", "output", "progress", "img", "area", "fieldset",
        "figure", "table", "optgroup", "option",
    ]
    static let nativeNameAtoms = NameAtom.table(of: nativeNameElements)

    private func labelText(_ element: HTMLElement, _ state: inout NameTraversal) -> String? {
        let labels = labels(of: element)
        guard !labels.isEmpty else { return nil }
        var parts: [String] = []
        for label in labels where !state.visited.contains(label.index) {
            var sub = state
            sub.visited.insert(label.index)
            sub.inReference = true
            if isHiddenFromAccessibilityTree(label) { continue }
            let t = Self.normalise(contentText(label, &sub))
            if !t.isEmpty { parts.append(t) }
        }
        let text = parts.joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    private func childCaption(_ element: HTMLElement, _ name: String, _ state: inout NameTraversal)
        -> (String, AccessibleNameSource)? {
        guard let caption = element.firstChild(named: name), !state.visited.contains(caption.index),
              !isHiddenFromAccessibilityTree(caption) else { return nil }
        var sub = state
        sub.visited.insert(caption.index)
        let t = Self.normalise(name == "caption" ? self.name(of: caption, &sub, isRoot: false).0 : contentText(caption, &sub))
        return t.isEmpty ? nil : (t, .nativeLabel)
    }

    /// The `for` → label index map, built on first use.
    var labelsByFor: [String: [Int]] {
        if let m = labelsForMemo { return m }
        var m: [String: [Int]] = [:]
        let cores = document.cores
        for i in cores.indices {
            let n = cores[i]
            guard n.kind == .element, n.nameAtom == Self.labelAtom, n.attributeCount > 0,
                  let j = attributeSlot(i, Self.forAtom) else { continue }
            m[document.attributes[j].value, default: []].append(i)
        }
        labelsForMemo = m
        return m
    }

    // MARK: Whitespace

    /// Collapses runs of HTML whitespace to one space and trims.
    public static func normalise(_ text: String) -> String {
        // ASCII text (most of it): bytes are characters (CRLF collapses like CR, LF), so
        // work on bytes and skip grapheme breaking.
        if let ascii = normaliseASCII(text) { return ascii }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text {
            if ch.isHTMLWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }

    /// Whether the scalars that start with this UTF-8 lead byte are never in a grapheme cluster
    /// with a neighbouring whitespace scalar: U+0080–U+017F (controls, Latin-1 and Latin
    /// Extended-A letters and signs) and U+4000–U+9FFF (CJK ideographs, Yijing hexagrams: Chinese
    /// pages) are neither Prepend, Extend, SpacingMark nor ZWJ (a test checks every one).
    @inline(__always) static func neverJoinsWhitespace(_ lead: UInt8) -> Bool {
        (lead >= 0xC2 && lead <= 0xC5) || (lead >= 0xE4 && lead <= 0xE9)
    }

    /// Byte-level `normalise` when no whitespace byte has a neighbouring scalar that could join
    /// it (only ASCII or U+0080–U+017F ones, see ``neverJoinsWhitespace(_:)``): such a byte is a
    /// Character of its own (or part of CR LF), as grapheme clusters only join whitespace to
    /// combining, spacing and prepended marks and ZWJ; `nil` otherwise.
    /// Returns `text` itself when it is already normalised.
    static func normaliseASCII(_ text: String) -> String? {
        var text = text
        // 0: fall back to Characters, 1: already normalised, 2: rewrite.
        let verdict: Int = text.withUTF8 { bytes in
            // The previous byte: HTML whitespace, or 0x80 and above (at the start, neither); the
            // lead byte of the last non-ASCII scalar.
            var previousSpace = false
            var previousHigh = false
            var lead: UInt8 = 0
            var normal = true
            for b in bytes {
                // Every HTML whitespace byte is 0x20 or below.
                if b > 0x20 {
                    if b >= 0x80 {
                        if b >= 0xC0 {
                            if previousSpace, !Self.neverJoinsWhitespace(b) { return 0 }
                            lead = b
                        }
                        previousHigh = true
                    } else {
                        previousHigh = false
                    }
                    previousSpace = false
                    continue
                }
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D {
                    if previousHigh, !Self.neverJoinsWhitespace(lead) { return 0 }
                    if b != 0x20 || previousSpace { normal = false }
                    previousSpace = true
                } else {
                    previousSpace = false
                }
                previousHigh = false
            }
            if let first = bytes.first, first == 0x20 { normal = false }
            if let last = bytes.last, last == 0x20 { normal = false }
            return normal ? 1 : 2
        }
        if verdict == 1 { return text }
        if verdict == 0 { return nil }
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                var pendingSpace = false
                for b in bytes {
                    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D {
                        pendingSpace = n > 0
                    } else {
                        if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                        out[n] = b
                        n += 1
                    }
                }
                return n
            }
        }
    }

    static func isBlank(_ text: String) -> Bool {
        AriaData.isBlank(text)
    }
}
