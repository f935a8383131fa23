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

/// A cell as the grid stores it: node index and placement, no reference to count
/// (copying one, or freeing an array of them, costs nothing).
public struct GridCell: Sendable {
    /// The cell's node index in the document.
    public let node: Int32
    public let row: Int32
    public let column: Int32
    public let rowSpan: Int32
    public let columnSpan: Int32
    /// `th`, as opposed to `td`.
    public let isTH: Bool
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
///
/// Stored flat, by node index: ``gridCells`` in row order, the cells of row `r` at
/// `rowCellStart[r] ..< rowCellStart[r + 1]`, the slots of row `r` at
/// `slotStart[r] ..< slotStart[r + 1]` of ``slotCells`` (a cell index, `-1` for a hole).
/// ``rows``, ``rowCells``, ``cells`` and ``slots`` make arrays on each call.
public struct TableGrid: Sendable {
    public let table: HTMLElement
    /// Node indices of the `tr` elements of the table, in `table.rows` order.
    public let rowNodes: [Int32]
    public let gridCells: [GridCell]
    public let rowCellStart: [Int32]
    public let slotStart: [Int32]
    public let slotCells: [Int32]
    public let columnCount: Int

    public var document: HTMLDocument { table.document }
    public var rowCount: Int { rowNodes.count }
    public var cellCount: Int { gridCells.count }

    /// The `tr` elements of the table, in `table.rows` order.
    public var rows: [HTMLElement] { rowNodes.map { HTMLElement(document: table.document, index: Int($0)) } }
    /// Cells per row (`tr.cells`), in source order.
    public var rowCells: [[Int]] { (0..<rowCount).map { Int(rowCellStart[$0])..<Int(rowCellStart[$0 + 1]) }.map(Array.init) }
    public var cells: [TableCell] { (0..<cellCount).map(cell(at:)) }
    /// `slots[row][column]` is the index of the cell covering the slot, or nil for a hole.
    public var slots: [[Int?]] {
        (0..<rowCount).map { r in (slotStart[r]..<slotStart[r + 1]).map { slotCells[Int($0)] < 0 ? nil : Int(slotCells[Int($0)]) } }
    }

    static let trAtom = NameAtom.of("tr")
    static let tdAtom = NameAtom.of("td")
    static let thAtom = NameAtom.of("th")
    static let theadAtom = NameAtom.of("thead")
    static let tbodyAtom = NameAtom.of("tbody")
    static let tfootAtom = NameAtom.of("tfoot")
    static let colspanAtom = NameAtom.of("colspan")
    static let rowspanAtom = NameAtom.of("rowspan")
    static let scopeAtom = NameAtom.of("scope")
    static let headersAtom = NameAtom.of("headers")

