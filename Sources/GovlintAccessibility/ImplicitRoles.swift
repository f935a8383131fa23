import GovlintHTML

extension AccessibilityContext {
    /// The first token of `role` that names a concrete ARIA role (lower-cased),
    /// or `nil` when there is none.
    public func explicitRole(of element: HTMLElement) -> String? {
        explicitRoleID(of: element).map { AriaData.roleNames[$0] }
    }

    /// ``explicitRole(of:)`` as a role number (``AriaData/roleNames``).
    public func explicitRoleID(of element: HTMLElement) -> Int? {
        guard core(of: element).attributeCount > 0, let j = attributeSlot(element.index, NameAtom.role) else { return nil }
        let value = document.attributes[j].value
        // One lower-case token (most roles): the token is the value.
        if Self.isSingleLowercaseToken(value) { return AriaData.concreteRoleID(value) }
        for token in value.split(whereSeparator: \.isHTMLWhitespace) {
            if let id = AriaData.concreteRoleID(token.lowercased()) { return id }
        }
        return nil
    }

    /// The role the element exposes: the explicit role, unless it is
    /// `none`/`presentation` on a focusable element or one with global ARIA
    /// attributes (presentational role conflict resolution), in which case the
    /// implicit role. Memoised.
    public func effectiveRole(of element: HTMLElement) -> String? {
        effectiveRoleID(of: element).map { AriaData.roleNames[$0] }
    }

    /// Every element in the accessibility tree that has a role, in document order, with its role
    /// number; computed once per page (role counts and landmark checks read it instead of asking
    /// about every element).
    public var exposedRoles: [(index: Int32, role: Int16)] {
        if let memo = exposedRolesMemo { return memo }
        var result: [(index: Int32, role: Int16)] = []
        let cores = document.cores
        for i in cores.indices where cores[i].kind == .element {
            // Hidden first: their roles need not be computed (roles do not depend on the order asked).
            guard hiddenFlags(i) == 0, let r = effectiveRoleID(of: HTMLElement(document: document, index: i)) else { continue }
            result.append((Int32(i), Int16(r)))
        }
        exposedRolesMemo = result
        return result
    }

    static let roleUnknown: Int16 = -2
    static let noRole: Int16 = -1

    /// ``effectiveRole(of:)`` as a role number (``AriaData/roleNames``). Memoised.
    public func effectiveRoleID(of element: HTMLElement) -> Int? {
        let i = element.index
        var r = roleMemo[i]
        if r == Self.roleUnknown {
            r = computeEffectiveRoleID(element).map(Int16.init) ?? Self.noRole
            roleMemo[i] = r
        }
        return r >= 0 ? Int(r) : nil
    }

    /// Non-empty, and only ASCII lower-case letters, digits and `-` (no whitespace, nothing to lower-case).
    static func isSingleLowercaseToken(_ value: String) -> Bool {
        var any = false
        for b in value.utf8 {
            guard (b >= 0x61 && b <= 0x7A) || b == 0x2D || (b >= 0x30 && b <= 0x39) else { return false }
            any = true
        }
        return any
    }

    private func computeEffectiveRoleID(_ element: HTMLElement) -> Int? {
        guard core(of: element).kind == .element else { return nil }
        if let explicit = explicitRoleID(of: element) {
            if explicit == AriaData.noneRoleID || explicit == AriaData.presentationRoleID {
                if isFocusable(element) || hasGlobalAriaAttribute(element) { return implicitRoleID(of: element) }
            }
            return explicit
        }
        return implicitRoleID(of: element)
    }

    /// Whether the element carries a global ARIA attribute (other than
    /// `aria-hidden`, whose presence does not undo a presentational role in practice).
    public func hasGlobalAriaAttribute(_ element: HTMLElement) -> Bool {
        element.attributes.contains { a in
            a.name.hasPrefix("aria-") && a.name != "aria-hidden" && AriaAttribute.globalNames.contains(a.name)
        }
    }

    /// Whether the role is `none` or `presentation` (after conflict resolution).
    public func isPresentational(_ element: HTMLElement) -> Bool {
        let r = effectiveRoleID(of: element)
        return r == AriaData.noneRoleID || r == AriaData.presentationRoleID
    }

