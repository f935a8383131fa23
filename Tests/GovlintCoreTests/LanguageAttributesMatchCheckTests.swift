import Testing
@testable import GovlintCore

@Suite struct LanguageAttributesMatchCheckTests {
    @Test(arguments: [
        (#"lang="en" xml:lang="en-GB""#, Verdict.holds),
        (#"lang="EN" xml:lang="en""#, .holds),
        (#"lang="en" xml:lang="fr""#, .doesNotHold),
        (#"lang="zh-CN" xml:lang="zh-Hant""#, .holds),
        (#"lang="en""#, .holds),
        (#"lang="en" xml:lang="""#, .holds),
        (#"lang="en" xml:lang="xx-bogus""#, .holds),
    ])
    func match(_ attributes: String, _ expected: Verdict) throws {
        let check = try makeCheck(LanguageAttributesMatchCheck.self)
        #expect(evaluate(check, "<html \(attributes)><head><title>x</title></head></html>", id: "html").verdict == expected)
    }
}