    public init(table: HTMLElement) {
        self.table = table
        let doc = table.document
        let cores = doc.cores
        let html = HTMLNamespace.html
        let tr = Self.trAtom, td = Self.tdAtom, th = Self.thAtom
        let thead = Self.theadAtom, tbody = Self.tbodyAtom, tfoot = Self.tfootAtom

        // Row groups in table order: thead groups, then tbody groups and runs of direct rows, then tfoot groups.
        var rowNodes: [Int32] = []
        var groupEnd: [Int32] = []
        let first = cores[table.index].firstChild
        // Each child section of one kind (`thead`, `tfoot`) is a group of its rows.
        func addSections(_ atom: Int32) {
            var c = first
            while c >= 0 {
                let n = cores[Int(c)]
                if n.kind == .element, n.namespace == html, n.nameAtom == atom {
                    Self.addRows(cores, c, &rowNodes)
                    Self.closeGroup(rowNodes, &groupEnd)
                }
                c = n.nextSibling
            }
        }
        addSections(thead)
        // A run of direct `tr` children is one group; any other child ends it.
        var directRun = false
        var c = first
        while c >= 0 {
            let n = cores[Int(c)]
            if n.kind == .element, n.namespace == html {
                if n.nameAtom == tr {
                    if !directRun { Self.closeGroup(rowNodes, &groupEnd) }
                    rowNodes.append(c)
                } else {
                    Self.closeGroup(rowNodes, &groupEnd)
                    if n.nameAtom == tbody {
                        Self.addRows(cores, c, &rowNodes)
                        Self.closeGroup(rowNodes, &groupEnd)
                    }
                }
                directRun = n.nameAtom == tr
            }
            c = n.nextSibling
        }
        Self.closeGroup(rowNodes, &groupEnd)
        addSections(tfoot)

        // Cells: a column is taken in row r while a cell placed before spans into it (`coverEnd[c] > r`).
        var cellCount = 0
        for row in rowNodes {
            var k = cores[Int(row)].firstChild
            while k >= 0 {
                let n = cores[Int(k)]
                if n.kind == .element, n.nameAtom == td || n.nameAtom == th, n.namespace == html { cellCount += 1 }
                k = n.nextSibling
            }
        }
        var cells: [GridCell] = []
        cells.reserveCapacity(cellCount)
        var rowCellStart: [Int32] = [0]
        rowCellStart.reserveCapacity(rowNodes.count + 1)
        var width = [Int32](repeating: 0, count: rowNodes.count)
        var coverEnd: [Int32] = []
        for r in 0..<rowNodes.count {
            var column = 0
            let end = Int(groupEnd[r])
            c = cores[Int(rowNodes[r])].firstChild
            while c >= 0 {
                let n = cores[Int(c)]
                defer { c = n.nextSibling }
                guard n.kind == .element, n.nameAtom == td || n.nameAtom == th, n.namespace == html else { continue }
                while column < coverEnd.count, coverEnd[column] > r { column += 1 }
                var colSpan = 1, rowSpan = 1
                if n.attributeCount > 0 {
                    if let j = Self.attributeSlot(doc, Int(c), Self.colspanAtom) {
                        colSpan = Self.span(doc.attributes[j].value, default: 1, range: 1...1000)
                    }
                    if let j = Self.attributeSlot(doc, Int(c), Self.rowspanAtom) {
                        rowSpan = Self.span(doc.attributes[j].value, default: 1, range: 0...65534)
                    }
                }
                // A row span ends with its row group; rowspan=0 spans to that end.
                if rowSpan == 0 { rowSpan = end - r }
                rowSpan = max(1, min(rowSpan, end - r))
                cells.append(GridCell(node: c, row: Int32(r), column: Int32(column), rowSpan: Int32(rowSpan),
                                      columnSpan: Int32(colSpan), isTH: n.nameAtom == th))
                let last = column + colSpan
                while coverEnd.count < last { coverEnd.append(0) }
                let until = Int32(r + rowSpan)
                for k in column..<last where coverEnd[k] < until { coverEnd[k] = until }
                for k in r..<(r + rowSpan) where width[k] < Int32(last) { width[k] = Int32(last) }
                column = last
            }
            rowCellStart.append(Int32(cells.count))
        }

        // Slots: each cell fills the slots it covers that no cell before it took.
        var slotStart = [Int32](repeating: 0, count: rowNodes.count + 1)
        var columnCount = 0
        for r in 0..<rowNodes.count {
            slotStart[r + 1] = slotStart[r] + width[r]
            columnCount = max(columnCount, Int(width[r]))
        }
        var slotCells = [Int32](repeating: -1, count: Int(slotStart[rowNodes.count]))
        for i in cells.indices {
            let cell = cells[i]
            for r in Int(cell.row)..<Int(cell.row + cell.rowSpan) {
                let base = Int(slotStart[r]) + Int(cell.column)
                for k in base..<(base + Int(cell.columnSpan)) where slotCells[k] < 0 { slotCells[k] = Int32(i) }
            }
        }
        self.rowNodes = rowNodes
        self.gridCells = cells
        self.rowCellStart = rowCellStart
        self.slotStart = slotStart
        self.slotCells = slotCells
        self.columnCount = columnCount
    }

