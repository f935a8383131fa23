import Testing
@testable import GovlintCore

@Suite struct TableChecksTests {
    static let body3x3 = "<tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td><td>e</td><td>f</td></tr><tr><td>g</td><td>h</td><td>i</td></tr>"
    static let captioned: String = "<table id=t><caption>C</caption>" + body3x3 + "</table>"
    static let plain: String = "<table id=t>" + body3x3 + "</table>"
    static let headed: String = "<table id=t><tr><th>A</th><th>B</th><th>C</th></tr>" + body3x3 + "</table>"
    static let presentation: String = #"<table id=t role="presentation">"# + body3x3 + "</table>"
    static let hiddenHead: String = "<table id=t><thead><tr style=\"display:none\"><th>A</th><th>B</th><th>C</th></tr></thead>" + body3x3 + "</table>"
    static let dataCellCases: [(String, Verdict)] = [
        (captioned, .doesNotHold),
        (plain, .cantTell),
        (headed, .holds),
        ("<table id=t><caption>C</caption><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr><tr><td>e</td><td>f</td></tr></table>", .holds),
        (presentation, .holds),
        (hiddenHead, .doesNotHold),
        ("<table id=t><caption>C</caption><tr><th>A</th><th>B</th><th>C</th></tr><tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td><td>5</td><td hidden>6</td></tr></table>", .holds),
    ]

