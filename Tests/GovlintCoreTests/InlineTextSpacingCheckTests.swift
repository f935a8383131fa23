import Testing
@testable import GovlintCore

@Suite struct InlineTextSpacingCheckTests {
    @Test(arguments: [
        ("letter-spacing: 0.1em", Verdict.holds),
        ("letter-spacing: 0.1em !important", .doesNotHold),
        ("letter-spacing: 0.12em !important", .holds),
        ("letter-spacing: 0 !important", .doesNotHold),
        ("letter-spacing: 1px !important", .cantTell),
        ("letter-spacing: 0.5rem !important", .cantTell),
        ("word-spacing: 0.15EM !important", .doesNotHold),
        ("word-spacing: 0.2em !important; word-spacing: 0.1em", .holds),
        ("line-height: 1.2 !important", .cantTell),
        ("line-height: 150% !important", .holds),
        ("line-height: 2 !important", .holds),
        ("color: red !important", .holds),
        ("letter-spacing: normal !important", .cantTell),
    ])
    func spacing(_ style: String, _ expected: Verdict) throws {
        let check = try makeCheck(InlineTextSpacingCheck.self)
        #expect(evaluate(check, #"<p id="t" style="\#(style)">Some text</p>"#).verdict == expected)
    }

    @Test func elementsWithoutTextHold() throws {
        let check = try makeCheck(InlineTextSpacingCheck.self)
        #expect(evaluate(check, #"<div id="t" style="letter-spacing: 0 !important"> </div>"#).verdict == .holds)
    }
}