    /// ``implicitRole(of:)`` as a role number: the commonest elements (fixed roles, `a`, `li`) by atom.
    func implicitRoleID(of element: HTMLElement) -> Int? {
        let core = core(of: element)
        if core.kind == .element, core.namespace == .html, core.nameAtom != NameAtom.unknown {
            let atom = Int(core.nameAtom)
            let fixed = Self.fixedImplicitRoleIDsByAtom[atom]
            if fixed >= 0 { return Int(fixed) }
            if !Self.contextualRoleAtoms[atom] { return nil }
            if core.nameAtom == Self.aAtom {
                return attributeSlot(element.index, NameAtom.href) != nil ? Self.linkRoleID : Self.genericRoleID
            }
            if core.nameAtom == Self.liAtom {
                let p = Int(core.parent)
                if p >= 0, Self.listAtoms[Int(document.cores[p].nameAtom)],
                   isPresentational(HTMLElement(document: document, index: p)) { return AriaData.noneRoleID }
                return Self.listitemRoleID
            }
            if Self.tablePartAtoms[atom] { return tablePartRoleID(element.index) }
            // An image is `img` unless its alt is empty (then perhaps decorative: the general path decides).
            if core.nameAtom == Self.imgAtom {
                guard let j = attributeSlot(element.index, Self.altAtom), document.attributes[j].value.isEmpty else {
                    return Self.imgRoleID
                }
            }
        }
        return implicitRole(of: element).map { AriaData.roleID($0)! }
    }

    /// ``tablePartRole(_:)`` of `tr`, `td`, `tbody`, `thead` and `tfoot` as a role number, walking up by
    /// atom (cells are most of a data-heavy page's elements; `th` keeps the general path).
    private func tablePartRoleID(_ index: Int) -> Int? {
        let cores = document.cores
        let core = cores[index]
        var tableRole: Int? = Self.tableRoleID
        var p = Int(core.parent)
        while p > 0 {
            if cores[p].nameAtom == Self.tableAtom { tableRole = effectiveRoleID(of: HTMLElement(document: document, index: p)); break }
            p = Int(cores[p].parent)
        }
        if tableRole == AriaData.noneRoleID || tableRole == AriaData.presentationRoleID { return AriaData.noneRoleID }
        if core.nameAtom == Self.trAtom { return Self.rowRoleID }
        if core.nameAtom == Self.thAtom {
            guard tableRole == Self.tableRoleID || tableRole == Self.gridRoleID || tableRole == Self.treegridRoleID else { return nil }
            return headerCellRoleID(index)
        }
        if core.nameAtom != Self.tdAtom { return Self.rowgroupRoleID }
        guard let tableRole else { return nil }
        if tableRole == Self.gridRoleID || tableRole == Self.treegridRoleID { return Self.gridcellRoleID }
        return tableRole == Self.tableRoleID ? Self.cellRoleID : nil
    }

    /// ``headerCellRole(_:)`` as a role number, over the node table.
    private func headerCellRoleID(_ th: Int) -> Int {
        let cores = document.cores
        if cores[th].attributeCount > 0, let scope = HTMLElement(document: document, index: th).attribute("scope")?
            .trimmingASCIIWhitespace().lowercased() {
            if scope == "row" || scope == "rowgroup" { return Self.rowheaderRoleID }
            if scope == "col" || scope == "colgroup" { return Self.columnheaderRoleID }
        }
        let row = Int(cores[th].parent)
        guard row >= 0, cores[row].kind == .element, cores[row].nameAtom == Self.trAtom else { return Self.columnheaderRoleID }
        let group = Int(cores[row].parent)
        if group >= 0, cores[group].kind == .element, cores[group].nameAtom == Self.theadAtom { return Self.columnheaderRoleID }
        // A header cell in a row that also has data cells is a row header.
        var c = cores[row].firstChild
        while c >= 0 {
            let n = cores[Int(c)]
            if n.kind == .element, n.nameAtom == Self.tdAtom { return Self.rowheaderRoleID }
            c = n.nextSibling
        }
        return Self.columnheaderRoleID
    }

    static let tablePartAtoms = NameAtom.table(of: ["tr", "td", "th", "tbody", "thead", "tfoot"])
    static let thAtom = NameAtom.of("th")
    static let theadAtom = NameAtom.of("thead")
    static let rowheaderRoleID = AriaData.roleID("rowheader")!
    static let columnheaderRoleID = AriaData.roleID("columnheader")!
    static let trAtom = NameAtom.of("tr")
    static let tdAtom = NameAtom.of("td")
    static let tableRoleID = AriaData.roleID("table")!
    static let gridRoleID = AriaData.roleID("grid")!
    static let treegridRoleID = AriaData.roleID("treegrid")!
    static let rowRoleID = AriaData.roleID("row")!
    static let rowgroupRoleID = AriaData.roleID("rowgroup")!
    static let cellRoleID = AriaData.roleID("cell")!
    static let gridcellRoleID = AriaData.roleID("gridcell")!

    static let fixedImplicitRoleIDsByAtom: [Int16] = fixedImplicitRolesByAtom.map { $0.map { Int16(AriaData.roleID($0)!) } ?? -1 }
    static let linkRoleID = AriaData.roleID("link")!
    static let genericRoleID = AriaData.roleID("generic")!
    static let listitemRoleID = AriaData.roleID("listitem")!