    @Test(arguments: [
        ("<table id=t><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>", Verdict.holds),
        ("<table id=t><tr><th>A</th><th>B</th></tr></table>", .doesNotHold),
        (#"<table id=t role="none"><tr><th>A</th></tr></table>"#, .holds),
        (#"<table id=t><tr><th id="x">A</th><th>B</th></tr><tr><td headers="x">1</td><td headers="x">2</td></tr></table>"#, .doesNotHold),
        (#"<table id=t><tr><th id="x">A</th></tr><tr><td aria-labelledby="x">1</td></tr></table>"#, .holds),
        ("<table id=t><tr><th>A</th><td>1</td></tr><tr><th>B</th><td>2</td></tr></table>", .holds),
        ("<table id=t><tr><th aria-hidden=true>A</th><th></th></tr></table>", .holds),
    ] as [(String, Verdict)])
    func headerCellsAssigned(_ html: String, _ expected: Verdict) throws {
        #expect(evaluate(try makeCheck(HeaderCellsAssignedCheck.self), html).verdict == expected)
    }

    @Test(arguments: dataCellCases)
    func dataCellsHaveHeaders(_ html: String, _ expected: Verdict) throws {
        #expect(evaluate(try makeCheck(DataCellsHaveHeadersCheck.self), html).verdict == expected)
    }

    @Test(arguments: [
        (#"<table id=t><tr><th colspan="2">T</th></tr><tr><td>1</td><td>2</td></tr></table>"#, Verdict.doesNotHold),
        (#"<table id=t><tr><td colspan="2">T</td></tr><tr><td>1</td><td>2</td></tr></table>"#, .cantTell),
        (#"<table id=t><caption>T</caption><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"#, .holds),
        (#"<table id=t><tr><th colspan="2">T</th></tr></table>"#, .holds),
        (#"<table id=t datatable="0"><tr><th colspan="2">T</th></tr><tr><td>1</td><td>2</td></tr></table>"#, .holds),
    ] as [(String, Verdict)])
    func fakeCaption(_ html: String, _ expected: Verdict) throws {
        #expect(evaluate(try makeCheck(FakeCaptionCheck.self), html).verdict == expected)
    }
}

@Suite struct VisibleLabelInNameCheckTests {
    @Test(arguments: [
        (#"<a id=t href="/" aria-label="Read more about fees">Read more</a>"#, Verdict.holds),
        (#"<a id=t href="/" aria-label="Fees">Read more</a>"#, .doesNotHold),
        (#"<button id=t aria-label="Menu">☰</button>"#, .cantTell),
        (#"<button id=t aria-label="Close">X</button>"#, .cantTell),
        (#"<button id=t aria-label="Save draft">Save <i class="fa fa-save">draft copy</i></button>"#, .cantTell),
        (#"<button id=t aria-label="Go">Go<span style="display:none">ne</span></button>"#, .holds),
        (#"<button id=t aria-label="Go">  </button>"#, .holds),
        (#"<nav id=t aria-label="Main">Home</nav>"#, .holds),
        (#"<button id=t>Buy</button>"#, .holds),
        (#"<button id=t aria-label="1st step: a­pply">Apply</button>"#, .holds),
        (#"<button id=t aria-label="Foobar">Foo</button>"#, .doesNotHold),
        (#"<span id=l>Send</span><button id=t aria-labelledby="l">Submit</button>"#, .doesNotHold),
    ] as [(String, Verdict)])
    func labelInName(_ html: String, _ expected: Verdict) throws {
        #expect(evaluate(try makeCheck(VisibleLabelInNameCheck.self), html).verdict == expected)
    }

    @Test(arguments: [
        ("Next page, results 11–20", ["next", "page", "results", "11", "20"]),
        ("Über 😀 uns", ["über", "uns"]),
        ("a\u{00AD}pply", ["apply"]),
    ] as [(String, [String])])
    func words(_ text: String, _ expected: [String]) {
        #expect(VisibleLabelInNameCheck.words(text.lowercased()) == expected)
    }
}

@Suite struct OrientationNotLockedCheckTests {
    func verdict(_ head: String) throws -> Verdict {
        let check = try makeCheck(OrientationNotLockedCheck.self)
        return evaluate(check, "<html id=t><head>\(head)</head><body></body></html>").verdict
    }

    @Test(arguments: [
        ("<style>@media (orientation: portrait) { body { transform: rotate(90deg) } }</style>", Verdict.doesNotHold),
        ("<style>@media (orientation: portrait) { body { transform: rotate(270deg) } }</style>", .doesNotHold),
        ("<style>@media (orientation: portrait) { body { transform: rotate(180deg) } }</style>", .holds),
        ("<style>@media (orientation: portrait) { body { transform: rotate(45deg) } }</style>", .holds),
        ("<style>@media (orientation: portrait) { body { transform: rotate(100grad) } }</style>", .doesNotHold),
        ("<style>@media (orientation: portrait) { body { transform: rotate(90deg) translate(1px) rotate(0deg) } }</style>", .holds),
        ("<style>@media (orientation: portrait) { body { transform: rotate3d(0, 0, 1, 90deg) } }</style>", .doesNotHold),
        ("<style>@media (orientation: portrait) { body { transform: matrix3d(0,1,0,0,-1,0,0,0,0,0,1,0,0,0,0,1) } }</style>", .doesNotHold),
        ("<style>@media (orientation: portrait) { body { transform: matrix(1, 0, 0, 1, 0, 0) } }</style>", .holds),
        ("<style>@media (min-width: 1px) { body { transform: rotate(90deg) } }</style>", .holds),
        (#"<link rel="stylesheet" href="a.css" media="(orientation: landscape)">"#, .cantTell),
        (#"<link rel="stylesheet" href="a.css">"#, .holds),
        (#"<style>@import url(p.css) (orientation: portrait);</style>"#, .cantTell),
        ("", .holds),
    ] as [(String, Verdict)])
    func orientation(_ head: String, _ expected: Verdict) throws {
        #expect(try verdict(head) == expected)
    }

    @Test(arguments: [("90deg", 90), ("-0.25turn", -90), ("1.5708rad", 90), ("-100grad", 270), ("12", nil)] as [(String, Int?)])
    func angles(_ text: String, _ expected: Int?) {
        #expect(OrientationNotLockedCheck.angle(text) == expected)
    }
}
