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
        guard grid.rowCount > 1 else { return .holds }
        // The first row's slots, holes skipped, all one cell.
        let width = grid.width(ofRow: 0)
        var spanning = -1
        for c in 0..<width {
            let i = grid.slot(0, c)
            if i < 0 { continue }
            if spanning < 0 { spanning = i } else if i != spanning { return .holds }
        }
        guard width > 1, spanning >= 0 else { return .holds }
        let kind = table.kind(element, ax)
        if kind.isLayout { return .holds }
        let data = ["text": TableContent.quote(grid.element(ofCell: spanning))]
        if case .uncertain(let why) = kind {
            return CheckResult(.cantTell, data: data.merging(["reason": "the table is \(why)"]) { a, _ in a })
        }
        return CheckResult(.doesNotHold, data: data)
    }
}
