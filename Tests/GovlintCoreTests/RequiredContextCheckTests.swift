import Testing
@testable import GovlintCore

@Suite struct RequiredContextCheckTests {
    @Test(arguments: [
        (#"<div role="tablist"><div role="tab" id="t">a</div></div>"#, Verdict.holds),
        (#"<div role="tablist"><div><span role="tab" id="t">a</span></div></div>"#, .holds),
        (#"<div><div role="tab" id="t">a</div></div>"#, .doesNotHold),
        (#"<ul><li role="tab" id="t">a</li></ul>"#, .doesNotHold),
        (#"<ul role="menu"><li role="none"><a role="menuitem" id="t" href="/">a</a></li></ul>"#, .holds),
        (#"<div role="listbox"><div role="group"><div role="option" id="t">a</div></div></div>"#, .holds),
        (#"<table><tbody><tr role="row" id="t"><td>a</td></tr></tbody></table>"#, .holds),
        (#"<div role="list"><div role="listitem" id="t">a</div></div>"#, .holds),
        (#"<div role="button" id="t">a</div>"#, .holds),
        (#"<div role="tablist" aria-owns="t"></div><div role="tab" id="t">a</div>"#, .cantTell),
        (#"<div role="tab" id="t" tabindex="0">a</div>"#, .doesNotHold),
    ])
    func context(_ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(RequiredContextCheck.self)
        #expect(evaluate(check, html).verdict == expected)
    }

    @Test func rejectsOptions() {
        #expect(throws: LocatedError.self) { try makeCheck(RequiredContextCheck.self, "roles: [list]") }
    }
}
