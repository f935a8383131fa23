import Foundation
import Testing
@testable import GovlintCore

@Suite struct AriaAttributesCheckTests {
    @Test(arguments: [
        ("names", #"<div id="t" aria-label="x" aria-describedby="t"></div>"#, Verdict.holds),
        ("names", #"<div id="t" aria-labeledby="x"></div>"#, .doesNotHold),
        ("names", #"<span id="t" aria-role="button"></span>"#, .doesNotHold),
        ("names", #"<span id="t">no aria</span>"#, .holds),
        ("names", #"<span id="t" aria-actions="x">no atom</span>"#, .holds),
        ("allowed", #"<span id="t" aria-actions="x" aria-label="y">no atom, global</span>"#, .holds),
        ("allowed", #"<svg id="t" aria-checked="true"></svg>"#, .doesNotHold),
        ("values", #"<span id="t" aria-actions="nothing">x</span>"#, .doesNotHold),
        ("values", #"<span id="t" aria-actions="nothing t">x</span>"#, .holds),
        ("values", #"<span id="t" aria-controls=" ">x</span>"#, .holds),
        ("values", #"<button id="t" aria-expanded="yes">x</button>"#, .doesNotHold),
        ("values", #"<button id="t" aria-expanded="TRUE" aria-controls="m">x</button><ul id="m"></ul>"#, .holds),
        ("values", #"<button id="t" aria-expanded="true" aria-controls="none">x</button>"#, .doesNotHold),
        ("values", #"<button id="t" aria-expanded="false" aria-controls="none">x</button>"#, .holds),
        ("values", #"<input id="t" aria-labelledby="none">"#, .cantTell),
        ("values", #"<a id="t" href="/" aria-current="yes">x</a>"#, .cantTell),
        ("values", #"<div id="t" role="heading" aria-level="0">x</div>"#, .doesNotHold),
        ("values", #"<div id="t" role="slider" aria-valuenow="-1.5e2"></div>"#, .holds),
        ("allowed", #"<button id="t" aria-pressed="true">x</button>"#, .holds),
        ("allowed", #"<button id="t" aria-checked="true">x</button>"#, .doesNotHold),
        ("allowed", #"<a id="t" href="/" aria-pressed="true">x</a>"#, .doesNotHold),
        ("allowed", #"<input id="t" type="date" aria-required="true">"#, .cantTell),
        ("allowed", #"<p id="t" aria-label="x" aria-hidden="true">x</p>"#, .holds),
        ("allowed", #"<input id="t" type="checkbox" aria-required="true">"#, .holds),
        ("required", #"<div id="t" role="checkbox">x</div>"#, .doesNotHold),
        ("required", #"<div id="t" role="checkbox" aria-checked="false">x</div>"#, .holds),
        ("required", #"<input id="t" type="checkbox" role="switch">"#, .holds),
        ("required", #"<div id="t" role="slider" aria-valuenow=" "></div>"#, .doesNotHold),
        ("required", #"<div id="t" role="combobox" aria-expanded="false"></div>"#, .holds),
        ("required", #"<div id="t" role="combobox" aria-expanded="true"></div>"#, .doesNotHold),
        ("required", #"<div id="t" role="heading">x</div>"#, .holds),
        ("required", #"<div id="t" role="combobox"></div>"#, .holds),
        ("values", #"<input id="t" aria-errormessage="none">"#, .holds),
        ("values", #"<div id="t" aria-hidden="">x</div>"#, .cantTell),
        ("values", #"<div id="t" aria-label="">x</div>"#, .holds),
        ("values", #"<button id="t" aria-haspopup="menu" aria-controls="later">x</button>"#, .cantTell),
        ("values", #"<button id="t" role="tab" aria-selected="false" aria-controls="later">x</button>"#, .holds),
        ("required", #"<div id="t" role="slider" aria-valuetext="0:35"></div>"#, .holds),
        ("required", #"<div id="t">x</div>"#, .holds),
        ("prohibited", #"<div id="t" aria-label="x"></div>"#, .doesNotHold),
        ("prohibited", #"<div id="t" aria-label="x">text</div>"#, .cantTell),
        ("prohibited", #"<div id="t" aria-label=" "></div>"#, .holds),
        ("prohibited", #"<nav id="t" aria-label="x"></nav>"#, .holds),
        ("prohibited", #"<span id="t" role="none" aria-labelledby="t"></span>"#, .doesNotHold),
        ("prohibited", #"<input id="t" type="date" aria-label="x">"#, .holds),
        ("conditional", #"<table><tr id="t" aria-level="1"><td>a</td></tr></table>"#, .doesNotHold),
        ("conditional", #"<table role="treegrid"><tr id="t" aria-level="1"><td>a</td></tr></table>"#, .holds),
        ("conditional", #"<div role="grid"><div role="row" id="t" aria-expanded="true"></div></div>"#, .doesNotHold),
        ("conditional", #"<table><tr id="t"><td>a</td></tr></table>"#, .holds),
        ("conditional", #"<input id="t" type="checkbox" aria-checked="true">"#, .doesNotHold),
        ("conditional", #"<input id="t" type="checkbox" checked aria-checked="TRUE">"#, .holds),
        ("conditional", #"<input id="t" type="checkbox" aria-checked="mixed">"#, .cantTell),
        ("conditional", #"<div id="t" role="checkbox" aria-checked="true"></div>"#, .holds),
    ])
    func aspect(_ aspect: String, _ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(AriaAttributesCheck.self, "aspect: \(aspect)")
        #expect(evaluate(check, html).verdict == expected)
    }

    @Test func unknownAspectIsRejected() {
        #expect(throws: LocatedError.self) { try makeCheck(AriaAttributesCheck.self, "aspect: spelling") }
    }

    @Test func reportsTheOffendingAttributes() throws {
        let check = try makeCheck(AriaAttributesCheck.self, "aspect: required")
        let r = evaluate(check, #"<div id="t" role="combobox" aria-expanded="true"></div>"#)
        #expect(r.data["attribute"] == "aria-controls")
        #expect(r.data["role"] == "combobox")
    }

    @Test func reportsEveryAttributeInOrder() throws {
        let allowed = try makeCheck(AriaAttributesCheck.self, "aspect: allowed")
        let a = evaluate(allowed, #"<a id="t" href="/" aria-pressed="true" aria-label="x" aria-expanded="true" aria-checked="false">x</a>"#)
        #expect(a.verdict == .doesNotHold)
        #expect(a.data["attribute"] == "aria-pressed, aria-checked")
        #expect(a.data["role"] == "link")
        let expandedOnly = evaluate(allowed, #"<h2 id="t" aria-expanded="true">x</h2>"#)
        #expect(expandedOnly.verdict == .cantTell)
        #expect(expandedOnly.data["role"] == "heading")
        let names = try makeCheck(AriaAttributesCheck.self, "aspect: names")
        #expect(evaluate(names, #"<p id="t" aria-foo="1" aria-label="x" aria-bar="2">x</p>"#).data["attribute"] == "aria-foo, aria-bar")
        let values = try makeCheck(AriaAttributesCheck.self, "aspect: values")
        let v = evaluate(values, #"<p id="t" aria-hidden="maybe" aria-label="" aria-level="x" aria-busy="">x</p>"#)
        #expect(v.data["attribute"] == #"aria-hidden="maybe", aria-level="x""#)
    }

    /// The ASCII fast path of `isTrue`/`isFalse` answers as Foundation's trimming and lower-casing.
    @Test(arguments: ["true", "TRUE", " true\t", "\ttrue ", "\ntrue", "true\n", "tr ue", "", " ", "false", " FaLsE ",
                      "\u{A0}true", "true\u{2003}", "\u{212A}", "truе", "falsé", "ＴＲＵＥ"])
    func trueFalseMatchFoundation(_ value: String) {
        for word in ["true", "false"] {
            #expect(AriaAttributesCheck.trimmedLowercaseEquals(value, word)
                    == (value.trimmingCharacters(in: .whitespaces).lowercased() == word))
        }
    }

    /// The byte path of allowed-children's text test answers as `allSatisfy(\.isWhitespace)`.
    @Test(arguments: ["", " ", "\t\n\u{B}\u{C}\r", "\r\n", " a ", "\u{A0}", " \u{85} ", "\u{2003}x", " \u{301}", "\u{600} ", "é", "\u{3000}"])
    func allWhitespaceMatchesCharacters(_ text: String) {
        #expect(AllowedChildrenCheck.isAllWhitespace(text) == text.allSatisfy(\.isWhitespace))
    }
}
