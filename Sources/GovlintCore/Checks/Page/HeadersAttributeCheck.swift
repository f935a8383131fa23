import GovlintAccessibility
import GovlintHTML

/// For a target `<table>`: holds when every cell of the table with a
/// `headers` attribute names only ids of other cells of the same table (not
/// cells of nested tables, not itself). A blank `headers` is cantTell, as
/// axe-core reviews it. Cells hidden from the accessibility tree are ignored.
struct HeadersAttributeCheck: PageCheck {
    static let id = "headers-attribute"
    static let summary = "Every cell's `headers` in the target table names other cells of the same table."

    init(options: inout CheckOptions) throws(LocatedError) {
        try options.finish()
    }

    static let tableAtom = NameAtom.of("table")
    static let tdAtom = NameAtom.of("td")
    static let thAtom = NameAtom.of("th")
    static let headersAtom = NameAtom.of("headers")

    /// The node indices of the table's `td`/`th` elements in document order, those of nested tables
    /// left out (the cells whose nearest HTML `table` ancestor is this one), and whether any has `headers`.
    static func cells(of table: HTMLElement) -> (cells: [Int], anyHeaders: Bool) {
        let doc = table.document
        let cores = doc.cores
        var cells: [Int] = []
        var anyHeaders = false
        var i = table.index + 1
        let end = Int(cores[table.index].subtreeEnd)
        while i < end {
            let n = cores[i]
            guard n.kind == .element, n.namespace == .html else { i += 1; continue }
            if n.nameAtom == tableAtom { i = Int(n.subtreeEnd); continue }
            if n.nameAtom == tdAtom || n.nameAtom == thAtom {
                cells.append(i)
                if !anyHeaders, n.attributeCount > 0, TableGrid.attributeSlot(doc, i, headersAtom) != nil { anyHeaders = true }
            }
            i += 1
        }
        return (cells, anyHeaders)
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let (cellNodes, anyHeaders) = Self.cells(of: element)
        // Only a cell with `headers` can fail or need review.
        guard anyHeaders else { return .holds }
        let doc = element.document
        let cells = cellNodes.map { HTMLElement(document: doc, index: $0) }
        let ids = Set(cells.compactMap(\.id).filter { !$0.isEmpty })
        var review = false
        for cell in cells {
            guard let headers = cell.attribute("headers"), !page.accessibility.isHiddenFromAccessibilityTree(cell) else { continue }
            let tokens = headers.split(whereSeparator: \.isHTMLWhitespace).map(String.init)
            if tokens.isEmpty { review = true; continue }
            if let own = cell.id?.trimmingCharacters(in: .whitespaces), tokens.contains(own) {
                return CheckResult(.doesNotHold, data: ["headers": headers, "problem": "refers to the cell itself"])
            }
            if let stray = tokens.first(where: { !ids.contains($0) }) {
                return CheckResult(.doesNotHold, data: ["headers": headers, "problem": "\"\(stray)\" is not a cell of this table"])
            }
        }
        return review ? .cantTell("a cell has an empty headers attribute") : .holds
    }
}
