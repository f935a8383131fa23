import Foundation
import GovlintAccessibility
import GovlintHTML

/// Checks the target's `aria-*` attributes against WAI-ARIA 1.2, one aspect
/// per invocation (`aspect:`):
/// - `names`: every `aria-*` attribute is a known state or property;
/// - `values`: every known one has a valid value; IDREFs resolve in the page
///   (unresolved `aria-labelledby`/`aria-describedby` and unknown
///   `aria-current` tokens are cantTell, as axe-core reviews them);
/// - `allowed`: every known one is global or supported by the element's role
///   (cantTell when the element has no role this engine knows);
/// - `required`: the explicit role's required states and properties are
///   present and not empty, unless the element supplies them natively;
/// - `prohibited`: no attribute the role prohibits (e.g. `aria-label` on a
///   `generic` `<div>`) has a value; cantTell when the element has text;
/// - `conditional`: tree attributes on rows only in a treegrid, and
///   `aria-checked` on a native checkbox agreeing with its `checked` state.
/// Holds when the target has no `aria-*` attribute concerned.
struct AriaAttributesCheck: PageCheck {
    static let id = "aria-attributes"
    static let summary = "The target's aria-* attributes are known (`aspect: names`), valid (`values`), allowed on its role (`allowed`), or its role's required ones are present (`required`)."

    enum Aspect: String { case names, values, allowed, required, prohibited, conditional }
    let aspect: Aspect

    init(options: inout CheckOptions) throws(LocatedError) {
        let raw = try options.requireString("aspect")
        guard let a = Aspect(rawValue: raw) else {
            throw options.error(at: "aspect", "'aspect' must be one of: names, values, allowed, required, prohibited, conditional")
        }
        aspect = a
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        // Three rules run this on every element ("*"); most have no aria-* attribute at all.
        if aspect == .names || aspect == .values || aspect == .allowed, !Self.hasAriaAttribute(element) { return .holds }
        switch aspect {
        case .names: return names(element)
        case .values: return values(element, page)
        case .allowed: return allowed(element, page)
        case .required: return required(element, page)
        case .prohibited: return prohibited(element, page)
        case .conditional: return conditional(element, page)
        }
    }

    /// `names`, `values` and `allowed` hold on an element without `aria-*` attributes: only the page's elements
    /// that have one (listed once per page, shared by the three rules) are visited.
    func candidates(among targets: [Int32], in page: PageContext) -> [Int32]? {
        guard aspect == .names || aspect == .values || aspect == .allowed else { return nil }
        let hasAria = page.memo(Self.hasAriaKey) {
            let document = page.document
            var flags = [Bool](repeating: false, count: document.cores.count)
            for i in document.cores.indices where document.cores[i].kind == .element {
                flags[i] = Self.hasAriaAttribute(HTMLElement(document: document, index: i))
            }
            return flags
        }
        return targets.filter { hasAria[Int($0)] }
    }

    static let hasAriaKey = MemoKey<[Bool]>("has-aria-attribute")

    static let ariaPrefix = Array("aria-".utf8)

    /// Atoms of names that start with `aria-`.
    static let ariaAtoms: [Bool] = (0..<NameAtom.count).map { NameAtom.name(Int32($0)).utf8.starts(with: ariaPrefix) }

    /// Whether the element has an attribute whose name starts with `aria-`, by atom (a known name's atom) or else by bytes.
    static func hasAriaAttribute(_ element: HTMLElement) -> Bool {
        let document = element.document
        let core = document.cores[element.index]
        guard core.attributeCount > 0 else { return false }
        let start = Int(core.attributeStart)
        for j in start..<(start + Int(core.attributeCount)) {
            let atom = document.attributeCores[j].nameAtom
            if atom != NameAtom.unknown ? ariaAtoms[Int(atom)] : document.attributes[j].name.utf8.starts(with: ariaPrefix) {
                return true
            }
        }
        return false
    }

    /// The element's attributes whose names start with `aria-`, known names read by atom.
    private func ariaAttributes(_ element: HTMLElement) -> [HTMLAttribute] {
        let core = element.core
        let document = element.document
        var result: [HTMLAttribute] = []
        let start = Int(core.attributeStart)
        for j in start..<(start + Int(core.attributeCount)) {
            let atom = document.attributeCores[j].nameAtom
            if atom != NameAtom.unknown ? Self.ariaAtoms[Int(atom)] : document.attributes[j].name.hasPrefix("aria-") {
                result.append(document.attributes[j])
            }
        }
        return result
    }

    /// The element's `aria-*` attributes (slots in `document.attributes`, in order) with the ARIA
    /// attribute each names (`AriaAttribute.lookup`), `nil` for an unknown name.
    private func forEachAriaAttribute(_ element: HTMLElement, _ body: (Int, (index: Int, exact: Bool)?) -> Void) {
        let core = element.core
        let document = element.document
        let start = Int(core.attributeStart)
        for j in start..<(start + Int(core.attributeCount)) {
            let atom = document.attributeCores[j].nameAtom
            guard atom != NameAtom.unknown ? Self.ariaAtoms[Int(atom)] : document.attributes[j].name.hasPrefix("aria-") else {
                continue
            }
            body(j, AriaAttribute.lookup(attribute: j, in: document))
        }
    }

