import GovlintHTML

/// Which explicit roles ARIA in HTML allows on an element.
public enum AllowedRoles: Sendable, Hashable {
    /// Any role.
    case any
    /// No `role` attribute at all.
    case noRole
    /// Only these roles.
    case only(Set<String>)
}

extension AccessibilityContext {
    /// Elements on which authors must not put `role` or any `aria-*` attribute
    /// (ARIA in HTML "No role" and "no aria-* attributes").
    static let noAriaElements: Set<String> = [
        "base", "col", "colgroup", "head", "html", "link", "map", "meta", "noscript", "param", "picture",
        "script", "slot", "source", "style", "template", "title", "track",
    ]

    /// Roles allowed on an element per ARIA in HTML (the implicit role is also
    /// allowed, though redundant; see ``isRoleAllowed(_:on:)``).
    public func allowedRoles(for element: HTMLElement) -> AllowedRoles {
        guard element.namespace == .html else { return .any }
        let name = element.name
        if Self.noAriaElements.contains(name) { return .noRole }
        switch name {
        case "a":
            return element.hasAttribute("href") ? .only(Self.linkRoles) : .any
        case "img":
            if let alt = element.attribute("alt") {
                return alt.isEmpty && !hasAuthorLabel(element) ? .only(["none", "presentation"]) : .only(Self.imgRoles)
            }
            return .only(Self.imgRoles)
        case "input":
            let type = (element.attribute("type") ?? "text").trimmingASCIIWhitespace().lowercased()
            let hasList = element.hasAttribute("list")
            switch type {
            case "button":
                return .only(["checkbox", "combobox", "link", "menuitem", "menuitemcheckbox", "menuitemradio",
                              "option", "radio", "switch", "tab"])
            case "checkbox": return .only(["button", "menuitemcheckbox", "option", "switch"])
            case "image": return .only(["link", "menuitem", "menuitemcheckbox", "menuitemradio", "radio", "switch"])
            case "radio": return .only(["menuitemradio"])
            case "text", "": return hasList ? .noRole : .only(["combobox", "searchbox", "spinbutton"])
            case "search": return hasList ? .noRole : .only(["combobox", "searchbox"])
            case "email", "tel", "url": return hasList ? .noRole : .only(["combobox"])
            default: return Self.knownInputTypes.contains(type) ? .noRole : .only(["combobox", "searchbox", "spinbutton"])
            }
        case "select":
            let listbox = element.hasAttribute("multiple")
                || (element.attribute("size").flatMap { AriaData.parseInteger($0.trimmingASCIIWhitespace()) } ?? 0) > 1
            return listbox ? .noRole : .only(["menu"])
        case "figure":
            return element.firstChild(named: "figcaption") != nil ? .noRole : .any
        default:
            if let roles = Self.allowedRolesByElement[name] { return roles.isEmpty ? .noRole : .only(roles) }
            return Self.anyRoleElements.contains(name) || !Self.knownElements.contains(name) ? .any : .noRole
        }
    }

    /// Whether `role` may be set explicitly on `element`: allowed by ARIA in
    /// HTML, or the element's implicit role (redundant but valid).
    public func isRoleAllowed(_ role: String, on element: HTMLElement) -> Bool {
        let r = role.lowercased()
        switch allowedRoles(for: element) {
        case .any: return true
        case .noRole: return implicitRole(of: element) == r
        case .only(let set): return set.contains(r) || implicitRole(of: element) == r
        }
    }

    /// Whether an `aria-*` attribute may appear on `element`: not on elements
    /// that take no ARIA, never on an element whose role prohibits it, else a
    /// global attribute or one the effective role supports. `aria-checked` on a
    /// native checkbox/radio is not allowed (ARIA in HTML).
    public func isAttributeAllowed(_ attribute: String, on element: HTMLElement) -> Bool {
        let a = attribute.lowercased()
        guard AriaAttribute.named(a) != nil else { return false }
        if element.namespace == .html, Self.noAriaElements.contains(element.name) { return false }
        if element.name == "input", a == "aria-checked",
           let t = element.attribute("type")?.trimmingASCIIWhitespace().lowercased(), t == "checkbox" || t == "radio" {
            return false
        }
        guard let role = effectiveRole(of: element).flatMap(AriaRole.named) else {
            return AriaAttribute.globalNames.contains(a)
        }
        return role.allows(attribute: a)
    }

    private func hasAuthorLabel(_ element: HTMLElement) -> Bool {
        ["aria-label", "aria-labelledby", "title"].contains { !(element.attribute($0) ?? "").isEmpty }
    }