    /// Appends the `tr` children of a row group.
    private static func addRows(_ cores: [NodeCore], _ group: Int32, _ rows: inout [Int32]) {
        var c = cores[Int(group)].firstChild
        while c >= 0 {
            let n = cores[Int(c)]
            if n.kind == .element, n.nameAtom == trAtom, n.namespace == .html { rows.append(c) }
            c = n.nextSibling
        }
    }

    /// Ends the group of the rows added since the last call.
    private static func closeGroup(_ rows: [Int32], _ groupEnd: inout [Int32]) {
        let end = Int32(rows.count)
        while groupEnd.count < rows.count { groupEnd.append(end) }
    }

    /// The index (in ``HTMLDocument/attributes``) of node `i`'s first attribute with this known
    /// name atom: the attribute `attribute(name)` finds, without comparing strings.
    @inline(__always) public static func attributeSlot(_ doc: HTMLDocument, _ i: Int, _ atom: Int32) -> Int? {
        let node = doc.cores[i]
        var j = Int(node.attributeStart)
        let end = j + Int(node.attributeCount)
        while j < end {
            if doc.attributeCores[j].nameAtom == atom { return j }
            j += 1
        }
        return nil
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

    /// The number of slots of row `r`.
    @inline(__always) public func width(ofRow r: Int) -> Int { Int(slotStart[r + 1] - slotStart[r]) }

    /// The index of the cell covering a slot, or -1 for a hole or a slot outside the grid.
    @inline(__always) public func slot(_ row: Int, _ column: Int) -> Int {
        guard row >= 0, column >= 0, row < rowCount else { return -1 }
        let s = Int(slotStart[row])
        guard column < Int(slotStart[row + 1]) - s else { return -1 }
        return Int(slotCells[s + column])
    }

    /// The element of cell `i`.
    @inline(__always) public func element(ofCell i: Int) -> HTMLElement {
        HTMLElement(document: table.document, index: Int(gridCells[i].node))
    }

    /// Cell `i` as a ``TableCell``.
    public func cell(at i: Int) -> TableCell {
        let c = gridCells[i]
        return TableCell(element: element(ofCell: i), index: i, row: Int(c.row), column: Int(c.column),
                         rowSpan: Int(c.rowSpan), columnSpan: Int(c.columnSpan))
    }

    /// The cell covering a slot, or nil for a hole or a slot outside the grid.
    public func cell(row: Int, column: Int) -> TableCell? {
        let i = slot(row, column)
        return i < 0 ? nil : cell(at: i)
    }

    /// The cell of a `td`/`th` element, if it belongs to this table.
    public func cell(for element: HTMLElement) -> TableCell? {
        guard element.document === table.document,
              let i = gridCells.firstIndex(where: { Int($0.node) == element.index }) else { return nil }
        return cell(at: i)
    }

    /// Cells met walking from a cell's anchor slot in one direction until a
    /// hole or the grid's edge (axe-core's `table.traverse`). A spanning cell
    /// appears once per slot, as in axe.
    public func traverse(from cell: TableCell, down: Bool) -> [TableCell] {
        var out: [TableCell] = []
        forEachTraversed(from: cell.index, down: down) { out.append(self.cell(at: $0)); return false }
        return out
    }

    /// ``traverse(from:down:)`` by cell index, without an array: calls `body` with each cell index met
    /// (once per slot) and stops when it returns true. Returns whether it did.
    @inline(__always) public func forEachTraversed(from cell: Int, down: Bool, _ body: (Int) -> Bool) -> Bool {
        var r = Int(gridCells[cell].row), c = Int(gridCells[cell].column)
        while true {
            if down { r += 1 } else { c += 1 }
            let next = slot(r, c)
            if next < 0 { return false }
            if body(next) { return true }
        }
    }

    /// The header scope of a cell (axe-core `getScope`): explicit
    /// `columnheader`/`rowheader` role, then `scope`, then for `th` whether its
    /// whole row (→ column header) or whole column (→ row header) is `th`.
    /// For many cells, ``scopes(in:)`` computes them all at once.
    public func scope(of cell: TableCell, in context: AccessibilityContext) -> HeaderScope {
        scopes(in: context)[cell.index]
    }

    static let columnheaderRoleID = AriaData.roleID("columnheader")!
    static let rowheaderRoleID = AriaData.roleID("rowheader")!

    /// The scope of every cell, indexed like ``cells``.
    public func scopes(in context: AccessibilityContext) -> [HeaderScope] {
        let doc = table.document
        // Whether each row / column is all `th` is asked only for a `th` without role or scope.
        var rowsAllTH: [Bool] = [], columnsAllTH: [Bool] = []
        var scopes = [HeaderScope](repeating: .none, count: cellCount)
        for i in 0..<cellCount {
            let cell = gridCells[i]
            let node = Int(cell.node)
            let core = doc.cores[node]
            guard core.attributeCount > 0 || cell.isTH else { continue }
            if core.attributeCount > 0 {
                switch context.explicitRoleID(of: HTMLElement(document: doc, index: node)) {
                case Self.columnheaderRoleID: scopes[i] = .column; continue
                case Self.rowheaderRoleID: scopes[i] = .row; continue
                default: break
                }
                if let j = Self.attributeSlot(doc, node, Self.scopeAtom) {
                    switch doc.attributes[j].value.trimmingWhitespace().lowercased() {
                    case "col", "colgroup": scopes[i] = .column; continue
                    case "row", "rowgroup": scopes[i] = .row; continue
                    default: break
                    }
                }
            }
            guard cell.isTH else { continue }
            if rowsAllTH.isEmpty { (rowsAllTH, columnsAllTH) = allTH() }
            if rowsAllTH[Int(cell.row)] { scopes[i] = .column }
            else if columnsAllTH[Int(cell.column)] { scopes[i] = .row }
            else { scopes[i] = .auto }
        }
        return scopes
    }

    /// For each row whether every cell of it is `th` (holes are skipped: JavaScript's `every` on a
    /// sparse array); for each column whether every row has a `th` in it (a hole or a short row
    /// counts against it).
    private func allTH() -> (rows: [Bool], columns: [Bool]) {
        var rows = [Bool](repeating: true, count: rowCount)
        var columns = [Bool](repeating: true, count: columnCount)
        for r in 0..<rowCount {
            let s = Int(slotStart[r]), w = width(ofRow: r)
            for c in 0..<columnCount {
                let i = c < w ? Int(slotCells[s + c]) : -1
                if i < 0 { columns[c] = false; continue }
                if !gridCells[i].isTH { columns[c] = false; rows[r] = false }
            }
        }
        return (rows, columns)
    }

    /// The nodes a cell's `headers` attribute names, when it has one and at least one id resolves
    /// (those headers replace the grid's); nil otherwise.
    public func explicitHeaderNodes(ofCell i: Int) -> [Int32]? {
        let doc = table.document
        let node = Int(gridCells[i].node)
        guard doc.cores[node].attributeCount > 0, let j = Self.attributeSlot(doc, node, Self.headersAtom) else { return nil }
        let found = doc.attributes[j].value.split(whereSeparator: \.isHTMLWhitespace).compactMap { doc.idIndex[String($0)] }
        return found.isEmpty ? nil : found
    }

    /// The header cells of a cell (axe-core `getHeaders`): the elements named
    /// by a `headers` attribute when at least one id resolves; else row
    /// headers to the left in the rows the cell spans, and column headers
    /// above in the columns it spans. Headers from `headers` may lie outside
    /// the table; they are returned as elements. Pass a ``HeaderIndex`` when
    /// asking for many cells.
    public func headers(of cell: TableCell, in context: AccessibilityContext, index: HeaderIndex? = nil) -> [HTMLElement] {
        let doc = table.document
        if let found = explicitHeaderNodes(ofCell: cell.index) {
            return found.map { HTMLElement(document: doc, index: Int($0)) }
        }
        let index = index ?? HeaderIndex(grid: self, scopes: scopes(in: context))
        var seen = Set<Int>()
        var out: [HTMLElement] = []
        _ = index.forEachGridHeader(of: cell.index, in: self) { h in
            if seen.insert(h).inserted { out.append(element(ofCell: h)) }
            return false
        }
        return out
    }

    /// Whether any header of cell `i` (as ``headers(of:in:index:)`` finds them) passes a test: `cell` for
    /// a header from the grid (its cell index), `node` for one named by `headers` (its node index).
    @inline(__always) public func anyHeader(ofCell i: Int, index: HeaderIndex,
                                            cell: (Int) -> Bool, node: (Int) -> Bool) -> Bool {
        if let found = explicitHeaderNodes(ofCell: i) { return found.contains { node(Int($0)) } }
        return index.forEachGridHeader(of: i, in: self, cell)
    }
}

/// Where a table's header cells are: for each grid row the (column, cell)
/// slots of row headers, for each column the (row, cell) slots of column
/// headers, in grid order (flat: row `r`'s at `rowStart[r] ..< rowStart[r + 1]`).
public struct HeaderIndex: Sendable {
    public struct Entry: Sendable {
        /// The slot's column (row headers) or row (column headers).
        public let position: Int32
        public let cell: Int32
    }
    public let scopes: [HeaderScope]
    public let rowStart: [Int32]
    public let rowEntries: [Entry]
    public let columnStart: [Int32]
    public let columnEntries: [Entry]

