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
        guard grid.slots.count >= 3, grid.slots[0..<3].allSatisfy({ $0.count >= 3 }) else { return .holds }
        let kind = table.kind(element, ax)
        if kind.isLayout { return .holds }
        let index = HeaderIndex(grid: grid, scopes: grid.scopes(in: ax))
        var bad: [TableCell] = []
        // A header heads a whole row or column: whether it counts is decided once, not once per cell.
        var countingHeader: [Int: Bool] = [:]
        func counts(_ header: HTMLElement) -> Bool {
            if let known = countingHeader[header.index] { return known }
            let c = TableContent.hasContent(header) && !ax.isHiddenFromAccessibilityTree(header)
            countingHeader[header.index] = c
            return c
        }
        for cell in grid.cells {
            guard TableContent.hasContent(cell.element), TableContent.isDataCell(cell, ax),
                  !TableContent.hasAriaLabel(cell.element, ax),
                  !ax.isHiddenFromAccessibilityTree(cell.element) else { continue }
            let headed = grid.headers(of: cell, in: ax, index: index).contains(where: counts)
            if !headed { bad.append(cell) }
        }
        guard let first = bad.first else { return .holds }
        let data = ["cell": TableContent.quote(first.element), "count": String(bad.count)]
        if case .uncertain(let why) = kind {
            return CheckResult(.cantTell, data: data.merging(["reason": "the table is \(why)"]) { a, _ in a })
        }
        return CheckResult(.doesNotHold, data: data)
    }
}
