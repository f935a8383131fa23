import GovlintAccessibility
import GovlintHTML

/// For a target `<table>` that is a data table of at least 3 × 3 slots (the
/// first three grid rows each at least three wide): every non-empty,
/// visible data cell without `aria-label`/`aria-labelledby` has a header
/// with content that is not hidden — through `headers`, or a row header to its left or a column
/// header above it (axe-core `td-has-header`). Layout tables and smaller
/// tables hold. When only rendering could tell whether the table is a data
/// table, a failure is cantTell.
struct DataCellsHaveHeadersCheck: PageCheck {
    static let id = "data-cells-have-headers"
    static let summary = "Every non-empty data cell of the target large data table has a header cell."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        let table = TableContent.table(element, page)
        let grid = table.grid
        guard grid.rowCount >= 3, (0..<3).allSatisfy({ grid.width(ofRow: $0) >= 3 }) else { return .holds }
        let kind = table.kind(element, ax)
        if kind.isLayout { return .holds }
        let index = table.index(ax)
        let doc = element.document
        var badCount = 0
        var firstBad = -1
        // A header heads a whole row or column: whether it counts is decided once, not once per cell
        // (by cell index for the grid's headers, by node for those named by `headers`).
        var countingCell = [UInt8](repeating: 0, count: grid.cellCount)
        var countingNode: [Int: Bool] = [:]
        func counts(node: Int) -> Bool {
            let header = HTMLElement(document: doc, index: node)
            return TableContent.hasContent(header) && !ax.isHiddenFromAccessibilityTree(header)
        }
        // Whether a cell has a header is asked first: in a table with header rows or columns most cells
        // do, and the content tests (all without side effects) are then left for the few that do not.
        for i in 0..<grid.cellCount {
            let headed = grid.anyHeader(ofCell: i, index: index, cell: { h in
                if countingCell[h] == 0 { countingCell[h] = counts(node: Int(grid.gridCells[h].node)) ? 2 : 1 }
                return countingCell[h] == 2
            }, node: { n in
                if let known = countingNode[n] { return known }
                let c = counts(node: n)
                countingNode[n] = c
                return c
            })
            if headed { continue }
            let cell = grid.element(ofCell: i)
            guard TableContent.hasContent(cell), TableContent.isDataCell(cell, ax),
                  !TableContent.hasAriaLabel(cell, ax),
                  !ax.isHiddenFromAccessibilityTree(cell) else { continue }
            if firstBad < 0 { firstBad = i }
            badCount += 1
        }
        guard firstBad >= 0 else { return .holds }
        let data = ["cell": TableContent.quote(grid.element(ofCell: firstBad)), "count": String(badCount)]
        if case .uncertain(let why) = kind {
            return CheckResult(.cantTell, data: data.merging(["reason": "the table is \(why)"]) { a, _ in a })
        }
        return CheckResult(.doesNotHold, data: data)
    }
}
