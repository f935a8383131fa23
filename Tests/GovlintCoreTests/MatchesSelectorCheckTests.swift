import Testing
@testable import GovlintCore

@Suite struct MatchesSelectorCheckTests {
    @Test(arguments: [
        ("blink", #"<blink id="t">x</blink>"#, Verdict.holds),
        ("img[ismap]", #"<img id="t" src="a.png" ismap>"#, .holds),
        ("img[ismap]", #"<img id="t" src="a.png">"#, .doesNotHold),
        ("p > span", #"<div><span id="t">x</span></div>"#, .doesNotHold),
    ])
    func matches(_ selector: String, _ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(MatchesSelectorCheck.self, "selector: \"\(selector)\"")
        #expect(evaluate(check, html).verdict == expected)
    }

    @Test func badSelectorIsALocatedError() {
        #expect(throws: LocatedError.self) { try makeCheck(MatchesSelectorCheck.self, "selector: \"p >\"") }
    }
}
