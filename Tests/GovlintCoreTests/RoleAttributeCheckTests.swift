import Testing
@testable import GovlintCore

@Suite struct RoleAttributeCheckTests {
    @Test(arguments: [
        ("valid", #"<div id="t" role="navigation"></div>"#, Verdict.holds),
        ("valid", #"<div id="t" role="NAVIGATION"></div>"#, .holds),
        ("valid", #"<div id="t" role="btn"></div>"#, .doesNotHold),
        ("valid", #"<div id="t" role="toggle switch"></div>"#, .holds),
        ("valid", #"<div id="t" role="widget"></div>"#, .doesNotHold),
        ("valid", #"<div id="t" role="region landmark"></div>"#, .doesNotHold),
        ("valid", #"<div id="t" role="  "></div>"#, .holds),
        ("valid", #"<div id="t"></div>"#, .holds),
        ("valid", #"<section id="t" role="doc-chapter"></section>"#, .holds),
        ("deprecated", #"<ul id="t" role="directory"></ul>"#, .doesNotHold),
        ("deprecated", #"<ul id="t" role="list directory"></ul>"#, .holds),
        ("deprecated", #"<ul id="t" role="bogus directory"></ul>"#, .doesNotHold),
        ("deprecated", #"<ul id="t" role="list"></ul>"#, .holds),
        ("allowed", #"<div id="t" role="button"></div>"#, .holds),
        ("allowed", #"<h2 id="t" role="button">x</h2>"#, .doesNotHold),
        ("allowed", #"<h2 id="t" role="tab">x</h2>"#, .holds),
        ("allowed", #"<a id="t" href="/" role="button">x</a>"#, .holds),
        ("allowed", #"<a id="t" href="/" role="heading">x</a>"#, .doesNotHold),
        ("allowed", #"<button id="t" role="button">x</button>"#, .holds),
        ("allowed", #"<label id="t" role="bogus">x</label>"#, .holds),
        ("conflict", #"<div id="t" role="presentation">x</div>"#, .holds),
        ("conflict", #"<div id="t" role="none" tabindex="0">x</div>"#, .doesNotHold),
        ("conflict", #"<table id="t" role="presentation" aria-label="x"></table>"#, .doesNotHold),
        ("conflict", #"<img id="t" role="none" src="x.png" alt="" aria-hidden="true">"#, .holds),
        ("conflict", #"<div id="t" role="button">x</div>"#, .holds),
    ])
    func aspect(_ aspect: String, _ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(RoleAttributeCheck.self, "aspect: \(aspect)")
        #expect(evaluate(check, html).verdict == expected)
    }

    @Test func aspectIsRequired() {
        #expect(throws: LocatedError.self) { try makeCheck(RoleAttributeCheck.self) }
    }
}
