import Testing
@testable import GovlintCore

@Suite struct HeadingOrderCheckTests {
    @Test(arguments: [
        (#"<h1>a</h1><h2 id="t">b</h2>"#, Verdict.holds),
        (#"<h1>a</h1><h3 id="t">b</h3>"#, .doesNotHold),
        (#"<h3 id="t">first</h3>"#, .holds),
        (#"<h2>a</h2><h4>b</h4><h2 id="t">c</h2>"#, .holds),
        (#"<h1>a</h1><h2 hidden>b</h2><h3 id="t">c</h3>"#, .doesNotHold),
        (#"<h1>a</h1><div role="heading" id="t">c</div>"#, .holds),
        (#"<h1>a</h1><div role="heading" aria-level="4" id="t">c</div>"#, .doesNotHold),
        (#"<h1>a</h1><h4 role="presentation">x</h4><h2 id="t">c</h2>"#, .holds),
        (#"<h2>a</h2><h1 aria-level="3" id="t">c</h1>"#, .holds),
    ])
    func order(_ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(HeadingOrderCheck.self)
        #expect(evaluate(check, html).verdict == expected)
    }
}
