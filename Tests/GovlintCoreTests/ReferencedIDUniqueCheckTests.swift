import Testing
@testable import GovlintCore

@Suite struct ReferencedIDUniqueCheckTests {
    @Test(arguments: [
        (#"<span id="t">a</span><input aria-labelledby="t">"#, Verdict.holds),
        (#"<span id="t">a</span><span id="t">b</span><input aria-labelledby="x t">"#, .doesNotHold),
        (#"<span id="t">a</span><span id="t">b</span>"#, .holds),
        (#"<label for="t">L</label><input id="t"><input id="t">"#, .doesNotHold),
        (#"<div id="t"></div><div id="t"></div><button aria-controls="t">x</button>"#, .doesNotHold),
        (#"<div id="t"></div><div id="t"></div><div title="t"></div>"#, .holds),
        (#"<span id="t">a</span><template><span id="t">b</span></template><input aria-labelledby="t">"#, .holds),
        (#"<span id="t">a</span><span id="t">b</span><template><input aria-labelledby="t"></template>"#, .holds),
    ])
    func unique(_ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(ReferencedIDUniqueCheck.self)
        #expect(evaluate(check, html).verdict == expected)
    }

    @Test func onlyTheFirstDuplicateFails() throws {
        let check = try makeCheck(ReferencedIDUniqueCheck.self)
        let html = #"<span id="d">a</span><span id="t">x</span><span id="d">b</span><input aria-describedby="d">"#
        // `t` itself is unique; the second `d` is not the first use.
        #expect(evaluate(check, html).verdict == .holds)
        let second = #"<span id="d">a</span><span id="d" class="t">b</span><input aria-describedby="d">"#
        #expect(evaluate(check, second, id: "d").verdict == .doesNotHold)
    }
}
