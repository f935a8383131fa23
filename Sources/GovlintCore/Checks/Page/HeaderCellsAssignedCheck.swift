import GovlintAccessibility
import GovlintHTML

/// For a target `<table>` that is a data table: every visible header cell
/// with text (`th`, role `columnheader`/`rowheader`) is assigned to at least
/// one cell — another cell's `headers`/`aria-labelledby` names it, or a cell
/// below a column header (right of a row header) that is not itself such a
/// header has it among its headers (axe-core `th-has-data-cells`, ACT
/// d0f69e). Layout tables hold. When only rendering could tell whether the
/// table is a data table, a failure is cantTell.
struct HeaderCellsAssignedCheck: PageCheck {
    static let id = "header-cells-assigned"
    static let summary = "Every header cell of the target data table is assigned to at least one cell."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    static let idAtom = NameAtom.id
    static let headersAtom = NameAtom.of("headers")
    static let columnheaderRoleID = AriaData.roleID("columnheader")!
    static let rowheaderRoleID = AriaData.roleID("rowheader")!

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        let table = TableContent.table(element, page)
        let grid = table.grid
        let kind = table.kind(element, ax)
        if kind.isLayout { return .holds }
        let doc = element.document
        // The ids other cells name, made when the first header with text asks.
        var referenced: Set<String>?
        func isReferenced(_ id: String) -> Bool {
            if let referenced { return referenced.contains(id) }
            var r = Set<String>()
            for cell in grid.gridCells where doc.cores[Int(cell.node)].attributeCount > 0 {
                for atom in [Self.headersAtom, TableContent.ariaLabelledbyAtom] {
                    guard let value = TableContent.attribute(doc, Int(cell.node), atom) else { continue }
                    for token in value.split(whereSeparator: \.isHTMLWhitespace) { r.insert(String(token)) }
                }
            }
            referenced = r
            return r.contains(id)
        }
        var index: HeaderIndex?
        var firstUnassigned = -1
        var unassignedCount = 0
        for h in 0..<grid.cellCount {
            let cell = grid.gridCells[h]
            let header = grid.element(ofCell: h)
            if !cell.isTH {
                guard doc.cores[Int(cell.node)].attributeCount > 0, let role = ax.explicitRoleID(of: header),
                      role == Self.columnheaderRoleID || role == Self.rowheaderRoleID else { continue }
            }
            guard TableContent.hasText(header),
                  !ax.isHiddenFromAccessibilityTree(header) else { continue }
            if let id = TableContent.attribute(doc, Int(cell.node), Self.idAtom), isReferenced(id) { continue }
            if index == nil { index = table.index(ax) }
            let headerIndex = index!
            let scopes = headerIndex.scopes
            let node = Int(cell.node)
            // Whether cell `x`'s headers include this header.
            func heads(_ x: Int) -> Bool {
                grid.anyHeader(ofCell: x, index: headerIndex, cell: { $0 == h }, node: { $0 == node })
            }
            let scope = scopes[h]
            var assigned = false
            if scope.headsColumn {
                assigned = grid.forEachTraversed(from: h, down: true) { !scopes[$0].headsColumn && heads($0) }
            }
            if !assigned, scope.headsRow {
                assigned = grid.forEachTraversed(from: h, down: false) { !scopes[$0].headsRow && heads($0) }
            }
            if !assigned {
                if firstUnassigned < 0 { firstUnassigned = h }
                unassignedCount += 1
            }
        }
        guard firstUnassigned >= 0 else { return .holds }
        let data = ["header": TableContent.quote(grid.element(ofCell: firstUnassigned)), "count": String(unassignedCount)]
        if case .uncertain(let why) = kind {
            return CheckResult(.cantTell, data: data.merging(["reason": "the table is \(why)"]) { a, _ in a })
        }
        return CheckResult(.doesNotHold, data: data)
    }
}
