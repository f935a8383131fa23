import GovlintHTML

/// The value type of an `aria-*` attribute (WAI-ARIA 1.2 §6.3 "Characteristics of States and Properties").
public enum AriaValueType: String, Sendable, Hashable {
    /// `true` / `false`.
    case trueFalse
    /// `true` / `false` / `mixed` (`undefined` is accepted too).
    case tristate
    /// `true` / `false` / `undefined`.
    case trueFalseUndefined
    /// One element id.
    case idref
    /// Space-separated element ids.
    case idrefs
    /// A base-10 integer.
    case integer
    /// A decimal number.
    case number
    /// Free text.
    case string
    /// One token from ``AriaAttribute/allowedTokens``.
    case token
    /// Space-separated tokens from ``AriaAttribute/allowedTokens``.
    case tokenList
}

/// One WAI-ARIA state or property.
public struct AriaAttribute: Sendable, Hashable {
    /// Lower-case name, e.g. `aria-checked`.
    public let name: String
    public let type: AriaValueType
    /// Allowed values for ``AriaValueType/token`` and ``AriaValueType/tokenList`` (lower-case).
    public let allowedTokens: [String]
    /// Global states and properties apply to every role (except where prohibited).
    public let isGlobal: Bool
    /// Deprecated in WAI-ARIA 1.1/1.2 (`aria-grabbed`, `aria-dropeffect`).
    public let isDeprecated: Bool
    /// Whether an empty (or all-whitespace) value is acceptable, as axe-core treats it.
    public let allowsEmpty: Bool
    /// Smallest valid value for integer attributes, when the spec constrains it.
    public let minimum: Int?

    init(_ name: String, _ type: AriaValueType, _ tokens: [String] = [], global: Bool = false,
         deprecated: Bool = false, empty: Bool? = nil, min: Int? = nil) {
        self.name = name
        self.type = type
        self.allowedTokens = tokens
        self.isGlobal = global
        self.isDeprecated = deprecated
        self.allowsEmpty = empty ?? (type == .string || type == .idref || type == .idrefs)
        self.minimum = min
    }

    /// The attribute with this name (ASCII case-insensitive), or `nil` when it is not an ARIA attribute.
    public static func named(_ name: String) -> AriaAttribute? {
        if let a = byName[name] { return a }
        return byName[name.lowercased()]
    }

    /// Every ARIA attribute, keyed by name.
    public static let byName: [String: AriaAttribute] = {
        var d: [String: AriaAttribute] = [:]
        for a in all { d[a.name] = a }
        return d
    }()

    /// Names of the global states and properties.
    public static let globalNames: Set<String> = Set(all.filter(\.isGlobal).map(\.name))

    /// WAI-ARIA 1.2 states and properties, plus the ARIA 1.3 drafts axe-core accepts
    /// (`aria-description`, `aria-braillelabel`, `aria-brailleroledescription`,
    /// `aria-colindextext`, `aria-rowindextext`, `aria-actions`).
    public static let all: [AriaAttribute] = [
        .init("aria-actions", .idrefs, global: true),
        .init("aria-activedescendant", .idref),
        .init("aria-atomic", .trueFalse, global: true),
        .init("aria-autocomplete", .token, ["inline", "list", "both", "none"]),
        .init("aria-braillelabel", .string, global: true),
        .init("aria-brailleroledescription", .string, global: true),
        .init("aria-busy", .trueFalse, global: true),
        .init("aria-checked", .tristate, ["false", "mixed", "true", "undefined"]),
        .init("aria-colcount", .integer, min: -1),
        .init("aria-colindex", .integer, min: 1),
        .init("aria-colindextext", .string),
        .init("aria-colspan", .integer, min: 1),
        .init("aria-controls", .idrefs, global: true),
        .init("aria-current", .token, ["page", "step", "location", "date", "time", "true", "false"],
              global: true, empty: true),
        .init("aria-describedby", .idrefs, global: true),
        .init("aria-description", .string, global: true),
        .init("aria-details", .idref, global: true),
        .init("aria-disabled", .trueFalse, global: true),
        .init("aria-dropeffect", .tokenList, ["copy", "execute", "link", "move", "none", "popup"],
              global: true, deprecated: true),
        .init("aria-errormessage", .idref, global: true),
        .init("aria-expanded", .trueFalseUndefined, ["true", "false", "undefined"]),
        .init("aria-flowto", .idrefs, global: true),
        .init("aria-grabbed", .trueFalseUndefined, ["true", "false", "undefined"], global: true, deprecated: true),
        .init("aria-haspopup", .token, ["true", "false", "menu", "listbox", "tree", "grid", "dialog"],
              global: true, empty: true),
        .init("aria-hidden", .trueFalseUndefined, ["true", "false", "undefined"], global: true),
        .init("aria-invalid", .token, ["grammar", "false", "spelling", "true"], global: true),
        .init("aria-keyshortcuts", .string, global: true),
        .init("aria-label", .string, global: true),
        .init("aria-labelledby", .idrefs, global: true),
        .init("aria-level", .integer, min: 1),
        .init("aria-live", .token, ["assertive", "off", "polite"], global: true),
        .init("aria-modal", .trueFalse),
        .init("aria-multiline", .trueFalse),
        .init("aria-multiselectable", .trueFalse),
        .init("aria-orientation", .token, ["horizontal", "undefined", "vertical"]),
        .init("aria-owns", .idrefs, global: true),
        .init("aria-placeholder", .string),
        .init("aria-posinset", .integer, min: 1),
        .init("aria-pressed", .tristate, ["false", "mixed", "true", "undefined"]),
        .init("aria-readonly", .trueFalse),
        .init("aria-relevant", .tokenList, ["additions", "all", "removals", "text"], global: true),
        .init("aria-required", .trueFalse),
        .init("aria-roledescription", .string, global: true),
        .init("aria-rowcount", .integer, min: -1),
        .init("aria-rowindex", .integer, min: 1),
        .init("aria-rowindextext", .string),
        .init("aria-rowspan", .integer, min: 0),
        .init("aria-selected", .trueFalseUndefined, ["true", "false", "undefined"]),
        .init("aria-setsize", .integer, min: -1),
        .init("aria-sort", .token, ["ascending", "descending", "none", "other"]),
        .init("aria-valuemax", .number),
        .init("aria-valuemin", .number),
        .init("aria-valuenow", .number),
        .init("aria-valuetext", .string),
    ]
}

