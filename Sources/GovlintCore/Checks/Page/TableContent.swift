import GovlintAccessibility
import GovlintHTML

/// Content tests shared by the table checks (axe-core `dom.hasContent`,
/// `table.isDataCell`), read from markup.
enum TableContent {
    /// A table's grid and, once asked for, whether it is a data table: made once per page and table for
    /// every table rule (four rules test each table, and each built the grid again).
    final class Table {
        let grid: TableGrid
        private var verdict: DataTableVerdict?
        private var headerIndex: HeaderIndex?

        init(_ table: HTMLElement) { grid = TableGrid(table: table) }

        func kind(_ table: HTMLElement, _ ax: AccessibilityContext) -> DataTableVerdict {
            if let verdict { return verdict }
            let v = ax.dataTableVerdict(table, grid: grid)
            verdict = v
            return v
        }

        /// The cells' header scopes and where the headers are, made once for the rules that ask.
        func index(_ ax: AccessibilityContext) -> HeaderIndex {
            if let headerIndex { return headerIndex }
            let index = HeaderIndex(grid: grid, scopes: grid.scopes(in: ax))
            headerIndex = index
            return index
        }
    }

    final class Tables {
        var byIndex: [Int: Table] = [:]
    }

    static let tablesKey = MemoKey<Tables>("table-content.tables")

    static func table(_ element: HTMLElement, _ page: PageContext) -> Table {
        let tables = page.memo(tablesKey) { Tables() }
        if let t = tables.byIndex[element.index] { return t }
        let t = Table(element)
        tables.byIndex[element.index] = t
        return t
    }

    /// Elements that are content even without text.
    static let contentElements: Set<String> = [
        "img", "svg", "input", "select", "textarea", "button", "video", "audio", "canvas",
        "object", "iframe", "embed", "math", "picture", "meter", "progress",
    ]
    /// ``contentElements`` by name atom (all of them have one).
    static let contentAtoms: [Bool] = {
        var t = [Bool](repeating: false, count: NameAtom.count)
        for name in contentElements { t[Int(NameAtom.of(name))] = true }
        return t
    }()
    static let ariaLabelAtom = NameAtom.of("aria-label")
    static let ariaLabelledbyAtom = NameAtom.of("aria-labelledby")
    static let tdAtom = NameAtom.of("td")
    static let cellRoleID = AriaData.roleID("cell")!
    static let gridcellRoleID = AriaData.roleID("gridcell")!

    /// The value of node `i`'s attribute with this known name atom.
    @inline(__always) static func attribute(_ doc: HTMLDocument, _ i: Int, _ atom: Int32) -> String? {
        guard doc.cores[i].attributeCount > 0, let j = TableGrid.attributeSlot(doc, i, atom) else { return nil }
        return doc.attributes[j].value
    }

    /// Text (not only whitespace), an embedded or form element, or an `aria-label`.
    static func hasContent(_ element: HTMLElement) -> Bool {
        if hasText(element) { return true }
        let doc = element.document
        if let label = attribute(doc, element.index, ariaLabelAtom), notBlank(label) { return true }
        let cores = doc.cores
        let atoms = contentAtoms
        for i in element.descendantIndices where cores[i].kind == .element && atoms[Int(cores[i].nameAtom)] { return true }
        return false
    }

    /// Whether the element's text is more than whitespace (`normalise(textContent)` is not empty).
    static func hasText(_ element: HTMLElement) -> Bool {
        let doc = element.document
        let range = doc.textRange(of: element.index)
        return doc.textBytes.withUnsafeBufferPointer { notBlank(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether `normalise` leaves anything of this UTF-8 text: any byte but HTML whitespace (tab, LF, FF,
    /// CR, space). `normalise` drops only Characters that are HTML whitespace, and such a Character is
    /// one of those bytes or CR LF; any other byte belongs to a Character it keeps.
    @inline(__always) static func notBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D && $0 != 0x0C }
    }

    /// `!AccessibilityContext.normalise(text).isEmpty`, without making the normalised string.
    static func notBlank(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(notBlank)
    }

    /// A non-empty cell that is a `td`, or has role `cell`/`gridcell`.
    static func isDataCell(_ el: HTMLElement, _ ax: AccessibilityContext) -> Bool {
        let doc = el.document
        let core = doc.cores[el.index]
        if !hasElementChild(doc, core) && !hasText(el) { return false }
        if core.attributeCount > 0, let role = ax.explicitRoleID(of: el) { return role == cellRoleID || role == gridcellRoleID }
        return core.nameAtom == tdAtom
    }

    @inline(__always) static func hasElementChild(_ doc: HTMLDocument, _ core: NodeCore) -> Bool {
        var c = core.firstChild
        while c >= 0 {
            if doc.cores[Int(c)].kind == .element { return true }
            c = doc.cores[Int(c)].nextSibling
        }
        return false
    }

    /// An `aria-label` or a resolvable `aria-labelledby` with text.
    static func hasAriaLabel(_ element: HTMLElement, _ ax: AccessibilityContext) -> Bool {
        let doc = element.document
        guard doc.cores[element.index].attributeCount > 0 else { return false }
        if let label = attribute(doc, element.index, ariaLabelAtom), notBlank(label) { return true }
        guard let ids = attribute(doc, element.index, ariaLabelledbyAtom) else { return false }
        return ids.split(whereSeparator: \.isHTMLWhitespace).contains { id in
            ax.document.element(withID: String(id)).map(hasText) ?? false
        }
    }

    /// A short quote of a cell's text for messages.
    static func quote(_ element: HTMLElement) -> String {
        let t = AccessibilityContext.normalise(element.textContent)
        return t.count > 40 ? String(t.prefix(39)) + "…" : t
    }
}
