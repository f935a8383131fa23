import Testing
@testable import GovlintCore

@Suite struct RoleInSetCheckTests {
    static let options = """
        roles: [button, img, checkbox]
        implicitNone: [generic, paragraph]
        otherRoles: review
        """

    @Test(arguments: [
        (#"<button id="t" aria-roledescription="x">Go</button>"#, Verdict.holds),
        (#"<img id="t" src="a.png" alt="A" aria-roledescription="x">"#, .holds),
        (#"<div id="t" role="checkbox" aria-checked="false" aria-roledescription="x"></div>"#, .holds),
        (#"<h1 id="t" aria-roledescription="x">T</h1>"#, .cantTell),
        (#"<div id="t" role="paragraph" aria-roledescription="x">T</div>"#, .cantTell),
        (#"<p id="t" aria-roledescription="x">T</p>"#, .doesNotHold),
        (#"<div id="t" aria-roledescription="x">T</div>"#, .doesNotHold),
        (#"<div id="t" role="presentation" aria-roledescription="x"></div>"#, .doesNotHold),
        (#"<span id="t" role="none">x</span>"#, .doesNotHold),
        (#"<button id="t" role="none">Go</button>"#, .holds),
    ])
    func roleInEffect(_ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(RoleInSetCheck.self, Self.options)
        #expect(evaluate(check, html).verdict == expected, "\(html)")
    }

    @Test func otherRolesFailByDefaultAndOptionsAreValidated() throws {
        let strict = try makeCheck(RoleInSetCheck.self, "roles: [button]")
        #expect(evaluate(strict, #"<h1 id="t">T</h1>"#).verdict == .doesNotHold)
        #expect(throws: LocatedError.self) { try makeCheck(RoleInSetCheck.self, "roles: [button]\notherRoles: maybe") }
        #expect(throws: LocatedError.self) { try makeCheck(RoleInSetCheck.self, "implicitNone: [generic]") }
    }
}

@Suite struct SingleLabelCheckTests {
    @Test(arguments: [
        (#"<label for="t">A</label><input id="t">"#, Verdict.holds),
        (#"<label>A <input id="t"></label>"#, .holds),
        (#"<input id="t">"#, .holds),
        (#"<label for="t">A</label><label for="t">B</label><input id="t">"#, .doesNotHold),
        (#"<label for="t">A</label><label>B <input id="t"></label>"#, .doesNotHold),
        (#"<label for="other">A <input id="t"></label><label for="t">B</label>"#, .doesNotHold),
        (#"<label>A <label>B <input id="t"></label></label>"#, .doesNotHold),
        (#"<label for="t">A</label><label for="t" hidden>B</label><input id="t">"#, .holds),
        (#"<label for="t" id="a">A</label><label for="t" aria-hidden="true">B</label><input id="t" aria-labelledby="a">"#, .holds),
        (#"<label for="t" id="a">A</label><label for="t" aria-hidden="true">B</label><input id="t">"#, .doesNotHold),
        (#"<label for="t" id="a">A</label><label for="t" id="b">B</label><input id="t" aria-labelledby="a b">"#, .doesNotHold),
    ])
    func labels(_ html: String, _ expected: Verdict) throws {
        let check = try makeCheck(SingleLabelCheck.self)
        #expect(evaluate(check, html).verdict == expected, "\(html)")
    }
}

@Suite struct ElementExistsAndUniqueOptionTests {
    @Test(arguments: [
        ("<h1>T</h1>", "include", true), ("<h1>T</h1>", "exclude", true),
        ("<h1 hidden>T</h1>", "include", true), ("<h1 hidden>T</h1>", "exclude", false),
        (#"<div aria-hidden="true"><h1>T</h1></div>"#, "exclude", false),
    ])
    func elementExistsHidden(_ body: String, _ hidden: String, _ found: Bool) throws {
        let check = try makeCheck(ElementExistsCheck.self, "selector: h1\nhidden: \(hidden)")
        let html = "<html id=\"t\"><head><title>x</title></head><body>\(body)</body></html>"
        #expect(evaluate(check, html).verdict == (found ? .holds : .doesNotHold))
    }

    static let frames = #"<iframe id="a" title="Video"></iframe><iframe id="b" title=" video "></iframe><iframe id="c" title="Map"></iframe><iframe id="d" title="Map" hidden></iframe>"#

    @Test(arguments: [
        ("a", "", Verdict.holds), ("b", "", .holds),
        ("a", "normalize: true", .holds), ("b", "normalize: true", .doesNotHold),
        ("a", "normalize: true\nevery: true", .doesNotHold), ("b", "normalize: true\nevery: true", .doesNotHold),
        ("c", "every: true", .doesNotHold), ("c", "every: true\nhidden: exclude", .holds),
    ])
    func uniqueInPageOptions(_ id: String, _ options: String, _ expected: Verdict) throws {
        let check = try makeCheck(UniqueInPageCheck.self, "attribute: title\namong: iframe\n" + options)
        #expect(evaluate(check, Self.frames, id: id).verdict == expected, "#\(id) with \(options)")
    }
}