extension AriaAttribute {
    /// Index in ``all`` of each attribute name.
    static let indexByName: [String: Int] = {
        var d: [String: Int] = [:]
        for (k, a) in all.enumerated() { d[a.name] = k }
        return d
    }()

    /// Index in ``all`` of the attribute each name atom spells exactly, `-1` for other atoms.
    static let indexByAtom: [Int8] = (0..<NameAtom.count).map { a in
        a == 0 ? -1 : indexByName[NameAtom.name(Int32(a))].map(Int8.init) ?? -1
    }

    /// The ARIA attribute named by the document's attribute `j`, as ``named(_:)`` finds it: its
    /// index in ``all``, and whether `j`'s name is spelt exactly so (not only ASCII
    /// case-insensitively); `nil` when it is not an ARIA attribute. Known names by atom.
    public static func lookup(attribute j: Int, in document: HTMLDocument) -> (index: Int, exact: Bool)? {
        let atom = document.attributeCores[j].nameAtom
        // An atom spells one name: an ARIA attribute's exactly, or a name no ARIA attribute
        // matches even ignoring case (atoms are lower case, as are ARIA names).
        if atom != NameAtom.unknown {
            let k = indexByAtom[Int(atom)]
            return k >= 0 ? (Int(k), true) : nil
        }
        let name = document.attributes[j].name
        if let k = indexByName[name] { return (k, true) }
        guard let a = named(name) else { return nil }
        return (indexByName[a.name]!, false)
    }

    /// Bit `k` set for the attributes `all[k]` that are global.
    public static let globalMask: UInt64 = mask(all.filter(\.isGlobal).map(\.name))

    /// Bits of the attributes named (by their index in ``all``; other names are ignored).
    static func mask(_ names: some Sequence<String>) -> UInt64 {
        var m: UInt64 = 0
        for n in names { if let k = indexByName[n] { m |= 1 << UInt64(k) } }
        return m
    }
}

extension AriaData {
    /// ``AriaRole/supportedAttributes`` of each role by role number, as bits of ``AriaAttribute/all`` indices.
    public static let supportedMaskByRoleID: [UInt64] = roleNames.map { AriaAttribute.mask(roles[$0]!.supportedAttributes) }
}

extension AriaData {
    /// Whether `value` is syntactically valid for `attribute` (tokens compared
    /// ASCII-case-insensitively, surrounding whitespace ignored). IDREFs are only
    /// checked for shape here; use ``isValidValue(_:for:in:)`` to resolve them.
    /// Unknown attributes are never valid.
    public static func isValidValue(_ value: String, for attribute: String) -> Bool {
        guard let a = AriaAttribute.named(attribute) else { return false }
        return isValidValue(value, for: a)
    }

    /// Whether `value` is syntactically valid for `attribute`.
    public static func isValidValue(_ value: String, for a: AriaAttribute) -> Bool {
        // Any text, blank or not.
        if a.type == .string, a.allowsEmpty { return true }
        let v = value.trimmingASCIIWhitespace()
        if v.isEmpty { return a.allowsEmpty }
        switch a.type {
        case .string:
            return true
        case .trueFalse:
            return equalsIgnoringCase(v, "true") || equalsIgnoringCase(v, "false")
        case .tristate, .trueFalseUndefined, .token:
            for t in a.allowedTokens where equalsIgnoringCase(v, t) { return true }
            return false
        case .tokenList:
            return htmlTokens(v).allSatisfy { t in
                a.allowedTokens.contains { equalsIgnoringCase(t, $0) }
            }
        case .idref:
            return isASCII(v) ? !v.utf8.contains(where: isHTMLSpace) : !v.contains(where: \.isHTMLWhitespace)
        case .idrefs:
            return true
        case .integer:
            guard let n = parseInteger(v) else { return false }
            return a.minimum.map { n >= $0 } ?? true
        case .number:
            return isDecimalNumber(v)
        }
    }

