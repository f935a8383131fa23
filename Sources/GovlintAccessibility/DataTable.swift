import GovlintHTML

/// Whether a `<table>` is a data table, as far as markup tells.
public enum DataTableVerdict: Sendable, Equatable {
    /// A structural signal makes it a data table.
    case data(String)
    /// A structural signal makes it a layout table.
    case layout(String)
    /// axe-core would decide from rendering (cell borders, row backgrounds,
    /// the table's width); the reason says which way the markup leans.
    case uncertain(String)

    public var reason: String {
        switch self { case .data(let r), .layout(let r), .uncertain(let r): return r }
    }
    public var isData: Bool { if case .data = self { return true } else { return false } }
    public var isLayout: Bool { if case .layout = self { return true } else { return false } }
}

extension AccessibilityContext {
    /// axe-core's `table.isDataTable` with only its structural branches, in
    /// axe's order: `role` presentation/none (not focusable) → layout;
    /// `contenteditable` → data; `role` grid/treegrid/table or a landmark →
    /// data; `datatable="0"` → layout; `summary`, `thead`, `tfoot`, `caption`,
    /// `colgroup` → data; any `th`, cell `scope`/`headers`/`abbr`, cell role
    /// `columnheader`/`rowheader`, a cell whose only child is `<abbr>` → data;
    /// a nested table, fewer than two rows, a single-cell middle row → layout;
    /// ≥ 5 cells in the middle row → data; ≥ 20 rows → data (every rendering
    /// branch before it also answers data). Whatever remains depends on cell
    /// borders, row backgrounds or the table's width and is `uncertain`.
    public func dataTableVerdict(_ table: HTMLElement, grid: TableGrid? = nil) -> DataTableVerdict {
        let role = explicitRole(of: table)
        if role == "presentation" || role == "none", !isFocusable(table) { return .layout("role=\(role!)") }
        let doc = table.document
        let cores = doc.cores
        var e = table.index
        while e > 0 {
            if cores[e].attributeCount > 0, let j = TableGrid.attributeSlot(doc, e, Self.contenteditableAtom),
               doc.attributes[j].value.lowercased() == "true" { return .data("inside contenteditable") }
            e = Int(cores[e].parent)
        }
        if let role {
            if role == "grid" || role == "treegrid" || role == "table" { return .data("role=\(role)") }
            if AriaData.landmarkRoleNames.contains(role) { return .data("landmark role=\(role)") }
        }
        if table.attribute("datatable") == "0" { return .layout("datatable=\"0\"") }
        if let s = table.attribute("summary"), !s.isEmpty { return .data("summary attribute") }
        for child in table.children where child.namespace == .html {
            if ["thead", "tfoot", "caption", "colgroup"].contains(child.name) { return .data("<\(child.name)>") }
        }
        let grid = grid ?? TableGrid(table: table)
        for cell in grid.gridCells {
            if cell.isTH { return .data("<th>") }
            let i = Int(cell.node)
            let core = cores[i]
            if core.attributeCount > 0 {
                for (name, atom) in Self.cellDataAttributes {
                    if let j = TableGrid.attributeSlot(doc, i, atom), doc.attributeCores[j].valueCount > 0 {
                        return .data("cell \(name) attribute")
                    }
                }
                if let j = TableGrid.attributeSlot(doc, i, NameAtom.role) {
                    let r = doc.attributes[j].value.lowercased()
                    if r == "columnheader" || r == "rowheader" { return .data("cell role=\(r)") }
                }
            }
            // Only child element an `<abbr>`.
            var only = -1, count = 0
            var c = core.firstChild
            while c >= 0, count < 2 {
                if cores[Int(c)].kind == .element { only = Int(c); count += 1 }
                c = cores[Int(c)].nextSibling
            }
            if count == 1, cores[only].nameAtom == Self.abbrAtom { return .data("<abbr> cell") }
        }
        if Self.hasDescendant(table, Self.tableAtom) { return .layout("nested table") }
        let rowCount = grid.rowCount
        if rowCount < 2 { return .layout("fewer than two rows") }
        let sampleRow = (rowCount + 1) / 2
        let sampleStart = Int(grid.rowCellStart[sampleRow]), sampleCount = Int(grid.rowCellStart[sampleRow + 1]) - sampleStart
        if sampleCount == 1, grid.element(ofCell: sampleStart).attribute("colspan").map({ TableGrid.span($0, default: 1, range: 1...1000) }) ?? 1 == 1 {
            return .layout("a single column")
        }
        if sampleCount >= 5 { return .data("five or more columns") }
        if rowCount >= 20 { return .data("twenty or more rows") }
        let embeds = table.descendants.contains { ["object", "embed", "iframe", "applet"].contains($0.name) }
        if grid.cellCount < 10 || embeds {
            return .uncertain("a layout table unless its cells have borders or its rows alternate backgrounds")
        }
        return .uncertain("a data table unless it is wider than 95% of the viewport")
    }

    static let cellDataAttributes = ["scope", "headers", "abbr"].map { ($0, NameAtom.of($0)) }
    static let abbrAtom = NameAtom.of("abbr")
    static let contenteditableAtom = NameAtom.of("contenteditable")
    static let tableAtom = NameAtom.of("table")

    /// Whether an element has a descendant element with this known name atom (any namespace, as
    /// `descendants(named:)` compares names only).
    static func hasDescendant(_ element: HTMLElement, _ atom: Int32) -> Bool {
        let cores = element.document.cores
        for i in element.descendantIndices where cores[i].kind == .element && cores[i].nameAtom == atom { return true }
        return false
    }
}
