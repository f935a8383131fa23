import GovlintHTML

/// One `td`/`th` of a table, placed in the grid at its anchor slot.
public struct TableCell: Sendable, Hashable {
    public let element: HTMLElement
    /// Index in ``TableGrid/cells`` (document order of the table's rows).
    public let index: Int
    /// Zero-based slot of the cell's top-left corner.
    public let row: Int
    public let column: Int
    /// Number of rows and columns the cell covers in the grid (clipped to the grid).
    public let rowSpan: Int
    public let columnSpan: Int
    /// `th`, as opposed to `td`.
    public var isTH: Bool { element.name == "th" }
}

/// Whether a cell heads its column, its row, both (`auto`) or nothing —
/// axe-core's `table.getScope`, with `scope=colgroup|rowgroup` read as
/// `col`/`row` as HTML does.
public enum HeaderScope: Sendable, Equatable {
    case none, column, row, auto
    public var headsColumn: Bool { self == .column || self == .auto }
    public var headsRow: Bool { self == .row || self == .auto }
}

/// The table model of an HTML `<table>`: its rows (`table.rows` order: `thead`
/// rows, then `tbody` and direct rows, then `tfoot` rows), its cells and a
/// grid of slots with `rowspan`/`colspan` expanded, as axe-core's
/// `table.toGrid` builds it, except that a row span stops at the end of its
/// row group as in the HTML table model. Cells of nested tables are not part of it.
public struct TableGrid: Sendable {
    public let table: HTMLElement
    /// The `tr` elements of the table, in `table.rows` order.
    public let rows: [HTMLElement]
    /// Cells per row (`tr.cells`), in source order.
    public let rowCells: [[Int]]
    public let cells: [TableCell]
    /// `slots[row][column]` is the index of the cell covering the slot, or nil for a hole.
    public let slots: [[Int?]]

    public var rowCount: Int { slots.count }
    public var columnCount: Int { slots.map(\.count).max() ?? 0 }

    public init(table: HTMLElement) {
        self.table = table
        var rows: [HTMLElement] = []
        // Row groups in table order: thead groups, then tbody groups and runs of direct rows, then tfoot groups.
        var head: [[HTMLElement]] = [], body: [[HTMLElement]] = [], foot: [[HTMLElement]] = []
        var directRun = false
        for child in table.children where child.namespace == .html {
            let groupRows = child.children.filter { $0.name == "tr" && $0.namespace == .html }
            switch child.name {
            case "tr":
                if directRun { body[body.count - 1].append(child) } else { body.append([child]) }
            case "thead": head.append(groupRows)
            case "tbody": body.append(groupRows)
            case "tfoot": foot.append(groupRows)
            default: break
            }
            directRun = child.name == "tr"
        }
        var groupEnd: [Int] = []
        for group in head + body + foot {
            rows += group
            groupEnd += Array(repeating: rows.count, count: group.count)
        }
        self.rows = rows

        var cells: [TableCell] = []
        var rowCells: [[Int]] = []
        var slots: [[Int?]] = []
        func ensure(_ r: Int, _ c: Int) {
            while slots.count <= r { slots.append([]) }
            while slots[r].count <= c { slots[r].append(nil) }
        }
        for (r, tr) in rows.enumerated() {
            while slots.count <= r { slots.append([]) }
            var column = 0
            var indices: [Int] = []
            for cell in tr.children where (cell.name == "td" || cell.name == "th") && cell.namespace == .html {
                while column < slots[r].count, slots[r][column] != nil { column += 1 }
                let colSpan = Self.span(cell.attribute("colspan"), default: 1, range: 1...1000)
                var rowSpan = Self.span(cell.attribute("rowspan"), default: 1, range: 0...65534)
                // A row span ends with its row group; rowspan=0 spans to that end.
                if rowSpan == 0 { rowSpan = groupEnd[r] - r }
                rowSpan = max(1, min(rowSpan, groupEnd[r] - r))
                let index = cells.count
                cells.append(TableCell(element: cell, index: index, row: r, column: column,
                                       rowSpan: rowSpan, columnSpan: colSpan))
                indices.append(index)
                for dr in 0..<rowSpan {
                    for dc in 0..<colSpan {
                        ensure(r + dr, column + dc)
                        if slots[r + dr][column + dc] == nil { slots[r + dr][column + dc] = index }
                    }
                }
                column += colSpan
            }
            rowCells.append(indices)
        }
        // Rows without any cell stay empty, as in axe's grid.
        while slots.count > rows.count { slots.removeLast() }
        self.cells = cells
        self.rowCells = rowCells
        self.slots = slots
    }

