import Testing
@testable import GovlintCore

@Suite struct FrameFocusableContentCheckTests {
    @Test(arguments: [
        (#"<iframe id="t" tabindex="-1" srcdoc="<p>Text</p>"></iframe>"#, Verdict.holds),
        (#"<iframe id="t" tabindex="-1" srcdoc="<a href='/'>x</a>"></iframe>"#, .doesNotHold),
        (#"<iframe id="t" tabindex="-1" srcdoc="<a href='/' tabindex='-1'>x</a><button disabled>b</button>"></iframe>"#, .holds),
        (#"<iframe id="t" srcdoc="<a href='/'>x</a>"></iframe>"#, .holds),
        (#"<iframe id="t" tabindex="-1" src="map.html"></iframe>"#, .cantTell),
        (#"<iframe id="t" tabindex="-1"></iframe>"#, .holds),
    ])
    func frame(_ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(FrameFocusableContentCheck.self)
        #expect(evaluate(check, html).verdict == expected)
    }
}
