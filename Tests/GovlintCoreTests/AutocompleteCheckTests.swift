import Testing
@testable import GovlintCore

@Suite struct AutocompleteCheckTests {
    @Test(arguments: [
        ("email", true), ("EMAIL", true), ("", true), ("  ", true), ("on", true), ("off", true), ("none", true),
        ("shipping postal-code", true), ("billing cc-number", true), ("section-x shipping work tel", true),
        ("home email", true), ("mobile tel-national", true), ("username webauthn", true),
        ("e-mail", false), ("firstname", false), ("home name", false), ("section- name", false),
        ("shipping", false), ("webauthn", false), ("name email", false), ("work billing tel", false),
    ])
    func grammar(_ value: String, _ valid: Bool) {
        #expect(AutocompleteCheck.isValid(value) == valid)
    }

    @Test func evaluatesTheAttribute() throws {
        let check = try makeCheck(AutocompleteCheck.self)
        #expect(evaluate(check, #"<input id="t" autocomplete="given-name">"#).verdict == .holds)
        #expect(evaluate(check, #"<input id="t" autocomplete="first-name">"#).verdict == .doesNotHold)
        #expect(evaluate(check, #"<input id="t">"#).verdict == .holds)
    }
}
