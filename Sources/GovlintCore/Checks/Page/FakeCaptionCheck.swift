import GovlintAccessibility
import GovlintHTML

/// For a target `<table>` that is a data table with more than one row: the
/// first grid row is not one cell spanning every column — a caption written
/// as a cell instead of `<caption>` (axe-core `table-fake-caption`, via
/// `caption-faked`). Layout tables hold. When only rendering could tell
/// whether the table is a data table, a failure is cantTell.
struct FakeCaptionCheck: PageCheck {
    static let id = "no-fake-caption"
    static let summary = "The first row of the target data table is not a single cell spanning every column."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let ax = page.accessibility
        let table = TableContent.table(element, page)
        let grid = table.grid
        guard grid.slots.count > 1, grid.rows.count > 1 else { return .holds }
        let first = grid.slots[0].compactMap { $0 }
        guard grid.slots[0].count > 1, let spanning = first.first,
              first.allSatisfy({ $0 == spanning }) else { return .holds }
        let kind = table.kind(element, ax)
        if kind.isLayout { return .holds }
        let data = ["text": TableContent.quote(grid.cells[spanning].element)]
        if case .uncertain(let why) = kind {
            return CheckResult(.cantTell, data: data.merging(["reason": "the table is \(why)"]) { a, _ in a })
        }
        return CheckResult(.doesNotHold, data: data)
    }
}
