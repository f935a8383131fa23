import Testing
@testable import GovlintCore

@Suite struct RefreshDelayCheckTests {
    @Test(arguments: [
        ("0", Verdict.holds),
        ("0; url=/x", .holds),
        ("30", .doesNotHold),
        ("5;URL='/x'", .doesNotHold),
        (" 1.5 , url=/x", .doesNotHold),
        ("72000", .doesNotHold),
        ("72001", .holds),
        ("url=/x", .holds),
        ("", .holds),
        ("-5", .holds),
    ])
    func delay(_ content: String, _ expected: Verdict) throws {
        let check = try makeCheck(RefreshDelayCheck.self)
        let html = #"<html><head><meta id="t" http-equiv="refresh" content="\#(content)"></head></html>"#
        #expect(evaluate(check, html).verdict == expected)
    }

    @Test func exceptAboveIsConfigurable() throws {
        let check = try makeCheck(RefreshDelayCheck.self, "exceptAbove: 10")
        let html = #"<html><head><meta id="t" http-equiv="refresh" content="11"></head></html>"#
        #expect(evaluate(check, html).verdict == .holds)
        #expect(RefreshDelayCheck.delay("7.5.1") == 7.5)
    }
}
