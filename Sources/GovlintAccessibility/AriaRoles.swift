/// Where a role is defined.
public enum AriaRoleSpec: String, Sendable, Hashable {
    /// WAI-ARIA 1.2 (plus the ARIA 1.3 roles axe-core accepts).
    case aria
    /// Digital Publishing WAI-ARIA 1.1 (`doc-*`).
    case dpub
    /// WAI-ARIA Graphics Module (`graphics-*`).
    case graphics
}

/// The broad category of a role (WAI-ARIA 1.2 §5.3).
public enum AriaRoleCategory: String, Sendable, Hashable {
    case abstract, widget, composite, structure, landmark, liveRegion, window
}

/// How a role may get its accessible name (WAI-ARIA 1.2 "Name From").
public enum AriaNameFrom: String, Sendable, Hashable {
    /// From descendant content as well as from the author.
    case contents
    /// From the author only (`aria-label`, `aria-labelledby`, host language).
    case author
    /// Naming is prohibited.
    case prohibited
}

/// One WAI-ARIA role with its characteristics.
public struct AriaRole: Sendable, Hashable {
    public let name: String
    public let spec: AriaRoleSpec
    public let category: AriaRoleCategory
    public var isAbstract: Bool { category == .abstract }
    /// Deprecated (e.g. `directory`, `doc-biblioentry`, `doc-endnote`); still a valid role.
    public let isDeprecated: Bool
    /// Direct superclass roles.
    public let superclasses: [String]
    /// States and properties the author must provide. Attributes with an implicit
    /// default (e.g. `aria-selected` on `option`, `aria-valuemin` on `slider`) are
    /// left out, as axe-core does.
    public let requiredAttributes: Set<String>
    /// Role-specific (non-global) states and properties supported, inherited ones
    /// included; required ones included.
    public let supportedAttributes: Set<String>
    /// Attributes the role prohibits (e.g. `aria-label` on `generic`).
    public let prohibitedAttributes: Set<String>
    /// Roles of which this role must be owned (any one of them), e.g. `listitem` → `list`.
    public let requiredContext: [String]
    /// Roles (any one of them) that must be owned; `"group > option"` means a
    /// `group` owning an `option`.
    public let requiredOwned: [String]
    public let nameFrom: AriaNameFrom
    /// WAI-ARIA "Accessible Name Required".
    public let accessibleNameRequired: Bool
    /// WAI-ARIA "Children Presentational".
    public let childrenPresentational: Bool

    /// Name from content is allowed (`nameFrom == .contents`).
    public var supportsNameFromContent: Bool { nameFrom == .contents }
    /// Naming is prohibited (`nameFrom == .prohibited`).
    public var isNamingProhibited: Bool { nameFrom == .prohibited }

    /// Whether `attribute` may be used with this role: a global attribute that
    /// is not prohibited, or a supported one.
    public func allows(attribute: String) -> Bool {
        if prohibitedAttributes.contains(attribute) { return false }
        return AriaAttribute.globalNames.contains(attribute) || supportedAttributes.contains(attribute)
    }

    /// The role with this name (ASCII case-insensitive), or `nil` when unknown.
    public static func named(_ name: String) -> AriaRole? {
        if let r = AriaData.roles[name] { return r }
        return AriaData.roles[name.lowercased()]
    }

    /// Whether this role is `ancestor` or inherits from it (transitively).
    public func isSubclass(of ancestor: String) -> Bool {
        name == ancestor || (AriaData.ancestorRoles[name]?.contains(ancestor) ?? false)
    }
}

