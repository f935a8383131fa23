import Testing
@testable import GovlintCore

@Suite struct ViewportZoomCheckTests {
    @Test(arguments: [
        ("width=device-width, initial-scale=1", Verdict.holds),
        ("width=device-width, user-scalable=no", .doesNotHold),
        ("user-scalable=NO", .doesNotHold),
        ("user-scalable = 0", .doesNotHold),
        ("user-scalable=0.5", .doesNotHold),
        ("user-scalable=1", .holds),
        ("user-scalable=yes", .holds),
        ("maximum-scale=1.0", .doesNotHold),
        ("maximum-scale=yes", .doesNotHold),
        ("maximum-scale=2", .holds),
        ("maximum-scale=-1", .holds),
        ("width=device-width; maximum-scale=1.5", .doesNotHold),
        ("maximum-scale=device-width", .holds),
    ])
    func viewport(_ content: String, _ expected: Verdict) throws {
        let check = try makeCheck(ViewportZoomCheck.self)
        let html = #"<html><head><meta id="t" name="viewport" content="\#(content)"></head></html>"#
        #expect(evaluate(check, html).verdict == expected)
    }

    @Test func minimumScaleIsConfigurable() throws {
        let check = try makeCheck(ViewportZoomCheck.self, "minimumScale: 5")
        let html = #"<html><head><meta id="t" name="viewport" content="maximum-scale=3"></head></html>"#
        #expect(evaluate(check, html).verdict == .doesNotHold)
    }
}
