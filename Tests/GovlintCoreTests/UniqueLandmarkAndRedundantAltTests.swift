import Testing
@testable import GovlintCore

@Suite struct UniqueLandmarkCheckTests {
    @Test(arguments: [
        (#"<nav aria-label="Main">a</nav><nav id="t" aria-label="Footer">b</nav>"#, Verdict.holds),
        (#"<nav aria-label="Main">a</nav><nav id="t" aria-label="main">b</nav>"#, .doesNotHold),
        (#"<nav>a</nav><nav id="t">b</nav>"#, .doesNotHold),
        (#"<nav id="t">a</nav><nav>b</nav>"#, .holds),
        (#"<nav hidden>a</nav><nav id="t">b</nav>"#, .holds),
        (#"<form>a</form><form id="t">b</form>"#, .holds),
        (#"<nav>a</nav><aside id="t">b</aside>"#, .holds),
        (#"<div id="t">a</div>"#, .holds),
    ])
    func unique(_ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(UniqueLandmarkCheck.self)
        #expect(evaluate(check, html).verdict == expected)
    }
}

@Suite struct RedundantAltCheckTests {
    @Test(arguments: [
        (#"<a href="/"><img id="t" src="h.png" alt="Home"> Home</a>"#, Verdict.doesNotHold),
        (#"<a href="/"><img id="t" src="h.png" alt="Home icon"> Home</a>"#, .holds),
        (#"<button><img id="t" src="p.png" alt="PRINT">Print</button>"#, .doesNotHold),
        (#"<a href="/"><img id="t" src="h.png" alt="Home"></a>"#, .holds),
        (#"<a href="/"><img id="t" src="h.png" alt=""> Home</a>"#, .holds),
        (#"<p><img id="t" src="h.png" alt="Map"><span hidden>Map</span></p>"#, .holds),
        (#"<div><img id="t" src="h.png" alt="Map">Map</div>"#, .holds),
    ])
    func redundant(_ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(RedundantAltCheck.self)
        #expect(evaluate(check, html).verdict == expected)
    }
}
