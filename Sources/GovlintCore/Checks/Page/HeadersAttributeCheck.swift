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

    /// The nearest `table` ancestor.
    static func owningTable(_ cell: HTMLElement) -> HTMLElement? {
        var p = cell.parent
        while let cur = p, cur.index > 0 {
            if cur.name == "table", cur.namespace == .html { return cur }
            p = cur.parent
        }
        return nil
    }

    func evaluate(_ element: HTMLElement, in page: PageContext) -> CheckResult {
        let cells = element.descendants.filter {
            ($0.name == "td" || $0.name == "th") && $0.namespace == .html && Self.owningTable($0) == element
        }
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