/// WAI-ARIA 1.2 tables, built once.
public enum AriaData {
    /// Every role (abstract ones included), keyed by name.
    public static let roles: [String: AriaRole] = {
        var raw: [String: RawRole] = [:]
        for r in rawRoles { raw[r.name] = r }
        var result: [String: AriaRole] = [:]
        for r in rawRoles {
            var supported = Set<String>()
            var prohibited = Set(r.prohibited)
            // Inherit supported attributes (not prohibited ones) through superclasses.
            var stack = [r.name]
            var seen = Set<String>()
            while let n = stack.popLast() {
                guard seen.insert(n).inserted, let rr = raw[n] else { continue }
                supported.formUnion(rr.supported)
                supported.formUnion(rr.required)
                stack.append(contentsOf: rr.superclasses)
            }
            if r.nameFrom == .prohibited { prohibited.formUnion(["aria-label", "aria-labelledby"]) }
            supported.subtract(AriaAttribute.globalNames)
            result[r.name] = AriaRole(
                name: r.name, spec: r.spec, category: r.category, isDeprecated: r.deprecated,
                superclasses: r.superclasses, requiredAttributes: Set(r.required),
                supportedAttributes: supported, prohibitedAttributes: prohibited,
                requiredContext: r.context, requiredOwned: r.owned, nameFrom: r.nameFrom,
                accessibleNameRequired: r.nameRequired, childrenPresentational: r.childrenPresentational)
        }
        return result
    }()

    /// For each role, every transitive superclass.
    static let ancestorRoles: [String: Set<String>] = {
        var raw: [String: [String]] = [:]
        for r in rawRoles { raw[r.name] = r.superclasses }
        var result: [String: Set<String>] = [:]
        for r in rawRoles {
            var set = Set<String>()
            var stack = r.superclasses
            while let n = stack.popLast() {
                if set.insert(n).inserted { stack.append(contentsOf: raw[n] ?? []) }
            }
            result[r.name] = set
        }
        return result
    }()

    /// Names of all concrete (non-abstract) roles.
    public static let concreteRoleNames: Set<String> = Set(roles.values.filter { !$0.isAbstract }.map(\.name))

    /// Landmark roles (subclasses of `landmark`, concrete).
    public static let landmarkRoleNames: Set<String> =
        Set(roles.values.filter { !$0.isAbstract && $0.isSubclass(of: "landmark") }.map(\.name))

    /// Whether `name` is a concrete role an author may use.
    public static func isValidRole(_ name: String) -> Bool {
        concreteRoleID(name) != nil
    }

    // MARK: Roles by number

    /// Every role name (abstract ones included), sorted: a role's number (``roleID(_:)``) is its index here.
    /// Roles are numbered so that per-element roles are stored, compared and looked up in tables
    /// as small integers instead of hashed and compared as strings.
    public static let roleNames: [String] = roles.keys.sorted()

    static let roleIDsByName: [String: Int] = {
        var d: [String: Int] = [:]
        for (i, n) in roleNames.enumerated() { d[n] = i }
        return d
    }()

    /// The number of the role with this name (ASCII case-insensitive, as ``AriaRole/named(_:)``), or `nil`.
    public static func roleID(_ name: String) -> Int? {
        if let i = roleIDsByName[name] { return i }
        return roleIDsByName[name.lowercased()]
    }

    /// The number of the concrete role with this name (ASCII case-insensitive), or `nil`.
    static func concreteRoleID(_ name: String) -> Int? {
        guard let i = roleID(name), !abstractByID[i] else { return nil }
        return i
    }

    static let abstractByID: [Bool] = roleNames.map { roles[$0]!.isAbstract }

    /// A table indexed by role number: `true` for the roles named in `names` (other names are ignored).
    public static func roleTable(of names: some Sequence<String>) -> [Bool] {
        var t = [Bool](repeating: false, count: roleNames.count)
        for n in names { if let i = roleIDsByName[n] { t[i] = true } }
        return t
    }

    /// ``landmarkRoleNames`` by role number.
    public static let landmarkByID: [Bool] = roleTable(of: landmarkRoleNames)
    /// ``AriaRole/supportsNameFromContent`` by role number.
    public static let nameFromContentByID: [Bool] = roleNames.map { roles[$0]!.supportsNameFromContent }