    static let linkRoles: Set<String> = [
        "button", "checkbox", "menuitem", "menuitemcheckbox", "menuitemradio", "option", "radio", "switch", "tab",
        "treeitem", "doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref",
    ]

    static let imgRoles: Set<String> = [
        "button", "checkbox", "link", "menuitem", "menuitemcheckbox", "menuitemradio", "meter", "option",
        "progressbar", "radio", "scrollbar", "separator", "slider", "switch", "tab", "treeitem", "doc-cover",
    ]

    static let listRoles: Set<String> = [
        "directory", "group", "listbox", "menu", "menubar", "none", "presentation", "radiogroup", "tablist",
        "toolbar", "tree",
    ]

    static let sectionRoles: Set<String> = [
        "alert", "alertdialog", "application", "banner", "complementary", "contentinfo", "dialog", "document",
        "feed", "group", "log", "main", "marquee", "navigation", "none", "note", "presentation", "region", "search",
        "status", "tabpanel", "doc-abstract", "doc-acknowledgments", "doc-afterword", "doc-appendix",
        "doc-bibliography", "doc-chapter", "doc-colophon", "doc-conclusion", "doc-credit", "doc-credits",
        "doc-dedication", "doc-endnotes", "doc-epigraph", "doc-epilogue", "doc-errata", "doc-example",
        "doc-foreword", "doc-glossary", "doc-index", "doc-introduction", "doc-notice", "doc-pagelist", "doc-part",
        "doc-preface", "doc-prologue", "doc-pullquote", "doc-qna", "doc-toc",
    ]

    /// Elements with a fixed list of allowed roles (empty = no role).
    static let allowedRolesByElement: [String: Set<String>] = {
        let heading: Set<String> = ["none", "presentation", "tab", "doc-subtitle"]
        return [
            "article": ["application", "document", "feed", "main", "none", "presentation", "region"],
            "aside": ["doc-dedication", "doc-example", "doc-footnote", "doc-glossary", "doc-pullquote", "doc-tip",
                      "feed", "none", "note", "presentation", "region", "search"],
            "audio": ["application"], "video": ["application"],
            "area": [], "body": [], "caption": [], "datalist": [], "dd": [], "details": [], "label": [],
            "legend": [], "main": [], "math": [], "meter": [], "optgroup": [], "option": [], "progress": [],
            "summary": [], "textarea": [],
            "br": ["none", "presentation"], "wbr": ["none", "presentation"],
            "button": ["checkbox", "combobox", "gridcell", "link", "menuitem", "menuitemcheckbox", "menuitemradio",
                       "option", "radio", "separator", "slider", "switch", "tab", "treeitem"],
            "dialog": ["alertdialog"],
            "dl": ["group", "list", "none", "presentation"],
            "dt": ["listitem"],
            "embed": ["application", "document", "img", "none", "presentation"],
            "fieldset": ["none", "presentation", "radiogroup"],
            "figcaption": ["group", "none", "presentation"],
            "footer": ["group", "none", "presentation", "doc-footnote"],
            "header": ["group", "none", "presentation"],
            "form": ["none", "presentation", "search"],
            "h1": heading, "h2": heading, "h3": heading, "h4": heading, "h5": heading, "h6": heading,
            "hr": ["none", "presentation", "doc-pagebreak"],
            "iframe": ["application", "document", "img", "none", "presentation"],
            "li": ["menuitem", "menuitemcheckbox", "menuitemradio", "option", "none", "presentation", "radio",
                   "separator", "tab", "treeitem", "doc-biblioentry", "doc-endnote"],
            "menu": listRoles, "ol": listRoles, "ul": listRoles,
            "nav": ["doc-index", "doc-pagelist", "doc-toc", "menu", "menubar", "none", "presentation", "tablist"],
            "object": ["application", "document", "img"],
            "search": ["form", "group", "none", "presentation", "region", "search"],
            "section": sectionRoles,
        ]
    }()

    /// Elements on which any role is allowed.
    static let anyRoleElements: Set<String> = [
        "abbr", "address", "b", "bdi", "bdo", "blockquote", "canvas", "cite", "code", "data", "del", "dfn", "div",
        "em", "hgroup", "i", "ins", "kbd", "mark", "output", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp",
        "small", "span", "strong", "sub", "sup", "svg", "table", "tbody", "td", "tfoot", "th", "thead", "time",
        "tr", "u", "var",
    ]

    /// HTML elements this table knows (unknown and custom elements allow any role).
    static let knownElements: Set<String> = anyRoleElements.union(allowedRolesByElement.keys).union(noAriaElements)
        .union(["a", "img", "input", "select", "figure"])
}
