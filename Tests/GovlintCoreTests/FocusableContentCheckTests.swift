import Testing
@testable import GovlintCore

@Suite struct FocusableContentCheckTests {
    @Test(arguments: [
        ("", #"<div id="t"><p>text</p></div>"#, Verdict.holds),
        ("", #"<div id="t"><a href="/">x</a></div>"#, .doesNotHold),
        ("", #"<div id="t"><a href="/" tabindex="-1">x</a></div>"#, .doesNotHold),
        ("tabbable: true", #"<div id="t"><a href="/" tabindex="-1">x</a></div>"#, .holds),
        ("", #"<div id="t"><button disabled>x</button><a>no href</a></div>"#, .holds),
        ("", #"<div id="t"><input hidden><span style="display:none"><a href="/">x</a></span></div>"#, .holds),
        ("", #"<div id="t" inert><a href="/">x</a></div>"#, .holds),
        ("", #"<span id="t" tabindex="0">x</span>"#, .holds),
        ("self: true", #"<span id="t" tabindex="0">x</span>"#, .doesNotHold),
        ("widgets: true", #"<button id="t"><span tabindex="0">x</span></button>"#, .holds),
        ("widgets: true", #"<button id="t"><span role="link" tabindex="0">x</span></button>"#, .doesNotHold),
        ("presentationalChildren: true", #"<div id="t" role="link" tabindex="0"><a href="/">x</a></div>"#, .holds),
        ("presentationalChildren: true", #"<div id="t" role="tab" tabindex="0"><a href="/">x</a></div>"#, .doesNotHold),
        ("modal: cantTell", #"<div id="t"><a href="/">x</a></div><div role="dialog" aria-modal="true">d</div>"#, .cantTell),
        ("modal: cantTell", #"<div id="t"><a href="/">x</a></div><div role="dialog" aria-modal="true" hidden>d</div>"#, .doesNotHold),
        ("", #"<div id="t"><a href="/">x</a></div><dialog open>d</dialog>"#, .doesNotHold),
    ])
    func focusable(_ options: String, _ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(FocusableContentCheck.self, options)
        #expect(evaluate(check, html).verdict == expected)
    }

    @Test func unknownOptionIsRejected() {
        #expect(throws: LocatedError.self) { try makeCheck(FocusableContentCheck.self, "tabable: true") }
    }
}