    /// The implicit ARIA role of an element per HTML-AAM / ARIA in HTML, or `nil`
    /// when the element has no corresponding role.
    public func implicitRole(of element: HTMLElement) -> String? {
        guard element.isElement else { return nil }
        if element.namespace == .svg {
            switch element.name {
            case "svg": return "graphics-document"
            case "a": return element.hasAttribute("href") || element.hasAttribute("xlink:href") ? "link" : "group"
            case "g": return nil
            default: return nil
            }
        }
        if element.namespace == .mathml { return element.name == "math" ? "math" : nil }
        let atom = element.core.nameAtom
        if atom != NameAtom.unknown {
            if let fixed = Self.fixedImplicitRolesByAtom[Int(atom)] { return fixed }
            // Every name below has an atom: others have no implicit role.
            if !Self.contextualRoleAtoms[Int(atom)] { return nil }
        } else {
            if !Self.fixedImplicitRolesAllAtoms, let fixed = Self.fixedImplicitRoles[element.name] { return fixed }
            return nil
        }
        // The two most common contextual elements, by atom.
        if atom == Self.aAtom { return attributeSlot(element.index, NameAtom.href) != nil ? "link" : "generic" }
        if atom == Self.liAtom {
            let p = Int(element.core.parent)
            if p >= 0, Self.listAtoms[Int(document.cores[p].nameAtom)],
               isPresentational(HTMLElement(document: document, index: p)) { return "none" }
            return "listitem"
        }
        switch element.name {
        case "a": return element.hasAttribute("href") ? "link" : "generic"
        case "area": return element.hasAttribute("href") ? "link" : nil
        case "aside":
            return isScopedToSectioningContent(element) && !hasAuthorName(element) ? "generic" : "complementary"
        case "footer": return isScopedToSectioningContent(element) ? "generic" : "contentinfo"
        case "header": return isScopedToSectioningContent(element) ? "generic" : "banner"
        case "section": return hasAuthorName(element) ? "region" : "generic"
        case "img":
            if let alt = element.attribute("alt"), alt.isEmpty,
               !hasGlobalAriaAttribute(element), !isFocusable(element), (element.attribute("title") ?? "").isEmpty {
                return "presentation"
            }
            return "img"
        case "input": return inputRole(element)
        case "select":
            if element.hasAttribute("multiple") { return "listbox" }
            if let size = element.attribute("size"), let n = AriaData.parseInteger(size.trimmingASCIIWhitespace()), n > 1 {
                return "listbox"
            }
            return "combobox"
        case "li":
            if let p = element.parent, ["ul", "ol", "menu"].contains(p.name), isPresentational(p) { return "none" }
            return "listitem"
        case "td", "th", "tr", "tbody", "thead", "tfoot":
            return tablePartRole(element)
        case "option":
            if let p = element.parent, p.name == "select" || p.name == "datalist" || p.name == "optgroup" { return "option" }
            return nil
        default: return nil
        }
    }

    /// Elements whose implicit role does not depend on context.
    static let fixedImplicitRoles: [String: String] = [
        "address": "group", "article": "article", "b": "generic", "bdi": "generic", "bdo": "generic",
        "blockquote": "blockquote", "body": "generic", "button": "button", "caption": "caption", "code": "code",
        "data": "generic", "datalist": "listbox", "dd": "definition", "del": "deletion", "details": "group",
        "dfn": "term", "dialog": "dialog", "div": "generic", "dt": "term", "em": "emphasis", "fieldset": "group",
        "figure": "figure", "form": "form", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
        "h5": "heading", "h6": "heading", "hgroup": "group", "hr": "separator", "html": "document", "i": "generic",
        "ins": "insertion", "main": "main", "mark": "mark", "math": "math", "menu": "list", "meter": "meter",
        "nav": "navigation", "ol": "list", "optgroup": "group", "output": "status", "p": "paragraph",
        "pre": "generic", "progress": "progressbar", "q": "generic", "s": "deletion", "samp": "generic",
        "search": "search", "small": "generic", "span": "generic", "strong": "strong", "sub": "subscript",
        "sup": "superscript", "table": "table", "textarea": "textbox", "time": "time", "u": "generic", "ul": "list",
    ]