    /// Like ``isValidValue(_:for:)-(String,String)`` but IDREF values must name an
    /// element in `document` (`idrefs`: at least one of them, as axe-core does).
    public static func isValidValue(_ value: String, for attribute: String, in document: HTMLDocument) -> Bool {
        guard let a = AriaAttribute.named(attribute) else { return false }
        return isValidValue(value, for: a, in: document)
    }

    /// ``isValidValue(_:for:in:)-(String,String,_)`` for a known attribute.
    public static func isValidValue(_ value: String, for a: AriaAttribute, in document: HTMLDocument) -> Bool {
        guard a.type == .idref || a.type == .idrefs else { return isValidValue(value, for: a) }
        // The shape `isValidValue(_:for:)` checks, on the value trimmed once.
        let v = value.trimmingASCIIWhitespace()
        if v.isEmpty { return a.allowsEmpty }
        if a.type == .idref {
            guard isASCII(v) ? !v.utf8.contains(where: isHTMLSpace) : !v.contains(where: \.isHTMLWhitespace) else { return false }
            return document.idIndex[String(v)] != nil
        }
        // No id, or one that names an element.
        var any = false
        let found = containsHTMLToken(v) { id in
            any = true
            return document.idIndex[id] != nil
        }
        return found || !any
    }

    /// `htmlTokens(v).forEach { body(String($0)) }`, without building the array when `v` is ASCII.
    public static func forEachHTMLToken(_ v: Substring, _ body: (String) -> Void) {
        _ = containsHTMLToken(v) { body($0); return false }
    }

    /// `htmlTokens(v).contains { predicate(String($0)) }`, on bytes when `v` is ASCII.
    static func containsHTMLToken(_ v: Substring, where predicate: (String) -> Bool) -> Bool {
        let onBytes: Bool?? = v.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for b in bytes where b >= 0x80 { return nil }
            let n = bytes.count
            var i = 0
            while i < n {
                while i < n, isHTMLSpace(bytes[i]) { i += 1 }
                guard i < n else { break }
                var e = i
                while e < n, !isHTMLSpace(bytes[e]) { e += 1 }
                if predicate(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<e]), as: UTF8.self)) { return true }
                i = e
            }
            return false
        }
        if let answer = onBytes ?? nil { return answer }
        return htmlTokens(v).contains { predicate(String($0)) }
    }

    @inline(__always) static func isASCII(_ v: Substring) -> Bool {
        v.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `v.split(whereSeparator: \.isHTMLWhitespace)`, splitting bytes when `v` is ASCII (each
    /// byte a Character, CR LF two separators that split alike).
    public static func htmlTokens(_ v: Substring) -> [Substring] {
        guard isASCII(v) else { return v.split(whereSeparator: \.isHTMLWhitespace) }
        return v.utf8.split(whereSeparator: isHTMLSpace).map { Substring($0) }
    }

    static func equalsIgnoringCase<S: StringProtocol>(_ a: S, _ lowerB: String) -> Bool {
        let au = a.utf8, bu = lowerB.utf8
        guard au.count == bu.count else { return false }
        for (x, y) in zip(au, bu) {
            let lx = (x >= 65 && x <= 90) ? x + 32 : x
            if lx != y { return false }
        }
        return true
    }

    static func parseInteger<S: StringProtocol>(_ s: S) -> Int? {
        var u = Substring(s).utf8[...]
        var negative = false
        if let f = u.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-"); u = u.dropFirst()
        }
        guard !u.isEmpty, u.count <= 18 else { return nil }
        var n = 0
        for b in u {
            guard b >= 48, b <= 57 else { return nil }
            n = n * 10 + Int(b - 48)
        }
        return negative ? -n : n
    }

    /// A valid floating-point number in the HTML sense, also accepting a leading `+`
    /// and a leading `.` (`.5`) as browsers do for ARIA.
    static func isDecimalNumber<S: StringProtocol>(_ s: S) -> Bool {
        let u = Array(s.utf8)
        var i = 0
        if i < u.count, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { i += 1 }
        var digits = 0
        while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1; digits += 1 }
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            var frac = 0
            while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1; frac += 1 }
            if frac == 0 { return false }
            digits += frac
        }
        guard digits > 0 else { return false }
        if i < u.count, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i += 1
            if i < u.count, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { i += 1 }
            var exp = 0
            while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1; exp += 1 }
            if exp == 0 { return false }
        }
        return i == u.count
    }
}