    public static let noneRoleID = roleIDsByName["none"]!
    public static let presentationRoleID = roleIDsByName["presentation"]!
}

struct RawRole {
    var name: String
    var spec: AriaRoleSpec = .aria
    var category: AriaRoleCategory
    var superclasses: [String]
    var required: [String] = []
    var supported: [String] = []
    var prohibited: [String] = []
    var context: [String] = []
    var owned: [String] = []
    var nameFrom: AriaNameFrom = .author
    var nameRequired = false
    var childrenPresentational = false
    var deprecated = false
}

private let rangeAttrs = ["aria-valuemax", "aria-valuemin", "aria-valuenow", "aria-valuetext"]

private func r(_ name: String, _ category: AriaRoleCategory, _ superclasses: [String],
               required: [String] = [], supported: [String] = [], prohibited: [String] = [],
               context: [String] = [], owned: [String] = [], from: AriaNameFrom = .author,
               nameRequired: Bool = false, presentationalChildren: Bool = false, deprecated: Bool = false,
               spec: AriaRoleSpec = .aria) -> RawRole {
    RawRole(name: name, spec: spec, category: category, superclasses: superclasses, required: required,
            supported: supported, prohibited: prohibited, context: context, owned: owned, nameFrom: from,
            nameRequired: nameRequired, childrenPresentational: presentationalChildren, deprecated: deprecated)
}

private func dpub(_ name: String, _ superclass: String, _ category: AriaRoleCategory,
                  context: [String] = [], from: AriaNameFrom = .author, nameRequired: Bool = false,
                  deprecated: Bool = false, supported: [String] = [], presentationalChildren: Bool = false) -> RawRole {
    r(name, category, [superclass], supported: supported, context: context, from: from,
      nameRequired: nameRequired, presentationalChildren: presentationalChildren, deprecated: deprecated, spec: .dpub)
}

