import Testing
@testable import GovlintCore

@Suite struct HeadersAttributeCheckTests {
    @Test(arguments: [
        (#"<table id="t"><tr><th id="a">A</th><td headers="a">1</td></tr></table>"#, Verdict.holds),
        (#"<table id="t"><tr><th id="a">A</th><th id="b">B</th><td headers=" a  b ">1</td></tr></table>"#, .holds),
        (#"<table id="t"><tr><td headers="zz">1</td></tr></table>"#, .doesNotHold),
        (#"<table id="t"><tr><td id="c" headers="c">1</td></tr></table>"#, .doesNotHold),
        (#"<p id="x">X</p><table id="t"><tr><td headers="x">1</td></tr></table>"#, .doesNotHold),
        (#"<table id="t"><tr><td><table><tr><th id="in">I</th></tr></table></td><td headers="in">1</td></tr></table>"#, .doesNotHold),
        (#"<table id="t"><tr><td headers=" ">1</td></tr></table>"#, .cantTell),
        (#"<table id="t"><tr><td headers="zz" hidden>1</td></tr></table>"#, .holds),
        (#"<table id="t"><tr><td>1</td></tr></table>"#, .holds),
    ])
    func headers(_ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(HeadersAttributeCheck.self)
        #expect(evaluate(check, html).verdict == expected)
    }
}
