import GovlintHTML
import Testing
@testable import GovlintAccessibility

@Suite struct TableGridTests {
    /// The grid as text: one line per row, each slot the cell's text or `.` for a hole.
    func layout(_ grid: TableGrid) -> [String] {
        grid.slots.map { row in
            row.map { $0.map { AccessibilityContext.normalise(grid.cells[$0].element.textContent) } ?? "." }
                .joined(separator: " ")
        }
    }

    @Test(arguments: [
        ("<tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr>", ["a b", "c d"]),
        (#"<tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr>"#, ["a b", "a c"]),
        (#"<tr><td colspan="2">a</td></tr><tr><td>b</td><td>c</td></tr>"#, ["a a", "b c"]),
        (#"<tr><td rowspan="0">a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr>"#, ["a b", "a c", "a d"]),
        (#"<tr><td rowspan="9">a</td></tr><tr><td>b</td></tr>"#, ["a", "a b"]),
        (#"<thead><tr><td rowspan="0">h</td><td>1</td></tr><tr><td>2</td></tr></thead><tbody><tr><td>b</td></tr></tbody>"#, ["h 1", "h 2", "b"]),
        (#"<thead><tr><td rowspan="3">h</td></tr></thead><tbody><tr><td>b</td></tr></tbody>"#, ["h", "b"]),
        ("<tr><td>a</td></tr><tr><td>b</td><td>c</td></tr>", ["a", "b c"]),
        (#"<tfoot><tr><td>f</td></tr></tfoot><tbody><tr><td>b</td></tr></tbody><thead><tr><td>h</td></tr></thead>"#, ["h", "b", "f"]),
        (#"<tr><td>a <table><tr><td>inner</td></tr></table></td></tr>"#, ["a inner"]),
        (#"<tr><td colspan="x">a</td><td colspan=" 2">b</td></tr>"#, ["a b b"]),
    ] as [(String, [String])])
    func grid(_ rows: String, _ expected: [String]) {
        let (_, table) = fixture("<table id=t>\(rows)</table>")
        #expect(layout(TableGrid(table: table)) == expected)
    }

    @Test func nestedTableCellsStayOut() {
        let (_, table) = fixture("<table id=t><tr><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table>")
        #expect(TableGrid(table: table).cells.count == 1)
    }

    @Test(arguments: [
        // (table, id of the cell, expected scope)
        ("<tr><th id=c>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr>", HeaderScope.column),
        ("<tr><th id=c>A</th><td>1</td></tr><tr><th>B</th><td>2</td></tr>", .row),
        ("<tr><td>x</td><th>A</th></tr><tr><th id=c>B</th><td>2</td></tr>", .auto),
        (#"<tr><th id=c scope="ROW">A</th><th>B</th></tr>"#, .row),
        (#"<tr><th id=c scope="colgroup">A</th><td>1</td></tr>"#, .column),
        (#"<tr><td id=c role="rowheader">A</td><td>1</td></tr>"#, .row),
        ("<tr><td id=c>A</td><td>1</td></tr>", .none),
        (#"<tr><th id=c>A</th></tr><tr><td colspan="2">x</td></tr>"#, .column),
    ] as [(String, HeaderScope)])
    func scope(_ rows: String, _ expected: HeaderScope) {
        let (ax, cell) = fixture("<table id=t>\(rows)</table>", "c")
        let table = ax.document.element(withID: "t")!
        let grid = TableGrid(table: table)
        #expect(grid.scope(of: grid.cell(for: cell)!, in: ax) == expected)
    }

    @Test(arguments: [
        ("<tr><th>A</th><th>B</th></tr><tr><th>R</th><td id=c>1</td></tr>", ["R", "B"]),
        (#"<tr><th>A</th><th colspan="2">B</th></tr><tr><td>x</td><td id=c>1</td><td>2</td></tr>"#, ["B"]),
        (#"<tr><th id=h1>A</th><th>B</th></tr><tr><td>x</td><td id=c headers="h1">1</td></tr>"#, ["A"]),
        (#"<tr><th>A</th><th>B</th></tr><tr><td>x</td><td id=c headers="missing">1</td></tr>"#, ["B"]),
        (#"<tr><th scope="row" rowspan="2">R</th><td>1</td></tr><tr><td id=c>2</td></tr>"#, ["R"]),
        ("<tr><td>a</td><td>b</td></tr><tr><td>c</td><td id=c>d</td></tr>", []),
    ] as [(String, [String])])
    func headers(_ rows: String, _ expected: [String]) {
        let (ax, cell) = fixture("<table id=t>\(rows)</table>", "c")
        let grid = TableGrid(table: ax.document.element(withID: "t")!)
        let found = grid.headers(of: grid.cell(for: cell)!, in: ax).map { AccessibilityContext.normalise($0.textContent) }
        #expect(found == expected)
    }

    @Test func traverseStopsAtHoles() {
        let (ax, cell) = fixture("<table id=t><tr><th id=c>A</th><th>B</th></tr><tr><td>1</td></tr><tr><td>2</td><td>3</td></tr></table>", "c")
        let grid = TableGrid(table: ax.document.element(withID: "t")!)
        let b = grid.cell(row: 0, column: 1)!
        #expect(grid.traverse(from: b, down: true).isEmpty)
        #expect(grid.traverse(from: grid.cell(for: cell)!, down: true).count == 2)
        #expect(grid.traverse(from: grid.cell(for: cell)!, down: false).map(\.index) == [b.index])
    }

    enum Kind: String, CaseIterable { case data, layout, uncertain }

    func kind(_ v: DataTableVerdict) -> Kind {
        switch v { case .data: .data; case .layout: .layout; case .uncertain: .uncertain }
    }

    static let rows3x3 = "<tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td><td>e</td><td>f</td></tr><tr><td>g</td><td>h</td><td>i</td></tr>"
    static let table3x3: String = "<table id=t>" + rows3x3 + "</table>"
    static let table4x3: String = "<table id=t>" + rows3x3 + "<tr><td>j</td><td>k</td><td>l</td></tr></table>"
    static let table20: String = "<table id=t>" + String(repeating: "<tr><td>a</td><td>b</td></tr>", count: 20) + "</table>"
    static let dataTableCases: [(String, Kind)] = [
        (#"<table id=t role="presentation"><tr><th>A</th></tr></table>"#, Kind.layout),
        (#"<table id=t role="presentation" tabindex="0"><tr><th>A</th></tr></table>"#, .data),
        (#"<div contenteditable="true"><table id=t><tr><td>a</td></tr></table></div>"#, .data),
        (#"<table id=t role="grid"><tr><td>a</td></tr></table>"#, .data),
        (#"<table id=t role="navigation"><tr><td>a</td></tr></table>"#, .data),
        (#"<table id=t datatable="0"><tr><th>A</th></tr></table>"#, .layout),
        (#"<table id=t summary="Fees"><tr><td>a</td></tr></table>"#, .data),
        ("<table id=t><caption>C</caption><tr><td>a</td></tr></table>", .data),
        ("<table id=t><colgroup><col></colgroup><tr><td>a</td></tr></table>", .data),
        ("<table id=t><tr><td>a</td></tr><tr><th>b</th></tr></table>", .data),
        (#"<table id=t><tr><td abbr="x">a</td></tr></table>"#, .data),
        ("<table id=t><tr><td><abbr>FY</abbr></td></tr></table>", .data),
        ("<table id=t><tr><td><table><tr><td>x</td></tr></table></td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", .layout),
        ("<table id=t><tr><td>a</td><td>b</td></tr></table>", .layout),
        ("<table id=t><tr><td>a</td></tr><tr><td>b</td></tr></table>", .layout),
        ("<table id=t><tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr><tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr></table>", .data),
        (table20, .data),
        (table3x3, .uncertain),
        (table4x3, .uncertain),
    ]

    @Test(arguments: dataTableCases)
    func dataTable(_ html: String, _ expected: Kind) {
        let (ax, table) = fixture(html)
        #expect(kind(ax.dataTableVerdict(table)) == expected)
    }
}
