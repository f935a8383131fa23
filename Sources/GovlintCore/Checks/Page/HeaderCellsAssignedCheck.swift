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

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        let table = TableContent.table(element, page)
        let grid = table.grid
        let kind = table.kind(element, ax)
        if kind.isLayout { return .holds }
        var referenced = Set<String>()
        for cell in grid.cells {
            for attr in ["headers", "aria-labelledby"] {
                for token in (cell.element.attribute(attr) ?? "").split(whereSeparator: \.isHTMLWhitespace) {
                    referenced.insert(String(token))
                }
            }
        }
        let scopes = grid.scopes(in: ax)
        let index = HeaderIndex(grid: grid, scopes: scopes)
        var unassigned: [TableCell] = []
        for header in grid.cells {
            let role = ax.explicitRole(of: header.element)
            guard header.isTH || role == "columnheader" || role == "rowheader" else { continue }
            guard !AccessibilityContext.normalise(header.element.textContent).isEmpty,
                  !ax.isHiddenFromAccessibilityTree(header.element) else { continue }
            if let id = header.element.id, referenced.contains(id) { continue }
            let scope = scopes[header.index]
            var assigned = false
            if scope.headsColumn {
                assigned = grid.traverse(from: header, down: true).contains {
                    !scopes[$0.index].headsColumn && grid.headers(of: $0, in: ax, index: index).contains(header.element)
                }
            }
            if !assigned, scope.headsRow {
                assigned = grid.traverse(from: header, down: false).contains {
                    !scopes[$0.index].headsRow && grid.headers(of: $0, in: ax, index: index).contains(header.element)
                }
            }
            if !assigned { unassigned.append(header) }
        }
        guard let first = unassigned.first else { return .holds }
        let data = ["header": TableContent.quote(first.element), "count": String(unassigned.count)]
        if case .uncertain(let why) = kind {
            return CheckResult(.cantTell, data: data.merging(["reason": "the table is \(why)"]) { a, _ in a })
        }
        return CheckResult(.doesNotHold, data: data)
    }
}
