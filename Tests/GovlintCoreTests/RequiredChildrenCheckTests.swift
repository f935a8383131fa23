import Testing
@testable import GovlintCore

@Suite struct RequiredChildrenCheckTests {
    @Test(arguments: [
        (#"<div role="list" id="t"><div role="listitem">a</div></div>"#, Verdict.holds),
        (#"<div role="list" id="t"><div role="listitem">a</div><p>b</p></div>"#, .doesNotHold),
        (#"<div role="list" id="t"><div><span role="listitem">a</span></div></div>"#, .holds),
        (#"<div role="list" id="t"></div>"#, .cantTell),
        (#"<div role="list" id="t" aria-busy="true"></div>"#, .holds),
        (#"<div role="radiogroup" id="t"></div>"#, .doesNotHold),
        (#"<div role="radiogroup" id="t"><label><input type="radio"> a</label></div>"#, .holds),
        (#"<div role="table" id="t"><div role="rowgroup"><div role="row"><div role="cell">a</div></div></div></div>"#, .holds),
        (#"<table role="grid" id="t"><caption>c</caption><tr><td>a</td></tr></table>"#, .holds),
        (#"<ul role="menu" id="t"><li role="none"><a role="menuitem" href="/">a</a></li><li role="separator"></li></ul>"#, .holds),
        (#"<div role="tablist" id="t" aria-owns="x"></div><div role="tab" id="x">a</div>"#, .holds),
        (#"<div role="tablist" id="t"><div role="tab">a</div><div tabindex="0">b</div></div>"#, .doesNotHold),
        (#"<div role="tablist" id="t"><div role="tab">a</div><div hidden tabindex="0">b</div></div>"#, .holds),
        (#"<ul id="t"><p>not an explicit role</p></ul>"#, .holds),
    ])
    func children(_ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(RequiredChildrenCheck.self)
        #expect(evaluate(check, html).verdict == expected)
    }
}