    /// A non-negative integer attribute value as HTML parses it (leading digits), clamped.
    static func span(_ value: String?, default d: Int, range: ClosedRange<Int>) -> Int {
        guard let value else { return d }
        let digits = value.drop { $0.isHTMLWhitespace }.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return d }
        guard let n = Int(digits.prefix(7)) else { return range.upperBound }
        if n < range.lowerBound { return d }
        return min(n, range.upperBound)
    }

    /// The cell covering a slot, or nil for a hole or a slot outside the grid.
    public func cell(row: Int, column: Int) -> TableCell? {
        guard row >= 0, column >= 0, row < slots.count, column < slots[row].count,
              let i = slots[row][column] else { return nil }
        return cells[i]
    }

    /// The cell of a `td`/`th` element, if it belongs to this table.
    public func cell(for element: HTMLElement) -> TableCell? {
        cells.first { $0.element == element }
    }

    /// Cells met walking from a cell's anchor slot in one direction until a
    /// hole or the grid's edge (axe-core's `table.traverse`). A spanning cell
    /// appears once per slot, as in axe.
    public func traverse(from cell: TableCell, down: Bool) -> [TableCell] {
        var out: [TableCell] = []
        var r = cell.row, c = cell.column
        while true {
            if down { r += 1 } else { c += 1 }
            guard let next = self.cell(row: r, column: c) else { return out }
            out.append(next)
        }
    }

    /// The header scope of a cell (axe-core `getScope`): explicit
    /// `columnheader`/`rowheader` role, then `scope`, then for `th` whether its
    /// whole row (→ column header) or whole column (→ row header) is `th`.
    /// For many cells, ``scopes(in:)`` computes them all at once.
    public func scope(of cell: TableCell, in context: AccessibilityContext) -> HeaderScope {
        scope(of: cell, in: context, rowAllTH: rowIsAllTH(cell.row), columnAllTH: columnIsAllTH(cell.column))
    }

    /// The scope of every cell, indexed like ``cells``.
    public func scopes(in context: AccessibilityContext) -> [HeaderScope] {
        let rowsAllTH = (0..<slots.count).map(rowIsAllTH)
        let columnsAllTH = (0..<columnCount).map(columnIsAllTH)
        return cells.map { scope(of: $0, in: context, rowAllTH: rowsAllTH[$0.row], columnAllTH: columnsAllTH[$0.column]) }
    }

    private func scope(of cell: TableCell, in context: AccessibilityContext, rowAllTH: Bool, columnAllTH: Bool) -> HeaderScope {
        switch context.explicitRole(of: cell.element) {
        case "columnheader": return .column
        case "rowheader": return .row
        default: break
        }
        switch cell.element.attribute("scope")?.trimmingWhitespace().lowercased() {
        case "col", "colgroup": return .column
        case "row", "rowgroup": return .row
        default: break
        }
        guard cell.isTH else { return .none }
        if rowAllTH { return .column }
        if columnAllTH { return .row }
        return .auto
    }

    /// Every cell of the row is `th`; holes are skipped (JavaScript's `every` on a sparse array).
    private func rowIsAllTH(_ row: Int) -> Bool {
        slots[row].allSatisfy { $0.map { cells[$0].isTH } ?? true }
    }

    /// Every row has a `th` in this column (a hole or a short row counts against it).
    private func columnIsAllTH(_ column: Int) -> Bool {
        slots.allSatisfy { row in column < row.count && row[column].map { cells[$0].isTH } == true }
    }

    /// The header cells of a cell (axe-core `getHeaders`): the elements named
    /// by a `headers` attribute when at least one id resolves; else row
    /// headers to the left in the rows the cell spans, and column headers
    /// above in the columns it spans. Headers from `headers` may lie outside
    /// the table; they are returned as elements. Pass a ``HeaderIndex`` when
    /// asking for many cells.
    public func headers(of cell: TableCell, in context: AccessibilityContext, index: HeaderIndex? = nil) -> [HTMLElement] {
        if let ids = cell.element.attribute("headers") {
            let found = ids.split(whereSeparator: \.isHTMLWhitespace)
                .compactMap { context.document.element(withID: String($0)) }
            if !found.isEmpty { return found }
        }
        let index = index ?? HeaderIndex(grid: self, scopes: scopes(in: context))
        var seen = Set<Int>()
        var out: [HTMLElement] = []
        let lastRow = cell.row + cell.rowSpan - 1, lastColumn = cell.column + cell.columnSpan - 1
        func add(_ h: Int) {
            if h != cell.index, seen.insert(h).inserted { out.append(cells[h].element) }
        }
        for r in cell.row...lastRow where r < index.rowHeaders.count {
            for (c, h) in index.rowHeaders[r] where c <= lastColumn { add(h) }
        }
        for c in cell.column...lastColumn where c < index.columnHeaders.count {
            for (r, h) in index.columnHeaders[c] where r <= lastRow { add(h) }
        }
        return out
    }
}

/// Where a table's header cells are: for each grid row the (column, cell)
/// slots of row headers, for each column the (row, cell) slots of column
/// headers, in grid order.
public struct HeaderIndex: Sendable {
    public let scopes: [HeaderScope]
    public let rowHeaders: [[(column: Int, cell: Int)]]
    public let columnHeaders: [[(row: Int, cell: Int)]]

    public init(grid: TableGrid, scopes: [HeaderScope]) {
        self.scopes = scopes
        var rows = Array(repeating: [(column: Int, cell: Int)](), count: grid.slots.count)
        var columns = Array(repeating: [(row: Int, cell: Int)](), count: grid.columnCount)
        for (r, row) in grid.slots.enumerated() {
            for (c, slot) in row.enumerated() {
                guard let i = slot else { continue }
                if scopes[i].headsRow { rows[r].append((c, i)) }
                if scopes[i].headsColumn { columns[c].append((r, i)) }
            }
        }
        rowHeaders = rows
        columnHeaders = columns
    }
}
