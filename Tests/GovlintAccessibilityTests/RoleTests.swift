import Testing
import GovlintHTML
@testable import GovlintAccessibility

@Suite struct ImplicitRoleTests {
    static let cases: [(String, String?)] = [
        (#"<a id=t href=/x>x</a>"#, "link"), (#"<a id=t>x</a>"#, "generic"),
        (#"<img id=t src=x alt="">"#, "presentation"), (#"<img id=t src=x alt="A">"#, "img"),
        (#"<img id=t src=x alt="" aria-label="L">"#, "img"), (#"<img id=t src=x>"#, "img"),
        (#"<input id=t>"#, "textbox"), (#"<input id=t type=checkbox>"#, "checkbox"),
        (#"<input id=t type=radio>"#, "radio"), (#"<input id=t type=range>"#, "slider"),
        (#"<input id=t type=number>"#, "spinbutton"), (#"<input id=t type=search>"#, "searchbox"),
        (#"<input id=t type=submit>"#, "button"), (#"<input id=t type=image>"#, "button"),
        (#"<input id=t type=email list=dl><datalist id=dl></datalist>"#, "combobox"),
        (#"<input id=t type=hidden>"#, nil), (#"<input id=t type=password>"#, nil), (#"<input id=t type=bogus>"#, "textbox"),
        (#"<section id=t>x</section>"#, "generic"), (#"<section id=t aria-label="News">x</section>"#, "region"),
        (#"<section id=t aria-labelledby=h><h2 id=h>News</h2></section>"#, "region"),
        (#"<header id=t>x</header>"#, "banner"), (#"<article><header id=t>x</header></article>"#, "generic"),
        (#"<footer id=t>x</footer>"#, "contentinfo"), (#"<main><footer id=t>x</footer></main>"#, "generic"),
        (#"<aside id=t>x</aside>"#, "complementary"), (#"<section><aside id=t>x</aside></section>"#, "generic"),
        (#"<select id=t><option>a</select>"#, "combobox"), (#"<select id=t multiple><option>a</select>"#, "listbox"),
        (#"<select id=t size=4><option>a</select>"#, "listbox"), (#"<select id=t size=1><option>a</select>"#, "combobox"),
        (#"<table><tr><td id=t>1</td></tr></table>"#, "cell"), (#"<table role=grid><tr><td id=t>1</td></tr></table>"#, "gridcell"),
        (#"<table role=presentation><tr><td id=t>1</td></tr></table>"#, "none"),
        (#"<table><thead><tr><th id=t>H</th></tr></thead></table>"#, "columnheader"),
        (#"<table><tr><th id=t>R</th><td>1</td></tr></table>"#, "rowheader"),
        (#"<table><tr><th id=t scope=col>C</th><td>1</td></tr></table>"#, "columnheader"),
        (#"<table><tr id=t><td>1</td></tr></table>"#, "row"), (#"<table><tbody id=t><tr><td>1</td></tr></tbody></table>"#, "rowgroup"),
        (#"<ul><li id=t>x</li></ul>"#, "listitem"), (#"<ul role=none><li id=t>x</li></ul>"#, "none"),
        (#"<h3 id=t>x</h3>"#, "heading"), (#"<nav id=t></nav>"#, "navigation"), (#"<button id=t>x</button>"#, "button"),
        (#"<textarea id=t></textarea>"#, "textbox"), (#"<hr id=t>"#, "separator"), (#"<dialog id=t open></dialog>"#, "dialog"),
        (#"<div id=t></div>"#, "generic"), (#"<p id=t>x</p>"#, "paragraph"), (#"<svg id=t></svg>"#, "graphics-document"),
        (#"<progress id=t></progress>"#, "progressbar"), (#"<output id=t></output>"#, "status"), (#"<label id=t>x</label>"#, nil),
        (#"<menu id=t></menu>"#, "list"), (#"<search id=t></search>"#, "search"), (#"<form id=t></form>"#, "form"),
    ]

    @Test(arguments: cases)
    func implicitRole(_ html: String, _ role: String?) {
        let (ctx, e) = fixture(html)
        #expect(ctx.implicitRole(of: e) == role)
    }

    @Test(arguments: [
        (#"<div id=t role="foo button link">x</div>"#, "button"),
        (#"<div id=t role="ROW">x</div>"#, "row"),
        (#"<div id=t role="widget">x</div>"#, "generic"),           // abstract roles are ignored
        (#"<div id=t role="none">x</div>"#, "none"),
        (#"<button id=t role="none">x</button>"#, "button"),        // focusable: conflict resolution
        (#"<span id=t role="presentation" tabindex=0>x</span>"#, "generic"),
        (#"<h1 id=t role="presentation" aria-label="x">x</h1>"#, "heading"),
        (#"<h1 id=t role="presentation">x</h1>"#, "presentation"),
        (#"<button id=t role=none disabled>x</button>"#, "none"),
        (#"<a id=t role="doc-noteref" href=#n>1</a>"#, "doc-noteref"),
    ])
    func effectiveRole(_ html: String, _ role: String) {
        let (ctx, e) = fixture(html)
        #expect(ctx.effectiveRole(of: e) == role)
    }

    @Test(arguments: [
        ("a", "", "button", true), ("a", "href=#", "button", true), ("a", "href=#", "heading", false),
        ("div", "", "anything-goes", true), ("button", "", "link", true), ("button", "", "heading", false),
        ("img", "alt=\"\"", "none", true), ("img", "alt=\"\"", "button", false), ("img", "alt=x", "link", true),
        ("ul", "", "tablist", true), ("ul", "", "button", false), ("input", "type=checkbox", "switch", true),
        ("input", "type=checkbox", "link", false), ("input", "type=text", "combobox", true), ("li", "", "tab", true),
        ("h2", "", "tab", true), ("h2", "", "button", false), ("nav", "", "menubar", true), ("meta", "", "none", false),
        ("header", "", "group", true), ("section", "", "tabpanel", true), ("textarea", "", "textbox", true),
        ("select", "", "menu", true), ("select", "multiple", "menu", false), ("input", "type=radio", "menuitemradio", true),
    ])
    func allowedRole(_ tag: String, _ attrs: String, _ role: String, _ allowed: Bool) {
        let (ctx, e) = fixture("<\(tag) id=t \(attrs)></\(tag)>")
        let r = role == "anything-goes" ? "tablist" : role
        #expect(ctx.isRoleAllowed(r, on: e) == allowed)
    }
}

@Suite struct AriaDataTests {
    @Test func roleTable() throws {
        let button = try #require(AriaRole.named("button"))
        #expect(!button.isAbstract && button.supportsNameFromContent && button.accessibleNameRequired)
        #expect(button.allows(attribute: "aria-pressed") && button.allows(attribute: "aria-label"))
        #expect(!button.allows(attribute: "aria-checked"))
        #expect(AriaRole.named("widget")?.isAbstract == true)
        #expect(!AriaData.isValidRole("widget") && AriaData.isValidRole("doc-toc") && AriaData.isValidRole("graphics-symbol"))
        #expect(AriaRole.named("directory")?.isDeprecated == true)
        #expect(AriaRole.named("checkbox")?.requiredAttributes == ["aria-checked"])
        #expect(AriaRole.named("generic")?.allows(attribute: "aria-label") == false)
        #expect(AriaRole.named("paragraph")?.prohibitedAttributes.contains("aria-labelledby") == true)
        #expect(AriaRole.named("listitem")?.requiredContext.contains("list") == true)
        #expect(AriaRole.named("list")?.requiredOwned == ["listitem"])
        #expect(AriaRole.named("menuitemradio")?.isSubclass(of: "checkbox") == false)
        #expect(AriaRole.named("menuitemradio")?.isSubclass(of: "menuitem") == true)
        #expect(AriaRole.named("slider")?.allows(attribute: "aria-valuemin") == true) // inherited from range
        #expect(AriaRole.named("row")?.allows(attribute: "aria-activedescendant") == true) // from group
        #expect(AriaRole.named("heading")?.supportsNameFromContent == true)
        #expect(AriaRole.named("none")?.isNamingProhibited == true)
        #expect(AriaData.landmarkRoleNames.isSuperset(of: ["banner", "main", "region", "doc-toc"]))
        // Every superclass and context role named in the tables exists.
        for role in AriaData.roles.values {
            for s in role.superclasses { #expect(AriaData.roles[s] != nil, "\(role.name) → \(s)") }
            for c in role.requiredContext { #expect(AriaData.roles[c] != nil, "\(role.name) context \(c)") }
            for o in role.requiredOwned {
                for part in o.split(separator: " ") where part != ">" { #expect(AriaData.roles[String(part)] != nil) }
            }
            for a in role.supportedAttributes.union(role.requiredAttributes) { #expect(AriaAttribute.named(a) != nil, "\(a)") }
        }
    }

    @Test(arguments: [
        ("aria-checked", "true", true), ("aria-checked", "MIXED", true), ("aria-checked", "yes", false),
        ("aria-pressed", " false ", true), ("aria-expanded", "undefined", true), ("aria-expanded", "mixed", false),
        ("aria-hidden", "true", true), ("aria-busy", "", false), ("aria-busy", "1", false),
        ("aria-level", "2", true), ("aria-level", "0", false), ("aria-level", "1.5", false), ("aria-level", "x", false),
        ("aria-rowspan", "0", true), ("aria-setsize", "-1", true), ("aria-colcount", "-2", false),
        ("aria-valuenow", "3.5", true), ("aria-valuenow", "-1e3", true), ("aria-valuenow", ".5", true),
        ("aria-valuenow", "1.", false), ("aria-valuenow", "abc", false), ("aria-valuenow", "", false),
        ("aria-live", "polite", true), ("aria-live", "rude", false), ("aria-relevant", "additions text", true),
        ("aria-relevant", "additions bogus", false), ("aria-current", "", true), ("aria-current", "page", true),
        ("aria-haspopup", "dialog", true), ("aria-haspopup", "popup", false), ("aria-invalid", "spelling", true),
        ("aria-label", "", true), ("aria-labelledby", "a b", true), ("aria-activedescendant", "a b", false),
        ("aria-sort", "ascending", true), ("aria-autocomplete", "list", true), ("aria-orientation", "diagonal", false),
        ("aria-bogus", "true", false), ("aria-dropeffect", "copy move", true),
    ])
    func valueValidation(_ attr: String, _ value: String, _ valid: Bool) {
        #expect(AriaData.isValidValue(value, for: attr) == valid)
    }

    @Test func idrefResolution() {
        let (ctx, _) = fixture(#"<div id=t></div><span id=a></span>"#)
        #expect(AriaData.isValidValue("a", for: "aria-activedescendant", in: ctx.document))
        #expect(!AriaData.isValidValue("zz", for: "aria-activedescendant", in: ctx.document))
        #expect(AriaData.isValidValue("zz a", for: "aria-describedby", in: ctx.document))
        #expect(!AriaData.isValidValue("zz yy", for: "aria-describedby", in: ctx.document))
    }

    @Test func attributeTable() {
        #expect(AriaAttribute.named("aria-checked")?.type == .tristate)
        #expect(AriaAttribute.named("ARIA-LABEL")?.isGlobal == true)
        #expect(AriaAttribute.named("aria-level")?.isGlobal == false)
        #expect(AriaAttribute.named("aria-grabbed")?.isDeprecated == true)
        #expect(AriaAttribute.named("role") == nil)
    }
}