    private func names(_ element: HTMLElement) -> CheckResult {
        var unknown: [String] = []
        forEachAriaAttribute(element) { j, known in
            if known == nil { unknown.append(element.document.attributes[j].name) }
        }
        if unknown.isEmpty { return .holds }
        return CheckResult(.doesNotHold, data: ["attribute": unknown.joined(separator: ", ")])
    }

    static let errormessageIndex = AriaAttribute.all.firstIndex { $0.name == "aria-errormessage" }!

    private func values(_ element: HTMLElement, _ page: PageContext) -> CheckResult {
        var invalid: [String] = []
        var review: [String] = []
        let document = element.document
        forEachAriaAttribute(element) { j, known in
            // aria-errormessage is checked on its own by axe-core, not here.
            guard let known, !(known.exact && known.index == Self.errormessageIndex) else { return }
            let spec = AriaAttribute.all[known.index]
            let attr = document.attributes[j]
            if AriaData.isValidValue(attr.value, for: spec, in: document) { return }
            let shown = "\(attr.name)=\"\(attr.value)\""
            switch attr.name {
            case "aria-controls":
                // A collapsed control's popup, an unselected tab's panel, or a
                // popup loaded on demand may not be in the DOM yet (axe-core's pre-checks).
                if element.attribute("aria-haspopup").map({ !Self.isFalse($0) }) ?? false { review.append(shown); return }
                if Self.isFalse(element.attribute("aria-expanded")) || Self.isFalse(element.attribute("aria-selected")) { return }
            case "aria-owns":
                if Self.isFalse(element.attribute("aria-expanded")) { return }
            case "aria-labelledby", "aria-describedby", "aria-current":
                review.append(shown)
                return
            default:
                break
            }
            // An empty value of a non-string type is reviewed, as axe-core does.
            if attr.value.isEmpty, spec.type != .string { review.append(shown); return }
            invalid.append(shown)
        }
        if !invalid.isEmpty { return CheckResult(.doesNotHold, data: ["attribute": invalid.joined(separator: ", ")]) }
        if !review.isEmpty {
            return CheckResult(.cantTell, data: ["attribute": review.joined(separator: ", "),
                                                  "reason": "the value may be empty on purpose or refer to content added later"])
        }
        return .holds
    }

    private func allowed(_ element: HTMLElement, _ page: PageContext) -> CheckResult {
        // Known, non-global attributes: (slot, supported by a role when it is spelt exactly so).
        var specific: [(slot: Int, bit: UInt64)] = []
        forEachAriaAttribute(element) { j, known in
            guard let known else { return }
            let bit: UInt64 = 1 << UInt64(known.index)
            if AriaAttribute.globalMask & bit != 0 { return }
            // A name spelt otherwise is in no role's supported set.
            specific.append((j, known.exact ? bit : 0))
        }
        if specific.isEmpty { return .holds }
        let attributes = element.document.attributes
        guard let roleID = page.accessibility.effectiveRoleID(of: element) else {
            return CheckResult(.cantTell, data: ["attribute": specific.map { attributes[$0.slot].name }.joined(separator: ", "), "role": "(none)",
                                                  "reason": "the element has no role this engine knows"])
        }
        let supported = AriaData.supportedMaskByRoleID[roleID]
        let bad = specific.filter { supported & $0.bit == 0 }.map { attributes[$0.slot].name }
        if bad.isEmpty { return .holds }
        let roleName = AriaData.roleNames[roleID]
        // ARIA 1.2 deprecated aria-expanded on several roles that ARIA 1.1 allowed it on.
        if bad.allSatisfy({ $0 == "aria-expanded" }) {
            return CheckResult(.cantTell, data: ["attribute": "aria-expanded", "role": roleName,
                                                  "reason": "aria-expanded support on this role changed between ARIA versions"])
        }
        return CheckResult(.doesNotHold, data: ["attribute": bad.joined(separator: ", "), "role": roleName])
    }

    private func required(_ element: HTMLElement, _ page: PageContext) -> CheckResult {
        guard let roleName = page.accessibility.explicitRole(of: element),
              page.accessibility.effectiveRole(of: element) == roleName,
              let role = AriaRole.named(roleName) else { return .holds }
        var missing: [String] = []
        for name in role.requiredAttributes.sorted() {
            if let v = element.attribute(name), !v.allSatisfy(\.isWhitespace) { continue }
            if Self.suppliedNatively(name, by: element) { continue }
            // A heading's level defaults to 2; a collapsed combobox needs no popup yet.
            if roleName == "heading", name == "aria-level" { continue }
            // A slider may give its value only as text (e.g. a media seek bar).
            if roleName == "slider", name == "aria-valuenow",
               !(element.attribute("aria-valuetext") ?? "").allSatisfy(\.isWhitespace) { continue }
            // ARIA 1.2 gives a combobox's aria-expanded a default (false), and a
            // collapsed combobox needs no popup yet.
            if roleName == "combobox", name == "aria-expanded" { continue }
            if roleName == "combobox", name == "aria-controls", !Self.isTrue(element.attribute("aria-expanded")) { continue }
            missing.append(name)
        }
        if missing.isEmpty { return .holds }
        return CheckResult(.doesNotHold, data: ["attribute": missing.joined(separator: ", "), "role": roleName])
    }