    static let fixedImplicitRolesByAtom: [String?] = {
        var t = [String?](repeating: nil, count: NameAtom.count)
        for (name, role) in fixedImplicitRoles where NameAtom.of(name) != NameAtom.unknown { t[Int(NameAtom.of(name))] = role }
        return t
    }()
    static let fixedImplicitRolesAllAtoms = fixedImplicitRoles.keys.allSatisfy { NameAtom.of($0) != NameAtom.unknown }
    /// The names of the `switch` in ``implicitRole(of:)`` (all have atoms).
    static let aAtom = NameAtom.of("a")
    static let liAtom = NameAtom.of("li")
    static let imgAtom = NameAtom.of("img")
    /// An attribute's atom (`alt` is in the table: atom 0 would stand for every unknown name).
    static let altAtom: Int32 = {
        let atom = NameAtom.of("alt")
        precondition(atom != NameAtom.unknown)
        return atom
    }()
    static let imgRoleID = AriaData.roleID("img")!
    static let listAtoms = NameAtom.table(of: ["ul", "ol", "menu"])
    static let contextualRoleNames = [
        "a", "area", "aside", "footer", "header", "section", "img", "input", "select", "li",
        "td", "th", "tr", "tbody", "thead", "tfoot", "option",
    ]
    static let contextualRoleAtoms = NameAtom.table(of: contextualRoleNames)

    /// `header`/`footer`/`aside` inside article, aside, main, nav or section
    /// (or an element with the matching role) are not landmarks.
    private func isScopedToSectioningContent(_ element: HTMLElement) -> Bool {
        var p = element.parent
        while let cur = p, cur.index > 0 {
            switch cur.name {
            case "article", "aside", "main", "nav", "section": return true
            case "body": return false
            default: break
            }
            if let r = explicitRole(of: cur), ["article", "complementary", "main", "navigation", "region"].contains(r) {
                return true
            }
            p = cur.parent
        }
        return false
    }

    /// A non-empty `aria-label`, resolvable `aria-labelledby` or `title`.
    private func hasAuthorName(_ element: HTMLElement) -> Bool {
        if let l = element.attribute("aria-label"), !l.trimmingASCIIWhitespace().isEmpty { return true }
        if let ids = element.attribute("aria-labelledby"),
           ids.split(whereSeparator: \.isHTMLWhitespace).contains(where: { document.idIndex[String($0)] != nil }) {
            return !accessibleName(of: element).text.isEmpty
        }
        if let t = element.attribute("title"), !t.trimmingASCIIWhitespace().isEmpty { return true }
        return false
    }

    private func inputRole(_ element: HTMLElement) -> String? {
        let type = (element.attribute("type") ?? "text").trimmingASCIIWhitespace().lowercased()
        let hasList = element.attribute("list").map { document.idIndex[$0] != nil } ?? false
        switch type {
        case "button", "image", "reset", "submit": return "button"
        case "checkbox": return "checkbox"
        case "radio": return "radio"
        case "range": return "slider"
        case "number": return "spinbutton"
        case "search": return hasList ? "combobox" : "searchbox"
        case "email", "tel", "text", "url": return hasList ? "combobox" : "textbox"
        case "hidden", "color", "date", "datetime-local", "file", "month", "password", "time", "week": return nil
        default: return hasList ? "combobox" : "textbox"
        }
    }

    /// The nearest `table` ancestor of a table part.
    private func owningTable(_ element: HTMLElement) -> HTMLElement? {
        var p = element.parent
        while let cur = p, cur.index > 0 {
            if cur.name == "table" { return cur }
            p = cur.parent
        }
        return nil
    }

    private func tablePartRole(_ element: HTMLElement) -> String? {
        let table = owningTable(element)
        let tableRole = table.map { effectiveRole(of: $0) } ?? "table"
        if tableRole == "none" || tableRole == "presentation" { return "none" }
        switch element.name {
        case "tr": return "row"
        case "tbody", "thead", "tfoot": return "rowgroup"
        case "td":
            guard let tableRole else { return nil }
            return tableRole == "grid" || tableRole == "treegrid" ? "gridcell" : (tableRole == "table" ? "cell" : nil)
        default: // th
            guard tableRole == "table" || tableRole == "grid" || tableRole == "treegrid" else { return nil }
            return headerCellRole(element)
        }
    }

    /// `th` → `columnheader` / `rowheader` from `scope`, else from position.
    private func headerCellRole(_ th: HTMLElement) -> String {
        if let scope = th.attribute("scope")?.trimmingASCIIWhitespace().lowercased() {
            if scope == "row" || scope == "rowgroup" { return "rowheader" }
            if scope == "col" || scope == "colgroup" { return "columnheader" }
        }
        guard let row = th.parent, row.name == "tr" else { return "columnheader" }
        if let group = row.parent, group.name == "thead" { return "columnheader" }
        let cells = row.children.filter { $0.name == "td" || $0.name == "th" }
        // A header cell in a row that also has data cells is a row header
        // when it precedes them; a row of only th is a header row.
        if cells.contains(where: { $0.name == "td" }) { return "rowheader" }
        return "columnheader"
    }
}