    public init(grid: TableGrid, scopes: [HeaderScope]) {
        self.scopes = scopes
        var rowStart: [Int32] = [0]
        rowStart.reserveCapacity(grid.rowCount + 1)
        var rowEntries: [Entry] = []
        var columnCounts = [Int32](repeating: 0, count: grid.columnCount + 1)
        var columnHeaders: [(row: Int32, column: Int32, cell: Int32)] = []
        for r in 0..<grid.rowCount {
            let s = Int(grid.slotStart[r])
            for c in 0..<grid.width(ofRow: r) {
                let i = Int(grid.slotCells[s + c])
                guard i >= 0 else { continue }
                let scope = scopes[i]
                if scope.headsRow { rowEntries.append(Entry(position: Int32(c), cell: Int32(i))) }
                if scope.headsColumn {
                    columnHeaders.append((Int32(r), Int32(c), Int32(i)))
                    columnCounts[c + 1] += 1
                }
            }
            rowStart.append(Int32(rowEntries.count))
        }
        // Column headers by column, each column's in row order (a counting sort of the grid-order list).
        for c in 0..<grid.columnCount { columnCounts[c + 1] += columnCounts[c] }
        var fill = columnCounts
        var columnEntries = [Entry](repeating: Entry(position: 0, cell: 0), count: columnHeaders.count)
        for h in columnHeaders {
            columnEntries[Int(fill[Int(h.column)])] = Entry(position: h.row, cell: h.cell)
            fill[Int(h.column)] += 1
        }
        self.rowStart = rowStart
        self.rowEntries = rowEntries
        self.columnStart = columnCounts
        self.columnEntries = columnEntries
    }