    /// Attributes the role prohibits (naming on `generic`, `paragraph`, `none`,
    /// …) with a non-blank value. When the element has text, the author may
    /// have meant it as the name: cantTell, as axe-core reviews it.
    private func prohibited(_ element: HTMLElement, _ page: PageContext) -> CheckResult {
        let present = ariaAttributes(element).filter { !$0.value.allSatisfy(\.isWhitespace) }.map(\.name)
        if present.isEmpty { return .holds }
        guard let roleName = page.accessibility.effectiveRole(of: element), let role = AriaRole.named(roleName) else {
            return .holds
        }
        let bad = present.filter { role.prohibitedAttributes.contains($0) }
        if bad.isEmpty { return .holds }
        let data = ["attribute": bad.joined(separator: ", "), "role": roleName]
        if !element.textContent.allSatisfy(\.isWhitespace) {
            return CheckResult(.cantTell, data: data.merging(["reason": "the element has text that may be its intended name"]) { a, _ in a })
        }
        return CheckResult(.doesNotHold, data: data)
    }

    static let treegridRowAttributes = ["aria-posinset", "aria-setsize", "aria-expanded", "aria-level"]

    /// Attributes allowed only under conditions (axe-core's aria-conditional-attr):
    /// tree attributes on a row only in a `treegrid`; `aria-checked` on a native
    /// checkbox must agree with its `checked` state (`mixed` can only match an
    /// indeterminate state set by script: cantTell).
    private func conditional(_ element: HTMLElement, _ page: PageContext) -> CheckResult {
        let ax = page.accessibility
        if ax.effectiveRole(of: element) == "row" {
            let used = Self.treegridRowAttributes.filter { element.hasAttribute($0) }
            if !used.isEmpty {
                var p = element.parent
                while let cur = p, cur.isElement {
                    if let r = ax.effectiveRole(of: cur), ["table", "grid", "treegrid"].contains(r) {
                        if r == "treegrid" { break }
                        return CheckResult(.doesNotHold, data: ["attribute": used.joined(separator: ", "), "role": "row in a \(r)"])
                    }
                    p = cur.parent
                }
            }
        }
        if element.name == "input", element.namespace == .html,
           (element.attribute("type") ?? "").trimmingCharacters(in: .whitespaces).lowercased() == "checkbox",
           let raw = element.attribute("aria-checked") {
            let v = raw.trimmingCharacters(in: .whitespaces).lowercased()
            let native = element.hasAttribute("checked") ? "true" : "false"
            switch v {
            case "mixed":
                return CheckResult(.cantTell, data: ["attribute": "aria-checked=\"\(raw)\"", "role": "checkbox",
                                                      "reason": "only script can make a checkbox indeterminate"])
            case "true", "false":
                if v != native {
                    return CheckResult(.doesNotHold, data: ["attribute": "aria-checked=\"\(raw)\"", "role": "checkbox"])
                }
            default:
                break
            }
        }
        return .holds
    }

    /// Native elements whose state provides the attribute (HTML-AAM).
    static func suppliedNatively(_ attribute: String, by element: HTMLElement) -> Bool {
        guard element.namespace == .html else { return false }
        let type = (element.attribute("type") ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        switch (element.name, attribute) {
        case ("input", "aria-checked"): return type == "checkbox" || type == "radio"
        case ("input", "aria-valuenow"): return type == "range" || type == "number"
        case ("meter", "aria-valuenow"), ("progress", "aria-valuenow"): return true
        case ("option", "aria-selected"): return true
        case ("select", _): return true
        case ("h1", "aria-level"), ("h2", "aria-level"), ("h3", "aria-level"),
             ("h4", "aria-level"), ("h5", "aria-level"), ("h6", "aria-level"): return true
        default: return false
        }
    }

    static func isFalse(_ value: String?) -> Bool {
        guard let value else { return false }
        return trimmedLowercaseEquals(value, "false")
    }

    static func isTrue(_ value: String?) -> Bool {
        guard let value else { return false }
        return trimmedLowercaseEquals(value, "true")
    }

    /// `value.trimmingCharacters(in: .whitespaces).lowercased() == word` for a lower-case ASCII
    /// `word`: on ASCII text `.whitespaces` are space and tab, and lower-casing is ASCII's.
    static func trimmedLowercaseEquals(_ value: String, _ word: String) -> Bool {
        let ascii: Bool? = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var s = 0, e = bytes.count
            for b in bytes where b >= 0x80 { return nil }
            while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
            while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
            let w = word.utf8
            guard e - s == w.count else { return false }
            var k = s
            for c in w {
                let b = bytes[k]
                if ((b >= 65 && b <= 90) ? b + 32 : b) != c { return false }
                k += 1
            }
            return true
        } ?? nil
        if let ascii { return ascii }
        return value.trimmingCharacters(in: .whitespaces).lowercased() == word
    }
}
