import GovlintAccessibility
import GovlintHTML

/// Content tests shared by the table checks (axe-core `dom.hasContent`,
/// `table.isDataCell`), read from markup.
enum TableContent {
    /// A table's grid and, once asked for, whether it is a data table: made once per page and table for
    /// every table rule (four rules test each table, and each built the grid again).
    final class Table {
        let grid: TableGrid
        private var verdict: DataTableVerdict?

        init(_ table: HTMLElement) { grid = TableGrid(table: table) }

        func kind(_ table: HTMLElement, _ ax: AccessibilityContext) -> DataTableVerdict {
            if let verdict { return verdict }
            let v = ax.dataTableVerdict(table, grid: grid)
            verdict = v
            return v
        }
    }

    final class Tables {
        var byIndex: [Int: Table] = [:]
    }

    static let tablesKey = MemoKey<Tables>("table-content.tables")

    static func table(_ element: HTMLElement, _ page: PageContext) -> Table {
        let tables = page.memo(tablesKey) { Tables() }
        if let t = tables.byIndex[element.index] { return t }
        let t = Table(element)
        tables.byIndex[element.index] = t
        return t
    }

    /// Elements that are content even without text.
    static let contentElements: Set<String> = [
        "img", "svg", "input", "select", "textarea", "button", "video", "audio", "canvas",
        "object", "iframe", "embed", "math", "picture", "meter", "progress",
    ]

    /// Text (not only whitespace), an embedded or form element, or an `aria-label`.
    static func hasContent(_ element: HTMLElement) -> Bool {
        if hasText(element) { return true }
        if let label = element.attribute("aria-label"), !AccessibilityContext.normalise(label).isEmpty { return true }
        return element.descendants.contains { $0.isElement && contentElements.contains($0.name) }
    }

    /// Whether the element's text is more than whitespace (`normalise(textContent)` is not empty); a printable
    /// ASCII character, which normalising keeps, answers without making the text.
    static func hasText(_ element: HTMLElement) -> Bool {
        let printable = element.withTextContentUTF8 { b in b.contains { $0 > 0x20 && $0 < 0x7F } }
        return printable || !AccessibilityContext.normalise(element.textContent).isEmpty
    }

    /// A non-empty cell that is a `td`, or has role `cell`/`gridcell`.
    static func isDataCell(_ cell: TableCell, _ ax: AccessibilityContext) -> Bool {
        let el = cell.element
        if el.children.isEmpty && !hasText(el) { return false }
        if let role = ax.explicitRole(of: el) { return role == "cell" || role == "gridcell" }
        return el.name == "td"
    }

    /// An `aria-label` or a resolvable `aria-labelledby` with text.
    static func hasAriaLabel(_ element: HTMLElement, _ ax: AccessibilityContext) -> Bool {
        if let label = element.attribute("aria-label"), !AccessibilityContext.normalise(label).isEmpty { return true }
        guard let ids = element.attribute("aria-labelledby") else { return false }
        return ids.split(whereSeparator: \.isHTMLWhitespace).contains { id in
            ax.document.element(withID: String(id)).map { !AccessibilityContext.normalise($0.textContent).isEmpty } ?? false
        }
    }

    /// A short quote of a cell's text for messages.
    static func quote(_ element: HTMLElement) -> String {
        let t = AccessibilityContext.normalise(element.textContent)
        return t.count > 40 ? String(t.prefix(39)) + "…" : t
    }
}