    /// Calls `body` with each grid header of cell `i` (row headers to its left in its rows, then column
    /// headers above in its columns; not the cell itself; a header may come more than once) until it
    /// returns true. Returns whether it did.
    @inline(__always) public func forEachGridHeader(of i: Int, in grid: TableGrid, _ body: (Int) -> Bool) -> Bool {
        let cell = grid.gridCells[i]
        let lastRow = Int(cell.row + cell.rowSpan) - 1, lastColumn = Int(cell.column + cell.columnSpan) - 1
        if !rowEntries.isEmpty {
            for r in Int(cell.row)...lastRow where r < rowStart.count - 1 {
                for k in Int(rowStart[r])..<Int(rowStart[r + 1]) {
                    let e = rowEntries[k]
                    if Int(e.position) <= lastColumn, Int(e.cell) != i, body(Int(e.cell)) { return true }
                }
            }
        }
        if !columnEntries.isEmpty {
            for c in Int(cell.column)...lastColumn where c < columnStart.count - 1 {
                for k in Int(columnStart[c])..<Int(columnStart[c + 1]) {
                    let e = columnEntries[k]
                    if Int(e.position) <= lastRow, Int(e.cell) != i, body(Int(e.cell)) { return true }
                }
            }
        }
        return false
    }
}
