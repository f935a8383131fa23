import Testing
@testable import GovlintCore

@Suite struct ParentCheckTests {
    static let li = "{ roles: [list, none, presentation] }"
    static let dd = #"{ selector: "dl", through: "dl > div" }"#

    @Test(arguments: [
        (li, #"<ul><li id="t">a</li></ul>"#, Verdict.holds),
        (li, #"<ol><li id="t">a</li></ol>"#, .holds),
        (li, #"<div role="list"><li id="t">a</li></div>"#, .holds),
        (li, #"<ul role="none"><li id="t">a</li></ul>"#, .holds),
        (li, #"<div><li id="t">a</li></div>"#, .doesNotHold),
        (li, #"<ul role="tablist"><li id="t">a</li></ul>"#, .doesNotHold),
        (dd, #"<dl><dd id="t">a</dd></dl>"#, .holds),
        (dd, #"<dl><div><dd id="t">a</dd></div></dl>"#, .holds),
        (dd, #"<div><dd id="t">a</dd></div>"#, .doesNotHold),
        (dd, #"<section><div><dd id="t">a</dd></div></section>"#, .doesNotHold),
    ])
    func parent(_ options: String, _ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(ParentCheck.self, options)
        #expect(evaluate(check, html).verdict == expected)
    }

    @Test func needsSelectorOrRoles() {
        #expect(throws: LocatedError.self) { try makeCheck(ParentCheck.self, #"through: "div""#) }
    }
}
