import Testing
@testable import GovlintCore

@Suite struct AllowedChildrenCheckTests {
    static let list = "{ roles: [listitem], text: false }"
    static let dl = #"{ selector: "dt, dd, div", text: false }"#

    @Test(arguments: [
        (list, #"<ul id="t"><li>a</li><li>b</li></ul>"#, Verdict.holds),
        (list, #"<ul id="t"><li>a</li><p>b</p></ul>"#, .doesNotHold),
        (list, #"<ul id="t">text<li>a</li></ul>"#, .doesNotHold),
        (list, "<ul id=\"t\">\n  <li>a</li>\n</ul>", .holds),
        (list, #"<ul id="t"><li>a</li><script></script><template><p>x</p></template></ul>"#, .holds),
        (list, #"<ul id="t"><p hidden>x</p><p aria-hidden="true">y</p></ul>"#, .holds),
        (list, #"<ul id="t"><li role="none">a</li></ul>"#, .doesNotHold),
        (list, #"<ul id="t"><span role="listitem">a</span></ul>"#, .holds),
        (dl, #"<dl id="t"><dt>a</dt><dd>b</dd><div><dt>c</dt></div></dl>"#, .holds),
        (dl, #"<dl id="t"><dt>a</dt><span>b</span></dl>"#, .doesNotHold),
        ("{ roles: [listitem] }", #"<ul id="t">text<li>a</li></ul>"#, .holds),
        (#"{ roles: [listitem], tolerate: "li" }"#, #"<ul id="t"><li>a</li><li role="none">b</li></ul>"#, .holds),
        (#"{ roles: [listitem], tolerate: "li" }"#, #"<ul id="t"><li role="none">b</li></ul>"#, .doesNotHold),
        (#"{ roles: [listitem], tolerate: "li" }"#, #"<ul id="t"><li>a</li><p>b</p></ul>"#, .doesNotHold),
    ])
    func children(_ options: String, _ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(AllowedChildrenCheck.self, options)
        #expect(evaluate(check, html).verdict == expected)
    }

    @Test func needsSelectorOrRoles() {
        #expect(throws: LocatedError.self) { try makeCheck(AllowedChildrenCheck.self, "text: false") }
    }

    @Test func namesTheOffendingChild() throws {
        let check = try makeCheck(AllowedChildrenCheck.self, Self.list)
        #expect(evaluate(check, #"<ol id="t"><li>a</li><div>b</div></ol>"#).data["child"] == "<div>")
    }
}
