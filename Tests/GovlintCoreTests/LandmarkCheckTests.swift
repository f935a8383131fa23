import Testing
@testable import GovlintCore

@Suite struct LandmarkCheckTests {
    @Test(arguments: [
        ("[banner]", #"<header id="t">x</header>"#, Verdict.holds),
        ("[banner]", #"<main><div role="banner" id="t">x</div></main>"#, .doesNotHold),
        ("[banner]", #"<article><header id="t">x</header></article>"#, .holds),
        ("[main]", #"<form><main id="t">x</main></form>"#, .holds),
        ("[main]", #"<form aria-label="Search"><main id="t">x</main></form>"#, .doesNotHold),
        ("[complementary]", #"<main><aside id="t" aria-label="x">x</aside></main>"#, .holds),
        ("[complementary]", #"<nav><aside id="t" aria-label="x">x</aside></nav>"#, .doesNotHold),
        ("[contentinfo]", #"<div role="region" aria-label="r"><div role="contentinfo" id="t">x</div></div>"#, .doesNotHold),
    ])
    func topLevel(_ roles: String, _ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(LandmarkTopLevelCheck.self, "roles: \(roles)")
        #expect(evaluate(check, html).verdict == expected)
    }

    @Test(arguments: [
        ("[main]", #"<main>a</main>"#, Verdict.holds),
        ("[main]", #"<main>a</main><div role="main">b</div>"#, .doesNotHold),
        ("[main]", #"<main>a</main><main hidden>b</main>"#, .holds),
        ("[banner]", #"<header>a</header><article><header>b</header></article>"#, .holds),
        ("[banner]", #"<header>a</header><header>b</header>"#, .doesNotHold),
    ])
    func count(_ roles: String, _ body: String, _ expected: Verdict) throws {
        let check = try makeCheck(RoleCountCheck.self, "roles: \(roles)")
        let html = "<html id=\"t\" lang=en><head><title>x</title></head><body>\(body)</body></html>"
        #expect(evaluate(check, html).verdict == expected)
    }
}