let rawRoles: [RawRole] = [
    // Abstract roles.
    r("roletype", .abstract, []),
    r("structure", .abstract, ["roletype"]),
    r("widget", .abstract, ["roletype"]),
    r("window", .abstract, ["roletype"], supported: ["aria-modal"]),
    r("command", .abstract, ["widget"]),
    r("composite", .abstract, ["widget"], supported: ["aria-activedescendant"]),
    r("input", .abstract, ["widget"]),
    r("landmark", .abstract, ["section"]),
    r("range", .abstract, ["structure"], supported: rangeAttrs),
    r("section", .abstract, ["structure"]),
    r("sectionhead", .abstract, ["structure"], from: .contents),
    r("select", .abstract, ["composite", "group"], supported: ["aria-orientation"]),

    // Widgets.
    r("button", .widget, ["command"], supported: ["aria-expanded", "aria-pressed"], from: .contents,
      nameRequired: true, presentationalChildren: true),
    r("checkbox", .widget, ["input"], required: ["aria-checked"],
      supported: ["aria-expanded", "aria-readonly", "aria-required"], from: .contents, nameRequired: true,
      presentationalChildren: true),
    r("gridcell", .widget, ["cell", "widget"],
      supported: ["aria-expanded", "aria-readonly", "aria-required", "aria-selected"], context: ["row"],
      from: .contents),
    r("link", .widget, ["command"], supported: ["aria-expanded"], from: .contents, nameRequired: true),
    r("menuitem", .widget, ["command"], supported: ["aria-expanded", "aria-posinset", "aria-setsize"],
      context: ["group", "menu", "menubar"], from: .contents, nameRequired: true),
    r("menuitemcheckbox", .widget, ["menuitem"], required: ["aria-checked"], supported: ["aria-readonly"],
      context: ["group", "menu", "menubar"], from: .contents, nameRequired: true, presentationalChildren: true),
    r("menuitemradio", .widget, ["menuitemcheckbox"], required: ["aria-checked"],
      context: ["group", "menu", "menubar"], from: .contents, nameRequired: true, presentationalChildren: true),
    r("option", .widget, ["input"], supported: ["aria-checked", "aria-posinset", "aria-selected", "aria-setsize"],
      context: ["group", "listbox"], from: .contents, nameRequired: true, presentationalChildren: true),
    r("progressbar", .widget, ["range", "widget"], nameRequired: true, presentationalChildren: true),
    r("radio", .widget, ["input"], required: ["aria-checked"],
      supported: ["aria-posinset", "aria-setsize", "aria-required"], from: .contents, nameRequired: true,
      presentationalChildren: true),
    // aria-controls is required by the spec but poorly supported; axe-core does not require it.
    r("scrollbar", .widget, ["range", "widget"], required: ["aria-valuenow"],
      supported: ["aria-controls", "aria-orientation"], presentationalChildren: true),
    r("searchbox", .widget, ["textbox"], nameRequired: true),
    r("separator", .structure, ["structure", "widget"], supported: ["aria-orientation"] + rangeAttrs,
      presentationalChildren: true),
    r("slider", .widget, ["input", "range"], required: ["aria-valuenow"],
      supported: ["aria-orientation", "aria-readonly", "aria-required"], nameRequired: true,
      presentationalChildren: true),
    r("spinbutton", .widget, ["composite", "input", "range"], supported: ["aria-readonly", "aria-required"],
      nameRequired: true),
    r("switch", .widget, ["checkbox"], required: ["aria-checked"], from: .contents, nameRequired: true,
      presentationalChildren: true),
    r("tab", .widget, ["sectionhead", "widget"],
      supported: ["aria-expanded", "aria-posinset", "aria-selected", "aria-setsize"], context: ["tablist"],
      from: .contents, presentationalChildren: true),
    r("tabpanel", .widget, ["section"], nameRequired: true),
    r("textbox", .widget, ["input"],
      supported: ["aria-activedescendant", "aria-autocomplete", "aria-multiline", "aria-placeholder",
                  "aria-readonly", "aria-required"], nameRequired: true),
    r("treeitem", .widget, ["listitem", "option"], supported: ["aria-expanded"], context: ["group", "tree"],
      from: .contents, nameRequired: true),

    // Composite widgets.
    r("combobox", .composite, ["input"], required: ["aria-expanded", "aria-controls"],
      supported: ["aria-activedescendant", "aria-autocomplete", "aria-readonly", "aria-required"],
      nameRequired: true),
    r("grid", .composite, ["composite", "table"], supported: ["aria-multiselectable", "aria-readonly"],
      owned: ["row", "rowgroup > row"], nameRequired: true),
    r("listbox", .composite, ["select"],
      supported: ["aria-expanded", "aria-multiselectable", "aria-readonly", "aria-required"],
      owned: ["group > option", "option"], nameRequired: true),
    r("menu", .composite, ["select"],
      owned: ["group > menuitem", "group > menuitemradio", "group > menuitemcheckbox", "menuitem",
              "menuitemcheckbox", "menuitemradio"]),
    r("menubar", .composite, ["menu"],
      owned: ["group > menuitem", "group > menuitemradio", "group > menuitemcheckbox", "menuitem",
              "menuitemcheckbox", "menuitemradio"]),
    r("radiogroup", .composite, ["select"], supported: ["aria-readonly", "aria-required"], owned: ["radio"],
      nameRequired: true),
    r("tablist", .composite, ["composite"], supported: ["aria-multiselectable", "aria-orientation"],
      owned: ["tab"]),
    r("tree", .composite, ["select"], supported: ["aria-multiselectable", "aria-required"],
      owned: ["group > treeitem", "treeitem"], nameRequired: true),
    r("treegrid", .composite, ["grid", "tree"], owned: ["row", "rowgroup > row"], nameRequired: true),

    // Document structure.
    r("application", .structure, ["structure"], supported: ["aria-activedescendant", "aria-expanded"],
      nameRequired: true),
    r("article", .structure, ["document"], supported: ["aria-posinset", "aria-setsize"]),
    r("blockquote", .structure, ["section"]),
    r("caption", .structure, ["section"], context: ["figure", "grid", "table", "treegrid"], from: .prohibited),
    r("cell", .structure, ["section"],
      supported: ["aria-colindex", "aria-colindextext", "aria-colspan", "aria-rowindex", "aria-rowindextext",
                  "aria-rowspan"],
      context: ["row"], from: .contents),
    r("code", .structure, ["section"], from: .prohibited),
    r("columnheader", .structure, ["cell", "gridcell", "sectionhead"], supported: ["aria-sort"],
      context: ["row"], from: .contents, nameRequired: true),
    r("comment", .structure, ["article"], supported: ["aria-level", "aria-posinset", "aria-setsize"],
      from: .contents),
    r("definition", .structure, ["section"]),
    r("deletion", .structure, ["section"], from: .prohibited),
    r("directory", .structure, ["list"], deprecated: true),
    r("document", .structure, ["structure"], supported: ["aria-expanded"]),
    r("emphasis", .structure, ["section"], from: .prohibited),
    r("feed", .structure, ["list"], owned: ["article"]),
    r("figure", .structure, ["section"]),
    r("generic", .structure, ["structure"], from: .prohibited),
    r("group", .structure, ["section"], supported: ["aria-activedescendant"]),
    r("heading", .structure, ["sectionhead"], required: ["aria-level"], from: .contents, nameRequired: true),
    r("image", .structure, ["section"], nameRequired: true, presentationalChildren: true),
    r("img", .structure, ["section"], nameRequired: true, presentationalChildren: true),
    r("insertion", .structure, ["section"], from: .prohibited),
    r("list", .structure, ["section"], owned: ["listitem"]),
    r("listitem", .structure, ["section"], supported: ["aria-level", "aria-posinset", "aria-setsize"],
      context: ["directory", "list"]),
    r("mark", .structure, ["section"], from: .prohibited),
    r("math", .structure, ["section"]),
    r("meter", .structure, ["range"], required: ["aria-valuenow"], nameRequired: true,
      presentationalChildren: true),
    r("none", .structure, ["structure"], from: .prohibited),
    r("note", .structure, ["section"]),
    r("paragraph", .structure, ["section"], from: .prohibited),
    r("presentation", .structure, ["structure"], from: .prohibited),
    r("row", .structure, ["group", "widget"],
      supported: ["aria-colindex", "aria-expanded", "aria-level", "aria-posinset", "aria-rowindex",
                  "aria-rowindextext", "aria-selected", "aria-setsize"],
      context: ["grid", "rowgroup", "table", "treegrid"],
      owned: ["cell", "columnheader", "gridcell", "rowheader"], from: .contents),
    r("rowgroup", .structure, ["structure"], context: ["grid", "table", "treegrid"], owned: ["row"],
      from: .contents),
    r("rowheader", .structure, ["cell", "gridcell", "sectionhead"], supported: ["aria-expanded", "aria-sort"],
      context: ["row"], from: .contents, nameRequired: true),
    r("strong", .structure, ["section"], from: .prohibited),
    r("subscript", .structure, ["section"], from: .prohibited),
    r("suggestion", .structure, ["section"], owned: ["insertion", "deletion"], from: .prohibited),
    r("superscript", .structure, ["section"], from: .prohibited),
    r("table", .structure, ["section"], supported: ["aria-colcount", "aria-rowcount"],
      owned: ["row", "rowgroup > row"], nameRequired: true),
    r("term", .structure, ["section"]),
    r("time", .structure, ["section"]),
    r("toolbar", .structure, ["group"], supported: ["aria-orientation"]),
    r("tooltip", .structure, ["section"], from: .contents),

    // Landmarks.
    r("banner", .landmark, ["landmark"]),
    r("complementary", .landmark, ["landmark"]),
    r("contentinfo", .landmark, ["landmark"]),
    r("form", .landmark, ["landmark"]),
    r("main", .landmark, ["landmark"]),
    r("navigation", .landmark, ["landmark"]),
    r("region", .landmark, ["landmark"], nameRequired: true),
    r("search", .landmark, ["landmark"]),

    // Live regions.
    r("alert", .liveRegion, ["section"]),
    r("log", .liveRegion, ["section"]),
    r("marquee", .liveRegion, ["section"]),
    r("status", .liveRegion, ["section"]),
    r("timer", .liveRegion, ["status"]),

    // Windows.
    r("alertdialog", .window, ["alert", "dialog"], nameRequired: true),
    r("dialog", .window, ["window"], nameRequired: true),

    // Graphics module.
    r("graphics-document", .structure, ["document"], nameRequired: true, spec: .graphics),
    r("graphics-object", .structure, ["group"], from: .contents, spec: .graphics),
    r("graphics-symbol", .structure, ["img"], nameRequired: true, presentationalChildren: true, spec: .graphics),

    // DPUB-ARIA 1.1.
    dpub("doc-abstract", "section", .structure),
    dpub("doc-acknowledgments", "landmark", .landmark),
    dpub("doc-afterword", "landmark", .landmark),
    dpub("doc-appendix", "landmark", .landmark),
    dpub("doc-backlink", "link", .widget, from: .contents, nameRequired: true),
    dpub("doc-biblioentry", "listitem", .structure, context: ["doc-bibliography", "list"], from: .contents,
         deprecated: true),
    dpub("doc-bibliography", "landmark", .landmark),
    dpub("doc-biblioref", "link", .widget, from: .contents, nameRequired: true),
    dpub("doc-chapter", "landmark", .landmark),
    dpub("doc-colophon", "section", .structure),
    dpub("doc-conclusion", "landmark", .landmark),
    dpub("doc-cover", "img", .structure, nameRequired: true, presentationalChildren: true),
    dpub("doc-credit", "section", .structure),
    dpub("doc-credits", "landmark", .landmark),
    dpub("doc-dedication", "section", .structure),
    dpub("doc-endnote", "listitem", .structure, context: ["doc-endnotes", "list"], from: .contents,
         deprecated: true),
    dpub("doc-endnotes", "landmark", .landmark),
    dpub("doc-epigraph", "section", .structure),
    dpub("doc-epilogue", "landmark", .landmark),
    dpub("doc-errata", "landmark", .landmark),
    dpub("doc-example", "section", .structure),
    dpub("doc-footnote", "section", .structure),
    dpub("doc-foreword", "landmark", .landmark),
    dpub("doc-glossary", "landmark", .landmark),
    dpub("doc-glossref", "link", .widget, from: .contents, nameRequired: true),
    dpub("doc-index", "navigation", .landmark),
    dpub("doc-introduction", "landmark", .landmark),
    dpub("doc-noteref", "link", .widget, from: .contents, nameRequired: true),
    dpub("doc-notice", "note", .structure),
    dpub("doc-pagebreak", "separator", .structure, nameRequired: true, presentationalChildren: true),
    dpub("doc-pagefooter", "section", .structure),
    dpub("doc-pageheader", "section", .structure),
    dpub("doc-pagelist", "navigation", .landmark),
    dpub("doc-part", "landmark", .landmark, nameRequired: true),
    dpub("doc-preface", "landmark", .landmark),
    dpub("doc-prologue", "landmark", .landmark),
    dpub("doc-pullquote", "none", .structure),
    dpub("doc-qna", "section", .structure),
    dpub("doc-subtitle", "sectionhead", .structure, from: .contents),
    dpub("doc-tip", "note", .structure),
    dpub("doc-toc", "navigation", .landmark),
]
